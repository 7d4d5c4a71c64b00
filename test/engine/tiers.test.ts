import { Engine } from 'json-rules-engine';
import { describe, expect, test } from 'vitest';
import { dec } from '../../engine/scoring/decimal.ts';
import {
  applyGates,
  checkTierBounds,
  continuingBound,
  gateHoldsBelow,
  nextTier,
  pointsToReach,
  tierBasisOf,
  tierConditions,
  tierOfScore,
  tierRank,
} from '../../engine/scoring/tiers.ts';
import type { Tier } from '../../engine/types.ts';

/** The tier of a ratio, by the ratio basis (the total plays no part in it). */
const tierOfRatio = (list: readonly Tier[], ratio: number): string | null => tierOfScore(list, 'ratio', { total: 0, ratio });

/** Three tiers like the standard's: basic below 0.8, standard from 0.8 to below 0.9, model from 0.9. */
function tiers(): Tier[] {
  return [
    { id: 'basic', label: { en: 'Basic' }, min: { value: 0, inclusive: true }, max: { value: 0.8, inclusive: false } },
    { id: 'standard', label: { en: 'Standard' }, min: { value: 0.8, inclusive: true }, max: { value: 0.9, inclusive: false } },
    { id: 'model', label: { en: 'Model' }, min: { value: 0.9, inclusive: true }, max: { value: 1, inclusive: true } },
  ];
}

/** The same thresholds, each belonging to the tier below instead. */
function upperInclusiveTiers(): Tier[] {
  const [basic, standard, model] = tiers();
  return [
    { ...basic, max: { value: 0.8, inclusive: true } },
    { ...standard, min: { value: 0.8, inclusive: false }, max: { value: 0.9, inclusive: true } },
    { ...model, min: { value: 0.9, inclusive: false } },
  ];
}

describe('the tier of a ratio', () => {
  test('an inclusive lower bound holds its own value: exactly 0.8 and 0.9 start their tiers', () => {
    expect(tierOfRatio(tiers(), 0.8)).toBe('standard');
    expect(tierOfRatio(tiers(), 0.9)).toBe('model');
    expect(tierOfRatio(tiers(), 0.7999999999)).toBe('basic');
    expect(tierOfRatio(tiers(), 0.8999999999)).toBe('standard');
  });

  test('an exclusive lower bound leaves its value to the tier below', () => {
    expect(tierOfRatio(upperInclusiveTiers(), 0.8)).toBe('basic');
    expect(tierOfRatio(upperInclusiveTiers(), 0.9)).toBe('standard');
    expect(tierOfRatio(upperInclusiveTiers(), 0.9000000001)).toBe('model');
  });

  test('ratios 0 and 1 fall in the lowest and highest tiers', () => {
    expect(tierOfRatio(tiers(), 0)).toBe('basic');
    expect(tierOfRatio(tiers(), 1)).toBe('model');
  });

  test('a ratio computed exactly lands on the threshold (72 of 80 is 0.9, not 0.8999…)', () => {
    expect(tierOfRatio(tiers(), dec(72).div(80).toNumber())).toBe('model');
    expect(tierOfRatio(tiers(), dec(76).div(95).toNumber())).toBe('standard');
  });

  test('a ratio no tier holds has no tier', () => {
    const withGap = tiers();
    withGap[1] = { ...withGap[1], min: { value: 0.85, inclusive: true } };
    expect(tierOfRatio(withGap, 0.82)).toBeNull();
  });

  test('the tier engine conditions agree with the bounds at and around every threshold', async () => {
    for (const list of [tiers(), upperInclusiveTiers()]) {
      const engine = new Engine([], { allowUndefinedFacts: false });
      for (const tier of list) engine.addRule({ conditions: { all: tierConditions(tier) }, event: { type: 'tier', params: { tier: tier.id } } });
      for (const ratio of [0, 0.5, 0.7999999999, 0.8, 0.8000000001, 0.8999999999, 0.9, 0.9000000001, 1]) {
        const { events } = await engine.run({ ratio });
        expect(events.map((e) => e.params?.tier)).toEqual([tierOfRatio(list, ratio)]);
      }
    }
  });
});

describe('gates', () => {
  test('without failed gates the tier is the ratio tier', () => {
    expect(applyGates(tiers(), 'model', [])).toBe('model');
  });

  test('a failed gate caps the tier at its capTier', () => {
    expect(applyGates(tiers(), 'model', ['standard'])).toBe('standard');
  });

  test('a gate at or above the ratio tier changes nothing', () => {
    expect(applyGates(tiers(), 'standard', ['standard'])).toBe('standard');
    expect(applyGates(tiers(), 'basic', ['model'])).toBe('basic');
  });

  test('of several failed gates the lowest cap wins, whatever their order', () => {
    expect(applyGates(tiers(), 'model', ['standard', 'basic'])).toBe('basic');
    expect(applyGates(tiers(), 'model', ['basic', 'standard'])).toBe('basic');
  });

  test('a gate naming the lowest tier brings the highest ratio tier down to it', () => {
    expect(applyGates(tiers(), 'model', ['basic'])).toBe('basic');
  });

  test('without a ratio tier there is nothing to cap', () => {
    expect(applyGates(tiers(), null, ['basic'])).toBeNull();
  });

  test('a gate holds an assessment below every tier above its capTier only', () => {
    expect(gateHoldsBelow(tiers(), 'basic', 'standard')).toBe(true);
    expect(gateHoldsBelow(tiers(), 'basic', 'model')).toBe(true);
    expect(gateHoldsBelow(tiers(), 'standard', 'standard')).toBe(false);
    expect(gateHoldsBelow(tiers(), 'model', 'standard')).toBe(false);
  });
});

describe('order and the next tier', () => {
  test('tiers rank lowest first; an unknown id has no rank', () => {
    expect(['basic', 'standard', 'model'].map((id) => tierRank(tiers(), id))).toEqual([0, 1, 2]);
    expect(tierRank(tiers(), 'gold')).toBe(-1);
  });

  test('the next tier is the one just above; the highest has none', () => {
    expect(nextTier(tiers(), 'basic')?.id).toBe('standard');
    expect(nextTier(tiers(), 'standard')?.id).toBe('model');
    expect(nextTier(tiers(), 'model')).toBeNull();
  });

  test('a new tier continues the bound below it on the other side', () => {
    expect(continuingBound({ value: 0.8, inclusive: false })).toEqual({ value: 0.8, inclusive: true });
    expect(continuingBound({ value: 0.9, inclusive: true })).toEqual({ value: 0.9, inclusive: false });
  });
});

describe('points needed to reach a tier', () => {
  test('an inclusive bound is reached at its value exactly', () => {
    expect(pointsToReach({ value: 0.8, inclusive: true }, 'ratio', 79, 100, 0).toNumber()).toBe(1);
    expect(pointsToReach({ value: 0.9, inclusive: true }, 'ratio', 80, 95, 1).toNumber()).toBe(5.5);
  });

  test('an exclusive bound needs one smallest step beyond its value', () => {
    expect(pointsToReach({ value: 0.8, inclusive: false }, 'ratio', 79, 100, 0).toNumber()).toBe(2);
    expect(pointsToReach({ value: 0.8, inclusive: false }, 'ratio', 79, 100, 1).toNumber()).toBe(1.1);
  });

  test('points are exact decimals, never 0.30000000000000004', () => {
    expect(pointsToReach({ value: 0.8, inclusive: true }, 'ratio', 79.7, 100, 1).toFixed()).toBe('0.3');
  });

  test('a bound already reached needs nothing', () => {
    expect(pointsToReach({ value: 0.8, inclusive: true }, 'ratio', 80, 100, 0).toNumber()).toBe(0);
    expect(pointsToReach({ value: 0.8, inclusive: true }, 'ratio', 95, 100, 0).toNumber()).toBe(0);
  });
});

describe('tier bounds', () => {
  test('tiers covering 0 to 1 with exactly one side of each threshold inclusive pass', () => {
    expect(checkTierBounds(tiers(), 'ratio', dec(100))).toEqual([]);
    expect(checkTierBounds(upperInclusiveTiers(), 'ratio', dec(100))).toEqual([]);
  });

  test('a gap names both values and where to start the tier above', () => {
    const list = tiers();
    list[1] = { ...list[1], min: { value: 0.85, inclusive: true } };
    expect(checkTierBounds(list, 'ratio', dec(100))).toMatchObject([{ path: '/tiers/1/min', message: 'gap between 0.8 and 0.85: start tier "standard" at 0.8' }]);
  });

  test('an overlap says where to start the tier above', () => {
    const list = tiers();
    list[2] = { ...list[2], min: { value: 0.85, inclusive: true } };
    expect(checkTierBounds(list, 'ratio', dec(100))).toMatchObject([{ path: '/tiers/2/min', message: 'tier "model" overlaps the tier below it: start it at 0.9 (tiers are listed lowest first)' }]);
  });

  test('a threshold in both tiers or in neither asks for exactly one inclusive bound', () => {
    const both = tiers();
    both[0] = { ...both[0], max: { value: 0.8, inclusive: true } };
    expect(checkTierBounds(both, 'ratio', dec(100))).toMatchObject([{ path: '/tiers/1/min', message: 'ratio 0.8 is in both "basic" and "standard": make exactly one of the two bounds inclusive' }]);
    const neither = tiers();
    neither[2] = { ...neither[2], min: { value: 0.9, inclusive: false } };
    expect(checkTierBounds(neither, 'ratio', dec(100))).toMatchObject([{ path: '/tiers/2/min', message: 'ratio 0.9 is in neither "standard" and "model": make exactly one of the two bounds inclusive' }]);
  });

  test('the lowest tier must start at 0 inclusive and the highest end at 1 inclusive', () => {
    const list = tiers();
    list[0] = { ...list[0], min: { value: 0, inclusive: false } };
    list[2] = { ...list[2], max: { value: 0.99, inclusive: true } };
    expect(checkTierBounds(list, 'ratio', dec(100)).map((issue) => issue.path)).toEqual(['/tiers/0/min', '/tiers/2/max']);
  });

  test('a tier whose min is not below its max is empty', () => {
    const list = tiers();
    list[1] = { ...list[1], max: { value: 0.8, inclusive: false } };
    expect(checkTierBounds(list, 'ratio', dec(100))[0]).toMatchObject({ path: '/tiers/1', message: 'tier "standard" is empty: its min must lie below its max' });
  });
});

/** Levels by absolute points of a maximum of 110: certified from 40, silver 50, gold 60, platinum 80. */
function pointsTiers(): Tier[] {
  const level = (id: string, min: number, max: number, top = false): Tier => ({ id, label: { en: id }, min: { value: min, inclusive: true }, max: { value: max, inclusive: top } });
  return [level('none', 0, 40), level('certified', 40, 50), level('silver', 50, 60), level('gold', 60, 80), level('platinum', 80, 110, true)];
}

describe('tiers by points', () => {
  test('a rubric/1 document is read by ratio; a rubric/2 document by its tierBasis', () => {
    expect(tierBasisOf({ format: 'rubric/1' })).toBe('ratio');
    expect(tierBasisOf({ format: 'rubric/2', tierBasis: 'points' })).toBe('points');
    expect(tierBasisOf({ format: 'rubric/2', tierBasis: 'ratio' })).toBe('ratio');
    expect(() => tierBasisOf({ format: 'rubric/2' })).toThrow(/tierBasis/);
  });

  test('a total exactly on a bound starts its level; a smallest step below stays in the level below', () => {
    const score = (total: number) => tierOfScore(pointsTiers(), 'points', { total, ratio: dec(total).div(110).toNumber() });
    expect(score(40)).toBe('certified');
    expect(score(39.9)).toBe('none');
    expect(score(60)).toBe('gold');
    expect(score(79.9)).toBe('gold');
    expect(score(80)).toBe('platinum');
    expect(score(110)).toBe('platinum');
  });

  test('the same bounds as 4-place ratios put a total on the bound in the level below', () => {
    const asRatios = pointsTiers().map((tier) => ({
      ...tier,
      min: { ...tier.min, value: Number(dec(tier.min.value).div(110).toFixed(4)) },
      max: { ...tier.max, value: Number(dec(tier.max.value).div(110).toFixed(4)) },
    }));
    // 60 / 110 = 0.545454… lies below 0.5455, the gold bound rounded to 4 places.
    expect(tierOfRatio(asRatios, dec(60).div(110).toNumber())).toBe('silver');
    expect(tierOfScore(pointsTiers(), 'points', { total: 60, ratio: dec(60).div(110).toNumber() })).toBe('gold');
  });

  test('points to reach a points bound are counted from the total, exactly', () => {
    expect(pointsToReach({ value: 50, inclusive: true }, 'points', 47.3, 110, 1).toFixed()).toBe('2.7');
    expect(pointsToReach({ value: 50, inclusive: false }, 'points', 47.3, 110, 1).toFixed()).toBe('2.8');
    expect(pointsToReach({ value: 50, inclusive: true }, 'points', 50, 110, 1).toNumber()).toBe(0);
  });

  test('points tiers must cover 0 to the maximum total', () => {
    expect(checkTierBounds(pointsTiers(), 'points', dec(110))).toEqual([]);
    expect(checkTierBounds(pointsTiers(), 'points', dec(120))).toMatchObject([
      { path: '/tiers/4/max', message: 'the highest tier must end at the maximum total 120 inclusive (tiers are by points, tierBasis "points"): set max to {"value": 120, "inclusive": true}' },
    ]);
  });

  test('a bound in points under the ratio basis names the basis and the conversion', () => {
    const issues = checkTierBounds(pointsTiers(), 'ratio', dec(110));
    expect(issues[0]).toMatchObject({
      path: '/tiers/0/max',
      message: 'tiers are by ratio (tierBasis "ratio"): bounds run 0 to 1; 40 looks like points: divide by the maximum 110 (40 → 0.3636…), or set tierBasis to "points" (format rubric/2)',
    });
    // Only the bounds off the scale are reported: the gaps and ends they seem to make would mislead.
    expect(issues.every((found) => found.message.startsWith('tiers are by ratio'))).toBe(true);
  });

  test('ratios under the points basis name the basis and the conversion', () => {
    expect(checkTierBounds(tiers(), 'points', dec(110))).toMatchObject([
      { path: '/tiers/2/max', message: 'tiers are by points (tierBasis "points"): bounds run 0 to the maximum total 110; 1 looks like a ratio: multiply every bound by the maximum 110 (1 → 110), or set tierBasis to "ratio"' },
    ]);
  });

  test('a points bound above the maximum total is named with the maximum', () => {
    const list = pointsTiers();
    list[4] = { ...list[4], max: { value: 120, inclusive: true } };
    expect(checkTierBounds(list, 'points', dec(110))).toMatchObject([{ path: '/tiers/4/max', message: expect.stringContaining('120 is above it') }]);
  });
});
