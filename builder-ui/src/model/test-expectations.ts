/**
 * Keeping the embedded tests in step with the draft, without React: set a new input in every test
 * that lacks it (one edit), and propose each test's expectations from a test run for the author to
 * confirm one by one — nothing is taken from the draft's scores unless confirmed.
 */
import type { InputValue, RubricDocument, RubricTestCase, ScoreResult, TestReport } from '../../../engine/browser.ts';

type Expectation = RubricTestCase['expect'];

/** Indexes of the tests that give no value for the input. */
export function testsLackingInput(doc: RubricDocument, input: string): number[] {
  return doc.tests.flatMap((test, i) => (test.inputs[input] === undefined ? [i] : []));
}

/** The value set for the input in every test that lacks it; tests that give one keep theirs. */
export function setInputInAllTests(doc: RubricDocument, input: string, value: InputValue): RubricDocument {
  if (testsLackingInput(doc, input).length === 0) return doc;
  return { ...doc, tests: doc.tests.map((test) => (test.inputs[input] === undefined ? { ...test, inputs: { ...test.inputs, [input]: structuredClone(value) } } : test)) };
}

/** The expectation a result would give: total and tier, and the indicators and requirements the test already lists. */
export function expectationFrom(expect: Expectation, result: ScoreResult): Expectation {
  const next: Expectation = { ...expect, total: result.total, tier: result.tier };
  if (expect.indicators) next.indicators = Object.fromEntries(Object.keys(expect.indicators).map((id) => [id, result.indicators.find((i) => i.id === id)?.points ?? 0]));
  if (expect.requirements) next.requirements = Object.fromEntries(Object.keys(expect.requirements).map((id) => [id, result.requirements.find((r) => r.id === id)?.finding ?? 'notAssessed']));
  return next;
}

/** One expected field that would change: `total`, `tier`, `indicators.<id>` or `requirements.<id>`. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** A test whose expectation the run disagrees with, and the expectation it would take. */
export interface ExpectationChange {
  index: number;
  name: string;
  before: Expectation;
  after: Expectation;
  fields: FieldChange[];
}

function fieldChanges(before: Expectation, after: Expectation): FieldChange[] {
  const changes: FieldChange[] = [];
  if (before.total !== after.total) changes.push({ field: 'total', before: before.total, after: after.total });
  if (before.tier !== after.tier) changes.push({ field: 'tier', before: before.tier, after: after.tier });
  for (const part of ['indicators', 'requirements'] as const) {
    const was: Record<string, unknown> = before[part] ?? {};
    const now: Record<string, unknown> = after[part] ?? {};
    for (const id of Object.keys(now)) if (was[id] !== now[id]) changes.push({ field: `${part}.${id}`, before: was[id], after: now[id] });
  }
  return changes;
}

/**
 * The changes a test run proposes: one per test whose result differs from its expectation.
 * Tests the run could not score (missing or invalid inputs) propose nothing: their inputs need fixing first.
 */
export function expectationChanges(doc: RubricDocument, report: TestReport): ExpectationChange[] {
  return report.cases.flatMap((c, index) => {
    const change = c.result && doc.tests[index]?.name === c.name ? expectationChange(doc, index, c.result) : null;
    return change ? [change] : [];
  });
}

/** The change one result proposes for the test at index; null when it agrees with the expectation. */
export function expectationChange(doc: RubricDocument, index: number, result: ScoreResult): ExpectationChange | null {
  const test = doc.tests[index];
  if (!test) return null;
  const after = expectationFrom(test.expect, result);
  const fields = fieldChanges(test.expect, after);
  return fields.length ? { index, name: test.name, before: test.expect, after, fields } : null;
}

/**
 * Applies the confirmed changes only. A test changed since the run (another name or another
 * expectation than the one reviewed) is left alone and reported, never overwritten.
 */
export function applyExpectationChanges(doc: RubricDocument, confirmed: ExpectationChange[]): { doc: RubricDocument; skipped: string[] } {
  const skipped: string[] = [];
  const tests = [...doc.tests];
  for (const change of confirmed) {
    const test = tests[change.index];
    if (!test || test.name !== change.name || JSON.stringify(test.expect) !== JSON.stringify(change.before)) {
      skipped.push(change.name);
      continue;
    }
    tests[change.index] = { ...test, expect: structuredClone(change.after) };
  }
  return { doc: skipped.length === confirmed.length ? doc : { ...doc, tests }, skipped };
}
