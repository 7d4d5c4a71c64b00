/**
 * Lint of the tiers against what the rubric can score: a tier no assessment can end in, and a
 * requirement's gate that can never lower a tier. Read off the live score of an assessment with no
 * answers yet (reachable.ts), the range every assessment starts from; warnings, like all lint.
 */
import { issue, IssueList } from '../document/issues.ts';
import { MESSAGES, type MessageText } from '../document/messages.ts';
import { pick } from '../document/localized.ts';
import type { CompiledRubric } from './compile.ts';
import { show } from './decimal.ts';
import { evaluateLive } from './evaluate.ts';
import { findTier, tierBasisOf, tierOfScore, tierRank } from './tiers.ts';
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
