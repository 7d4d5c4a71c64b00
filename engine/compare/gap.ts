/**
 * Gap to the next tier (7.2.2 asks the operator what to improve): for one assessment, the points
 * missing to the next tier's lower bound, the criteria where points are still available, and the
 * failed requirements whose gate keeps the tier down.
 */
import type { CompiledRubric } from '../scoring/compile.ts';
import { type Big, dec, minBig, sum } from '../scoring/decimal.ts';
import { evaluate } from '../scoring/evaluate.ts';
import { scoringModel } from '../scoring/core.ts';
import { findTier, gateHoldsBelow, nextTier, pointsToReach, tierBasisOf } from '../scoring/tiers.ts';
import { describeCondition } from '../scoring/explain.ts';
import { pick } from '../document/localized.ts';
import { kindOf } from '../kinds/registry.ts';
import type { AssessmentInputs, GapCriterion, Language, Localized, ScoreResult, Tier, TierGap } from '../types.ts';

/**
 * What stands between an assessment and the next tier.
 *
 * Ordering of the criteria, smallest effort first: "steps" (criteria whose rules are all fixed
 * points or a choice — one decision, one yes, earns them) before "quantities" (counts, hours,
 * rates, deductions, which take sustained work); within each, the most points first; then the
 * rubric's order. Each item's available points are limited by its indicator's and groups'
 * caps (items under one cap share that headroom, so a cumulative sum may overstate it).
 */
export async function gapToNextTier(rubric: CompiledRubric, assessment: AssessmentInputs): Promise<TierGap> {
  const result = await evaluate(rubric, assessment, { requireComplete: false });
  const { doc, index } = rubric;

  const headroom = capHeadroom(rubric, result);
  const groupResults = new Map(result.groups.map((g) => [g.id, g]));
  const items: Omit<GapCriterion, 'cumulative'>[] = [];
  for (const c of result.criteria) {
    if (c.status === 'notApplicable') continue;
    const entry = index.criterionById.get(c.id);
    if (!entry) continue;
    const { criterion } = entry;
    let available = dec(c.max).minus(c.points);
    const indicatorRoom = headroom.get(c.indicator);
    if (indicatorRoom) available = minBig(available, indicatorRoom);
    const groupPath = index.indicators.find((i) => i.indicator.id === c.indicator)?.path ?? [];
    for (const group of groupPath) {
      const room = headroom.get(group);
      if (room) available = minBig(available, room);
    }
    // Credits under a weighted group count weight ÷ available credits each, innermost group first;
    // cut to the rubric's decimals, rounding down, so the gain is never overstated.
    for (const group of [...groupPath].reverse()) {
      const scored = groupResults.get(group);
      if (scored?.credits && scored.credits.max > 0) available = available.times(scored.max).div(scored.credits.max);
    }
    available = available.round(doc.rounding.decimals, 0);
    if (available.lte(0)) continue;
    const parent = criterion.parent ? { id: criterion.parent, holds: result.criteria.find((p) => p.id === criterion.parent)?.rule !== null } : null;
    items.push({
      criterion: c.id,
      indicator: c.indicator,
      title: c.title,
      clause: c.clause,
      status: c.status,
      points: c.points,
      max: c.max,
      available: available.toNumber(),
      effort: criterion.rules.every((r) => kindOf(r.event.params).effort === 'step') ? 'step' : 'quantity',
      inputs: [...new Set([...entry.inputs, ...(parent ? (index.criterionById.get(parent.id)?.inputs ?? []) : [])])],
      parent,
    });
  }
  const position = new Map(result.criteria.map((c, i) => [c.id, i]));
  items.sort((a, b) => (a.effort === b.effort ? 0 : a.effort === 'step' ? -1 : 1) || b.available - a.available || (position.get(a.criterion) ?? 0) - (position.get(b.criterion) ?? 0));
  let running = dec(0);
  const criteria = items.map((item): GapCriterion => {
    running = running.plus(item.available);
    return { ...item, cumulative: running.toNumber() };
  });
  const available = sum(items.map((i) => dec(i.available)));

  let next: Tier | null = null;
  let pointsNeeded: number | null = null;
  if (result.complete && result.tier !== null) {
    next = nextTier(doc.tiers, result.tier);
    pointsNeeded = next ? pointsToReach(next.min, tierBasisOf(doc), result.total, result.max, scoringModel(rubric).decimals).toNumber() : 0;
  }
  const gates = result.requirements
    .filter((r) => r.finding === 'notMet' && r.gate !== null && next !== null && gateHoldsBelow(doc.tiers, r.gate, next.id))
    .map((r) => ({ requirement: r.id, clause: r.clause, text: r.text, capTier: r.gate as string, action: gateAction(rubric, r.id) }));

  return {
    rubric: result.rubric,
    complete: result.complete,
    total: result.total,
    max: result.max,
    ratio: result.ratio,
    tier: result.tier,
    ratioTier: result.ratioTier,
    next: next ? { id: next.id, label: next.label, min: next.min } : null,
    pointsNeeded,
    available: available.toNumber(),
    reachable: pointsNeeded !== null && available.gte(pointsNeeded),
    criteria,
    gates,
    notAssessed: result.criteria.filter((c) => c.status === 'notAssessed').map((c) => ({ criterion: c.id, indicator: c.indicator, title: c.title, missing: c.missing })),
  };
}

/**
 * What a failed gate asks, as an action: "「社区居民满意率应不低于90%。」未满足，档次最高为标准型：需使
 * 社区居民满意率 ≥ 90 成立" / "… caps the tier at Standard: make Resident satisfaction rate ≥ 90 hold".
 */
function gateAction(rubric: CompiledRubric, id: string): Localized {
  const requirement = rubric.doc.requirements.find((r) => r.id === id);
  if (!requirement?.gate) return { zh: '', en: '' };
  const capLabel = findTier(rubric.doc.tiers, requirement.gate.capTier)?.label;
  const say = (lang: Language): string => {
    const condition = describeCondition(requirement.conditions, rubric.index, lang);
    const cap = pick(capLabel, lang) || requirement.gate?.capTier;
    return lang === 'zh'
      ? `「${pick(requirement.text, 'zh')}」未满足，档次最高为${cap}：需使 ${condition} 成立`
      : `"${pick(requirement.text, 'en')}" is not met, which caps the tier at ${cap}: make ${condition} hold`;
  };
  return { zh: say('zh'), en: say('en') };
}

/** Headroom left under every capped indicator and group (absent when the node has no cap). */
function capHeadroom(rubric: CompiledRubric, result: ScoreResult): Map<string, Big> {
  const room = new Map<string, Big>();
  const capped = new Map<string, number>();
  for (const { indicator } of rubric.index.indicators) if (indicator.cap) capped.set(indicator.id, indicator.points);
  for (const { group } of rubric.index.groups) if (group.cap) capped.set(group.id, group.points);
  for (const node of [...result.indicators, ...result.groups]) {
    const declared = capped.get(node.id);
    // A capped weighted group caps its credits: its headroom is in credits too.
    if (declared !== undefined) room.set(node.id, dec(declared).minus(node.credits?.points ?? node.points));
  }
  return room;
}
