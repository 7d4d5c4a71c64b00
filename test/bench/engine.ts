/**
 * Scoring one Appendix C assessment, every path side by side (medians of 5 runs of 2,000
 * assessments): json-rules-engine deciding (the stored result), the compiled conditions deciding
 * (live preview), the figures only (batch analyses), and a plain hand-written scorer as the floor.
 */
import { readFileSync } from 'node:fs';
import { evaluate, evaluateLive, loadRubric, scoreFigures } from '../../engine/index.ts';
import { scoreAppendixC } from './appendix-c-plain-scorer.ts';
import { seededRandom, syntheticAssessment } from './appendix-c-inputs.ts';
import { median, timeRuns } from './measure.ts';

const LIVE_TARGET_MS = 0.25;
const BATCH_TARGET_RATIO = 20;

export async function runEngineBench(): Promise<void> {
  const rubric = loadRubric(readFileSync(new URL('../../examples/appendix-c/rubric.json', import.meta.url), 'utf8'));
  const random = seededRandom(2023);
  const assessments = Array.from({ length: 2000 }, () => syntheticAssessment(random));

  // Every path must agree with the plain scorer before its speed means anything.
  let mismatches = 0;
  for (const inputs of assessments) {
    const plain = scoreAppendixC(inputs);
    const results = [await evaluate(rubric, { inputs }, { requireComplete: true }), evaluateLive(rubric, { inputs }, { requireComplete: true }), scoreFigures(rubric, { inputs }, { requireComplete: true })];
    if (results.some((r) => r.total !== plain.total || r.tier !== plain.tier)) mismatches += 1;
  }

  const perAssessmentMs = (runs: number[], repeats: number): number => median(runs) / (assessments.length * repeats);
  const engineMs = perAssessmentMs(
    await timeRuns(5, async () => {
      for (const inputs of assessments) await evaluate(rubric, { inputs }, { requireComplete: true });
    }),
    1,
  );
  // Fresh assessments for every run: a criterion's result is shared between assessments with the
  // same answers, and repeating the same 2,000 would measure little else.
  const liveSets = Array.from({ length: 5 }, () => Array.from({ length: assessments.length }, () => syntheticAssessment(random)));
  let liveRun = 0;
  const liveMs = perAssessmentMs(
    await timeRuns(5, () => {
      for (const inputs of liveSets[liveRun++ % liveSets.length]) evaluateLive(rubric, { inputs }, { requireComplete: true });
    }),
    1,
  );
  const figuresMs = perAssessmentMs(
    await timeRuns(5, () => {
      for (let repeat = 0; repeat < 20; repeat++) for (const inputs of assessments) scoreFigures(rubric, { inputs }, { requireComplete: true });
    }),
    20,
  );
  const plainMs = perAssessmentMs(
    await timeRuns(5, () => {
      for (let repeat = 0; repeat < 50; repeat++) for (const inputs of assessments) scoreAppendixC(inputs);
    }),
    50,
  );
  const us = (ms: number): string => `${(ms * 1000).toFixed(1).padStart(7)} µs`;
  console.log('Engine — scoring one Appendix C assessment (median of 5 runs of 2,000 assessments)');
  console.log(`  json-rules-engine decides, with explanations (evaluate, stored):  ${us(engineMs)}`);
  console.log(`  compiled conditions, with explanations (evaluateLive, preview):  ${us(liveMs)}  target ≤ ${LIVE_TARGET_MS * 1000} µs`);
  console.log(`  figures only (scoreFigures, impact and batches):                 ${us(figuresMs)}  ${(figuresMs / plainMs).toFixed(1)}× the plain scorer, target ≤ ${BATCH_TARGET_RATIO}×`);
  console.log(`  plain hand-written scorer:                                        ${us(plainMs)}`);
  console.log(`  agreement: totals and tiers identical on ${assessments.length - mismatches} of ${assessments.length} on every path`);
  if (mismatches > 0) process.exitCode = 1;
}
