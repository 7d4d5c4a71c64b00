/**
 * What an incomplete result can still become: never a silent zero. A criterion left not assessed
 * (an answer missing) counts 0 in the total so far, but the lowest and highest it can still award
 * come from what is known: rules whose conditions the given answers decide (compilePartialCondition
 * in conditions.ts) hold or fail, the others may or may not hold, and each scoring's amount is
 * exact when its inputs are given or its kind's range (engine/kinds/) when not. The intervals go up through caps to the total and
 * the ratio; the tiers those ratios reach, each capped by the gates that are failed or may yet
 * fail, are the tiers still possible. One possible tier is a determined tier.
 *
 * The bounds are safe (no reachable total lies outside them) and tight for the usual shapes: one
 * missing answer per criterion, rules that exclude one another. A criterion whose rules all wait
 * for missing answers is taken to possibly award nothing, which combinations of conditions that
 * always leave one rule holding can make wider than what is reachable.
 */
import type { Amount, Arithmetic } from './amounts.ts';
import type { Facts } from './conditions.ts';
import type { CoreCriterion, CoreNode, ScoringModel } from './core.ts';
import { partialRules } from './decide.ts';
import { type Big, dec, roundPoints } from './decimal.ts';
import { own } from '../document/lookup.ts';
import { kindOf } from '../kinds/registry.ts';
import { openInputsOfCriterion } from './needed.ts';
import { weighted } from './weights.ts';
import { applyGates, tierBasisOf, tierOfScore, tierRank } from './tiers.ts';
import type { AssessmentInputs, Reachable, RequirementResult, Scoring } from '../types.ts';

interface Interval {
  lo: Amount;
  hi: Amount;
}

/** The figures of one criterion so far, as the core scored it. */
export interface ScoredCriterion {
  status: 'scored' | 'notApplicable' | 'notAssessed';
  points: Amount;
}

/**
 * The reachable totals, ratios and tiers of a result with criteria not assessed, and the missing
 * answers that still decide its tier.
 */
export function reachableOf(
  model: ScoringModel,
  assessment: AssessmentInputs,
  criteria: readonly ScoredCriterion[],
  max: Amount,
  findings: readonly RequirementResult['finding'][],
  /** Each group's credits available (its maximum before weighting), for the weighted ones. */
  groupCredits: readonly (Amount | undefined)[],
): Reachable {
  const A = model.arithmetic;
  const inputs = assessment.inputs;
  const missing = (id: string): boolean => own(inputs, id) === undefined;
  const deciding = new Set<string>();

  const criterionIntervals: Interval[] = criteria.map((scored, i) => {
    if (scored.status !== 'notAssessed') return { lo: scored.points, hi: scored.points };
    const c = model.criteria[i];
    const interval = criterionInterval(model, c, assessment);
    if (A.gt(interval.hi, interval.lo)) openInputsOfCriterion(model, c, inputs, deciding);
    return interval;
  });

  const indicatorIntervals = model.indicators.map((node) => capInterval(A, node, node.criteria.map((slot) => criterionIntervals[slot])));
  const groupIntervals: Interval[] = [];
  let total: Interval = { lo: A.zero, hi: A.zero };
  model.groups.forEach((node, g) => {
    const capped = capInterval(A, node, [...node.groups.map((child) => groupIntervals[child]), ...node.indicators.map((i) => indicatorIntervals[i])]);
    // A weighted group's credits are weighed over what it has available (fixed: marks are known).
    const available = groupCredits[g];
    const interval =
      node.weight === null || available === undefined
        ? capped
        : { lo: weighted(A, model.rubric.doc.rounding, node.weight, capped.lo, available).points, hi: weighted(A, model.rubric.doc.rounding, node.weight, capped.hi, available).points };
    groupIntervals.push(interval);
    if (node.top) total = { lo: A.add(total.lo, interval.lo), hi: A.add(total.hi, interval.hi) };
  });

  const ratioLow = A.ratio(total.lo, max);
  const ratioHigh = A.ratio(total.hi, max);
  const { tiers } = model.rubric.doc;
  const basis = tierBasisOf(model.rubric.doc);
  // Failed gates cap every outcome; gates of requirements not assessed may yet cap it.
  const failedCaps: string[] = [];
  const openCaps: { cap: string; facts: string[] }[] = [];
  model.requirements.forEach(({ requirement, facts: read }, r) => {
    if (!requirement.gate) return;
    if (findings[r] === 'notMet') failedCaps.push(requirement.gate.capTier);
    else if (findings[r] === 'notAssessed') openCaps.push({ cap: requirement.gate.capTier, facts: read.filter(missing) });
  });

  const possible = new Set<string>();
  if (ratioLow !== null && ratioHigh !== null) {
    const from = tierRank(tiers, tierOfScore(tiers, basis, { total: A.toNumber(total.lo), ratio: ratioLow }) ?? '');
    const to = tierRank(tiers, tierOfScore(tiers, basis, { total: A.toNumber(total.hi), ratio: ratioHigh }) ?? '');
    for (let rank = Math.max(from, 0); rank <= to; rank++) {
      const gated = applyGates(tiers, tiers[rank].id, failedCaps);
      if (gated === null) continue;
      possible.add(gated);
      for (const open of openCaps) {
        const capped = applyGates(tiers, gated, [open.cap]);
        if (capped === null || capped === gated) continue;
        possible.add(capped);
        for (const id of open.facts) deciding.add(id);
      }
    }
  }
  const ordered = tiers.map((t) => t.id).filter((id) => possible.has(id));
  return {
    total: { min: A.toNumber(total.lo), max: A.toNumber(total.hi) },
    ratio: ratioLow === null || ratioHigh === null ? null : { min: ratioLow, max: ratioHigh },
    tiers: ordered,
    determined: ordered.length === 1 ? ordered[0] : null,
    deciding: ordered.length > 1 ? [...deciding] : [],
  };
}

/** The least and most a criterion not assessed can still award. */
function criterionInterval(model: ScoringModel, c: CoreCriterion, assessment: AssessmentInputs): Interval {
  const A = model.arithmetic;
  const context = { inputs: model.rubric.index.inputs };
  const inputs = assessment.inputs;
  const given = (id: string): boolean => own(inputs, id) !== undefined;
  // Each rule judged from the answers given: true or false when decided, null while it may go either way.
  const rules = partialRules(model);
  const holds = (n: number): boolean | null => rules[n].decide(inputs as Facts);

  // A bonus awards only when a rule of its parent holds.
  let parentCertain = true;
  const parent = c.parent;
  if (parent) {
    const mayHold = parent.scorings.some((_, r) => holds(parent.firstRule + r) !== false);
    if (!mayHold) return { lo: A.zero, hi: A.zero };
    parentCertain = parent.scorings.some((_, r) => holds(parent.firstRule + r) === true);
  }

  let hi: Big | null = null;
  let certainLo: Big | null = null;
  let uncertainLo: Big | null = null;
  c.scorings.forEach((scoring: Scoring, r) => {
    const n = c.firstRule + r;
    const decision = holds(n);
    if (decision === false) return;
    const certain = decision === true;
    const kind = kindOf(scoring);
    const known = kind.inputsRead(scoring).every(given);
    const award = known ? kind.award(scoring, inputs, context).amount : null;
    const range = award ? { min: award, max: award } : kind.range(scoring, context);
    const most = range.max ?? dec(c.result.max);
    hi = hi === null || most.gt(hi) ? most : hi;
    if (certain) certainLo = certainLo === null || range.min.gt(certainLo) ? range.min : certainLo;
    else uncertainLo = uncertainLo === null || range.min.lt(uncertainLo) ? range.min : uncertainLo;
  });
  // With a rule sure to hold, best-of gives at least its least; otherwise possibly none holds (0).
  let lo: Big = certainLo !== null && parentCertain ? certainLo : minOf(dec(0), uncertainLo ?? dec(0), certainLo ?? dec(0));
  let top: Big = hi === null ? dec(0) : parentCertain ? hi : maxOf(hi, dec(0));
  const { rounding } = model.rubric.doc;
  lo = roundPoints(lo, rounding);
  top = roundPoints(top, rounding);
  if (c.cap) {
    const cap = dec(c.result.max);
    if (lo.gt(cap)) lo = cap;
    if (top.gt(cap)) top = cap;
  }
  return { lo: A.fromBig(lo), hi: A.fromBig(top) };
}

function minOf(...values: Big[]): Big {
  return values.reduce((a, b) => (b.lt(a) ? b : a));
}

function maxOf(...values: Big[]): Big {
  return values.reduce((a, b) => (b.gt(a) ? b : a));
}

/** Sum of the children's intervals, capped at the declared points when the node is a cap. */
function capInterval(A: Arithmetic, node: CoreNode, parts: Interval[]): Interval {
  let lo = A.zero;
  let hi = A.zero;
  for (const part of parts) {
    lo = A.add(lo, part.lo);
    hi = A.add(hi, part.hi);
  }
  if (!node.cap) return { lo, hi };
  return { lo: A.min(lo, node.declared), hi: A.min(hi, node.declared) };
}
