/**
 * An impact analysis spread over worker threads gives the report one thread gives: the same rows
 * in the same order, statistics, transitions, tier changes and input mapping, with and without
 * filters, and with a candidate that drops inputs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeImpact, analyzeImpactInThreads, type ImpactAssessment, loadRubric, type RubricDocument } from '../../engine/index.ts';
import { seededRandom, syntheticAssessment } from '../bench/appendix-c-inputs.ts';
import { appendixCRevision } from './revision.ts';

const doc = JSON.parse(readFileSync(new URL('../../examples/appendix-c/rubric.json', import.meta.url), 'utf8')) as RubricDocument;
const base = loadRubric(doc);
const revision = appendixCRevision(doc);
// A candidate without one input: every assessment's value for it is dropped and reported.
const dropped = structuredClone(revision);
dropped.inputs = dropped.inputs.filter((input) => input.id !== 'hygieneProblems');
for (const group of dropped.groups) {
  for (const sub of group.groups ?? []) {
    for (const indicator of sub.indicators ?? []) {
      for (const criterion of indicator.criteria) {
        if (criterion.rules.some((r) => JSON.stringify(r).includes('hygieneProblems'))) criterion.rules = [{ conditions: { all: [] }, event: { type: 'award', params: { kind: 'fixed', points: criterion.points } } }];
      }
    }
  }
}
const worker = new URL('../../engine/compare/impact-worker.ts', import.meta.url);
const random = seededRandom(11);
const STREETS = ['长河街道', '西兴街道'];
const assessments: ImpactAssessment[] = Array.from({ length: 3_000 }, (_, i) => ({
  id: `a${i}`,
  communityId: `c${i % 700}`,
  attributes: { street: STREETS[i % 2] },
  period: `${2021 + (i % 3)} final`,
  // Every 50th with an input no version has: invalid under both, reported as such.
  inputs: i % 50 === 7 ? { ...syntheticAssessment(random), unknownInput: 1 } : syntheticAssessment(random),
}));

describe('impact over threads', () => {
  test.each([
    ['the revision, no filter', revision, undefined],
    ['the revision, one street and the standard tier', revision, { attributes: { street: '西兴街道' }, tier: 'standard' }],
    ['a candidate that drops an input, one period', dropped, { period: '2022 final' }],
  ] as const)('%s: the same report as one thread', async (_name, candidateDoc, filter) => {
    const candidate = loadRubric(candidateDoc);
    const single = analyzeImpact(base, candidate, assessments, filter);
    const threaded = await analyzeImpactInThreads(base, candidate, assessments, filter, { worker, threads: 3, minimumPerThread: 500 });
    expect(threaded).toEqual(single);
    expect(single.summary.assessments).toBeGreaterThan(0);
  }, 60_000);

  test('the dropped input is reported once, whichever thread met it', async () => {
    const report = await analyzeImpactInThreads(base, loadRubric(dropped), assessments, undefined, { worker, threads: 3, minimumPerThread: 500 });
    expect(report.inputMapping.dropped).toEqual(['hygieneProblems', 'unknownInput']);
    expect(report.summary.invalid).toEqual({ base: 60, candidate: 0 });
  }, 60_000);

  test('a small analysis stays on this thread', async () => {
    const few = assessments.slice(0, 100);
    const report = await analyzeImpactInThreads(base, loadRubric(revision), few, undefined, { worker: new URL('file:///nonexistent-worker.js'), threads: 4 });
    expect(report).toEqual(analyzeImpact(base, loadRubric(revision), few));
  });
});
