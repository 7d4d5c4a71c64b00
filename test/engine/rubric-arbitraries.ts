/**
 * fast-check arbitraries for the plan equivalence test: assessments derived from any rubric's
 * input definitions (values near the rubric's own thresholds, partial inputs, not-applicable
 * marks) and valid variations of a rubric document (points, caps, thresholds, tier bounds,
 * gates, deduction parameters, N/A allowed), repaired bottom-up so declared maxima still hold.
 */
import fc from 'fast-check';
import { type CompiledRubric, loadRubric } from '../../engine/scoring/compile.ts';
import { dec, maxBig, show } from '../../engine/scoring/decimal.ts';
import { kindOf } from '../../engine/kinds/registry.ts';
import { indexRubric } from '../../engine/document/structure.ts';
import type { AssessmentInputs, Condition, FactCondition, Group, InputDefinition, InputValue, RubricDocument, Scoring, TopLevelCondition } from '../../engine/types.ts';

/** Every numeric constant the rubric compares an input with, so values land on both sides of it. */
function thresholds(doc: RubricDocument): Map<string, number[]> {
  const found = new Map<string, number[]>();
  const add = (input: string, value: number): void => {
    const list = found.get(input) ?? [];
    list.push(value);
    found.set(input, list);
  };
  const visit = (c: Condition): void => {
    if ('all' in c) c.all.forEach(visit);
    else if ('any' in c) c.any.forEach(visit);
    else if ('not' in c) visit(c.not);
    else if (typeof c.value === 'number') add(c.fact, c.value);
  };
  for (const { criterion } of indexRubric(doc).criteria) {
    for (const rule of criterion.rules) {
      visit(rule.conditions);
      const s = rule.event.params;
      if (s.kind === 'deduction') for (const d of s.deductions) if (d.below !== undefined) add(d.input, d.below);
      if (s.kind === 'perBlock') add(s.input, s.blockSize);
      if (s.kind === 'proportional') add(s.input, s.fullAt);
    }
  }
  for (const r of doc.requirements) visit(r.conditions);
  return found;
}

function numberArbitrary(input: InputDefinition, near: number[]): fc.Arbitrary<number> {
  const integer = input.type === 'count' || input.type === 'series';
  const lo = input.minimum ?? 0;
  const hi = input.maximum ?? (input.type === 'percentage' ? 100 : 1000);
  const clamp = (v: number): number => Math.min(hi, Math.max(lo, v));
  const around = near.flatMap((v) => (integer ? [v - 1, v, v + 1] : [v - 1, v - 0.1, v, v + 0.1, v + 0.5]).map(clamp)).filter((v) => !integer || Number.isInteger(v));
  // -0 is a valid JSON number within a minimum of 0; big.js keeps its sign.
  const small = fc.oneof({ weight: 20, arbitrary: fc.integer({ min: lo, max: Math.min(hi, lo + 40) }) }, { weight: 1, arbitrary: fc.constant(lo === 0 ? -0 : lo) });
  const any = integer ? fc.integer({ min: lo, max: Math.min(hi, 100_000) }) : fc.integer({ min: lo * 10, max: Math.min(hi, 100_000) * 10 }).map((v) => v / 10);
  return around.length > 0 ? fc.oneof(fc.constantFrom(...around), small, any) : fc.oneof(small, any);
}

function valueArbitrary(input: InputDefinition, near: number[]): fc.Arbitrary<InputValue> {
  const options = (input.options ?? []).map((o) => o.value);
  switch (input.type) {
    case 'boolean':
      return fc.boolean();
    case 'choice':
      return fc.constantFrom(...options);
    case 'multiChoice':
      return fc.subarray(options);
    case 'series':
      return fc.array(numberArbitrary(input, near), { minLength: input.length ?? 1, maxLength: input.length ?? 1 });
    default:
      return numberArbitrary(input, near);
  }
}

/**
 * Assessments valid for the rubric's inputs. With `partial`, each input may be left out (so
 * criteria are not assessed); N/A marks go to criteria the rubric allows to be inapplicable.
 */
export function assessmentArbitrary(rubric: CompiledRubric, partial: boolean): fc.Arbitrary<AssessmentInputs> {
  const near = thresholds(rubric.doc);
  const values = Object.fromEntries(rubric.doc.inputs.map((input) => [input.id, valueArbitrary(input, near.get(input.id) ?? [])]));
  const ids = rubric.doc.inputs.map((input) => input.id);
  // Partial: a few inputs left out (the usual draft), or most of them (an assessment just begun).
  const leftOut = fc.oneof({ weight: 3, arbitrary: fc.constant([] as string[]) }, { weight: 3, arbitrary: fc.subarray(ids, { maxLength: 4 }) }, { weight: 1, arbitrary: fc.subarray(ids) });
  const inputs = partial
    ? fc.tuple(fc.record(values), leftOut).map(([all, out]) => Object.fromEntries(Object.entries(all).filter(([id]) => !out.includes(id))))
    : fc.record(values);
  const allowed = rubric.index.criteria.filter((c) => c.criterion.notApplicable?.allowed).map((c) => c.criterion.id);
  const marks = allowed.length > 0 ? fc.subarray(allowed).map((ids) => Object.fromEntries(ids.map((id) => [id, '不适用 not applicable']))) : fc.constant(undefined);
  return fc.record({ inputs: inputs as fc.Arbitrary<Record<string, InputValue>>, notApplicable: marks }).map(({ inputs, notApplicable }) => (notApplicable ? { inputs, notApplicable } : { inputs }));
}

// ---------------------------------------------------------------------------------------------
// Rubric variations
// ---------------------------------------------------------------------------------------------

export const MUTATIONS = [
  'fixedPoints',
  'scoringCap',
  'criterionCap',
  'threshold',
  'tierBound',
  'addGate',
  'deduction',
  'allowNotApplicable',
  'indicatorCap',
  'groupCap',
  'rounding',
  'choicePoints',
  'proportional',
] as const;

export interface Mutation {
  kind: (typeof MUTATIONS)[number];
  /** Which node, rule or term (taken modulo the count). */
  at: number;
  /** Which new value (taken modulo the candidates). */
  pick: number;
}

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({ kind: fc.constantFrom(...MUTATIONS), at: fc.nat(1000), pick: fc.nat(1000) });

const POINTS = [0, 0.25, 0.5, 1, 1.5, 2, 3, 5];
const BOUNDS = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.88, 0.9, 0.92, 0.95];

/** Applies mutations to a copy of the document, then repairs declared maxima bottom-up. */
export function mutateRubric(base: RubricDocument, mutations: Mutation[]): RubricDocument {
  const doc = structuredClone(base);
  doc.version = `${base.version}-variation`;
  for (const m of mutations) applyMutation(doc, m);
  repairMaxima(doc);
  return doc;
}

/** A loaded variation, or null when the mutations made it invalid (the caller discards it). */
export function loadVariation(base: RubricDocument, mutations: Mutation[]): CompiledRubric | null {
  try {
    return loadRubric(mutateRubric(base, mutations));
  } catch {
    return null;
  }
}

function applyMutation(doc: RubricDocument, { kind, at, pick }: Mutation): void {
  const index = indexRubric(doc);
  const criteria = index.criteria.map((e) => e.criterion);
  const rules = criteria.flatMap((criterion) => criterion.rules.map((rule) => ({ criterion, rule, scoring: rule.event.params as Scoring })));
  const of = <T>(list: T[]): T | undefined => (list.length > 0 ? list[at % list.length] : undefined);
  const choose = <T>(list: readonly T[]): T => list[pick % list.length];
  switch (kind) {
    case 'fixedPoints': {
      const target = of(rules.filter((r) => r.scoring.kind === 'fixed'));
      if (target && target.scoring.kind === 'fixed') target.scoring.points = choose(POINTS);
      break;
    }
    case 'scoringCap': {
      const target = of(rules.filter((r) => (r.scoring.kind === 'perUnit' || r.scoring.kind === 'perBlock') && r.scoring.cap !== undefined));
      if (target && (target.scoring.kind === 'perUnit' || target.scoring.kind === 'perBlock')) target.scoring.cap = choose([0.5, 1, 2, 2.5, 3, 4, 6]);
      break;
    }
    case 'criterionCap': {
      // The rule may now award more than the criterion's points: the criterion cap applies.
      const target = of(rules.filter((r) => (r.scoring.kind === 'perUnit' || r.scoring.kind === 'perBlock') && r.scoring.cap !== undefined));
      if (target && (target.scoring.kind === 'perUnit' || target.scoring.kind === 'perBlock')) {
        target.scoring.cap = (target.scoring.cap ?? 0) + choose([0.5, 1, 3]);
        target.criterion.cap = true;
      }
      break;
    }
    case 'threshold': {
      const facts: FactCondition[] = [];
      const visit = (c: Condition): void => {
        if ('all' in c) c.all.forEach(visit);
        else if ('any' in c) c.any.forEach(visit);
        else if ('not' in c) visit(c.not);
        else if (typeof c.value === 'number') facts.push(c);
      };
      for (const r of rules) visit(r.rule.conditions);
      for (const r of doc.requirements) visit(r.conditions);
      const target = of(facts);
      if (target) target.value = Math.max(0, (target.value as number) + choose([-2, -1, -0.5, 0.5, 1, 2, 5]));
      break;
    }
    case 'tierBound': {
      if (doc.tiers.length < 2) break;
      const i = at % (doc.tiers.length - 1);
      const below = doc.tiers[i];
      const above = doc.tiers[i + 1];
      const candidates = BOUNDS.filter((v) => v > below.min.value && v < above.max.value);
      if (candidates.length === 0) break;
      const value = choose(candidates);
      const lowerInclusive = pick % 2 === 0;
      below.max = { value, inclusive: !lowerInclusive };
      above.min = { value, inclusive: lowerInclusive };
      break;
    }
    case 'addGate': {
      const target = of(doc.requirements);
      if (target) target.gate = { capTier: choose(doc.tiers).id };
      break;
    }
    case 'deduction': {
      const target = of(rules.filter((r) => r.scoring.kind === 'deduction'));
      if (target?.scoring.kind !== 'deduction') break;
      const s = target.scoring;
      const term = s.deductions[pick % s.deductions.length];
      switch (pick % 6) {
        case 0:
          s.start = choose([1, 1.5, 2, 3]);
          break;
        case 1:
          term.points = choose([0.25, 0.5, 1]);
          break;
        case 2:
          s.floor = Math.min(s.start, choose([0, 0.5, 1]));
          break;
        case 3:
          if (term.below !== undefined) term.below = Math.max(0, term.below + choose([-2, -1, 1, 3]));
          break;
        case 4:
          if (term.below !== undefined) term.blockSize = choose([1, 2, 5, 10]);
          break;
        default:
          if (term.below !== undefined && term.blockSize !== undefined) term.blocks = term.blocks === 'started' ? 'full' : 'started';
      }
      break;
    }
    case 'allowNotApplicable': {
      const target = of(criteria.filter((c) => c.parent === undefined));
      if (target) target.notApplicable = { allowed: true };
      break;
    }
    case 'indicatorCap': {
      const target = of(index.indicators.map((e) => e.indicator));
      if (target && target.points > 0.5) {
        target.cap = true;
        target.points = Math.max(0.5, target.points - choose([0.5, 1, 2]));
      }
      break;
    }
    case 'groupCap': {
      const target = of(index.groups.map((e) => e.group));
      if (target && target.points > 1) {
        target.cap = true;
        target.points = Math.max(1, target.points - choose([0.5, 1, 3]));
      }
      break;
    }
    case 'rounding':
      doc.rounding = { decimals: choose([0, 1, 2, 3]), mode: choose(['half-up', 'half-even', 'down', 'up'] as const) };
      break;
    case 'choicePoints': {
      const target = of(rules.filter((r) => r.scoring.kind === 'choice'));
      if (target && target.scoring.kind === 'choice') {
        const keys = Object.keys(target.scoring.points);
        if (keys.length > 0) target.scoring.points[keys[pick % keys.length]] = choose(POINTS);
      }
      break;
    }
    case 'proportional': {
      const target = of(rules.filter((r) => r.scoring.kind === 'proportional'));
      if (target && target.scoring.kind === 'proportional') {
        if (pick % 2 === 0) target.scoring.fullAt = choose([80, 90, 95, 100, 120]);
        else target.scoring.points = choose([10, 20, 25, 30]);
      }
      break;
    }
  }
}

/** Declared points follow what the rules can award: criteria, then indicators, then groups. */
function repairMaxima(doc: RubricDocument): void {
  const index = indexRubric(doc);
  for (const { criterion } of index.criteria) {
    let best = dec(0);
    for (const rule of criterion.rules) {
      const range = kindOf(rule.event.params).range(rule.event.params, { inputs: index.inputs });
      if (range.max === null) return;
      best = maxBig(best, range.max);
    }
    if (!criterion.cap || best.lt(criterion.points)) criterion.points = Number(show(best));
  }
  for (const { indicator } of index.indicators) {
    const sum = indicator.criteria.reduce((acc, c) => acc.plus(c.points), dec(0));
    if (!indicator.cap || sum.lt(indicator.points)) indicator.points = Number(show(sum));
  }
  const visit = (group: Group): number => {
    const parts = [...(group.groups ?? []).map(visit), ...(group.indicators ?? []).map((i) => i.points)];
    const sum = parts.reduce((acc, p) => acc.plus(p), dec(0));
    if (!group.cap || sum.lt(group.points)) group.points = Number(show(sum));
    return group.points;
  };
  doc.groups.forEach(visit);
}

/** Nested all/any/not of `leaf`s, at most three branches a level, small depth. */
export function conditionTrees(leaf: fc.Arbitrary<Condition>): { tree: fc.Arbitrary<Condition>; top: fc.Arbitrary<TopLevelCondition> } {
  return fc.letrec<{ tree: Condition; top: TopLevelCondition }>((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('top')),
    top: fc.oneof(
      { depthSize: 'small' },
      fc.record({ all: fc.array(tie('tree'), { maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('tree'), { maxLength: 3 }) }),
      fc.record({ not: tie('tree') }),
    ) as fc.Arbitrary<TopLevelCondition>,
  }));
}
