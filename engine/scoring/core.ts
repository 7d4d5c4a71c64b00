/**
 * The scoring core. json-rules-engine decides which rules and requirements hold (or the compiled
 * conditions standing in for it, engine/scoring/decide.ts); everything after that is here, once:
 * awards by kind, the best of alternative rules, bonuses, not applicable, missing inputs,
 * rounding, caps, totals, the ratio, tiers and gates (engine/scoring/tiers.ts), findings and
 * explanations. Single scoring, preview, submit, rescore, impact, gap and the embedded tests all
 * come through `scoreDecided`.
 *
 * Two levels of detail, one computation: `explained` builds every criterion's inputs, arithmetic
 * and explanation; `numbers` stops at the figures impact analyses read. Either reuses a
 * criterion's outcome for the same values of the inputs it reads (its outcome depends on nothing
 * else), which makes live previews and 100,000 assessments cheap.
 */
import { type Amount, type Arithmetic, arithmeticFor } from './amounts.ts';
import type { CompiledRubric } from './compile.ts';
import { dec, roundPoints, show } from './decimal.ts';
import { explainCriterion } from './explain.ts';
import { own } from '../document/lookup.ts';
import { isResultFact, type ResultFact, resultFact } from '../document/result-facts.ts';
import { conditionFacts } from '../document/structure.ts';
import { compileCondition, type ConditionTest, type Facts } from './conditions.ts';
import type { Award, KindContext } from '../kinds/kind.ts';
import { kindOf } from '../kinds/registry.ts';
import { openInputsOfCriterion } from './needed.ts';
import { reachableOf } from './reachable.ts';
import { weighted } from './weights.ts';
import { applyGates, tierBasisOf, tierOfScore } from './tiers.ts';
import type {
  AssessmentInputs,
  CriterionResult,
  CriterionStatus,
  Group,
  InputValues,
  Localized,
  NodeResult,
  Reachable,
  Requirement,
  RequirementResult,
  RoundingMode,
  Scoring,
  ScoreResult,
} from '../types.ts';

/** Which conditions hold for one assessment: the only thing the core asks of json-rules-engine. */
export interface Decider {
  /**
   * Whether outcomes remembered from earlier assessments with the same values may stand in for
   * asking. False for json-rules-engine: a stored result must be the one it decided, not one
   * remembered from the compiled conditions.
   */
  reusable: boolean;
  /** Whether the conditions of rule `n` hold; rules are numbered across criteria in document order. */
  rule(n: number): boolean;
  /** Whether the conditions of requirement `r` (its position in the document) hold. */
  requirement(r: number): boolean;
}

// ---------------------------------------------------------------------------------------------
// The rubric as the core walks it, built once per version
// ---------------------------------------------------------------------------------------------

export interface CoreCriterion {
  slot: number;
  result: Pick<CriterionResult, 'id' | 'indicator' | 'title' | 'clause' | 'max'>;
  /** Number of its first rule (see Decider.rule). */
  firstRule: number;
  scorings: Scoring[];
  parent: CoreCriterion | null;
  /** Inputs its own rules read (shown with the result). */
  ownReads: string[];
  /** Its own inputs then its parent's, without repeats: any of them missing leaves it not assessed. */
  reads: string[];
  cap: boolean;
  max: Amount;
  /** Outcomes by the values of `reads`, per level of detail; null once it proved not to pay. */
  memos: Record<Detail, Memo | null>;
}

interface Memo {
  /** For a criterion reading one yes/no answer (most do): by the answer, with no hashing at all. */
  ifYes: Outcome | undefined;
  ifNo: Outcome | undefined;
  /** By the one value a criterion reads, when it is another primitive (a grade, a count). */
  byValue: Map<unknown, Outcome>;
  /** By a text of every value read (several inputs, lists, -0, a not-applicable reason). */
  byKey: Map<string, Outcome>;
  lookups: number;
  hits: number;
}

export interface CoreNode {
  id: string;
  title: NodeResult['title'];
  declared: Amount;
  cap: boolean;
}

interface CoreIndicator extends CoreNode {
  criteria: number[];
}

/** Groups in post-order (children first), as results list them. */
interface CoreGroup extends CoreNode {
  groups: number[];
  indicators: number[];
  top: boolean;
  /** Its weight (weights.ts); null for a group that adds its points as they are. */
  weight: number | null;
}

/** A requirement as the core judges it. */
export interface CoreRequirement {
  requirement: Requirement;
  /** The inputs its condition reads. */
  facts: string[];
  /** When it reads scored results (engine/document/result-facts.ts): judged after scoring, by this. */
  results: ResultReading | null;
}

/** Where a result read is found once scored. */
type ResultAt = { of: 'total' } | { of: 'ratio' } | { of: 'criterion' | 'indicator' | 'group'; slot: number };

interface ResultReading {
  reads: { fact: string; at: ResultAt }[];
  /** Criterion slots the results read depend on: while one is not assessed, neither is the requirement. */
  criteria: number[];
  test: ConditionTest;
}

/** A rubric version prepared for the core. */
export interface ScoringModel {
  rubric: CompiledRubric;
  criteria: CoreCriterion[];
  indicators: CoreIndicator[];
  groups: CoreGroup[];
  /** Each requirement with the inputs it reads and, when it reads scored results, how to judge it after scoring. */
  requirements: CoreRequirement[];
  /** Rules in total (the size of a decision list). */
  ruleCount: number;
  arithmetic: Arithmetic;
  /** True when amounts are scaled integers (see amounts.ts), false when big.js is used. */
  scaled: boolean;
  /** Most digits after the decimal point any amount can have: the smallest step of a total. */
  decimals: number;
  /** What the kinds look up about the rubric (input and option labels) while awarding. */
  kindContext: KindContext;
}

const MODEL_CACHE_SIZE = 64;
const models = new Map<string, ScoringModel>();

/** The core's model of a compiled rubric, built once per content hash. */
export function scoringModel(rubric: CompiledRubric): ScoringModel {
  const cached = models.get(rubric.hash);
  if (cached) return cached;
  const model = buildModel(rubric);
  if (models.size >= MODEL_CACHE_SIZE) models.delete(models.keys().next().value as string);
  models.set(rubric.hash, model);
  return model;
}

function newMemo(): Memo {
  return { ifYes: undefined, ifNo: undefined, byValue: new Map(), byKey: new Map(), lookups: 0, hits: 0 };
}

function buildModel(rubric: CompiledRubric): ScoringModel {
  const { doc, index } = rubric;
  const { arithmetic, decimals, scaled } = arithmeticFor(index);
  let ruleCount = 0;
  const criteria: CoreCriterion[] = index.criteria.map((entry, slot) => {
    const { criterion, indicator } = entry;
    const core: CoreCriterion = {
      slot,
      result: { id: criterion.id, indicator: indicator.id, title: criterion.title, clause: criterion.clause ?? indicator.clause, max: criterion.points },
      firstRule: ruleCount,
      scorings: criterion.rules.map((rule) => rule.event.params),
      parent: null,
      ownReads: entry.inputs,
      reads: entry.inputs,
      cap: Boolean(criterion.cap),
      max: arithmetic.fromBig(dec(criterion.points)),
      memos: { numbers: newMemo(), explained: newMemo() },
    };
    ruleCount += criterion.rules.length;
    return core;
  });
  const bySlotOfId = new Map<string, CoreCriterion>();
  for (const c of criteria) if (!bySlotOfId.has(c.result.id)) bySlotOfId.set(c.result.id, c);
  for (const c of criteria) {
    const parentId = index.criteria[c.slot].criterion.parent;
    const parent = parentId === undefined ? undefined : bySlotOfId.get(parentId);
    if (!parent) continue;
    c.parent = parent;
    c.reads = [...new Set([...c.ownReads, ...parent.ownReads])];
  }

  const criteriaOf = new Map<object, number[]>();
  index.criteria.forEach((e, i) => {
    const slots = criteriaOf.get(e.indicator);
    if (slots) slots.push(i);
    else criteriaOf.set(e.indicator, [i]);
  });
  const indicatorSlot = new Map<string, number>();
  const indicators: CoreIndicator[] = index.indicators.map(({ indicator }, i) => {
    indicatorSlot.set(indicator.id, i);
    return { id: indicator.id, title: indicator.title, declared: arithmetic.fromBig(dec(indicator.points)), cap: Boolean(indicator.cap), criteria: criteriaOf.get(indicator) ?? [] };
  });
  const groups: CoreGroup[] = [];
  const visit = (group: Group, top: boolean): number => {
    const children = (group.groups ?? []).map((g) => visit(g, false));
    groups.push({
      id: group.id,
      title: group.title,
      declared: arithmetic.fromBig(dec(group.points)),
      cap: Boolean(group.cap),
      groups: children,
      indicators: (group.indicators ?? []).map((i) => indicatorSlot.get(i.id) as number),
      top,
      weight: group.weight ?? null,
    });
    return groups.length - 1;
  };
  for (const group of doc.groups) visit(group, true);
  const requirements = doc.requirements.map((requirement): CoreRequirement => {
    const read = conditionFacts(requirement.conditions);
    const reads = read.flatMap((fact) => {
      const of = resultFact(fact);
      return of ? [{ fact, of }] : [];
    });
    const results: ResultReading | null =
      reads.length === 0
        ? null
        : {
            reads: reads.map(({ fact, of }) => ({ fact, at: resultAt(of, criteria, indicators, groups) })),
            criteria: criteriaUnder(reads.map((r) => r.of), criteria, indicators, groups),
            test: compileCondition(requirement.conditions, []),
          };
    return { requirement, facts: read.filter((fact) => !isResultFact(fact)), results };
  });
  return { rubric, criteria, indicators, groups, requirements, ruleCount, arithmetic, scaled, decimals, kindContext: { inputs: index.inputs } };
}

// ---------------------------------------------------------------------------------------------
// One criterion
// ---------------------------------------------------------------------------------------------

/** What a criterion came to; `detail` only when explaining. */
interface Outcome {
  /** Kept in a memo and shared by every assessment with the same values (its result may be too). */
  remembered?: boolean;
  status: CriterionStatus;
  points: Amount;
  /** What it adds to the maximum: 0 when not applicable. */
  max: Amount;
  rule: number | null;
  kind: Scoring['kind'] | null;
  missing: readonly string[];
  detail: { arithmetic: Required<Localized>; adjustments: Required<Localized>[]; reason?: string } | null;
}

// Placeholder until the explanation, which reads the rest of the result, is written.
const NO_EXPLANATION = Object.freeze({ zh: '', en: '' });

// Nothing awarded, nothing computed.
const NO_ARITHMETIC: Required<Localized> = Object.freeze({ zh: '', en: '' });

/** How amounts are rounded, in the words of Chinese standards. */
const ROUNDING_WORDS: Record<RoundingMode, string> = { 'half-up': '四舍五入', 'half-even': '四舍六入五成双', down: '舍去', up: '进位' };

// Shared by every outcome with nothing to list; frozen so that no consumer can fill it.
const NONE: readonly string[] = Object.freeze([]);

/** The reason a criterion is not applicable: its own mark, or its parent's (a bonus goes with it). */
function notApplicableReason(c: CoreCriterion, marks: Record<string, string>): string | undefined {
  return own(marks, c.result.id) ?? (c.parent ? own(marks, c.parent.result.id) : undefined);
}

function criterionOutcome(model: ScoringModel, c: CoreCriterion, inputs: InputValues, reason: string | undefined, decider: Decider, explain: boolean): Outcome {
  const A = model.arithmetic;
  if (reason !== undefined) return { status: 'notApplicable', points: A.zero, max: A.zero, rule: null, kind: null, missing: NONE, detail: explain ? { arithmetic: NO_ARITHMETIC, adjustments: [], reason } : null };
  const nothing = (adjustments: Required<Localized>[]): Outcome => ({ status: 'scored', points: A.zero, max: c.max, rule: null, kind: null, missing: NONE, detail: explain ? { arithmetic: NO_ARITHMETIC, adjustments } : null });

  // Unanswered inputs leave it not assessed unless the answers given already settle it (a bonus
  // whose parent cannot hold, rules that already fail): then the deciders, which agree with every
  // decided condition, score it below as if the answers were there.
  const missing = missingOf(c.reads, inputs);
  if (missing && !settledWithout(model, c, inputs)) return { status: 'notAssessed', points: A.zero, max: c.max, rule: null, kind: null, missing, detail: explain ? { arithmetic: NO_ARITHMETIC, adjustments: [] } : null };

  // A bonus counts only when some rule of the criterion it builds on holds.
  if (c.parent && !anyRuleHolds(c.parent, decider)) return nothing([{ zh: `加分项：${c.parent.result.id} 的得分条件不成立`, en: `bonus: parent ${c.parent.result.id} does not hold` }]);

  // Alternatives: the rule awarding most counts; ties go to the first rule.
  let best: ({ rule: number } & Award) | null = null;
  for (let r = 0; r < c.scorings.length; r++) {
    if (!decider.rule(c.firstRule + r)) continue;
    const award = kindOf(c.scorings[r]).award(c.scorings[r], inputs, model.kindContext);
    if (best === null || award.amount.gt(best.amount)) best = { rule: r, ...award };
  }
  if (best === null) return nothing([]);

  const { rounding } = model.rubric.doc;
  const adjustments = explain ? [...best.adjustments] : [];
  let points = roundPoints(best.amount, rounding);
  if (explain && !points.eq(best.amount)) {
    const change = `${show(best.amount)} → ${show(points)}`;
    adjustments.push({ zh: `${ROUNDING_WORDS[rounding.mode]}保留 ${rounding.decimals} 位小数：${change}`, en: `rounded ${rounding.mode} to ${rounding.decimals} decimals: ${change}` });
  }
  if (c.cap && points.gt(c.result.max)) {
    if (explain) adjustments.push({ zh: `评分项最高 ${show(c.result.max)} 分`, en: `criterion cap ${show(c.result.max)}` });
    points = dec(c.result.max);
  }
  return { status: 'scored', points: A.fromBig(points), max: c.max, rule: best.rule, kind: c.scorings[best.rule].kind, missing: NONE, detail: explain ? { arithmetic: best.arithmetic, adjustments } : null };
}

/** Whether the answers given settle what the criterion awards, whatever its unanswered inputs become. */
function settledWithout(model: ScoringModel, c: CoreCriterion, inputs: InputValues): boolean {
  const open = new Set<string>();
  openInputsOfCriterion(model, c, inputs, open);
  return open.size === 0;
}

/** The inputs among `ids` that have no value; null when none is missing (no list built). */
function missingOf(ids: readonly string[], inputs: InputValues): string[] | null {
  let missing: string[] | null = null;
  for (const id of ids) {
    if (own(inputs, id) !== undefined) continue;
    missing ??= [];
    missing.push(id);
  }
  return missing;
}

function anyRuleHolds(c: CoreCriterion, decider: Decider): boolean {
  for (let r = 0; r < c.scorings.length; r++) if (decider.rule(c.firstRule + r)) return true;
  return false;
}

// A lookup costs a key (~0.1 µs), a computation a few big.js operations (~2–5 µs): the memo pays
// from a few percent of hits. One that almost never hits (12 monthly counts) is dropped after a trial.
const MEMO_TRIAL = 10_000;
const MEMO_MIN_HITS = MEMO_TRIAL / 20;
const MEMO_LIMIT = 50_000;

/**
 * The outcome for these values of the inputs the criterion reads (and its not-applicable mark),
 * computed once per distinct values: nothing else decides it, whichever decider answers.
 */
function rememberedOutcome(model: ScoringModel, c: CoreCriterion, detail: Detail, memo: Memo, inputs: InputValues, reason: string | undefined, decider: Decider): Outcome {
  // One primitive value is its own key (a Map tells 1 from "1" and true from "true"; only -0,
  // which a Map files under 0 but which scores -0, takes the text key).
  const single = reason === undefined && c.reads.length === 1 ? own(inputs, c.reads[0]) : null;
  const byValue = single !== null && typeof single !== 'object' && !Object.is(single, -0);
  let key = '';
  if (!byValue) {
    key = reason === undefined ? '' : `${JSON.stringify(reason)}|`;
    for (const id of c.reads) key += `${valueKey(own(inputs, id))}|`;
  }
  memo.lookups += 1;
  const known = single === true ? memo.ifYes : single === false ? memo.ifNo : byValue ? memo.byValue.get(single) : memo.byKey.get(key);
  if (known) {
    memo.hits += 1;
    return known;
  }
  const outcome = criterionOutcome(model, c, inputs, reason, decider, detail === 'explained');
  if (memo.lookups === MEMO_TRIAL && memo.hits < MEMO_MIN_HITS) c.memos[detail] = null;
  else {
    const outcomes = byValue ? memo.byValue : memo.byKey;
    if (outcomes.size >= MEMO_LIMIT) outcomes.clear();
    outcome.remembered = true;
    if (single === true) memo.ifYes = outcome;
    else if (single === false) memo.ifNo = outcome;
    else if (byValue) memo.byValue.set(single, outcome);
    else memo.byKey.set(key, outcome);
  }
  return outcome;
}

/** A self-delimiting text for an input value, so that concatenated keys are unambiguous. */
function valueKey(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return value === 0 && 1 / value < 0 ? '-0' : String(value);
    case 'boolean':
      return value ? 't' : 'f';
    case 'undefined':
      return 'u';
    case 'string':
      return JSON.stringify(value);
    default:
      if (Array.isArray(value)) return `[${value.map(valueKey).join(',')}]`;
      // Inputs are checked before scoring, so no other value arrives; should one, it gets a key
      // no other value shares and is simply not reused.
      return `o${++uniqueKeys}`;
  }
}
let uniqueKeys = 0;

// ---------------------------------------------------------------------------------------------
// The whole assessment
// ---------------------------------------------------------------------------------------------

/** The figures of one scoring (what impact analyses read), before result objects are built. */
export interface ScoreNumbers {
  complete: boolean;
  total: number;
  max: number;
  ratio: number | null;
  tier: string | null;
  ratioTier: string | null;
  /** What an incomplete result can still become; null when complete. */
  reachable: Reachable | null;
  /** Per indicator, in model order. */
  indicatorPoints: number[];
  indicatorMax: number[];
  /** Ids of the requirements not met whose gate applies. */
  gates: string[];
  /** Per criterion and per requirement, in model order. */
  outcomes: readonly Outcome[];
  findings: RequirementResult['finding'][];
  requirementMissing: (readonly string[])[];
  groupTallies: Tally[];
  indicatorTallies: Tally[];
}

interface Tally {
  points: Amount;
  max: Amount;
  capped: boolean;
  /** A weighted group's own points and maximum, before weighting. */
  credits?: { points: Amount; max: Amount };
}

export type Detail = 'explained' | 'numbers';

/**
 * Scores an assessment (inputs already checked) from the decisions of json-rules-engine or of the
 * compiled conditions. `numbers` gives the figures only; `explained` is for `explainedResult`.
 */
export function scoreDecided(model: ScoringModel, assessment: AssessmentInputs, decider: Decider, detail: Detail): ScoreNumbers {
  const A = model.arithmetic;
  const inputs = assessment.inputs;
  // Most assessments mark nothing not applicable: then no criterion looks for a mark.
  const marks = assessment.notApplicable && Object.keys(assessment.notApplicable).length > 0 ? assessment.notApplicable : null;
  const explain = detail === 'explained';

  const outcomes: Outcome[] = new Array(model.criteria.length);
  for (let i = 0; i < model.criteria.length; i++) {
    const c = model.criteria[i];
    const memo = decider.reusable ? c.memos[detail] : null;
    const reason = marks ? notApplicableReason(c, marks) : undefined;
    outcomes[i] = memo ? rememberedOutcome(model, c, detail, memo, inputs, reason, decider) : criterionOutcome(model, c, inputs, reason, decider, explain);
  }

  const indicatorTallies: Tally[] = new Array(model.indicators.length);
  const indicatorPoints: number[] = new Array(model.indicators.length);
  const indicatorMax: number[] = new Array(model.indicators.length);
  for (let i = 0; i < model.indicators.length; i++) {
    const node = model.indicators[i];
    let points = A.zero;
    let max = A.zero;
    for (const c of node.criteria) {
      points = A.add(points, outcomes[c].points);
      max = A.add(max, outcomes[c].max);
    }
    const tally = capTally(A, node, points, max);
    indicatorTallies[i] = tally;
    indicatorPoints[i] = A.toNumber(tally.points);
    indicatorMax[i] = A.toNumber(tally.max);
  }
  const groupTallies: Tally[] = new Array(model.groups.length);
  let total = A.zero;
  let max = A.zero;
  for (let g = 0; g < model.groups.length; g++) {
    const node = model.groups[g];
    let points = A.zero;
    let nodeMax = A.zero;
    for (const child of node.groups) {
      points = A.add(points, groupTallies[child].points);
      nodeMax = A.add(nodeMax, groupTallies[child].max);
    }
    for (const child of node.indicators) {
      points = A.add(points, indicatorTallies[child].points);
      nodeMax = A.add(nodeMax, indicatorTallies[child].max);
    }
    const tally = weighTally(model, node, capTally(A, node, points, nodeMax));
    groupTallies[g] = tally;
    if (node.top) {
      total = A.add(total, tally.points);
      max = A.add(max, tally.max);
    }
  }

  let criteriaAssessed = true;
  for (const outcome of outcomes) if (outcome.status === 'notAssessed') criteriaAssessed = false;
  const ratio = A.ratio(total, max);

  const findings: RequirementResult['finding'][] = new Array(model.requirements.length);
  const requirementMissing: (readonly string[])[] = new Array(model.requirements.length);
  let gates: string[] | null = null;
  let capTiers: string[] | null = null;
  let gatesJudged = true;
  for (let r = 0; r < model.requirements.length; r++) {
    const { requirement, facts, results } = model.requirements[r];
    const missing = missingOf(facts, inputs);
    let finding: RequirementResult['finding'];
    if (missing) finding = 'notAssessed';
    else if (!results) finding = decider.requirement(r) ? 'met' : 'notMet';
    // Results read are judged once every criterion they add up is assessed.
    else if (results.criteria.some((c) => outcomes[c].status === 'notAssessed')) finding = 'notAssessed';
    else {
      const scored = { total: A.toNumber(total), ratio, outcomes, indicatorPoints, groupTallies };
      finding = results.test({ ...(inputs as Facts), ...resultValues(results, scored, A) }) ? 'met' : 'notMet';
    }
    findings[r] = finding;
    requirementMissing[r] = missing ?? NONE;
    if (finding === 'notAssessed' && requirement.gate) gatesJudged = false;
    if (finding === 'notMet' && requirement.gate) {
      gates ??= [];
      capTiers ??= [];
      gates.push(requirement.id);
      capTiers.push(requirement.gate.capTier);
    }
  }

  // Complete: every criterion assessed and every gate judged. A gate whose answer is missing may
  // yet cap the tier, so the tier waits for it (the ratio's tier does not).
  const complete = criteriaAssessed && gatesJudged;
  const { tiers } = model.rubric.doc;
  const ratioTier = criteriaAssessed ? tierOfScore(tiers, tierBasisOf(model.rubric.doc), { total: A.toNumber(total), ratio }) : null;
  const tier = complete ? applyGates(tiers, ratioTier, capTiers ?? NONE) : null;
  return {
    complete,
    total: A.toNumber(total),
    max: A.toNumber(max),
    ratio,
    tier,
    ratioTier,
    reachable: complete ? null : reachableOf(model, assessment, outcomes, max, findings, groupTallies.map((t) => t.credits?.max)),
    indicatorPoints,
    indicatorMax,
    gates: gates ?? (NONE as string[]),
    outcomes,
    findings,
    requirementMissing,
    groupTallies,
    indicatorTallies,
  };
}

/** Criterion slots whose points make up the results read: all of them for the total or the ratio. */
function criteriaUnder(reads: ResultFact[], criteria: CoreCriterion[], indicators: CoreIndicator[], groups: CoreGroup[]): number[] {
  const slots = new Set<number>();
  const ofGroup = (g: number): void => {
    for (const child of groups[g].groups) ofGroup(child);
    for (const i of groups[g].indicators) for (const c of indicators[i].criteria) slots.add(c);
  };
  for (const read of reads) {
    if (read.of !== 'points') criteria.forEach((_, c) => slots.add(c));
    else {
      criteria.forEach((c, slot) => c.result.id === read.node && slots.add(slot));
      indicators.forEach((node) => node.id === read.node && node.criteria.forEach((c) => slots.add(c)));
      groups.forEach((node, g) => node.id === read.node && ofGroup(g));
    }
  }
  return [...slots];
}

/** Where a result is found: a node id is looked for among criteria, then indicators, then groups (ids are unique across them). */
function resultAt(of: ResultFact, criteria: CoreCriterion[], indicators: CoreIndicator[], groups: CoreGroup[]): ResultAt {
  if (of.of !== 'points') return of;
  const criterion = criteria.findIndex((c) => c.result.id === of.node);
  if (criterion >= 0) return { of: 'criterion', slot: criterion };
  const indicator = indicators.findIndex((n) => n.id === of.node);
  if (indicator >= 0) return { of: 'indicator', slot: indicator };
  return { of: 'group', slot: groups.findIndex((n) => n.id === of.node) };
}

/** The values of the results a requirement reads, as facts beside the inputs. */
function resultValues(reading: ResultReading, scored: { total: number; ratio: number | null; outcomes: Outcome[]; indicatorPoints: number[]; groupTallies: Tally[] }, A: Arithmetic): Facts {
  const values: Facts = {};
  for (const { fact, at } of reading.reads) {
    if (at.of === 'total') values[fact] = scored.total;
    else if (at.of === 'ratio') values[fact] = scored.ratio ?? undefined;
    else if (at.of === 'criterion') values[fact] = A.toNumber(scored.outcomes[at.slot].points);
    else if (at.of === 'indicator') values[fact] = scored.indicatorPoints[at.slot];
    else values[fact] = A.toNumber(scored.groupTallies[at.slot].points);
  }
  return values;
}

/** Sum of children, capped when the node is a cap; inapplicable children have left the maximum. */
/** A weighted group's tally: its credits weighed (weights.ts), kept beside the weighted figures. */
function weighTally(model: ScoringModel, node: CoreGroup, tally: Tally): Tally {
  if (node.weight === null) return tally;
  return { ...weighted(model.arithmetic, model.rubric.doc.rounding, node.weight, tally.points, tally.max), capped: tally.capped, credits: { points: tally.points, max: tally.max } };
}

function capTally(A: Arithmetic, node: CoreNode, points: Amount, max: Amount): Tally {
  if (!node.cap) return { points, max, capped: false };
  return { points: A.min(points, node.declared), max: A.min(max, node.declared), capped: A.gt(points, node.declared) };
}

/** The full result of an `explained` scoring: every criterion with its inputs, arithmetic and explanation. */
/** Criterion results of remembered outcomes (see explainedResult). */
const resultOfOutcome = new WeakMap<Outcome, CriterionResult>();

export function explainedResult(model: ScoringModel, assessment: AssessmentInputs, numbers: ScoreNumbers): ScoreResult {
  const { rubric, arithmetic: A } = model;
  const { index } = rubric;
  const criteria = model.criteria.map((c, i): CriterionResult => {
    const o = numbers.outcomes[i];
    // A remembered outcome stands for the same values of everything the criterion reads, so its
    // result (inputs, arithmetic, explanation) is the same too: made once, frozen, shared.
    const known = resultOfOutcome.get(o);
    if (known) return known;
    const values: InputValues = {};
    for (const id of c.ownReads) {
      const value = own(assessment.inputs, id);
      if (value !== undefined) values[id] = value;
    }
    // Written out, not spread: V8 builds a spread object with added properties several times slower.
    const result: CriterionResult = {
      id: c.result.id,
      indicator: c.result.indicator,
      title: c.result.title,
      clause: c.result.clause,
      status: o.status,
      points: A.toNumber(o.points),
      max: c.result.max,
      rule: o.rule,
      kind: o.kind,
      inputs: values,
      missing: [...o.missing],
      // The result keeps the English words (a record); the explanation says them in both languages.
      arithmetic: o.detail?.arithmetic.en ?? '',
      adjustments: o.detail ? o.detail.adjustments.map((a) => a.en) : [],
      explanation: NO_EXPLANATION,
    };
    result.explanation = explainCriterion(result, index, o.detail ?? undefined);
    if (o.remembered) {
      for (const part of [result.inputs, result.missing, result.adjustments, result.explanation]) Object.freeze(part);
      resultOfOutcome.set(o, Object.freeze(result));
    }
    return result;
  });
  const node = (n: CoreNode, t: Tally): NodeResult => ({
    id: n.id,
    title: n.title,
    points: A.toNumber(t.points),
    max: A.toNumber(t.max),
    capped: t.capped,
    ...(t.credits && { credits: { points: A.toNumber(t.credits.points), max: A.toNumber(t.credits.max) } }),
  });
  return {
    rubric: { id: rubric.doc.id, version: rubric.doc.version, hash: rubric.hash },
    complete: numbers.complete,
    total: numbers.total,
    max: numbers.max,
    ratio: numbers.ratio,
    tier: numbers.tier,
    ratioTier: numbers.ratioTier,
    reachable: numbers.reachable,
    groups: model.groups.map((g, i) => node(g, numbers.groupTallies[i])),
    indicators: model.indicators.map((n, i) => node(n, numbers.indicatorTallies[i])),
    criteria,
    requirements: model.requirements.map(({ requirement }, r): RequirementResult => ({
      id: requirement.id,
      clause: requirement.clause,
      modality: requirement.modality,
      text: requirement.text,
      finding: numbers.findings[r],
      missing: [...numbers.requirementMissing[r]],
      gate: numbers.findings[r] === 'notMet' && requirement.gate ? requirement.gate.capTier : null,
    })),
  };
}
