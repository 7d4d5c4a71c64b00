/**
 * Tiers and gates, the one place that says which tier a score ratio falls in, how a failed
 * requirement's gate caps it, which tier comes next and what it takes to reach it, and what
 * makes a list of tiers valid. Tiers are listed lowest first; bounds are compared on the ratio
 * as a double, as the tier engine's json-rules-engine conditions compare it. Pure: no node:
 * modules, so the builder UI imports it too.
 */
import { type Big, dec } from './decimal.ts';
import { issue } from '../document/issues.ts';
import { BASIC_MESSAGES as MESSAGES } from '../document/messages-basic.ts';
import type { Bound, Issue, Tier } from '../types.ts';

/** A tier bound as a json-rules-engine condition on the `ratio` fact. */
export interface RatioCondition {
  fact: 'ratio';
  operator: 'greaterThan' | 'greaterThanInclusive' | 'lessThan' | 'lessThanInclusive';
  value: number;
}

/** The bound the lowest tier starts at: ratio 0 inclusive. */
export const LOWEST_BOUND: Bound = { value: 0, inclusive: true };

/** Whether a ratio reaches a lower bound: at or above it when inclusive, above it otherwise. */
export function reachesMin(bound: Bound, ratio: number): boolean {
  return bound.inclusive ? ratio >= bound.value : ratio > bound.value;
}

/** Whether a ratio stays within an upper bound: at or below it when inclusive, below it otherwise. */
export function withinMax(bound: Bound, ratio: number): boolean {
  return bound.inclusive ? ratio <= bound.value : ratio < bound.value;
}

/** Whether a tier's bounds hold the ratio. */
export function tierHolds(tier: Tier, ratio: number): boolean {
  return reachesMin(tier.min, ratio) && withinMax(tier.max, ratio);
}

/** The tier engine's conditions for one tier: they hold exactly when `tierHolds` does. */
export function tierConditions(tier: Tier): RatioCondition[] {
  return [
    { fact: 'ratio', operator: tier.min.inclusive ? 'greaterThanInclusive' : 'greaterThan', value: tier.min.value },
    { fact: 'ratio', operator: tier.max.inclusive ? 'lessThanInclusive' : 'lessThan', value: tier.max.value },
  ];
}

/** Id of the first tier whose bounds hold the ratio; null when none does. */
export function tierOfRatio(tiers: readonly Tier[], ratio: number): string | null {
  for (const tier of tiers) if (tierHolds(tier, ratio)) return tier.id;
  return null;
}

/** Position of a tier, lowest first; −1 when no tier has that id. */
export function tierRank(tiers: readonly Tier[], id: string): number {
  return tiers.findIndex((t) => t.id === id);
}

/** The tier with that id, if any. */
export function findTier(tiers: readonly Tier[], id: string): Tier | undefined {
  return tiers.find((t) => t.id === id);
}

/** The ratio tier capped by every failed gate's capTier: the lowest of them wins; null without a ratio tier. */
export function applyGates(tiers: readonly Tier[], ratioTier: string | null, capTiers: Iterable<string>): string | null {
  if (ratioTier === null) return null;
  let rank = tierRank(tiers, ratioTier);
  for (const capTier of capTiers) rank = Math.min(rank, tierRank(tiers, capTier));
  return tiers[rank]?.id ?? null;
}

/** Whether a gate capping at capTier keeps an assessment below `tier`. */
export function gateHoldsBelow(tiers: readonly Tier[], capTier: string, tier: string): boolean {
  return tierRank(tiers, capTier) < tierRank(tiers, tier);
}

/** The tier just above `tier`; null at the top. */
export function nextTier(tiers: readonly Tier[], tier: string): Tier | null {
  return tiers[tierRank(tiers, tier) + 1] ?? null;
}

/** The lower bound that continues an upper bound with neither gap nor overlap (same value, the other side). */
export function continuingBound(max: Bound): Bound {
  return { value: max.value, inclusive: !max.inclusive };
}

/**
 * Least points to add to `total` so that total / max reaches a lower bound, in steps of the
 * smallest amount a total can change by (10^-decimals), checked with the double the tier engine
 * compares. Zero when the bound is already reached.
 */
export function pointsToReach(bound: Bound, total: number, max: number, decimals: number): Big {
  const maxPoints = dec(max);
  const reaches = (t: Big): boolean => reachesMin(bound, t.div(maxPoints).toNumber());
  const current = dec(total);
  if (reaches(current)) return dec(0);
  const unit = dec(1).div(dec(10).pow(decimals));
  const target = dec(bound.value).times(maxPoints);
  let steps = target.div(unit).round(0, 3);
  // The exact target is reached by the first step or the next few (double rounding at the bound).
  for (let tries = 0; tries < 10 && !reaches(steps.times(unit)); tries++) steps = steps.plus(1);
  return steps.times(unit).minus(current);
}

/** Problems with tiers listed lowest first: each non-empty, together covering ratios 0 to 1 without gaps or overlaps. */
export function checkTierBounds(tiers: readonly Tier[]): Issue[] {
  const issues: Issue[] = [];
  tiers.forEach((tier, i) => {
    if (tier.min.value > tier.max.value || (tier.min.value === tier.max.value && !(tier.min.inclusive && tier.max.inclusive))) {
      issues.push(issue(`/tiers/${i}`, MESSAGES.tierEmpty(tier.id)));
    }
  });
  const first = tiers[0];
  const last = tiers.at(-1);
  if (first && (first.min.value !== 0 || !first.min.inclusive)) issues.push(issue('/tiers/0/min', MESSAGES.lowestTierStart()));
  if (last && (last.max.value !== 1 || !last.max.inclusive)) issues.push(issue(`/tiers/${tiers.length - 1}/max`, MESSAGES.highestTierEnd()));
  for (let i = 0; i + 1 < tiers.length; i++) {
    const below = tiers[i].max;
    const above = tiers[i + 1].min;
    const at = `/tiers/${i + 1}/min`;
    if (above.value > below.value) issues.push(issue(at, MESSAGES.tierGap(below.value, above.value, tiers[i + 1].id)));
    else if (above.value < below.value) issues.push(issue(at, MESSAGES.tierOverlap(tiers[i + 1].id, below.value)));
    else if (above.inclusive === below.inclusive) issues.push(issue(at, MESSAGES.tierBoundary(above.value, below.inclusive, tiers[i].id, tiers[i + 1].id)));
  }
  return issues;
}
