/**
 * json-rules-engine is the definition of the semantics; the scoring plan (engine/scoring/plan.ts) is a
 * faster way to compute the same thing. These properties show it gives exactly what `evaluate`
 * gives: operator by operator against a bare json-rules-engine Engine, then whole results on
 * Appendix C assessments (complete, partial, not applicable) and on valid variations of the
 * Appendix C rubric.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, test } from 'vitest';
import { type CompiledRubric, evaluate, loadRubric, RubricStudioError, type ScoreResult } from '../../engine/index.ts';
import { plainPathResolver } from '../../engine/scoring/path-resolver.ts';
import { compileCondition, evaluateFast } from '../../engine/scoring/plan.ts';
import type { AssessmentInputs, Condition, FastScoreResult, RubricDocument, TopLevelCondition } from '../../engine/types.ts';
import { assessmentArbitrary, loadVariation, type Mutation, mutationArbitrary } from './rubric-arbitraries.ts';

const appendixC = JSON.parse(readFileSync(new URL('../../examples/appendix-c/rubric.json', import.meta.url), 'utf8')) as RubricDocument;
const rubric = loadRubric(appendixC);

/** evaluate's result as the fast path reports it: no explanation, arithmetic, adjustments, inputs. */
function withoutExplanations(result: ScoreResult): FastScoreResult {
  return { ...result, criteria: result.criteria.map(({ explanation: _e, arithmetic: _a, adjustments: _j, inputs: _i, ...rest }) => rest) };
}

type Outcome = { result: unknown } | { error: string };

async function reference(compiled: CompiledRubric, assessment: AssessmentInputs): Promise<Outcome> {
  try {
    return { result: withoutExplanations(await evaluate(compiled, assessment)) };
  } catch (err) {
    return { error: describeError(err) };
  }
}

function fast(compiled: CompiledRubric, assessment: AssessmentInputs): Outcome {
  try {
    return { result: evaluateFast(compiled, assessment) };
  } catch (err) {
    return { error: describeError(err) };
  }
}

function describeError(err: unknown): string {
  if (err instanceof RubricStudioError) return `${err.code}: ${err.message}`;
  return (err as Error).name;
}

describe('conditions compiled into closures', () => {
  // Facts of every JSON type, absent ones included, with objects and arrays for paths. Objects
  // have a prototype, as JSON.parse gives them: a null-prototype object throws on conversion to
  // a string, and json-rules-engine (which evaluates every condition) would throw where the
  // plan's short-circuit does not; such values cannot be inputs.
  const scalar = fc.oneof(fc.constantFrom(0, 1, 2, 2.5, -1, '', '1', '2', 'a', 'abc', 'b', true, false, null), fc.integer({ min: -3, max: 3 }));
  const factValue = fc.oneof(scalar, fc.array(fc.constantFrom(0, 1, 2, '1', 'a', 'b'), { maxLength: 4 }), fc.record({ x: scalar, y: fc.array(scalar, { maxLength: 3 }) }, { requiredKeys: [], noNullPrototype: true }));
  const facts = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), factValue, { maxKeys: 4, noNullPrototype: true });
  const operators = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain'] as const;
  const path = fc.option(fc.constantFrom('$.x', '$.y', '$.0', '$.1', '$.length', '$.x.y'), { nil: undefined });
  const value = fc.oneof(
    { weight: 4, arbitrary: scalar },
    { weight: 2, arbitrary: fc.array(fc.constantFrom(0, 1, 2, '1', 'a', 'b', true), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.record({ fact: fc.constantFrom('a', 'b', 'c', 'd'), path }, { requiredKeys: ['fact'] }) },
  );
  const factCondition = fc.record({ fact: fc.constantFrom('a', 'b', 'c', 'd'), operator: fc.constantFrom(...operators), value, path }, { requiredKeys: ['fact', 'operator', 'value'] });
  const { tree } = fc.letrec<{ tree: Condition; top: TopLevelCondition }>((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, factCondition as fc.Arbitrary<Condition>, tie('top')),
    top: fc.oneof(
      { depthSize: 'small' },
      fc.record({ all: fc.array(tie('tree'), { maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('tree'), { maxLength: 3 }) }),
      fc.record({ not: tie('tree') }),
    ) as fc.Arbitrary<TopLevelCondition>,
  }));
  const top = fc.oneof(fc.record({ all: fc.array(tree, { maxLength: 3 }) }), fc.record({ any: fc.array(tree, { maxLength: 3 }) }), fc.record({ not: tree })) as fc.Arbitrary<TopLevelCondition>;

  test('hold exactly when json-rules-engine says they hold, and throw when it throws', async () => {
    await fc.assert(
      fc.asyncProperty(top, facts, async (conditions, values) => {
        const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: plainPathResolver });
        engine.addRule({ conditions: structuredClone(conditions), event: { type: 'holds' } });
        let expected: boolean | 'throws';
        try {
          expected = (await engine.run({ ...values })).events.length > 0;
        } catch {
          expected = 'throws';
        }
        const guards: ((facts: Record<string, unknown>) => void)[] = [];
        const compiled = compileCondition(conditions, guards);
        let actual: boolean | 'throws';
        try {
          for (const guard of guards) guard(values);
          actual = compiled(values);
        } catch {
          actual = 'throws';
        }
        expect(actual).toBe(expected);
      }),
      { numRuns: 20_000 },
    );
  });

  test('treat an empty "any" as holding, as json-rules-engine does', async () => {
    const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: plainPathResolver });
    engine.addRule({ conditions: { any: [] }, event: { type: 'holds' } });
    expect((await engine.run({})).events).toHaveLength(1);
    expect(compileCondition({ any: [] }, [])({})).toBe(true);
  });
});

describe('the scoring plan gives the results evaluate gives', () => {
  test('on Appendix C assessments, complete and partial', async () => {
    await fc.assert(
      fc.asyncProperty(assessmentArbitrary(rubric, true), async (assessment) => {
        expect(fast(rubric, assessment)).toEqual(await reference(rubric, assessment));
      }),
      { numRuns: 2500 },
    );
  });

  test('on variations of the Appendix C rubric: points, caps, thresholds, tiers, gates, deductions, N/A', async () => {
    // Each variation is validated by loadRubric; invalid ones are discarded before scoring.
    const variation = fc
      .array(mutationArbitrary, { minLength: 1, maxLength: 5 })
      .map((mutations: Mutation[]) => loadVariation(appendixC, mutations))
      .filter((compiled): compiled is CompiledRubric => compiled !== null);
    const withAssessments = variation.chain((compiled) => fc.tuple(fc.constant(compiled), fc.array(assessmentArbitrary(compiled, true), { minLength: 14, maxLength: 14 })));
    let scored = 0;
    await fc.assert(
      fc.asyncProperty(withAssessments, async ([compiled, assessments]) => {
        for (const assessment of assessments) {
          expect(fast(compiled, assessment)).toEqual(await reference(compiled, assessment));
          scored += 1;
        }
      }),
      { numRuns: 150 },
    );
    expect(scored).toBeGreaterThanOrEqual(2100);
  });

  test('on a variation that allows N/A, with the marks used', async () => {
    const mutations: Mutation[] = [0, 7, 13, 20, 31].map((at) => ({ kind: 'allowNotApplicable', at, pick: 0 }));
    const compiled = loadVariation(appendixC, mutations);
    expect(compiled).not.toBeNull();
    const allowed = (compiled as CompiledRubric).index.criteria.filter((c) => c.criterion.notApplicable?.allowed);
    expect(allowed.length).toBeGreaterThanOrEqual(3);
    let marked = 0;
    await fc.assert(
      fc.asyncProperty(assessmentArbitrary(compiled as CompiledRubric, true), async (assessment) => {
        if (Object.keys(assessment.notApplicable ?? {}).length > 0) marked += 1;
        expect(fast(compiled as CompiledRubric, assessment)).toEqual(await reference(compiled as CompiledRubric, assessment));
      }),
      { numRuns: 500 },
    );
    expect(marked).toBeGreaterThan(100);
  });

  test('reject the same invalid inputs with the same error', async () => {
    const wrong: AssessmentInputs[] = [{ inputs: { hygieneProblems: -1 } }, { inputs: { unknownInput: 1 } }, { inputs: {}, notApplicable: { 'i01.1': 'x' } }];
    for (const assessment of wrong) {
      const expected = await reference(rubric, assessment);
      expect('error' in expected).toBe(true);
      expect(fast(rubric, assessment)).toEqual(expected);
    }
  });
});
