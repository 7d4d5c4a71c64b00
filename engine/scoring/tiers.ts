/**
 * Tiers and gates, the one place that says what a rubric's tier bounds measure (its tier basis),
 * which tier a score falls in, how a failed requirement's gate caps it, which tier comes next and
 * what it takes to reach it, and what makes a list of tiers valid. Tiers are listed lowest first.
 * By ratio, bounds are compared with the ratio as a double, as the tier engine's json-rules-engine
 * conditions compare it; by points, with the total as an exact decimal. Pure: no node: modules,
 * so the builder UI imports it too.
 */
import { groupWorth } from './weights.ts';
import { type Big, dec, show, sum } from './decimal.ts';
import { issue } from '../document/issues.ts';
import { BASIC_MESSAGES as MESSAGES } from '../document/messages-basic.ts';
import type { Bound, Issue, RubricDocument, Tier, TierBasis } from '../types.ts';

/**
 * What a document's tier bounds measure. rubric/1 has no tierBasis and its tiers are by ratio;
 * rubric/2 says so in `tierBasis` (required by its meta-schema).
 * @throws Error for a rubric/2 document without tierBasis: only an unvalidated document lacks it,
 *   and guessing a basis would change which tier every result falls in
 */
export function tierBasisOf(doc: Pick<RubricDocument, 'format' | 'tierBasis'>): TierBasis {
  if (doc.format === 'rubric/1') return 'ratio';
  if (doc.tierBasis === 'ratio' || doc.tierBasis === 'points') return doc.tierBasis;
  throw new Error(`a ${doc.format} document needs "tierBasis": "ratio" or "points"`);
}

/** The maximum total a rubric declares: the sum of its top-level groups' points, the top of a points scale. */
export function maxTotalOf(doc: Pick<RubricDocument, 'groups'>): Big {
  return sum(doc.groups.map((group) => dec(groupWorth(group))));
}

/** The top of a basis's scale, where the highest tier ends: ratio 1, or the maximum total by points. */
export function tierScaleTop(basis: TierBasis, maxTotal: Big): number {
  return basis === 'points' ? maxTotal.toNumber() : 1;
}

/**
 * A bound value written in the other basis: ratio → points is exact (ratio × the maximum total);
 * points → ratio is the quotient, which often does not terminate (40 / 110), as the nearest double.
 */
export function convertBoundValue(value: number, to: TierBasis, maxTotal: Big): number {
  return to === 'points' ? dec(value).times(maxTotal).toNumber() : dec(value).div(maxTotal).toNumber();
}

/** Tiers with every bound converted to `to` from the other basis; unchanged when the maximum total is 0 (no scale to convert by). */
export function tiersInBasis(tiers: readonly Tier[], to: TierBasis, maxTotal: Big): Tier[] {
  if (maxTotal.eq(0)) return [...tiers];
  const bound = (b: Bound): Bound => ({ ...b, value: convertBoundValue(b.value, to, maxTotal) });
  return tiers.map((tier) => ({ ...tier, min: bound(tier.min), max: bound(tier.max) }));
}

/** What a tier is judged on: the total in points and the ratio total / max (null when the max is 0). */
export interface TierScore {
  total: number;
  ratio: number | null;
}

/** The figure bounds are compared with: the ratio or the total, as the basis says; null without a ratio (max 0). */
export function tierMeasure(basis: TierBasis, score: TierScore): number | null {
  if (score.ratio === null) return null;
  return basis === 'points' ? score.total : score.ratio;
}

/**
 * The sign of measure − bound value. Points are compared as decimals (the total and the bound as
 * written), so a total exactly on a bound is on it; ratios as doubles, as the tier engine compares.
 */
function compareWithBound(basis: TierBasis, measure: number, value: number): number {
  if (basis === 'points') return dec(measure).cmp(value);
  return measure < value ? -1 : measure > value ? 1 : 0;
}

/** A tier bound as a json-rules-engine condition on the `ratio` fact. */
export interface RatioCondition {
  fact: 'ratio';
  operator: 'greaterThan' | 'greaterThanInclusive' | 'lessThan' | 'lessThanInclusive';
  value: number;
}

/** The bound the lowest tier starts at: 0 inclusive, by ratio or by points. */
export const LOWEST_BOUND: Bound = { value: 0, inclusive: true };

/** A tier's bound as people read it, the same in both languages: "≥ 0.75", "> 60" for a lower bound; "≤ 0.6", "< 80" for an upper one. */
export function boundWords(bound: Bound, side: 'min' | 'max'): string {
  const symbol = side === 'min' ? (bound.inclusive ? '≥' : '>') : bound.inclusive ? '≤' : '<';
  return `${symbol} ${bound.value}`;
}

/** Whether a measure (ratio or total, see tierMeasure) reaches a lower bound: at or above it when inclusive, above it otherwise. */
export function reachesMin(bound: Bound, basis: TierBasis, measure: number): boolean {
  const sign = compareWithBound(basis, measure, bound.value);
  return bound.inclusive ? sign >= 0 : sign > 0;
}

/** Whether a measure stays within an upper bound: at or below it when inclusive, below it otherwise. */
export function withinMax(bound: Bound, basis: TierBasis, measure: number): boolean {
  const sign = compareWithBound(basis, measure, bound.value);
  return bound.inclusive ? sign <= 0 : sign < 0;
}

/** Whether a tier's bounds hold the measure. */
export function tierHolds(tier: Tier, basis: TierBasis, measure: number): boolean {
  return reachesMin(tier.min, basis, measure) && withinMax(tier.max, basis, measure);
}

/** The tier engine's conditions for one tier by ratio: they hold exactly when `tierHolds` does with basis "ratio". */
export function tierConditions(tier: Tier): RatioCondition[] {
  return [
    { fact: 'ratio', operator: tier.min.inclusive ? 'greaterThanInclusive' : 'greaterThan', value: tier.min.value },
    { fact: 'ratio', operator: tier.max.inclusive ? 'lessThanInclusive' : 'lessThan', value: tier.max.value },
  ];
}

/** Id of the first tier whose bounds hold the score, by the basis; null when none does or the max is 0. */
export function tierOfScore(tiers: readonly Tier[], basis: TierBasis, score: TierScore): string | null {
  const measure = tierMeasure(basis, score);
  if (measure === null) return null;
  for (const tier of tiers) if (tierHolds(tier, basis, measure)) return tier.id;
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

/** The score's tier (called the ratio tier by either basis) capped by every failed gate's capTier: the lowest of them wins; null without a ratio tier. */
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
 * Least points to add to `total` so that it reaches a lower bound, in steps of the smallest amount
 * a total can change by (10^-decimals). By ratio, total / max is checked with the double the tier
 * engine compares; by points, the total itself, exactly. Zero when the bound is already reached.
 */
export function pointsToReach(bound: Bound, basis: TierBasis, total: number, max: number, decimals: number): Big {
  const maxPoints = dec(max);
  const reaches = (t: Big): boolean => (basis === 'points' ? reachesMin(bound, basis, t.toNumber()) : reachesMin(bound, basis, t.div(maxPoints).toNumber()));
  const current = dec(total);
  if (reaches(current)) return dec(0);
  const unit = dec(1).div(dec(10).pow(decimals));
  const target = basis === 'points' ? dec(bound.value) : dec(bound.value).times(maxPoints);
  let steps = target.div(unit).round(0, 3);
  // The exact target is reached by the first step or the next few (double rounding at a ratio
  // bound; one step past an exclusive bound).
  for (let tries = 0; tries < 10 && !reaches(steps.times(unit)); tries++) steps = steps.plus(1);
  return steps.times(unit).minus(current);
}

/** A bound in the other unit, as text for a message: ratio → points is exact; points → ratio shows 4 places and "…" when cut. */
function converted(value: number, to: TierBasis, maxTotal: Big): string {
  if (to === 'points') return show(convertBoundValue(value, 'points', maxTotal));
  const ratio = dec(value).div(maxTotal);
  const cut = ratio.round(4, 0);
  return cut.eq(ratio) ? show(ratio) : `${show(cut)}…`;
}

/**
 * Problems with tiers listed lowest first: each non-empty, together covering 0 to the top of the
 * basis's scale (ratio 1, or the maximum total by points) without gaps or overlaps. A bound off
 * the scale is reported alone, with its conversion: the tiers are then written in the other unit,
 * and the gaps and ends they seem to have would mislead.
 */
export function checkTierBounds(tiers: readonly Tier[], basis: TierBasis, maxTotal: Big): Issue[] {
  const issues: Issue[] = [];
  const top = basis === 'points' ? maxTotal : dec(1);
  const max = show(maxTotal);
  tiers.forEach((tier, i) => {
    for (const side of ['min', 'max'] as const) {
      const { value } = tier[side];
      if (!dec(value).gt(top)) continue;
      const at = `/tiers/${i}/${side}`;
      if (basis === 'ratio') issues.push(issue(at, MESSAGES.ratioBoundLooksLikePoints(value, max, converted(value, 'ratio', maxTotal))));
      else issues.push(issue(at, MESSAGES.pointsBoundAboveMax(value, max)));
    }
  });
  const last = tiers.at(-1);
  // Points bounds that all lie within 0..1 of a larger maximum are ratios written under the points basis.
  if (basis === 'points' && last && last.max.value <= 1 && maxTotal.gt(1)) {
    issues.push(issue(`/tiers/${tiers.length - 1}/max`, MESSAGES.pointsBoundLooksLikeRatio(last.max.value, max, converted(last.max.value, 'points', maxTotal))));
  }
  if (issues.length > 0) return issues;

  tiers.forEach((tier, i) => {
    if (tier.min.value > tier.max.value || (tier.min.value === tier.max.value && !(tier.min.inclusive && tier.max.inclusive))) {
      issues.push(issue(`/tiers/${i}`, MESSAGES.tierEmpty(tier.id)));
    }
  });
  const first = tiers[0];
  if (first && (first.min.value !== 0 || !first.min.inclusive)) issues.push(issue('/tiers/0/min', MESSAGES.lowestTierStart(basis)));
  if (last && (!dec(last.max.value).eq(top) || !last.max.inclusive)) issues.push(issue(`/tiers/${tiers.length - 1}/max`, MESSAGES.highestTierEnd(basis, show(top))));
  for (let i = 0; i + 1 < tiers.length; i++) {
    const below = tiers[i].max;
    const above = tiers[i + 1].min;
    const at = `/tiers/${i + 1}/min`;
    if (above.value > below.value) issues.push(issue(at, MESSAGES.tierGap(below.value, above.value, tiers[i + 1].id, basis)));
    else if (above.value < below.value) issues.push(issue(at, MESSAGES.tierOverlap(tiers[i + 1].id, below.value)));
    else if (above.inclusive === below.inclusive) issues.push(issue(at, MESSAGES.tierBoundary(above.value, below.inclusive, tiers[i].id, tiers[i + 1].id, basis)));
  }
  return issues;
}
