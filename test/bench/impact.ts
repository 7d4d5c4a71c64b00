/**
 * Impact analysis throughput: 100,000 synthetic Appendix C assessments under 1.0.0 and a revision
 * (demonstration from 0.92, a cap lowered, a gate added), wall time as the median of 3 runs, with
 * memory. Impact scores with the compiled conditions; 300 assessments are checked against
 * json-rules-engine first.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { analyzeImpact, analyzeImpactInThreads, evaluate, loadRubric, scoreFigures, type ImpactAssessment, type RubricDocument } from '../../engine/index.ts';
import { appendixCRevision } from '../impact/revision.ts';
import { seededRandom, syntheticAssessment } from './appendix-c-inputs.ts';
import { median, timeRuns } from './measure.ts';

const ASSESSMENTS = 100_000;
const STREETS = ['长河街道', '西兴街道', '浦沿街道'];

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export async function runImpactBench(): Promise<void> {
  const doc = JSON.parse(readFileSync(new URL('../../examples/appendix-c/rubric.json', import.meta.url), 'utf8')) as RubricDocument;
  const base = loadRubric(doc);
  const candidate = loadRubric(appendixCRevision(doc));
  const random = seededRandom(5);
  const assessments: ImpactAssessment[] = Array.from({ length: ASSESSMENTS }, (_, i) => ({
    id: `a${i}`,
    communityId: `c${i % 20_000}`,
    attributes: { street: STREETS[i % STREETS.length] },
    period: `${2021 + (i % 3)} final`,
    inputs: syntheticAssessment(random),
  }));

  // The figures must agree with json-rules-engine before their speed means anything.
  let mismatches = 0;
  for (const a of assessments.slice(0, 300)) {
    for (const rubric of [base, candidate]) {
      const reference = await evaluate(rubric, { inputs: a.inputs });
      const fast = scoreFigures(rubric, { inputs: a.inputs });
      if (reference.total !== fast.total || reference.tier !== fast.tier) mismatches += 1;
    }
  }

  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = 0;
  let report: ReturnType<typeof analyzeImpact> | null = null;
  const worker = new URL('../../engine/compare/impact-worker.ts', import.meta.url);
  const runs = await timeRuns(3, async () => {
    report = await analyzeImpactInThreads(base, candidate, assessments, undefined, { worker });
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  });
  const oneThreadRuns = await timeRuns(3, () => {
    analyzeImpact(base, candidate, assessments);
  });
  const seconds = median(runs) / 1000;
  // Peak resident memory so far: data, plans and three reports (json-rules-engine not yet timed).
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const summary = (report as unknown as ReturnType<typeof analyzeImpact>).summary;

  console.log(`Impact — ${ASSESSMENTS.toLocaleString('en')} synthetic Appendix C assessments, ${base.doc.version} → ${candidate.doc.version} (median of 3 runs)`);
  console.log(`  wall time:     ${seconds.toFixed(2)} s over ${availableParallelism()} threads (runs: ${runs.map((r) => (r / 1000).toFixed(2)).join(', ')} s); target ≤ 3 s`);
  console.log(`  one thread:    ${(median(oneThreadRuns) / 1000).toFixed(2)} s`);
  console.log(`  throughput:    ${Math.round(ASSESSMENTS / seconds).toLocaleString('en')} assessments/s, each scored under both versions`);
  console.log(`  memory:        peak rss ${mb(peakRss)}, peak heapUsed ${mb(heapPeak)} (${mb(heapBefore)} before, assessments included)`);
  console.log(`  result:        ${summary.tierChanged.toLocaleString('en')} change tier (${summary.up} up, ${summary.down} down); mean change ${summary.meanDelta}`);
  console.log(`  agreement:     totals and tiers identical on ${600 - mismatches} of 600 (300 assessments × 2 versions)`);
  if (mismatches > 0) process.exitCode = 1;
}
