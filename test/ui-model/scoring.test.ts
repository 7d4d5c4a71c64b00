/** The scoring-kind editor's data (builder-ui/src/model/scoring.ts). */
import { describe, expect, test } from 'vitest';
import type { InputType, RubricDocument, Scoring } from '../../engine/browser.ts';
import { walkHierarchy } from '../../builder-ui/src/model/document.ts';
import { changeScoringKind, choicePoints, headlinePoints, inputsForKind, newDeduction, SCORING_KINDS, type ScoringKind } from '../../builder-ui/src/model/scoring.ts';
import { appendixC, deepFreeze, everyInputType, venueAccessibility } from './documents.ts';

const typesFor = (doc: RubricDocument, kind: ScoringKind): InputType[] => [...new Set(inputsForKind(doc, kind).map((i) => i.type))].sort();

/** Every input a scoring reads, by kind. */
function readInputs(scoring: Scoring): string[] {
  switch (scoring.kind) {
    case 'fixed':
      return [];
    case 'perUnit':
      return scoring.terms.map((t) => t.input);
    case 'deduction':
      return scoring.deductions.map((d) => d.input);
    default:
      return [scoring.input];
  }
}

describe('inputs a kind may read', () => {
  test('are the input types the engine accepts for the kind (engine/document/validate.ts, KIND_INPUT_TYPES)', () => {
    // One input of each type: the lists are the types offered.
    const doc = everyInputType();
    expect(typesFor(doc, 'fixed')).toEqual([]);
    expect(typesFor(doc, 'perUnit')).toEqual(['count', 'number', 'percentage', 'series']);
    expect(typesFor(doc, 'perBlock')).toEqual(['count', 'number', 'percentage', 'series']);
    expect(typesFor(doc, 'deduction')).toEqual(['boolean', 'count', 'number', 'percentage', 'series']);
    expect(typesFor(doc, 'proportional')).toEqual(['count', 'number', 'percentage']);
    expect(typesFor(doc, 'choice')).toEqual(['choice', 'multiChoice']);
  });

  test.each([
    ['appendix C', appendixC()],
    ['venue accessibility', venueAccessibility()],
    ['every input type', everyInputType()],
  ])('%s: the editor offers every input the rubric’s scorings read', (_, doc) => {
    for (const criterion of walkHierarchy(doc).criteria) {
      for (const rule of criterion.rules) {
        const offered = inputsForKind(doc, rule.event.params.kind).map((i) => i.id);
        for (const id of readInputs(rule.event.params)) expect(offered, `${criterion.id} (${rule.event.params.kind}) reads ${id}`).toContain(id);
      }
    }
  });
});

describe('headline points', () => {
  test.each<[Scoring, number]>([
    [{ kind: 'fixed', points: 2 }, 2],
    [{ kind: 'proportional', input: 'x', fullAt: 100, points: 25 }, 25],
    [{ kind: 'perBlock', input: 'x', blockSize: 20, points: 0.5, cap: 3 }, 3],
    [{ kind: 'perBlock', input: 'x', blockSize: 20, points: 0.5 }, 0.5],
    [{ kind: 'perUnit', terms: [{ input: 'x', points: 1 }], cap: 5 }, 5],
    [{ kind: 'perUnit', terms: [{ input: 'x', points: 4 }] }, 4],
    [{ kind: 'perUnit', terms: [] }, 1],
    [{ kind: 'deduction', start: 2, deductions: [], floor: 0 }, 2],
    [{ kind: 'choice', input: 'x', points: { a: 0, b: 6, c: 10 } }, 10],
    [{ kind: 'choice', input: 'x', points: {} }, 0],
  ])('%j → %d', (scoring, points) => {
    expect(headlinePoints(scoring)).toBe(points);
  });
});

describe('changing the kind', () => {
  const doc = deepFreeze(appendixC());

  test('the same kind returns the scoring itself', () => {
    const scoring: Scoring = { kind: 'fixed', points: 2 };
    expect(changeScoringKind(scoring, 'fixed', doc)).toBe(scoring);
  });

  test('keeps the input when the new kind can read it, and the headline points', () => {
    const perBlock: Scoring = { kind: 'perBlock', input: 'registeredVolunteers', blockSize: 20, points: 0.5, cap: 3 };
    expect(changeScoringKind(perBlock, 'perUnit', doc)).toEqual({ kind: 'perUnit', terms: [{ input: 'registeredVolunteers', points: 1 }], cap: 3 });
    expect(changeScoringKind(perBlock, 'proportional', doc)).toEqual({ kind: 'proportional', input: 'registeredVolunteers', fullAt: 100, points: 3 });
    expect(changeScoringKind(perBlock, 'deduction', doc)).toEqual({ kind: 'deduction', start: 3, deductions: [{ input: 'registeredVolunteers', points: 1 }], floor: 0 });
    expect(changeScoringKind(perBlock, 'fixed', doc)).toEqual({ kind: 'fixed', points: 3 });
  });

  test('takes the first input the new kind can read when the old one does not fit', () => {
    const choice: Scoring = { kind: 'choice', input: 'staffRulesImplementation', points: { notImplemented: 0, partly: 0.5, strict: 0.5 } };
    const firstNumber = doc.inputs.find((i) => i.type === 'count' || i.type === 'number' || i.type === 'percentage')?.id;
    expect(changeScoringKind(choice, 'perBlock', doc)).toEqual({ kind: 'perBlock', input: firstNumber, blockSize: 10, points: 1, cap: 0.5 });
  });

  test('to choice: points for each option of the input, all 0', () => {
    const fixed: Scoring = { kind: 'fixed', points: 1 };
    expect(changeScoringKind(fixed, 'choice', doc)).toEqual({ kind: 'choice', input: 'staffRulesImplementation', points: { notImplemented: 0, partly: 0, strict: 0 } });
  });

  test('with no input of a fitting type the input is left empty', () => {
    const none = { ...appendixC(), inputs: [] };
    expect(changeScoringKind({ kind: 'fixed', points: 1 }, 'proportional', none)).toEqual({ kind: 'proportional', input: '', fullAt: 100, points: 1 });
  });

  test('every kind is listed once, each with a label', () => {
    expect(SCORING_KINDS.map((k) => k.kind).sort()).toEqual(['choice', 'deduction', 'fixed', 'perBlock', 'perUnit', 'proportional']);
    for (const { label } of SCORING_KINDS) expect(label).toMatch(/\S \/ \S/);
  });
});

describe('choice points and deductions', () => {
  test('choicePoints keeps the points of existing options, adds new ones at 0 and drops removed ones', () => {
    const input = appendixC().inputs.find((i) => i.id === 'staffRulesImplementation');
    expect(choicePoints(input, { partly: 0.5, strict: 1, gone: 3 })).toEqual({ notImplemented: 0, partly: 0.5, strict: 1 });
    expect(choicePoints(undefined)).toEqual({});
  });

  test('a new deduction takes one point per unit of its input', () => {
    expect(newDeduction('hygieneProblems')).toEqual({ input: 'hygieneProblems', points: 1 });
  });
});
