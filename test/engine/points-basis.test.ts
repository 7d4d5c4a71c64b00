/**
 * Tiers by absolute points (rubric/2, tierBasis "points"): a rating system's levels, Certified
 * from 40 of 110, Silver 50, Gold 60, Platinum 80 (test/fixtures/points-basis/rubric.json). A
 * total exactly on a level's bound is in that level; the same bounds written as 4-place ratios
 * would put it in the level below.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { dec } from '../../engine/scoring/decimal.ts';
import { evaluate, gapToNextTier, liveScore, loadRubric, type RubricDocument, runRubricTests, validateRubric } from '../../engine/index.ts';

const text = readFileSync(new URL('../fixtures/points-basis/rubric.json', import.meta.url), 'utf8');
const rating = (): RubricDocument => JSON.parse(text) as RubricDocument;

/** The same levels with bounds as ratios of 110 rounded to 4 places, as an author had to write them in rubric/1. */
function asFourPlaceRatios(): RubricDocument {
  const doc = rating();
  const ratio = (points: number): number => Number(dec(points).div(110).toFixed(4));
  return {
    ...doc,
    tierBasis: 'ratio',
    tiers: doc.tiers.map((tier) => ({ ...tier, min: { ...tier.min, value: ratio(tier.min.value) }, max: { ...tier.max, value: ratio(tier.max.value) } })),
  };
}

const score = async (doc: RubricDocument, credits: number, innovation: boolean) => evaluate(loadRubric(doc), { inputs: { credits, innovation } }, { requireComplete: true });

describe('levels by absolute points', () => {
  test('the rating validates and passes its embedded test cases, each exactly on or just below a level', async () => {
    expect(validateRubric(rating())).toMatchObject({ valid: true, errors: [] });
    const report = await runRubricTests(loadRubric(rating()));
    expect(report.cases.filter((c) => !c.passed)).toEqual([]);
    expect(report.passed).toBe(8);
  });

  test.each([
    { credits: 60, innovation: true, total: 40, tier: 'certified' },
    { credits: 100, innovation: false, total: 50, tier: 'silver' },
    { credits: 100, innovation: true, total: 60, tier: 'gold' },
    { credits: 140, innovation: true, total: 80, tier: 'platinum' },
    { credits: 139, innovation: true, total: 79.5, tier: 'gold' },
  ])('a total of $total is $tier', async ({ credits, innovation, total, tier }) => {
    const result = await score(rating(), credits, innovation);
    expect(result.total).toBe(total);
    expect(result.max).toBe(110);
    expect(result.tier).toBe(tier);
    expect(result.ratioTier).toBe(tier);
  });

  test('the same bounds as 4-place ratios put a total of 60 in Silver and 80 in Gold', async () => {
    expect(validateRubric(asFourPlaceRatios()).valid).toBe(true);
    expect((await score(asFourPlaceRatios(), 100, true)).tier).toBe('silver');
    expect((await score(asFourPlaceRatios(), 140, true)).tier).toBe('gold');
  });

  test('the points to the next level are counted from the total', async () => {
    const live = liveScore(loadRubric(rating()), { inputs: { credits: 99, innovation: true } });
    expect(live.total).toBe(59.5);
    expect(live.tierSoFar).toBe('silver');
    expect(live.nextTier).toMatchObject({ id: 'gold', pointsToReach: 0.5 });
    const gap = await gapToNextTier(loadRubric(rating()), { inputs: { credits: 99, innovation: true } });
    expect(gap.next?.id).toBe('gold');
    expect(gap.pointsNeeded).toBe(0.5);
  });

  test('an unanswered question leaves the levels its answers can give', () => {
    const live = liveScore(loadRubric(rating()), { inputs: { credits: 100 } });
    expect(live.reachable?.total).toEqual({ min: 50, max: 60 });
    expect(live.reachable?.tiers).toEqual(['silver', 'gold']);
  });

  test('bounds in points under the ratio basis are refused, naming the basis and the conversion', () => {
    const report = validateRubric({ ...rating(), tierBasis: 'ratio' });
    expect(report.valid).toBe(false);
    expect(report.errors[0]).toMatchObject({
      path: '/tiers/0/max',
      message: 'tiers are by ratio (tierBasis "ratio"): bounds run 0 to 1; 40 looks like points: divide by the maximum 110 (40 → 0.3636…), or set tierBasis to "points" (format rubric/2)',
    });
    expect(report.errors[0].text?.zh).toContain('请除以满分 110');
  });

  test('a rubric/2 document needs a tierBasis, and only "ratio" or "points"', () => {
    const { tierBasis: _basis, ...without } = rating();
    expect(validateRubric(without).errors).toMatchObject([{ path: '', message: expect.stringContaining('"tierBasis"') }]);
    expect(validateRubric({ ...rating(), tierBasis: 'percent' }).errors).toMatchObject([{ path: '/tierBasis' }]);
  });
});
