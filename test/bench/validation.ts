/**
 * Validation of the worst documents the limits allow (test/security/worst-documents.ts): how long
 * one editor request can hold the event loop. checkLimits + validateRubric, as the server runs them.
 */
import { performance } from 'node:perf_hooks';
import { checkLimits, validateRubric } from '../../engine/index.ts';
import { worstAllowedDocuments } from '../security/worst-documents.ts';
import { median, timeRuns } from './measure.ts';

export async function runValidationBench(): Promise<void> {
  const documents = worstAllowedDocuments();
  const width = Math.max(...documents.map((d) => d.name.length));
  const validate = (doc: unknown) => {
    checkLimits(doc);
    return validateRubric(doc);
  };
  console.log('Validation — worst documents the limits allow (checkLimits + validateRubric; first run, then median of 5)');
  let worst = { name: '', ms: 0 };
  for (const { name, doc } of documents) {
    const start = performance.now();
    const report = validate(doc);
    const first = performance.now() - start;
    const ms = median(await timeRuns(5, () => void validate(doc)));
    if (ms > worst.ms) worst = { name, ms };
    const outcome = report.valid ? 'valid' : `${report.errors.length} issues reported`;
    console.log(`  ${name.padEnd(width)}  ${ms.toFixed(0).padStart(5)} ms  (first ${first.toFixed(0)} ms; ${outcome})`);
  }
  console.log(`  worst allowed document: ${worst.ms.toFixed(0)} ms median (${worst.name})`);
}
