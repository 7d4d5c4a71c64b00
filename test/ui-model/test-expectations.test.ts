/** Embedded tests following the draft (builder-ui/src/model/test-expectations.ts). */
import { describe, expect, test } from 'vitest';
import type { RubricDocument, ScoreResult, TestReport } from '../../engine/browser.ts';
import { loadRubric, runRubricTests } from '../../engine/index.ts';
import { addItem, newInput } from '../../builder-ui/src/model/document.ts';
import { applyExpectationChanges, expectationChanges, setInputInAllTests, testsLackingInput } from '../../builder-ui/src/model/test-expectations.ts';
import { appendixC, deepFreeze } from './documents.ts';

describe('setting an input in every embedded test', () => {
  test('a new input is set in every test that lacks it, in one edit; values already given stay', () => {
    const base = appendixC();
    const draft = deepFreeze(addItem(base, ['inputs'], { ...newInput(base, 'count'), id: 'newRooms' }));
    const given = deepFreeze({ ...draft, tests: draft.tests.map((t, i) => (i === 0 ? { ...t, inputs: { ...t.inputs, newRooms: 7 } } : t)) });
    expect(testsLackingInput(given, 'newRooms')).toEqual(given.tests.slice(1).map((_, i) => i + 1));
    const next = setInputInAllTests(given, 'newRooms', 2);
    expect(next.tests.map((t) => t.inputs.newRooms)).toEqual([7, ...given.tests.slice(1).map(() => 2)]);
    expect(testsLackingInput(next, 'newRooms')).toEqual([]);
    expect(setInputInAllTests(next, 'newRooms', 3)).toBe(next);
  });
});

describe('reviewing expectations from a test run', () => {
  /** The Appendix C tests run against a draft that awards one criterion differently. */
  async function runWithChangedExpectations(): Promise<{ doc: RubricDocument; report: TestReport }> {
    const doc = appendixC();
    // Two tests expect other totals than the rubric gives: the run proposes their real totals.
    doc.tests[0].expect.total += 1;
    doc.tests[1].expect.tier = doc.tiers[0].id === doc.tests[1].expect.tier ? doc.tiers[1].id : doc.tiers[0].id;
    const report = await runRubricTests(loadRubric(doc));
    return { doc: deepFreeze(doc), report };
  }

  test('the run proposes a change only for tests whose result differs, field by field', async () => {
    const { doc, report } = await runWithChangedExpectations();
    const changes = expectationChanges(doc, report);
    expect(changes.map((c) => c.index)).toEqual([0, 1]);
    expect(changes[0].fields).toEqual([{ field: 'total', before: doc.tests[0].expect.total, after: appendixC().tests[0].expect.total }]);
    expect(changes[1].fields.map((f) => f.field)).toEqual(['tier']);
  });

  test('only confirmed changes are applied; the others keep their expectation', async () => {
    const { doc, report } = await runWithChangedExpectations();
    const [first, second] = expectationChanges(doc, report);
    const { doc: next, skipped } = applyExpectationChanges(doc, [second]);
    expect(skipped).toEqual([]);
    expect(next.tests[1].expect).toEqual(appendixC().tests[1].expect);
    expect(next.tests[0].expect).toEqual(doc.tests[0].expect);
    expect(next.tests[0].expect.total).not.toBe(appendixC().tests[0].expect.total);
    expect(applyExpectationChanges(doc, []).doc).toBe(doc);
    expect(first.index).toBe(0);
  });

  test('a test changed since the run is left alone and named', async () => {
    const { doc, report } = await runWithChangedExpectations();
    const [first] = expectationChanges(doc, report);
    const edited = deepFreeze({ ...doc, tests: doc.tests.map((t, i) => (i === 0 ? { ...t, expect: { ...t.expect, total: 1 } } : t)) });
    const { doc: next, skipped } = applyExpectationChanges(edited, [first]);
    expect(skipped).toEqual([first.name]);
    expect(next.tests[0].expect.total).toBe(1);
  });

  test('a test the run could not score proposes nothing', () => {
    const doc = deepFreeze(appendixC());
    const report: TestReport = { passed: 0, failed: 1, cases: [{ name: doc.tests[0].name, passed: false, failures: [{ path: '/tests/0', message: 'missing' }], result: null }] };
    expect(expectationChanges(doc, report)).toEqual([]);
    const scored = { ...report, cases: [{ ...report.cases[0], result: { total: 1, tier: null, indicators: [], requirements: [] } as unknown as ScoreResult }] };
    expect(expectationChanges(doc, scored)[0].fields.map((f) => f.field)).toContain('total');
  });
});
