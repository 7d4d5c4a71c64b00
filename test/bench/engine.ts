/** Engine throughput: Appendix C assessments scored per second with explanations, beside a plain scorer. */
import { readFileSync } from 'node:fs';
import { evaluate, loadRubric } from '../../engine/index.ts';
import { scoreAppendixC } from './appendix-c-plain-scorer.ts';
import { seededRandom, syntheticAssessment } from './appendix-c-inputs.ts';
import { median, timeRuns } from './measure.ts';

export async function runEngineBench(): Promise<void> {
  const rubric = loadRubric(readFileSync(new URL('../../examples/appendix-c/rubric.json', import.meta.url), 'utf8'));
  const random = seededRandom(2023);
  const assessments = Array.from({ length: 2000 }, () => syntheticAssessment(random));

  // Both scorers must agree on every total and tier before their speeds mean anything.
  let mismatches = 0;
  for (const inputs of assessments) {
    const engine = await evaluate(rubric, { inputs }, { requireComplete: true });
    const plain = scoreAppendixC(inputs);
    if (engine.total !== plain.total || engine.tier !== plain.tier) mismatches += 1;
  }

  const engineRuns = await timeRuns(5, async () => {
    for (const inputs of assessments) await evaluate(rubric, { inputs }, { requireComplete: true });
  });
  const plainRuns = await timeRuns(5, async () => {
    for (let repeat = 0; repeat < 50; repeat++) for (const inputs of assessments) scoreAppendixC(inputs);
  });
  const enginePerSecond = assessments.length / (median(engineRuns) / 1000);
  const plainPerSecond = (assessments.length * 50) / (median(plainRuns) / 1000);
  console.log('Engine — Appendix C, json-rules-engine with explanations (median of 5 runs of 2,000 assessments)');
  console.log(`  engine:        ${Math.round(enginePerSecond).toLocaleString('en')} assessments/s (${(1000 / enginePerSecond).toFixed(3)} ms each)`);
  console.log(`  plain scorer:  ${Math.round(plainPerSecond).toLocaleString('en')} assessments/s`);
  console.log(`  ratio:         plain is ${(plainPerSecond / enginePerSecond).toFixed(0)}× faster; totals and tiers identical on ${assessments.length - mismatches} of ${assessments.length}`);
  if (mismatches > 0) process.exitCode = 1;
}
