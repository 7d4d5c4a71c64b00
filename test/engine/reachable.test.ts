/**
 * Never a silent zero: an incomplete result says what it can still become. The properties:
 * every way of answering the missing inputs scores a total within the reachable bounds and a
 * tier among the possible ones (soundness), and a tier reported as determined is the tier every
 * completion gets. Then hand-computed cases on Appendix C.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type CompiledRubric, evaluate, evaluateLive, loadRubric, type RubricDocument } from '../../engine/index.ts';
import { assessmentArbitrary, loadVariation, type Mutation, mutationArbitrary } from './rubric-arbitraries.ts';

const appendixC = JSON.parse(readFileSync(new URL('../../examples/appendix-c/rubric.json', import.meta.url), 'utf8')) as RubricDocument;
const rubric = loadRubric(appendixC);

/** A partial assessment, and several complete ones that agree with it on every answer it gives. */
function partialWithCompletions(compiled: CompiledRubric) {
  const complete = assessmentArbitrary(compiled, false);
  const ids = compiled.doc.inputs.map((i) => i.id);
  return fc.tuple(complete, fc.subarray(ids, { minLength: 1, maxLength: 6 }), fc.array(complete, { minLength: 8, maxLength: 8 })).map(([base, dropped, fills]) => {
    const partial = { ...base, inputs: Object.fromEntries(Object.entries(base.inputs).filter(([id]) => !dropped.includes(id))) };
    const completions = fills.map((fill) => ({ ...base, inputs: { ...base.inputs, ...Object.fromEntries(dropped.map((id) => [id, fill.inputs[id]])) } }));
    return { partial, completions };
  });
}

async function checkSound(compiled: CompiledRubric, partial: Parameters<typeof evaluate>[1], completions: Parameters<typeof evaluate>[1][]): Promise<void> {
  const result = await evaluate(compiled, partial);
  expect(evaluateLive(compiled, partial)).toEqual(result);
  if (result.complete) {
    expect(result.reachable).toBeNull();
    return;
  }
  const reachable = result.reachable;
  if (reachable === null) throw new Error('an incomplete result without reachable bounds');
  for (const completion of completions) {
    const full = await evaluate(compiled, completion);
    expect(full.total).toBeGreaterThanOrEqual(reachable.total.min);
    expect(full.total).toBeLessThanOrEqual(reachable.total.max);
    if (full.tier !== null) expect(reachable.tiers).toContain(full.tier);
    if (reachable.determined !== null) expect(full.tier).toBe(reachable.determined);
  }
}

describe('what an incomplete result can still become', () => {
  test('holds every completion of the missing answers (Appendix C)', async () => {
    await fc.assert(
      fc.asyncProperty(partialWithCompletions(rubric), async ({ partial, completions }) => checkSound(rubric, partial, completions)),
      { numRuns: 300 },
    );
  }, 120_000);

  test('holds every completion on variations of the rubric (caps, gates, deductions, N/A, tiers)', async () => {
    const variation = fc
      .array(mutationArbitrary, { minLength: 1, maxLength: 5 })
      .map((mutations: Mutation[]) => loadVariation(appendixC, mutations))
      .filter((compiled): compiled is CompiledRubric => compiled !== null);
    await fc.assert(
      fc.asyncProperty(variation.chain((compiled) => fc.tuple(fc.constant(compiled), partialWithCompletions(compiled))), async ([compiled, { partial, completions }]) =>
        checkSound(compiled, partial, completions),
      ),
      { numRuns: 150 },
    );
  }, 180_000);
});

describe('Appendix C, by hand', () => {
  const example = appendixC.tests[0];
  const without = (...ids: string[]) => ({ inputs: Object.fromEntries(Object.entries(example.inputs).filter(([id]) => !ids.includes(id))) });

  test('satisfaction missing: 25 points open, every tier possible, satisfaction decides', async () => {
    // 95.93 with i18 = 25 × 93.7 % = 23.43; without it the rest is 72.5, and i18 can add 0 to 25.
    const result = await evaluate(rubric, without('satisfactionRate'));
    expect(result.total).toBe(72.5);
    expect(result.tier).toBeNull();
    expect(result.reachable).toEqual({
      total: { min: 72.5, max: 97.5 },
      ratio: { min: 0.725, max: 0.975 },
      tiers: ['basic', 'standard', 'demonstration'],
      determined: null,
      deciding: ['satisfactionRate'],
    });
  });

  test('hygiene problems missing: at most 2 points open, the tier is determined', async () => {
    // i04.2 starts from 2, 0.5 off per problem, floor 0: 94.43 + [0, 2] ⊂ [0.9, 1] → demonstration.
    const result = await evaluate(rubric, without('hygieneProblems'));
    expect(result.reachable).toEqual({
      total: { min: 94.43, max: 96.43 },
      ratio: { min: 0.9443, max: 0.9643 },
      tiers: ['demonstration'],
      determined: 'demonstration',
      deciding: [],
    });
  });
});
