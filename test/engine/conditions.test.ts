/**
 * json-rules-engine decides which conditions hold; the compiled conditions
 * (engine/scoring/conditions.ts) stand in for it where speed needs it. These properties show they
 * answer what json-rules-engine answers: condition by condition against a bare json-rules-engine
 * Engine over generated conditions and facts, then whole results: `evaluateLive` (compiled
 * conditions, explanations included) and `scoreFigures` (figures, outcomes reused per criterion)
 * against `evaluate` on Appendix C assessments (complete, partial, not applicable) and on valid
 * variations of the Appendix C rubric.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, test } from 'vitest';
import { type CompiledRubric, evaluate, evaluateLive, loadRubric, RubricStudioError, scoreFigures } from '../../engine/index.ts';
import { plainPathResolver } from '../../engine/scoring/path-resolver.ts';
import { compileCondition } from '../../engine/scoring/conditions.ts';
import type { AssessmentInputs, Condition, RubricDocument, TopLevelCondition } from '../../engine/types.ts';
import { assessmentArbitrary, conditionTrees, loadVariation, type Mutation, mutationArbitrary } from './rubric-arbitraries.ts';

const appendixC = JSON.parse(readFileSync(new URL('../../examples/appendix-c/rubric.json', import.meta.url), 'utf8')) as RubricDocument;
const rubric = loadRubric(appendixC);

type Outcome = { result: unknown } | { error: string };

async function reference(compiled: CompiledRubric, assessment: AssessmentInputs): Promise<Outcome> {
  try {
    return { result: await evaluate(compiled, assessment) };
  } catch (err) {
    return { error: describeError(err) };
  }
}

/** evaluateLive's result, with scoreFigures checked against it on the way. */
function fast(compiled: CompiledRubric, assessment: AssessmentInputs): Outcome {
  try {
    const result = evaluateLive(compiled, assessment);
    const figures = scoreFigures(compiled, assessment);
    const figuresOf = (f: typeof figures) => ({ ...pickFigures(f), indicators: f.indicatorPoints.map((p, i) => [p, f.indicatorMax[i]]), gates: f.gates });
    expect(figuresOf(figures)).toEqual({
      ...pickFigures(result),
      indicators: result.indicators.map((n) => [n.points, n.max]),
      gates: result.requirements.filter((r) => r.gate !== null).map((r) => r.id),
    });
    return { result };
  } catch (err) {
    return { error: describeError(err) };
  }
}

function pickFigures({ complete, total, max, ratio, tier, ratioTier }: { complete: boolean; total: number; max: number; ratio: number | null; tier: string | null; ratioTier: string | null }) {
  return { complete, total, max, ratio, tier, ratioTier };
}

function describeError(err: unknown): string {
  if (err instanceof RubricStudioError) return `${err.code}: ${err.message}`;
  return (err as Error).name;
}

describe('conditions compiled into closures', () => {
  // Facts of every JSON type, absent ones included, with objects and arrays for paths. Objects
  // have a prototype, as JSON.parse gives them: a null-prototype object throws on conversion to
  // a string, and json-rules-engine (which evaluates every condition) would throw where the
  // compiled short-circuit does not; such values cannot be inputs. Values cover what each input
  // type holds (yes/no, counts, decimals, percentages, options, lists of options, monthly series)
  // and the edges: zero of both signs, huge and tiny numbers, numeric-looking strings, option
  // values named like Object.prototype's keys.
  const edge = fc.constantFrom(-0, 0.1, 0.30000000000000004, 1e-7, 1e21, Number.MAX_SAFE_INTEGER, -1e308, 99.99, 100, '0', '1e3', ' 1', '0x10', 'NaN', 'Infinity', 'constructor', 'toString');
  const scalar = fc.oneof(fc.constantFrom(0, 1, 2, 2.5, -1, '', '1', '2', 'a', 'abc', 'b', true, false, null), fc.integer({ min: -3, max: 3 }), edge, fc.double({ noNaN: true, noDefaultInfinity: true }));
  const series = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 12, maxLength: 12 });
  const factValue = fc.oneof(
    scalar,
    series,
    fc.array(fc.constantFrom(0, 1, 2, '1', 'a', 'b', 'constructor'), { maxLength: 4 }),
    fc.record({ x: scalar, y: fc.array(scalar, { maxLength: 3 }) }, { requiredKeys: [], noNullPrototype: true }),
  );
  const facts = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'constructor'), factValue, { maxKeys: 5, noNullPrototype: true });
  const operators = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain'] as const;
  const path = fc.option(fc.constantFrom('$.x', '$.y', '$.0', '$.1', '$.length', '$.x.y'), { nil: undefined });
  const value = fc.oneof(
    { weight: 4, arbitrary: scalar },
    { weight: 1, arbitrary: edge },
    { weight: 2, arbitrary: fc.array(fc.constantFrom(0, 1, 2, '1', 'a', 'b', true), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.record({ fact: fc.constantFrom('a', 'b', 'c', 'd'), path }, { requiredKeys: ['fact'] }) },
  );
  const factCondition = fc.record({ fact: fc.constantFrom('a', 'b', 'c', 'd', 'constructor'), operator: fc.constantFrom(...operators), value, path }, { requiredKeys: ['fact', 'operator', 'value'] });
  const { tree } = conditionTrees(factCondition as fc.Arbitrary<Condition>);
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

describe('the compiled conditions give the results json-rules-engine gives', () => {
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
