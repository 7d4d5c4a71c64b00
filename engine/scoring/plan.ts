/**
 * The fast evaluation path. `evaluate` runs json-rules-engine, which is the definition of the
 * semantics but costs tens of microseconds per rule; impact analyses score hundreds of thousands
 * of assessments. A scoring plan is compiled once per rubric version (cached by content hash)
 * from the same rubric document:
 *
 * - conditions become closures over the plain-key fact values that reproduce json-rules-engine's
 *   default operators exactly (strict equality, `contains` only on arrays, numeric operators
 *   false for non-numeric facts, undefined facts allowed, `any: []` true) — no eval, no Function;
 * - points come from the same scoring kinds (engine/scoring/scoring.ts, big.js), memoized per criterion
 *   by the values of the inputs it reads, since a criterion's outcome depends on nothing else;
 * - sums, caps and the ratio use exact scaled integers when the rubric's decimals allow it
 *   (otherwise big.js throughout), converted to numbers exactly as `Big#toNumber` does.
 *
 * test/engine/plan-equivalence.test.ts checks with fast-check that it gives the results
 * `evaluate` gives. Explanations are not produced (see FastScoreResult).
 */
import type { CompiledRubric } from './compile.ts';
import { type Big, dec, roundPoints } from './decimal.ts';
import { checkInputs } from './inputs.ts';
import { own } from '../document/lookup.ts';
import { plainPathResolver } from './path-resolver.ts';
import { award } from './scoring.ts';
import { conditionFacts, criterionInputs } from '../document/structure.ts';
import { applyGates, tierOfRatio } from './tiers.ts';
import type {
  AssessmentInputs,
  Condition,
  ConditionValue,
  Criterion,
  CriterionStatus,
  FastCriterionResult,
  FastScoreResult,
  Group,
  InputValues,
  NodeResult,
  Operator,
  RequirementResult,
  Scoring,
  Tier,
} from '../types.ts';
import type { EvaluateOptions } from './evaluate.ts';

type Facts = Record<string, unknown>;
type Test = (facts: Facts) => boolean;
type Read = (facts: Facts) => unknown;

// ---------------------------------------------------------------------------------------------
// Conditions: json-rules-engine 7.3.1 semantics, closure by closure
// ---------------------------------------------------------------------------------------------

/** json-rules-engine's numberValidator: numeric operators are false unless parseFloat succeeds. */
const numeric = (a: unknown): boolean => Number.parseFloat(a as string).toString() !== 'NaN';

// The library's default operators, with their fact validators (engine-default-operators.js).
// `in`/`notIn` call `indexOf` on the value as the library does, so a string value matches
// substrings and a value without `indexOf` throws (see guards below).
// biome-ignore lint/suspicious/noExplicitAny: the operators compare whatever JSON holds, as the library does
const OPERATORS: Record<Operator, (a: any, b: any) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => b.indexOf(a) > -1,
  notIn: (a, b) => b.indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => numeric(a) && a < b,
  lessThanInclusive: (a, b) => numeric(a) && a <= b,
  greaterThan: (a, b) => numeric(a) && a > b,
  greaterThanInclusive: (a, b) => numeric(a) && a >= b,
};

/**
 * Reads a fact as the almanac does with allowUndefinedFacts: an absent fact is undefined; a path
 * is resolved only when the fact value is an object (arrays included), otherwise the value itself.
 */
function factReader(fact: string, path: string | undefined): Read {
  if (!path) return (facts) => (Object.hasOwn(facts, fact) ? facts[fact] : undefined);
  return (facts) => {
    const value = Object.hasOwn(facts, fact) ? facts[fact] : undefined;
    return value !== null && typeof value === 'object' ? plainPathResolver(value, path) : value;
  };
}

function isFactReference(value: ConditionValue): value is { fact: string; path?: string } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, 'fact');
}

/**
 * Compiles a condition tree into a test over the fact values. json-rules-engine evaluates every
 * condition of every rule (one priority set, Promise.all), so a condition that throws fails the
 * whole run whatever the other results; such conditions are collected in `guards`, to be run
 * before anything else. Fact values are JSON values, as inputs are: a value that throws when
 * converted to a primitive (a null-prototype object) could throw in a condition the closure
 * short-circuits past. Exported for the equivalence test.
 */
export function compileCondition(condition: Condition, guards: ((facts: Facts) => void)[]): Test {
  if ('all' in condition) {
    const parts = condition.all.map((c) => compileCondition(c, guards));
    return (facts) => {
      for (const part of parts) if (!part(facts)) return false;
      return true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => compileCondition(c, guards));
    // The library resolves an empty condition list to true, for `any` as for `all`.
    if (parts.length === 0) return () => true;
    return (facts) => {
      for (const part of parts) if (part(facts)) return true;
      return false;
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not, guards);
    return (facts) => !inner(facts);
  }
  const left = factReader(condition.fact, condition.path);
  const operator = OPERATORS[condition.operator];
  const { value } = condition;
  const indexed = condition.operator === 'in' || condition.operator === 'notIn';
  if (isFactReference(value)) {
    const right = factReader(value.fact, value.path);
    if (indexed) guards.push((facts) => requireIndexOf(right(facts), condition.operator));
    return (facts) => operator(left(facts), right(facts));
  }
  if (indexed && !Array.isArray(value) && typeof value !== 'string') guards.push(() => requireIndexOf(value, condition.operator));
  return (facts) => operator(left(facts), value);
}

/** `in` against a value without indexOf throws a TypeError inside json-rules-engine too. */
function requireIndexOf(value: unknown, operator: string): void {
  if (typeof value !== 'string' && !Array.isArray(value)) throw new TypeError(`"${operator}" compares with ${JSON.stringify(value) ?? 'undefined'}, which is not a list`);
}

// ---------------------------------------------------------------------------------------------
// Exact amounts: scaled integers when safe, big.js otherwise
// ---------------------------------------------------------------------------------------------

/** Amounts in one representation: numbers scaled by 10^decimals, or Big. */
type Amount = number | Big;

interface Arithmetic {
  fromBig(value: Big): Amount;
  zero: Amount;
  add(a: Amount, b: Amount): Amount;
  min(a: Amount, b: Amount): Amount;
  gt(a: Amount, b: Amount): boolean;
  /** The number `Big#toNumber` gives for the same decimal. */
  toNumber(a: Amount): number;
  /** total / max as `evaluate` computes it (big.js, 20 decimal places), null when max is 0. */
  ratio(total: Amount, max: Amount): number | null;
}

/**
 * Scaled integers: exact while every amount is a multiple of 10^-decimals and every sum stays
 * below 2^53. n / 10^d is one correctly rounded division, the same double Number("…") gives.
 */
function scaledArithmetic(decimals: number): Arithmetic {
  const scale = 10 ** decimals;
  const ratios = new Map<number, Map<number, number>>();
  return {
    // toFixed drops the sign of a negative zero that Big#toNumber keeps (an input of -0 gives -0 points).
    fromBig: (value) => (value.c[0] === 0 ? (value.s < 0 ? -0 : 0) : Number(value.times(scale).toFixed(0))),
    zero: 0,
    add: (a, b) => (a as number) + (b as number),
    min: (a, b) => Math.min(a as number, b as number),
    gt: (a, b) => (a as number) > (b as number),
    toNumber: (a) => (a as number) / scale,
    ratio: (total, max) => {
      if ((max as number) <= 0) return null;
      // The quotient is the same at any common scale; big.js rounds it to Big.DP places.
      let byMax = ratios.get(max as number);
      if (!byMax) {
        byMax = new Map();
        ratios.set(max as number, byMax);
      }
      let ratio = byMax.get(total as number);
      if (ratio === undefined) {
        ratio = dec(total as number).div(max as number).toNumber();
        if (byMax.size < 100_000) byMax.set(total as number, ratio);
      }
      return ratio;
    },
  };
}

const bigArithmetic: Arithmetic = {
  fromBig: (value) => value,
  zero: dec(0),
  add: (a, b) => (a as Big).plus(b as Big),
  min: (a, b) => ((a as Big).lt(b as Big) ? a : b),
  gt: (a, b) => (a as Big).gt(b as Big),
  toNumber: (a) => (a as Big).toNumber(),
  ratio: (total, max) => ((max as Big).gt(0) ? (total as Big).div(max as Big).toNumber() : null),
};

/** Digits after the decimal point of a declared number (0.125 → 3). */
function decimalsOf(value: number): number {
  const text = dec(value).toFixed();
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}

// ---------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------

interface PlannedRule {
  index: number;
  test: Test;
  scoring: Scoring;
  /** fixed scoring: the amount awarded after rounding and the criterion cap, precomputed. */
  fixedAmount: Amount | null;
  /** fixed scoring: the raw amount compared between alternatives (before rounding). */
  fixedRaw: number;
}


interface PlannedCriterion {
  criterion: Criterion;
  indicator: string;
  clause: string;
  /** Own inputs then the parent's: what `evaluate` checks for missing values. */
  reads: string[];
  rules: PlannedRule[];
  parent: PlannedCriterion | null;
  max: Amount;
  /** Every rule is fixed: outcomes are computed directly, no memo needed. */
  allFixed: boolean;
  /** Outcomes shared by every run: nothing held, each fixed rule, not applicable. */
  nothing: CriterionOutcome;
  byRule: (CriterionOutcome | null)[];
  inapplicable: CriterionOutcome;
  memo: Map<string, CriterionOutcome> | null;
  lookups: number;
  hits: number;
  /** A single deduction rule over whole numbers, computed in integers (see integerDeduction). */
  deduction: IntegerDeduction | null;
}

/** A deduction scoring with every amount scaled to integers of 10^-k, k ≤ the rounding decimals. */
interface IntegerDeduction {
  start: number;
  floor: number;
  terms: { input: string; points: number; when: boolean; below: number | undefined; blockSize: number | undefined; started: boolean }[];
  /** 10^(plan decimals − k): converts the amount to the plan's scale. */
  toPlan: number;
  outcomes: Map<number, CriterionOutcome>;
}

interface PlannedNode {
  id: string;
  title: NodeResult['title'];
  declared: Amount;
  cap: boolean;
}

interface PlannedIndicator extends PlannedNode {
  criteria: number[];
}

/** Groups in post-order, as `evaluate` lists them; children index indicators or earlier groups. */
interface PlannedGroup extends PlannedNode {
  groups: number[];
  indicators: number[];
  top: boolean;
}

interface PlannedRequirement {
  requirement: RubricRequirement;
  test: Test;
  facts: string[];
}

type RubricRequirement = CompiledRubric['doc']['requirements'][number];

/** A rubric version compiled for fast scoring; build it with `scoringPlan`. */
export interface ScoringPlan {
  rubric: CompiledRubric;
  /** Criteria, indicators and groups in `evaluate`'s result order. */
  criteria: PlannedCriterion[];
  indicators: PlannedIndicator[];
  groups: PlannedGroup[];
  requirements: PlannedRequirement[];
  tiers: Tier[];
  guards: ((facts: Facts) => void)[];
  arithmetic: Arithmetic;
  /** True when amounts are scaled integers (fast), false when big.js is used. */
  scaled: boolean;
  /** Most digits after the decimal point any amount can have. */
  decimals: number;
}

const MEMO_LIMIT = 50_000;
const PLAN_CACHE_SIZE = 64;
const plans = new Map<string, ScoringPlan>();

/** The scoring plan of a compiled rubric, compiled once per content hash. */
export function scoringPlan(rubric: CompiledRubric): ScoringPlan {
  const cached = plans.get(rubric.hash);
  if (cached) return cached;
  const plan = compilePlan(rubric);
  if (plans.size >= PLAN_CACHE_SIZE) plans.delete(plans.keys().next().value as string);
  plans.set(rubric.hash, plan);
  return plan;
}

function compilePlan(rubric: CompiledRubric): ScoringPlan {
  const { doc, index } = rubric;
  const guards: ((facts: Facts) => void)[] = [];

  // Scale: every amount a node can hold is a rounded criterion amount, a declared maximum or 0.
  const declared = [...index.groups.map((g) => g.group.points), ...index.indicators.map((i) => i.indicator.points), ...index.criteria.map((c) => c.criterion.points)];
  const decimals = Math.max(doc.rounding.decimals, ...declared.map(decimalsOf));
  const ceiling = declared.reduce((a, b) => a + b, 0) * 10 ** decimals;
  const scaled = decimals <= 15 && ceiling < 2 ** 50;
  const arithmetic = scaled ? scaledArithmetic(decimals) : bigArithmetic;

  const criteria: PlannedCriterion[] = [];
  const byId = new Map<string, PlannedCriterion>();
  for (const entry of index.criteria) {
    const { criterion, indicator } = entry;
    const rules = criterion.rules.map((rule, r): PlannedRule => {
      const scoring = rule.event.params;
      let fixedAmount: Amount | null = null;
      if (scoring.kind === 'fixed') {
        let amount = roundPoints(dec(scoring.points), doc.rounding);
        if (criterion.cap && amount.gt(criterion.points)) amount = dec(criterion.points);
        fixedAmount = arithmetic.fromBig(amount);
      }
      return { index: r, test: compileCondition(rule.conditions, guards), scoring, fixedAmount, fixedRaw: scoring.kind === 'fixed' ? scoring.points : 0 };
    });
    const max = arithmetic.fromBig(dec(criterion.points));
    const planned: PlannedCriterion = {
      criterion,
      indicator: indicator.id,
      clause: criterion.clause ?? indicator.clause,
      reads: entry.inputs,
      rules,
      parent: null,
      max,
      allFixed: rules.every((r) => r.fixedAmount !== null),
      nothing: { status: 'scored', points: arithmetic.zero, max, rule: null, kind: null, missing: NONE },
      byRule: rules.map((r) => (r.fixedAmount === null ? null : { status: 'scored', points: r.fixedAmount, max, rule: r.index, kind: 'fixed', missing: NONE })),
      inapplicable: { status: 'notApplicable', points: arithmetic.zero, max: arithmetic.zero, rule: null, kind: null, missing: NONE },
      memo: new Map(),
      lookups: 0,
      hits: 0,
      deduction: null,
    };
    if (scaled) planned.deduction = integerDeductionOf(criterion, doc.rounding.decimals, decimals);
    criteria.push(planned);
    if (!byId.has(criterion.id)) byId.set(criterion.id, planned);
  }
  for (const planned of criteria) {
    const parentId = planned.criterion.parent;
    if (parentId === undefined) continue;
    const parent = byId.get(parentId) ?? null;
    planned.parent = parent;
    // evaluate reads the parent's inputs too (duplicates kept out of the missing list).
    if (parent) planned.reads = [...new Set([...planned.reads, ...criterionInputs(parent.criterion)])];
  }

  const indicators: PlannedIndicator[] = [];
  const indicatorSlot = new Map<string, number>();
  // Criteria slots by indicator, in one pass (not one pass over all criteria per indicator).
  const criteriaOf = new Map<object, number[]>();
  index.criteria.forEach((e, i) => {
    const slots = criteriaOf.get(e.indicator);
    if (slots) slots.push(i);
    else criteriaOf.set(e.indicator, [i]);
  });
  for (const { indicator } of index.indicators) {
    indicatorSlot.set(indicator.id, indicators.length);
    indicators.push({
      id: indicator.id,
      title: indicator.title,
      declared: arithmetic.fromBig(dec(indicator.points)),
      cap: Boolean(indicator.cap),
      criteria: criteriaOf.get(indicator) ?? [],
    });
  }
  const groups: PlannedGroup[] = [];
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
    });
    return groups.length - 1;
  };
  for (const group of doc.groups) visit(group, true);

  const requirements = doc.requirements.map((requirement) => ({ requirement, test: compileCondition(requirement.conditions, guards), facts: conditionFacts(requirement.conditions) }));
  return { rubric, criteria, indicators, groups, requirements, tiers: doc.tiers, guards, arithmetic, scaled, decimals };
}

// ---------------------------------------------------------------------------------------------
// Running a plan
// ---------------------------------------------------------------------------------------------

/** The numbers of one scoring, before result objects are built (what impact analyses read). */
export interface PlanRun {
  complete: boolean;
  total: number;
  max: number;
  ratio: number | null;
  tier: string | null;
  ratioTier: string | null;
  /** Per indicator, in plan.indicators order. */
  indicatorPoints: number[];
  indicatorMax: number[];
  /** Ids of the requirements not met whose gate applies (cap imposed). */
  gates: string[];
  /** Internals for building the full result. */
  outcomes: CriterionOutcome[];
  findings: RequirementResult['finding'][];
  requirementMissing: string[][];
  groupTallies: Tally[];
  indicatorTallies: Tally[];
}

interface CriterionOutcome {
  status: CriterionStatus;
  points: Amount;
  max: Amount;
  rule: number | null;
  kind: Scoring['kind'] | null;
  missing: string[];
}

interface Tally {
  points: Amount;
  max: Amount;
  capped: boolean;
}

// Shared by every run that has nothing to list; frozen so that no consumer can fill it.
const NONE = Object.freeze([]) as unknown as string[];

/**
 * Scores one assessment with the plan: the numbers `evaluate` gives, synchronously.
 * @throws RubricStudioError INPUTS_INVALID or INPUTS_INCOMPLETE, as `evaluate`
 */
export function runPlan(plan: ScoringPlan, assessment: AssessmentInputs, options: EvaluateOptions = {}): PlanRun {
  const { rubric, arithmetic: A } = plan;
  checkInputs(rubric.index, rubric.inputChecker, assessment, options.requireComplete ?? false);
  const inputs = assessment.inputs as Facts;
  const notApplicable = (assessment.notApplicable ?? {}) as Record<string, string | undefined>;
  for (const guard of plan.guards) guard(inputs);

  const outcomes: CriterionOutcome[] = new Array(plan.criteria.length);
  for (let i = 0; i < plan.criteria.length; i++) {
    const planned = plan.criteria[i];
    const { criterion, parent } = planned;
    const reason = own(notApplicable, criterion.id) ?? (parent ? own(notApplicable, parent.criterion.id) : undefined);
    if (reason !== undefined) outcomes[i] = planned.inapplicable;
    else if (planned.allFixed) outcomes[i] = fixedOutcome(planned, inputs);
    else if (planned.deduction) outcomes[i] = deductionOutcome(plan, planned, planned.deduction, inputs);
    else if (planned.memo) outcomes[i] = memoOutcome(plan, planned, planned.memo, inputs);
    else outcomes[i] = computeOutcome(plan, planned, inputs);
  }

  const indicatorTallies: Tally[] = new Array(plan.indicators.length);
  const indicatorPoints: number[] = new Array(plan.indicators.length);
  const indicatorMax: number[] = new Array(plan.indicators.length);
  for (let i = 0; i < plan.indicators.length; i++) {
    const node = plan.indicators[i];
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
  const groupTallies: Tally[] = new Array(plan.groups.length);
  let total = A.zero;
  let max = A.zero;
  for (let g = 0; g < plan.groups.length; g++) {
    const node = plan.groups[g];
    let points = A.zero;
    let nodeMax = A.zero;
    // evaluate sums sub-groups first, then indicators.
    for (const child of node.groups) {
      points = A.add(points, groupTallies[child].points);
      nodeMax = A.add(nodeMax, groupTallies[child].max);
    }
    for (const child of node.indicators) {
      points = A.add(points, indicatorTallies[child].points);
      nodeMax = A.add(nodeMax, indicatorTallies[child].max);
    }
    const tally = capTally(A, node, points, nodeMax);
    groupTallies[g] = tally;
    if (node.top) {
      total = A.add(total, tally.points);
      max = A.add(max, tally.max);
    }
  }

  let complete = true;
  for (const outcome of outcomes) if (outcome.status === 'notAssessed') complete = false;
  const ratio = A.ratio(total, max);

  const findings: RequirementResult['finding'][] = new Array(plan.requirements.length);
  const requirementMissing: string[][] = new Array(plan.requirements.length);
  let gates = NONE;
  let capTiers = NONE;
  for (let r = 0; r < plan.requirements.length; r++) {
    const { requirement, test, facts } = plan.requirements[r];
    let missing = NONE;
    for (const fact of facts) if (own(inputs, fact) === undefined) missing = missing === NONE ? [fact] : [...missing, fact];
    const finding = missing.length > 0 ? 'notAssessed' : test(inputs) ? 'met' : 'notMet';
    findings[r] = finding;
    requirementMissing[r] = missing;
    if (finding === 'notMet' && requirement.gate) {
      gates = gates === NONE ? [requirement.id] : [...gates, requirement.id];
      capTiers = capTiers === NONE ? [requirement.gate.capTier] : [...capTiers, requirement.gate.capTier];
    }
  }

  let ratioTier: string | null = null;
  let tier: string | null = null;
  if (complete && ratio !== null) {
    ratioTier = tierOfRatio(plan.tiers, ratio);
    tier = applyGates(plan.tiers, ratioTier, capTiers);
  }
  return {
    complete,
    total: A.toNumber(total),
    max: A.toNumber(max),
    ratio,
    tier,
    ratioTier,
    indicatorPoints,
    indicatorMax,
    gates,
    outcomes,
    findings,
    requirementMissing,
    groupTallies,
    indicatorTallies,
  };
}

function capTally(A: Arithmetic, node: PlannedNode, points: Amount, max: Amount): Tally {
  if (!node.cap) return { points, max, capped: false };
  return { points: A.min(points, node.declared), max: A.min(max, node.declared), capped: A.gt(points, node.declared) };
}

/** Missing inputs among those a criterion reads, in evaluate's order. */
function missingOf(planned: PlannedCriterion, inputs: Facts): string[] {
  let missing = NONE;
  for (const id of planned.reads) if (own(inputs, id) === undefined) missing = missing === NONE ? [id] : [...missing, id];
  return missing;
}

/** Whether any rule of the criterion holds (a bonus counts only when its parent's does). */
function holds(planned: PlannedCriterion, inputs: Facts): boolean {
  for (const rule of planned.rules) if (rule.test(inputs)) return true;
  return false;
}

/** Criteria with only fixed rules: the best holding rule's precomputed outcome. */
function fixedOutcome(planned: PlannedCriterion, inputs: Facts): CriterionOutcome {
  const missing = missingOf(planned, inputs);
  if (missing.length > 0) return { ...planned.nothing, status: 'notAssessed', missing };
  if (planned.parent && !holds(planned.parent, inputs)) return planned.nothing;
  let best: PlannedRule | null = null;
  for (const rule of planned.rules) {
    // Alternatives: the highest raw award; ties go to the first rule.
    if (rule.test(inputs) && (best === null || rule.fixedRaw > best.fixedRaw)) best = rule;
  }
  return best === null ? planned.nothing : (planned.byRule[best.index] as CriterionOutcome);
}

// A lookup costs a key (~0.1 µs), a miss a big.js computation (~2–5 µs): the memo pays from a
// few percent of hits. One that almost never hits (12 monthly counts) is dropped after a trial.
const MEMO_TRIAL = 10_000;
const MEMO_MIN_HITS = MEMO_TRIAL / 20;

/** Other criteria: memoized by the values they read, computed with engine/scoring/scoring.ts on a miss. */
function memoOutcome(plan: ScoringPlan, planned: PlannedCriterion, memo: Map<string, CriterionOutcome>, inputs: Facts): CriterionOutcome {
  let key = '';
  for (const id of planned.reads) key += `${valueKey(own(inputs, id))}|`;
  planned.lookups += 1;
  const known = memo.get(key);
  if (known) {
    planned.hits += 1;
    return known;
  }
  const outcome = computeOutcome(plan, planned, inputs);
  if (planned.lookups === MEMO_TRIAL && planned.hits < MEMO_MIN_HITS) planned.memo = null;
  else {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, outcome);
  }
  return outcome;
}

/** A self-delimiting text for a value, so that concatenated keys are unambiguous. */
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
      // Not reachable with validated inputs; a distinct key per object keeps the memo honest.
      return `o${Math.random()}`;
  }
}

function computeOutcome(plan: ScoringPlan, planned: PlannedCriterion, inputs: Facts): CriterionOutcome {
  const missing = missingOf(planned, inputs);
  if (missing.length > 0) return { ...planned.nothing, status: 'notAssessed', missing };
  if (planned.parent && !holds(planned.parent, inputs)) return planned.nothing;
  const { rounding } = plan.rubric.doc;
  const { criterion } = planned;
  let best: { rule: PlannedRule; amount: Big } | null = null;
  for (const rule of planned.rules) {
    if (!rule.test(inputs)) continue;
    const amount = award(rule.scoring, inputs as InputValues).amount;
    if (best === null || amount.gt(best.amount)) best = { rule, amount };
  }
  if (best === null) return planned.nothing;
  let points = roundPoints(best.amount, rounding);
  if (criterion.cap && points.gt(criterion.points)) points = dec(criterion.points);
  return { status: 'scored', points: plan.arithmetic.fromBig(points), max: planned.max, rule: best.rule.index, kind: best.rule.scoring.kind, missing: NONE };
}

/**
 * A criterion whose only rule is a deduction with whole-number targets and block sizes, and
 * amounts with no more decimals than the rounding keeps: computed in integers, which equals
 * big.js for whole-number inputs (a quotient of integers below 2^53 is never within 10^-20 of
 * an integer it is not, so floor and ceiling agree with Big's 20-place division).
 */
function integerDeductionOf(criterion: Criterion, roundingDecimals: number, planDecimals: number): IntegerDeduction | null {
  if (criterion.rules.length !== 1) return null;
  const scoring = criterion.rules[0].event.params;
  if (scoring.kind !== 'deduction') return null;
  const k = Math.max(decimalsOf(scoring.start), decimalsOf(scoring.floor), ...scoring.deductions.map((t) => decimalsOf(t.points)));
  if (k > roundingDecimals || k > planDecimals) return null;
  const whole = (v: number | undefined): boolean => v === undefined || (Number.isSafeInteger(v) && Math.abs(v) < 2 ** 31);
  if (!scoring.deductions.every((t) => whole(t.below) && whole(t.blockSize))) return null;
  const scale = 10 ** k;
  const scaledOf = (v: number): number => Number(dec(v).times(scale).toFixed(0));
  return {
    start: scaledOf(scoring.start),
    floor: scaledOf(scoring.floor),
    terms: scoring.deductions.map((t) => ({ input: t.input, points: scaledOf(t.points), when: t.when ?? true, below: t.below, blockSize: t.blockSize, started: t.blocks === 'started' })),
    toPlan: 10 ** (planDecimals - k),
    outcomes: new Map(),
  };
}

/** The integer deduction, or the general path when a value is not a whole number. */
function deductionOutcome(plan: ScoringPlan, planned: PlannedCriterion, d: IntegerDeduction, inputs: Facts): CriterionOutcome {
  const missing = missingOf(planned, inputs);
  if (missing.length > 0) return { ...planned.nothing, status: 'notAssessed', missing };
  if (planned.parent && !holds(planned.parent, inputs)) return planned.nothing;
  if (!planned.rules[0].test(inputs)) return planned.nothing;
  let amount = d.start;
  for (const term of d.terms) {
    const value = own(inputs, term.input);
    let units: number;
    if (typeof value === 'boolean') units = value === term.when ? 1 : 0;
    else {
      let total = 0;
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (typeof item !== 'number' || !Number.isInteger(item) || Math.abs(item) >= 2 ** 31) return computeOutcome(plan, planned, inputs);
        total += term.below === undefined ? item : Math.max(0, term.below - item);
      }
      units = term.below === undefined || term.blockSize === undefined ? total : term.started ? Math.ceil(total / term.blockSize) : Math.floor(total / term.blockSize);
    }
    // Beyond 2^52 a product is no longer exact: leave such values to big.js.
    if (Math.abs(term.points * units) > 2 ** 52) return computeOutcome(plan, planned, inputs);
    amount -= term.points * units;
  }
  if (amount < d.floor) amount = d.floor;
  let points = amount * d.toPlan;
  if (planned.criterion.cap && points > (planned.max as number)) points = planned.max as number;
  let outcome = d.outcomes.get(points);
  if (!outcome) {
    outcome = { status: 'scored', points, max: planned.max, rule: 0, kind: 'deduction', missing: NONE };
    d.outcomes.set(points, outcome);
  }
  return outcome;
}

/**
 * Scores one assessment on the fast path and returns `evaluate`'s result without explanations
 * (see FastScoreResult). Synchronous; the plan is compiled once per rubric version.
 * @throws RubricStudioError INPUTS_INVALID or INPUTS_INCOMPLETE, as `evaluate`
 */
export function evaluateFast(rubric: CompiledRubric, assessment: AssessmentInputs, options: EvaluateOptions = {}): FastScoreResult {
  const plan = scoringPlan(rubric);
  return planResult(plan, runPlan(plan, assessment, options));
}

/** Builds the result objects of a plan run. */
export function planResult(plan: ScoringPlan, run: PlanRun): FastScoreResult {
  const { rubric, arithmetic: A } = plan;
  const criteria: FastCriterionResult[] = plan.criteria.map((planned, i) => {
    const o = run.outcomes[i];
    return {
      id: planned.criterion.id,
      indicator: planned.indicator,
      title: planned.criterion.title,
      clause: planned.clause,
      status: o.status,
      points: A.toNumber(o.points),
      max: planned.criterion.points,
      rule: o.rule,
      kind: o.kind,
      missing: [...o.missing],
    };
  });
  const node = (n: PlannedNode, t: Tally): NodeResult => ({ id: n.id, title: n.title, points: A.toNumber(t.points), max: A.toNumber(t.max), capped: t.capped });
  return {
    rubric: { id: rubric.doc.id, version: rubric.doc.version, hash: rubric.hash },
    complete: run.complete,
    total: run.total,
    max: run.max,
    ratio: run.ratio,
    tier: run.tier,
    ratioTier: run.ratioTier,
    groups: plan.groups.map((g, i) => node(g, run.groupTallies[i])),
    indicators: plan.indicators.map((n, i) => node(n, run.indicatorTallies[i])),
    criteria,
    requirements: plan.requirements.map(({ requirement }, r): RequirementResult => ({
      id: requirement.id,
      clause: requirement.clause,
      modality: requirement.modality,
      text: requirement.text,
      finding: run.findings[r],
      missing: [...run.requirementMissing[r]],
      gate: run.findings[r] === 'notMet' && requirement.gate ? requirement.gate.capTier : null,
    })),
  };
}
