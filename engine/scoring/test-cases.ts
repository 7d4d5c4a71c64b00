/** Running a rubric's embedded test cases: each case's inputs scored and compared with its expectations. */
import type { CompiledRubric } from './compile.ts';
import { dec } from './decimal.ts';
import { RubricStudioError } from '../errors.ts';
import { evaluate } from './evaluate.ts';
import type { Issue, RubricTestCase, TestCaseReport, TestReport } from '../types.ts';

export async function runRubricTests(rubric: CompiledRubric): Promise<TestReport> {
  const cases: TestCaseReport[] = [];
  for (const [i, test] of rubric.doc.tests.entries()) cases.push(await runCase(rubric, test, `/tests/${i}`));
  const passed = cases.filter((c) => c.passed).length;
  return { passed, failed: cases.length - passed, cases };
}

async function runCase(rubric: CompiledRubric, test: RubricTestCase, pointer: string): Promise<TestCaseReport> {
  const failures: Issue[] = [];
  try {
    const result = await evaluate(rubric, { inputs: test.inputs, notApplicable: test.notApplicable }, { requireComplete: true });
    const same = (a: number, b: number): boolean => dec(a).eq(dec(b));
    if (!same(result.total, test.expect.total)) failures.push({ path: `${pointer}/expect/total`, message: `expected total ${test.expect.total}, got ${result.total}` });
    if (result.tier !== test.expect.tier) failures.push({ path: `${pointer}/expect/tier`, message: `expected tier ${test.expect.tier}, got ${result.tier}` });
    const indicatorPoints = new Map(result.indicators.map((i) => [i.id, i.points]));
    const findings = new Map(result.requirements.map((r) => [r.id, r.finding]));
    for (const [id, expected] of Object.entries(test.expect.indicators ?? {})) {
      const actual = indicatorPoints.get(id);
      if (actual === undefined || !same(actual, expected)) failures.push({ path: `${pointer}/expect/indicators/${id}`, message: `expected ${id} = ${expected}, got ${actual}` });
    }
    for (const [id, expected] of Object.entries(test.expect.requirements ?? {})) {
      const actual = findings.get(id);
      if (actual !== expected) failures.push({ path: `${pointer}/expect/requirements/${id}`, message: `expected ${id} ${expected}, got ${actual}` });
    }
    return { name: test.name, passed: failures.length === 0, failures, result };
  } catch (err) {
    if (!(err instanceof RubricStudioError)) throw err;
    const details = err.details.map((d) => ({ path: `${pointer}${d.path}`, message: d.message }));
    return { name: test.name, passed: false, failures: [{ path: pointer, message: err.message }, ...details], result: null };
  }
}
