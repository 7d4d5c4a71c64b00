/**
 * Conditions compiled into closures that answer what json-rules-engine 7.3.1 answers, for the
 * places where its cost matters (live scoring, impact over 100,000 assessments): strict
 * equality, `contains` only on arrays, numeric operators false for non-numeric facts, undefined
 * facts allowed, `any: []` true. No eval, no Function. They only say which conditions hold;
 * what follows is the scoring core's (engine/scoring/core.ts).
 * test/engine/conditions.test.ts checks with fast-check that they agree with json-rules-engine
 * over generated conditions: every operator, nested all/any/not, fact references and paths,
 * missing facts, every input type and edge values.
 */
import { plainPathResolver } from './path-resolver.ts';
import type { Condition, ConditionValue, Operator } from '../types.ts';

/** Fact values by name: the assessment's inputs. */
export type Facts = Record<string, unknown>;
/** A compiled condition: whether it holds for these facts. */
export type ConditionTest = (facts: Facts) => boolean;
/** A check that throws where json-rules-engine would throw, run before any condition. */
export type ConditionGuard = (facts: Facts) => void;
type Read = (facts: Facts) => unknown;

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
 * short-circuits past.
 */
export function compileCondition(condition: Condition, guards: ConditionGuard[]): ConditionTest {
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

/**
 * A condition judged from the answers given so far (Kleene's three values): decided when it
 * holds, or fails, whatever the missing facts turn out to be. A fact is missing when it has no
 * value (absent or undefined), as the scoring core counts a missing answer.
 */
export interface PartialCondition {
  /** true or false whatever the missing facts become; null while one of them can still change it. */
  decide(facts: Facts): boolean | null;
  /** Adds to `into` the missing facts that can still change it: those of its undecided parts only. */
  open(facts: Facts, into: Set<string>): void;
}

const given = (facts: Facts, id: string): boolean => Object.hasOwn(facts, id) && facts[id] !== undefined;

/**
 * Compiles a condition tree for facts that may be missing. A leaf whose facts are all given is
 * decided by the two-valued compiled test (the same operators, so the two agree whenever nothing
 * is missing); `all` fails on one failed part, `any` holds on one holding part, whatever the rest.
 * Guards are not collected: callers judge inputs already checked, and the two-valued deciders run them.
 */
export function compilePartialCondition(condition: Condition): PartialCondition {
  if ('all' in condition || 'any' in condition) {
    const isAll = 'all' in condition;
    const parts = (isAll ? condition.all : condition.any).map(compilePartialCondition);
    // An empty list holds, for `any` as for `all` (see compileCondition).
    if (parts.length === 0) return { decide: () => true, open: () => {} };
    const decisive = !isAll; // the value one part needs to decide the whole
    const decide = (facts: Facts): boolean | null => {
      let undecided = false;
      for (const part of parts) {
        const value = part.decide(facts);
        if (value === decisive) return decisive;
        if (value === null) undecided = true;
      }
      return undecided ? null : !decisive;
    };
    return {
      decide,
      open: (facts, into) => {
        if (decide(facts) !== null) return;
        for (const part of parts) part.open(facts, into);
      },
    };
  }
  if ('not' in condition) {
    const inner = compilePartialCondition(condition.not);
    return {
      decide: (facts) => {
        const value = inner.decide(facts);
        return value === null ? null : !value;
      },
      open: (facts, into) => inner.open(facts, into),
    };
  }
  const test = compileCondition(condition, []);
  const reads = isFactReference(condition.value) ? [condition.fact, condition.value.fact] : [condition.fact];
  const decide = (facts: Facts): boolean | null => (reads.every((id) => given(facts, id)) ? test(facts) : null);
  return {
    decide,
    open: (facts, into) => {
      for (const id of reads) if (!given(facts, id)) into.add(id);
    },
  };
}
