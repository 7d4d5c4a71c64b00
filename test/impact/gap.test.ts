/** Gap to the next tier, on Appendix C example assessments computed by hand. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { gapToNextTier, loadRubric, type InputValues, type RubricDocument } from '../../engine/index.ts';
import { appendixCRevision } from './revision.ts';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const doc = JSON.parse(read('../../examples/appendix-c/rubric.json')) as RubricDocument;
const rubric = loadRubric(doc);
const example = (name: string): InputValues => (JSON.parse(read(`../../examples/appendix-c/assessments/${name}.json`)) as { inputs: InputValues }).inputs;

describe('the gap to the next tier', () => {
  test('02-standard: 5.12 points to demonstration, steps first, then the most points first', async () => {
    const gap = await gapToNextTier(rubric, { inputs: example('02-standard') });
    // 84.88 / 100 is standard; demonstration starts at 0.9 inclusive: 90 − 84.88 = 5.12.
    expect(gap).toMatchObject({ tier: 'standard', next: { id: 'demonstration' }, pointsNeeded: 5.12, reachable: true, gates: [] });
    // Points still available per indicator (max − points from the example's hand computation):
    // i03 1, i04 1, i05 1 (two 0.5 bonuses), i06 0.5, i07 0.5, i10 1.5, i11 1.5, i15 1,
    // i18 25 − 22.88 = 2.12, i20 3, i21 2: 15.12 in all.
    expect(gap.available).toBe(15.12);
    expect(gap.criteria.map((c) => [c.criterion, c.available, c.effort])).toEqual([
      ['i20.1', 2, 'step'],
      ['i21.1', 2, 'step'],
      ['i03.2', 1, 'step'],
      ['i20.2', 1, 'step'],
      ['i05.1a', 0.5, 'step'],
      ['i05.2b', 0.5, 'step'],
      ['i06.1b', 0.5, 'step'],
      ['i07.4', 0.5, 'step'],
      ['i10.1', 0.5, 'step'],
      ['i18.1', 2.12, 'quantity'],
      ['i04.2', 1, 'quantity'],
      ['i11.1', 1, 'quantity'],
      ['i15.1', 1, 'quantity'],
      ['i10.2', 0.5, 'quantity'],
      ['i10.3', 0.5, 'quantity'],
      ['i11.2', 0.5, 'quantity'],
    ]);
    expect(gap.criteria.at(-1)?.cumulative).toBe(15.12);
    // The first five steps already cover 5.12: 2 + 2 + 1 + 1 + 0.5 = 6.5.
    expect(gap.criteria[4].cumulative).toBe(6.5);
    expect(gap.criteria.find((c) => c.criterion === 'i05.1a')?.parent).toEqual({ id: 'i05.1', holds: true });
  });

  test('an exclusive lower bound needs one hundredth more', async () => {
    const exclusive = structuredClone(doc);
    exclusive.version = '1.0.1';
    exclusive.tiers[1].max = { value: 0.9, inclusive: true };
    exclusive.tiers[2].min = { value: 0.9, inclusive: false };
    const gap = await gapToNextTier(loadRubric(exclusive), { inputs: example('02-standard') });
    // Above 0.9 of 100: 90.01 − 84.88 = 5.13.
    expect(gap.pointsNeeded).toBe(5.13);
  });

  test('under the revision, the bound is 0.92 of 99 points and a failed gate blocks the tier', async () => {
    const revision = loadRubric(appendixCRevision(doc));
    const standard = await gapToNextTier(revision, { inputs: example('02-standard') });
    // 0.92 × 99 = 91.08; 02 has 84.88 − 1 (i12.1 capped at 3) = 83.88: 7.2 missing.
    expect([standard.total, standard.pointsNeeded]).toEqual([83.88, 7.2]);
    const unhappy = await gapToNextTier(revision, { inputs: { ...example('01-demonstration'), satisfactionRate: 89.9 } });
    // 93.98 / 99 reaches demonstration by ratio; 7.1.1 not met caps it at standard.
    expect(unhappy).toMatchObject({ tier: 'standard', ratioTier: 'demonstration', pointsNeeded: 0, next: { id: 'demonstration' } });
    expect(unhappy.gates).toEqual([expect.objectContaining({ requirement: 'req-7.1.1', capTier: 'standard' })]);
    // The gate as an action: what to make true, with the threshold and the tier it holds down.
    expect(unhappy.gates[0].action).toEqual({
      zh: '「社区居民满意率应不低于90%。」未满足，档次最高为标准型：需使 居民满意率(第三方测评) ≥ 90 % 成立',
      en: '"Resident satisfaction shall be at least 90%." is not met, which caps the tier at Standard: make Resident satisfaction rate (third-party survey) ≥ 90 % hold',
    });
  });

  test('at the top tier nothing is missing; an incomplete assessment names what to assess first', async () => {
    const top = await gapToNextTier(rubric, { inputs: example('08-full-marks') });
    expect([top.tier, top.next, top.pointsNeeded, top.criteria]).toEqual(['demonstration', null, 0, []]);
    const { satisfactionRate: _s, ...partial } = example('02-standard');
    const incomplete = await gapToNextTier(rubric, { inputs: partial });
    expect([incomplete.complete, incomplete.tier, incomplete.pointsNeeded]).toEqual([false, null, null]);
    expect(incomplete.notAssessed).toEqual([expect.objectContaining({ criterion: 'i18.1', missing: ['satisfactionRate'] })]);
    expect(incomplete.criteria.find((c) => c.criterion === 'i18.1')).toMatchObject({ status: 'notAssessed', available: 25 });
  });
});
