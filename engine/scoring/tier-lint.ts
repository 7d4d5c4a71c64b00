/**
 * Lint of the tiers against what the rubric can score: a tier no assessment can end in, and a
 * requirement's gate that can never lower a tier. Read off the live score of an assessment with no
 * answers yet (reachable.ts), the range every assessment starts from; warnings, like all lint.
 */
import { issue, IssueList } from '../document/issues.ts';
import { MESSAGES, type MessageText } from '../document/messages.ts';
import { pick } from '../document/localized.ts';
import type { CompiledRubric } from './compile.ts';
import { dec, show } from './decimal.ts';
import { evaluateLive } from './evaluate.ts';
import { findTier, reachesMin, tierBasisOf, tierOfScore, tierRank } from './tiers.ts';
import type { Issue } from '../types.ts';

export function lintTiers(rubric: CompiledRubric): Issue[] {
  const { tiers, requirements } = rubric.doc;
  const start = evaluateLive(rubric, { inputs: {} });
  // With nothing to answer the score is decided already: its tier is the only one.
  const possible = start.reachable ? start.reachable.tiers : start.tier === null ? [] : [start.tier];
  const total = start.reachable ? start.reachable.total : { min: start.total, max: start.total };
  const highestRatio = start.reachable ? (start.reachable.ratio?.max ?? null) : start.ratio;
  if (highestRatio === null) return [];
  const highestScore = { total: total.max, ratio: highestRatio };

  const warnings = new IssueList('warning');
  const label = (id: string): MessageText => {
    const text = findTier(tiers, id)?.label;
    return { zh: pick(text, 'zh') || id, en: pick(text, 'en') || id };
  };
  tiers.forEach((tier, i) => {
    if (!possible.includes(tier.id)) warnings.push(issue(`/tiers/${i}`, MESSAGES.tierUnreachable(label(tier.id), show(total.min), show(total.max), show(start.max))));
  });
  lintRoundedBounds(rubric, total, start.max, label, warnings);
  // The highest tier the score alone can reach: a gate capping at it or above never lowers anything.
  const highest = tierOfScore(tiers, tierBasisOf(rubric.doc), highestScore);
  if (highest === null) return warnings.toArray();
  requirements.forEach((requirement, i) => {
    const cap = requirement.gate?.capTier;
    if (cap !== undefined && tierRank(tiers, cap) >= tierRank(tiers, highest)) {
      warnings.push(issue(`/requirements/${i}/gate/capTier`, MESSAGES.gateNeverBites(requirement.clause, label(cap), label(highest))));
    }
  });
  return warnings.toArray();
}

/**
 * A ratio bound written to a few decimals that a reachable total misses only in the decimals not
 * written: 6 of 11 points is 0.545454…, and a bound rounded up to 0.5455 leaves that total one
 * tier down. The bound is suspect when no total lands on it exactly, and the total just below it
 * is nearer than half its last written decimal: then the bound is most likely that total's
 * fraction, rounded. Totals are sums of rounded criteria, so they lie on the rounding's grid.
 */
function lintRoundedBounds(rubric: CompiledRubric, total: { min: number; max: number }, max: number, label: (id: string) => MessageText, warnings: IssueList): void {
  const { tiers, rounding } = rubric.doc;
  // Bounds in points are exact; only a ratio is written rounded.
  if (max <= 0 || tierBasisOf(rubric.doc) !== 'ratio') return;
  const maxPoints = dec(max);
  const unit = dec(1).div(dec(10).pow(rounding.decimals));
  tiers.forEach((tier, i) => {
    if (i === 0) return;
    const bound = dec(tier.min.value);
    const atBound = bound.times(maxPoints);
    const steps = atBound.div(unit);
    if (steps.eq(steps.round(0, 0))) return; // a total lands on the bound exactly
    const below = steps.round(0, 0).times(unit); // the grid total just under it
    if (below.lt(total.min) || below.gt(total.max)) return;
    // Compared as the tier decision compares it: the ratio as a double.
    const ratio = below.toNumber() / max;
    if (reachesMin(tier.min, 'ratio', ratio)) return;
    const written = decimalsWritten(tier.min.value);
    const halfLastDecimal = dec(5).div(dec(10).pow(written + 1));
    if (bound.minus(dec(ratio)).gt(halfLastDecimal)) return;
    warnings.push(issue(`/tiers/${i}/min/value`, MESSAGES.boundRoundedAbove(label(tier.id), show(tier.min.value), show(below), show(max), below.div(maxPoints).toFixed(written + 3))));
  });
}

/** Decimals a number is written with (0.5455 → 4). */
function decimalsWritten(value: number): number {
  const digits = dec(value);
  return Math.max(0, digits.c.length - digits.e - 1);
}

