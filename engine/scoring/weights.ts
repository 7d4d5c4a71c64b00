/**
 * Weighted groups (rubric/2): a group with a `weight` scores achieved ÷ available × weight, its
 * credits rescaled, so re-weighting a section is one number. "Available" is what its children can
 * still award once not-applicable criteria have left: they re-weight the rest of the section.
 * With nothing available the group leaves the maximum, as a not-applicable criterion does. The
 * weighted score is rounded as criteria are, so totals stay exact sums. The core (results) and the
 * reachable bounds (incomplete results) both weigh through here.
 */
import type { Amount, Arithmetic } from './amounts.ts';
import { dec, roundPoints } from './decimal.ts';
import type { Group, Language, Rounding } from '../types.ts';

/** What a weighted group contributes for `points` of `available` credits; its maximum is the weight. */
export function weighted(A: Arithmetic, rounding: Rounding, weight: number, points: Amount, available: Amount): { points: Amount; max: Amount } {
  if (!A.gt(available, A.zero)) return { points: A.zero, max: A.zero };
  const share = dec(A.toNumber(points)).div(dec(A.toNumber(available)));
  return { points: A.fromBig(roundPoints(share.times(weight), rounding)), max: A.fromBig(dec(weight)) };
}

/** What a group is worth in its parent's total (or the rubric's): its weight, or else its points. */
export function groupWorth(group: Pick<Group, 'points' | 'weight'>): number {
  return group.weight ?? group.points;
}

/** A weighted group's worth in words, as forms and result tables label it: "权重 15，计 10 学分" / "weight 15; 10 credits". */
export function weightWords(group: Pick<Group, 'points' | 'weight'>, lang: Language): string | null {
  if (group.weight === undefined) return null;
  return lang === 'zh' ? `权重 ${group.weight}，计 ${group.points} 学分` : `weight ${group.weight}; ${group.points} credit${group.points === 1 ? '' : 's'}`;
}

/** A weighted group's credits beside its weighted score: "4 / 10 学分" / "4 / 10 credits". */
export function creditWords(credits: { points: number; max: number }, lang: Language): string {
  return lang === 'zh' ? `${credits.points} / ${credits.max} 学分` : `${credits.points} / ${credits.max} credits`;
}

