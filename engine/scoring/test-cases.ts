/** Running a rubric's embedded test cases: each case's inputs scored and compared with its expectations. */
import type { CompiledRubric } from './compile.ts';
import { dec } from './decimal.ts';
import { RubricStudioError } from '../errors.ts';
import { issue } from '../document/issues.ts';
import { MESSAGES } from '../document/messages.ts';
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
    if (!same(result.total, test.expect.total)) failures.push(issue(`${pointer}/expect/total`, MESSAGES.expectedTotal(test.expect.total, result.total)));
    if (result.tier !== test.expect.tier) failures.push(issue(`${pointer}/expect/tier`, MESSAGES.expectedTier(test.expect.tier, result.tier)));
    const indicatorPoints = new Map(result.indicators.map((i) => [i.id, i.points]));
    const findings = new Map(result.requirements.map((r) => [r.id, r.finding]));
    for (const [id, expected] of Object.entries(test.expect.indicators ?? {})) {
      const actual = indicatorPoints.get(id);
      if (actual === undefined || !same(actual, expected)) failures.push(issue(`${pointer}/expect/indicators/${id}`, MESSAGES.expectedIndicator(id, expected, actual)));
    }
    for (const [id, expected] of Object.entries(test.expect.requirements ?? {})) {
      const actual = findings.get(id);
      if (actual !== expected) failures.push(issue(`${pointer}/expect/requirements/${id}`, MESSAGES.expectedFinding(id, expected, actual)));
    }
    return { name: test.name, passed: failures.length === 0, failures, result };
  } catch (err) {
    if (!(err instanceof RubricStudioError)) throw err;
    const details = err.details.map((d) => ({ ...d, path: `${pointer}${d.path}` }));
    const failure = err.text ? issue(pointer, err.text) : { path: pointer, message: err.message };
    return { name: test.name, passed: false, failures: [failure, ...details], result: null };
  }
}
