/**
 * Scoring an assessment: inputs are checked, json-rules-engine decides which rules hold, the
 * scoring kinds compute the points with exact decimals, and every criterion gets its explanation.
 */
import { AWARD_EVENT, REQUIREMENT_EVENT, type CompiledRubric } from './compile.ts';
import { type Big, dec, minBig, roundPoints, show, sum } from './decimal.ts';
import { explainCriterion } from './explain.ts';
import { checkInputs } from './inputs.ts';
import { own } from '../document/lookup.ts';
import { award } from './scoring.ts';
import { conditionFacts, type CriterionEntry } from '../document/structure.ts';
import { applyGates } from './tiers.ts';
import type {
  AssessmentInputs,
  CriterionResult,
  Group,
  InputValues,
  NodeResult,
  RequirementResult,
  Scoring,
  ScoreResult,
} from '../types.ts';

export interface EvaluateOptions {
  /** Reject missing required inputs (submission). Otherwise missing inputs leave criteria not assessed. */
  requireComplete?: boolean;
}

interface Tally {
  points: Big;
  max: Big;
}

/**
 * Scores one assessment against a compiled rubric version. The same inputs and version always
 * give the same result, stamped with the rubric id, version and content hash.
 * @throws RubricStudioError INPUTS_INVALID or INPUTS_INCOMPLETE; nothing is scored then
 */
export async function evaluate(rubric: CompiledRubric, assessment: AssessmentInputs, options: EvaluateOptions = {}): Promise<ScoreResult> {
  const { index, doc } = rubric;
  checkInputs(index, rubric.inputChecker, assessment, options.requireComplete ?? false);
  const inputs = assessment.inputs;
  const notApplicable = assessment.notApplicable ?? {};

  const { events } = await rubric.scoringEngine.run({ ...inputs });
  const held = new Map<string, { rule: number; scoring: Scoring }[]>();
  const metRequirements = new Set<string>();
  for (const event of events) {
    const params = event.params as Record<string, unknown>;
    if (event.type === AWARD_EVENT) {
      const id = params.criterion as string;
      const rule = params.rule as number;
      // The scoring comes from the document, not from the event (see buildScoringEngine).
      const scoring = index.criterionById.get(id)?.criterion.rules[rule].event.params as Scoring;
      const list = held.get(id) ?? [];
      list.push({ rule, scoring });
      held.set(id, list);
    } else if (event.type === REQUIREMENT_EVENT) metRequirements.add(params.requirement as string);
  }

  const criteria = index.criteria.map((entry) => scoreCriterion(rubric, entry, inputs, notApplicable, held));
  const byCriterion = new Map(criteria.map((c) => [c.result.id, c]));

  const indicators: NodeResult[] = [];
  const indicatorTally = new Map<string, Tally>();
  for (const { indicator } of index.indicators) {
    const children = indicator.criteria.map((c) => byCriterion.get(c.id) as ScoredCriterion);
    const tally = capTally(indicator.points, indicator.cap, children.map((c) => c.tally));
    indicatorTally.set(indicator.id, tally);
    indicators.push(nodeResult(indicator, tally, children.map((c) => c.tally)));
  }
  const groups: NodeResult[] = [];
  const tallyGroup = (group: Group): Tally => {
    const parts = [...(group.groups ?? []).map(tallyGroup), ...(group.indicators ?? []).map((i) => indicatorTally.get(i.id) as Tally)];
    const tally = capTally(group.points, group.cap, parts);
    groups.push(nodeResult(group, tally, parts));
    return tally;
  };
  const top = doc.groups.map(tallyGroup);
  const total = sum(top.map((t) => t.points));
  const max = sum(top.map((t) => t.max));
  const complete = criteria.every((c) => c.result.status !== 'notAssessed');
  const ratio = max.gt(0) ? total.div(max) : null;

  const requirements = doc.requirements.map((requirement): RequirementResult => {
    const missing = conditionFacts(requirement.conditions).filter((fact) => own(inputs, fact) === undefined);
    const finding = missing.length > 0 ? 'notAssessed' : metRequirements.has(requirement.id) ? 'met' : 'notMet';
    return {
      id: requirement.id,
      clause: requirement.clause,
      modality: requirement.modality,
      text: requirement.text,
      finding,
      missing,
      gate: finding === 'notMet' && requirement.gate ? requirement.gate.capTier : null,
    };
  });

  let ratioTier: string | null = null;
  let tier: string | null = null;
  if (complete && ratio !== null) {
    const { events: tierEvents } = await rubric.tierEngine.run({ ratio: ratio.toNumber() });
    ratioTier = (tierEvents[0]?.params?.tier as string | undefined) ?? null;
    tier = applyGates(doc.tiers, ratioTier, requirements.flatMap((r) => (r.gate ? [r.gate] : [])));
  }

  return {
    rubric: { id: doc.id, version: doc.version, hash: rubric.hash },
    complete,
    total: total.toNumber(),
    max: max.toNumber(),
    ratio: ratio === null ? null : ratio.toNumber(),
    tier,
    ratioTier,
    groups,
    indicators,
    criteria: criteria.map((c) => c.result),
    requirements,
  };
}

interface ScoredCriterion {
  result: CriterionResult;
  tally: Tally;
}

function scoreCriterion(
  rubric: CompiledRubric,
  entry: CriterionEntry,
  inputs: InputValues,
  notApplicable: Record<string, string>,
  held: Map<string, { rule: number; scoring: Scoring }[]>,
): ScoredCriterion {
  const { index, doc } = rubric;
  const { criterion, indicator } = entry;
  const parent = criterion.parent ? index.criterionById.get(criterion.parent) : undefined;
  const read = [...entry.inputs, ...(parent?.inputs ?? [])];
  const values: InputValues = {};
  for (const id of entry.inputs) {
    const value = own(inputs, id);
    if (value !== undefined) values[id] = value;
  }
  const base = {
    id: criterion.id,
    indicator: indicator.id,
    title: criterion.title,
    clause: criterion.clause ?? indicator.clause,
    max: criterion.points,
    inputs: values,
    missing: [...new Set(read.filter((id) => own(inputs, id) === undefined))],
    rule: null as number | null,
    kind: null as Scoring['kind'] | null,
    arithmetic: '',
    adjustments: [] as string[],
  };
  const reason = own(notApplicable, criterion.id) ?? (parent ? own(notApplicable, parent.criterion.id) : undefined);
  if (reason !== undefined) {
    const result = { ...base, status: 'notApplicable' as const, points: 0, missing: [] };
    return { result: { ...result, explanation: explainCriterion(result, index, reason) }, tally: { points: dec(0), max: dec(0) } };
  }
  if (base.missing.length > 0) {
    const result = { ...base, status: 'notAssessed' as const, points: 0 };
    return { result: { ...result, explanation: explainCriterion(result, index, undefined) }, tally: { points: dec(0), max: dec(criterion.points) } };
  }

  let points = dec(0);
  const fired = held.get(criterion.id) ?? [];
  if (parent && !held.has(parent.criterion.id)) {
    base.adjustments.push(`bonus: parent ${parent.criterion.id} does not hold`);
  } else if (fired.length > 0) {
    // Alternatives: the rule awarding most counts; ties go to the first rule.
    const awards = fired.map((f) => ({ ...f, award: award(f.scoring, inputs) }));
    const best = awards.reduce((a, b) => (b.award.amount.gt(a.award.amount) || (b.award.amount.eq(a.award.amount) && b.rule < a.rule) ? b : a));
    base.rule = best.rule;
    base.kind = best.scoring.kind;
    base.arithmetic = best.award.arithmetic;
    base.adjustments.push(...best.award.adjustments);
    points = best.award.amount;
    const rounded = roundPoints(points, doc.rounding);
    if (!rounded.eq(points)) {
      base.adjustments.push(`rounded ${doc.rounding.mode} to ${doc.rounding.decimals} decimals: ${show(points)} → ${show(rounded)}`);
      points = rounded;
    }
    if (criterion.cap && points.gt(criterion.points)) {
      base.adjustments.push(`criterion cap ${show(criterion.points)}`);
      points = dec(criterion.points);
    }
  }
  const result = { ...base, status: 'scored' as const, points: points.toNumber() };
  return { result: { ...result, explanation: explainCriterion(result, index, undefined) }, tally: { points, max: dec(criterion.points) } };
}

/** Sum of children, capped when the node is a cap; inapplicable children leave the maximum. */
function capTally(declared: number, cap: boolean | undefined, parts: Tally[]): Tally {
  const points = sum(parts.map((p) => p.points));
  const max = sum(parts.map((p) => p.max));
  if (!cap) return { points, max };
  return { points: minBig(points, dec(declared)), max: minBig(max, dec(declared)) };
}

function nodeResult(node: { id: string; title: NodeResult['title']; cap?: boolean; points: number }, tally: Tally, parts: Tally[]): NodeResult {
  return {
    id: node.id,
    title: node.title,
    points: tally.points.toNumber(),
    max: tally.max.toNumber(),
    capped: Boolean(node.cap) && sum(parts.map((p) => p.points)).gt(node.points),
  };
}
