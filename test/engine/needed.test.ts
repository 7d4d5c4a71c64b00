/**
 * Questions not needed: the three-valued conditions never decide what an answer could still
 * change, and an input reported as not needed changes nothing however it is answered (points,
 * statuses, findings, tier). Then Appendix C by hand: the hall's extras when there is no hall,
 * the desk's items without a desk, and a submission that leaves such questions blank.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type CompiledRubric, evaluate, evaluateLive, inputsNeeded, loadRubric, type RubricDocument, RubricStudioError } from '../../engine/index.ts';
import { compileCondition, compilePartialCondition } from '../../engine/scoring/conditions.ts';
import type { AssessmentInputs, Condition } from '../../engine/types.ts';
import { assessmentArbitrary, conditionTrees } from './rubric-arbitraries.ts';

const appendixC = JSON.parse(readFileSync(new URL('../../examples/appendix-c/rubric.json', import.meta.url), 'utf8')) as RubricDocument;
const rubric = loadRubric(appendixC);
const example = (name: string): AssessmentInputs => JSON.parse(readFileSync(new URL(`../../examples/appendix-c/assessments/${name}.json`, import.meta.url), 'utf8'));

describe('conditions judged with facts missing', () => {
  const scalar = fc.oneof(fc.constantFrom(0, 1, 2, '', 'a', 'b', true, false, null, '1'), fc.integer({ min: -3, max: 3 }));
  const value = fc.oneof(scalar, fc.array(fc.constantFrom(0, 1, 'a', 'b', true), { maxLength: 3 }));
  const factIds: string[] = ['a', 'b', 'c', 'd'];
  const facts = fc.dictionary(fc.constantFrom(...factIds), value, { maxKeys: 4, noNullPrototype: true });
  const operators = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain'] as const;
  const leaf = fc.record({
    fact: fc.constantFrom(...factIds),
    operator: fc.constantFrom(...operators),
    value: fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.record({ fact: fc.constantFrom(...factIds) }) }),
  });
  const { top } = conditionTrees(leaf as fc.Arbitrary<Condition>);

  /** The two-valued answer, or null where json-rules-engine would throw (an `in` against a non-list). */
  function twoValued(condition: Condition, values: Record<string, unknown>): boolean | null {
    const guards: ((f: Record<string, unknown>) => void)[] = [];
    const test = compileCondition(condition, guards);
    try {
      for (const guard of guards) guard(values);
      return test(values);
    } catch {
      return null;
    }
  }

  test('a decided condition holds or fails for every value of the missing facts, and nothing missing means the two-valued answer', () => {
    fc.assert(
      fc.property(top, facts, fc.subarray([...factIds]), fc.array(facts, { minLength: 4, maxLength: 4 }), (condition, values, hidden, fills) => {
        // Conditions json-rules-engine throws on (an `in` against a non-list) are refused before
        // any decision by the two-valued guards; the three-valued test is not asked about them.
        if (twoValued(condition, {}) === null || twoValued(condition, values) === null) return;
        const partial = compilePartialCondition(condition);
        const full = twoValued(condition, values);
        if (full !== null && factIds.every((id) => Object.hasOwn(values, id))) expect(partial.decide(values)).toBe(full);
        const known = Object.fromEntries(Object.entries(values).filter(([id]) => !hidden.includes(id)));
        const decided = partial.decide(known);
        const open = new Set<string>();
        partial.open(known, open);
        if (decided === null) {
          expect(open.size).toBeGreaterThan(0);
          for (const id of open) expect(Object.hasOwn(known, id)).toBe(false);
          return;
        }
        expect(open.size).toBe(0);
        for (const fill of fills) {
          const completion = { ...Object.fromEntries(hidden.filter((id) => Object.hasOwn(fill, id)).map((id) => [id, fill[id]])), ...known };
          const answer = twoValued(condition, completion);
          if (answer !== null) expect(answer).toBe(decided);
        }
      }),
      { numRuns: 20_000 },
    );
  });

  test('one failed part decides an "all", one holding part an "any", whatever else is missing', () => {
    const all = compilePartialCondition({ all: [{ fact: 'hall', operator: 'equal', value: true }, { fact: 'floor', operator: 'equal', value: true }] });
    const any = compilePartialCondition({ any: [{ fact: 'hall', operator: 'equal', value: true }, { fact: 'floor', operator: 'equal', value: true }] });
    expect(all.decide({ hall: false })).toBe(false);
    expect(all.decide({ hall: true })).toBeNull();
    expect(any.decide({ hall: true })).toBe(true);
    expect(any.decide({ hall: false })).toBeNull();
    expect(compilePartialCondition({ not: { fact: 'hall', operator: 'equal', value: true } }).decide({})).toBeNull();
    const open = new Set<string>();
    all.open({ hall: true }, open);
    expect([...open]).toEqual(['floor']);
  });
});

describe('inputs not needed', () => {
  /** A partial assessment and complete ones whose answers fill what it leaves out. */
  const partialWithFills = (compiled: CompiledRubric) => {
    const complete = assessmentArbitrary(compiled, false);
    const ids = compiled.doc.inputs.map((i) => i.id);
    return fc.tuple(complete, fc.subarray(ids, { minLength: 1, maxLength: 30 }), fc.array(complete, { minLength: 4, maxLength: 4 })).map(([base, dropped, fills]) => ({
      partial: { ...base, inputs: Object.fromEntries(Object.entries(base.inputs).filter(([id]) => !dropped.includes(id))) },
      fills,
    }));
  };
  const figures = (compiled: CompiledRubric, assessment: AssessmentInputs) => {
    const r = evaluateLive(compiled, assessment);
    return {
      total: r.total,
      criteria: r.criteria.map((c) => [c.id, c.status, c.points]),
      findings: r.requirements.map((q) => q.finding === 'notAssessed' ? 'open' : q.finding),
    };
  };

  test('a question reported as not needed changes no points, status or finding, however it is answered (Appendix C)', () => {
    fc.assert(
      fc.property(partialWithFills(rubric), ({ partial, fills }) => {
        const { notNeeded, needed } = inputsNeeded(rubric, partial);
        for (const id of needed) expect(Object.hasOwn(partial.inputs, id)).toBe(false);
        const before = figures(rubric, partial);
        const blank = notNeeded.filter((id) => !Object.hasOwn(partial.inputs, id));
        for (const fill of fills) {
          // The blank ones all at once: leaving every one of them blank is what a submission does.
          const answered = { ...partial, inputs: { ...partial.inputs, ...Object.fromEntries(blank.map((id) => [id, fill.inputs[id]])) } };
          expect(figures(rubric, answered)).toEqual(before);
          // An answered one on its own: another answer, or none, counts the same.
          for (const id of notNeeded.filter((id) => Object.hasOwn(partial.inputs, id))) {
            expect(figures(rubric, { ...partial, inputs: { ...partial.inputs, [id]: fill.inputs[id] } })).toEqual(before);
            const { [id]: _, ...without } = partial.inputs;
            expect(figures(rubric, { ...partial, inputs: without })).toEqual(before);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test('the hall floor and walls are not needed when there is no hall, and needed while the hall is unanswered', () => {
    const { inputs } = example('01-demonstration');
    const without = (...ids: string[]) => Object.fromEntries(Object.entries(inputs).filter(([id]) => !ids.includes(id)));
    const noHall = inputsNeeded(rubric, { inputs: { ...without('hallFloorTiles', 'hallWallsNotWoodOrMarble'), deliberationHall: false } });
    expect(noHall.needed).toEqual([]);
    expect(noHall.notNeeded).toEqual(['hallWallsNotWoodOrMarble', 'hallFloorTiles']);
    // Answers given before the hall was answered no are kept, and reported as counting for nothing.
    expect(inputsNeeded(rubric, { inputs: { ...inputs, deliberationHall: false } }).notNeeded).toEqual(['hallWallsNotWoodOrMarble', 'hallFloorTiles']);
    expect(inputsNeeded(rubric, { inputs }).notNeeded).toEqual([]);
    const unknownHall = inputsNeeded(rubric, { inputs: without('hallFloorTiles', 'deliberationHall') });
    expect(unknownHall.needed).toEqual(['deliberationHall', 'hallFloorTiles']);
    const hall = inputsNeeded(rubric, { inputs: { ...without('hallFloorTiles'), deliberationHall: true } });
    expect(hall.needed).toEqual(['hallFloorTiles']);
  });

  test('a criterion marked not applicable needs none of its questions', () => {
    const venue = loadRubric(JSON.parse(readFileSync(new URL('../../examples/venue-accessibility/rubric.json', import.meta.url), 'utf8')));
    const entry = venue.index.criteria.find((e) => e.criterion.notApplicable?.allowed);
    if (!entry) throw new Error('the venue example has a criterion that may be marked not applicable');
    // Its questions that nothing else reads: needed while it applies, not needed once marked.
    const onlyThere = entry.inputs.filter((id) => venue.index.criteria.every((e) => e === entry || !e.inputs.includes(id)) && !venue.doc.requirements.some((r) => JSON.stringify(r.conditions).includes(`"${id}"`)));
    expect(onlyThere.length).toBeGreaterThan(0);
    expect(inputsNeeded(venue, { inputs: {} }).needed).toEqual(expect.arrayContaining(onlyThere));
    const marked = inputsNeeded(venue, { inputs: {}, notApplicable: { [entry.criterion.id]: 'no such room here' } });
    expect(marked.notNeeded).toEqual(expect.arrayContaining(onlyThere));
  });

  test('a submission may leave questions that cannot score blank: complete, scored, the same total and tier', async () => {
    const assessment = example('07-extras-without-rooms');
    const blanks = ['elderlyFloorAboveR9', 'elderlyWarmWalls', 'childrenSoftFloor', 'childrenProgrammes', 'hallWallsNotWoodOrMarble', 'hallFloorTiles', 'deskTricolourSign', 'deskColoursAtMostThree', 'deskFloorTileOrVinyl', 'deskUnobstructed'];
    const left = { ...assessment, inputs: Object.fromEntries(Object.entries(assessment.inputs).filter(([id]) => !blanks.includes(id))) };
    expect(inputsNeeded(rubric, left).notNeeded).toEqual(expect.arrayContaining(blanks));
    const full = await evaluate(rubric, assessment, { requireComplete: true });
    const blank = await evaluate(rubric, left, { requireComplete: true });
    expect({ complete: blank.complete, total: blank.total, tier: blank.tier }).toEqual({ complete: full.complete, total: full.total, tier: full.tier });
    expect(blank.criteria.filter((c) => c.status === 'notAssessed')).toEqual([]);
  });

  test('a submission still refuses a blank question that can score, naming it', async () => {
    const assessment = example('07-extras-without-rooms');
    const { deliberationHall: _, ...rest } = assessment.inputs;
    const error = await evaluate(rubric, { inputs: rest }, { requireComplete: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RubricStudioError);
    expect((error as RubricStudioError).code).toBe('INPUTS_INCOMPLETE');
    expect((error as RubricStudioError).details.map((d) => d.path)).toEqual(['/inputs/deliberationHall']);
  });
});
