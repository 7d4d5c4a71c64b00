/** The scoring-kind editor's data (builder-ui/src/model/scoring.ts), read from the engine's kind registry. */
import { describe, expect, test } from 'vitest';
import { findKind, type InputType, kindOf, type KindField, type RubricDocument, type Scoring, SCORING_KINDS } from '../../engine/browser.ts';
import { validateRubric } from '../../engine/index.ts';
import { walkHierarchy } from '../../builder-ui/src/model/document.ts';
import { changeScoringKind, fieldShown, inputMap, inputsForKind, KIND_CHOICES, optionPoints, scoringSummary, type ScoringKindName, withInput } from '../../builder-ui/src/model/scoring.ts';
import { appendixC, deepFreeze, everyInputType, venueAccessibility } from './documents.ts';

const typesFor = (doc: RubricDocument, kind: ScoringKindName): InputType[] => [...new Set(inputsForKind(doc, kind).map((i) => i.type))].sort();

describe('inputs a kind may read', () => {
  test.each(SCORING_KINDS.map((k) => [k.kind, k] as const))('%s: the input types offered are the ones the kind declares', (_, kind) => {
    // One input of each type: the types offered are exactly those the kind accepts.
    expect(typesFor(everyInputType(), kind.kind)).toEqual([...kind.inputTypes].sort());
  });

  test('the kinds read the input types the engine has always accepted for them', () => {
    // Pinned, so that a kind module widening or narrowing its types is a visible change.
    const doc = everyInputType();
    expect(typesFor(doc, 'fixed')).toEqual([]);
    expect(typesFor(doc, 'perUnit')).toEqual(['count', 'number', 'percentage', 'series']);
    expect(typesFor(doc, 'perBlock')).toEqual(['count', 'number', 'percentage', 'series']);
    expect(typesFor(doc, 'steps')).toEqual(['count', 'number', 'percentage']);
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
        const scoring = rule.event.params;
        const offered = inputsForKind(doc, scoring.kind).map((i) => i.id);
        for (const id of kindOf(scoring).inputsRead(scoring)) expect(offered, `${criterion.id} (${scoring.kind}) reads ${id}`).toContain(id);
      }
    }
  });

  test('an unknown kind reads no input', () => {
    expect(inputsForKind(everyInputType(), 'nonsense' as ScoringKindName)).toEqual([]);
  });
});

describe('the kind list', () => {
  test('lists every kind of the registry once, in its order, named in both languages', () => {
    expect(KIND_CHOICES.map((k) => k.kind)).toEqual(['fixed', 'perUnit', 'perBlock', 'steps', 'deduction', 'proportional', 'choice']);
    expect(KIND_CHOICES.find((k) => k.kind === 'fixed')?.label).toEqual({ zh: '固定分值', en: 'Fixed points' });
    for (const { label } of KIND_CHOICES) expect([label.zh?.trim() ?? '', label.en?.trim() ?? '']).not.toContain('');
  });
});

/** A minimal valid rubric around one scoring: the criterion, indicator and group worth what it can award, plus a fixed point. */
function rubricAround(scoring: Scoring, doc: RubricDocument): RubricDocument {
  const max = kindOf(scoring).range(scoring, { inputs: inputMap(doc) }).max;
  if (max === null) throw new Error(`${JSON.stringify(scoring)} is unbounded`);
  const points = max.toNumber();
  const criterion = (id: string, params: Scoring, worth: number) => ({ id, title: { en: id }, points: worth, rules: [{ conditions: { all: [] }, event: { type: 'award' as const, params } }] });
  const criteria = [criterion('C0', { kind: 'fixed', points: 1 }, 1), criterion('C1', scoring, points)];
  return { ...doc, tests: [], groups: [{ id: 'G', title: { en: 'G' }, points: points + 1, indicators: [{ id: 'I', title: { en: 'I' }, points: points + 1, clause: 'S.1.1', criteria }] }] };
}

describe('a new scoring of each kind', () => {
  const doc = deepFreeze(everyInputType());
  const cases = SCORING_KINDS.flatMap((kind) => {
    const candidates = inputsForKind(doc, kind.kind);
    return (candidates.length ? candidates.map((i) => i.id) : [undefined]).map((input) => [kind.kind, input ?? '—', input] as const);
  });

  test.each(cases)('%s reading %s is a scoring the engine accepts', (name, _, input) => {
    const scoring = findKind(name)?.create(input, 2, { inputs: inputMap(doc) }) as Scoring;
    expect(scoring.kind).toBe(name);
    const report = validateRubric(rubricAround(scoring, doc));
    expect(report.errors, JSON.stringify(scoring)).toEqual([]);
    expect(report.valid).toBe(true);
    for (const lang of ['zh', 'en'] as const) expect(scoringSummary(scoring, doc, lang)).not.toBe('');
  });

  test('the minimal rubric is able to fail: a scoring of the wrong input type is refused', () => {
    const report = validateRubric(rubricAround({ kind: 'steps', input: 'flag', steps: [{ atLeast: 1, points: 1 }] } as Scoring, doc));
    expect(report.valid).toBe(false);
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
    expect(changeScoringKind(perBlock, 'steps', doc)).toEqual({ kind: 'steps', input: 'registeredVolunteers', steps: [{ atLeast: 1, points: 3 }] });
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
});

describe('option points and fields', () => {
  const doc = deepFreeze(everyInputType());
  const choiceFields = findKind('choice')?.fields as KindField[];

  test('optionPoints keeps the points of existing options, adds new ones at 0 and drops removed ones', () => {
    const input = appendixC().inputs.find((i) => i.id === 'staffRulesImplementation');
    expect(optionPoints(input, { partly: 0.5, strict: 1, gone: 3 })).toEqual({ notImplemented: 0, partly: 0.5, strict: 1 });
    expect(optionPoints(undefined)).toEqual({});
  });

  test('an option named like an object property starts at 0', () => {
    const input = { id: 'odd', type: 'choice' as const, label: { en: 'Odd' }, options: [{ value: 'constructor', label: { en: 'C' } }] };
    expect(optionPoints(input, {})).toEqual({ constructor: 0 });
  });

  test('changing the input of a choice re-derives its option points, keeping the values of options both inputs have', () => {
    const scoring = { kind: 'choice', input: 'grade', points: { low: 0, mid: 1, high: 2 } };
    const twin = { ...doc, inputs: [...doc.inputs, { id: 'grade2', type: 'choice' as const, label: { en: 'Grade 2' }, options: [{ value: 'mid', label: { en: 'Mid' } }, { value: 'top', label: { en: 'Top' } }] }] };
    expect(withInput(scoring, choiceFields, 'input', 'grade2', twin)).toEqual({ kind: 'choice', input: 'grade2', points: { mid: 1, top: 0 } });
    expect(withInput(scoring, choiceFields, 'input', 'services', doc)).toEqual({ kind: 'choice', input: 'services', points: { a: 0, b: 0, c: 0 } });
  });

  test('a field limited to some input types shows for those, for an unknown input, and while it holds a value', () => {
    const list = findKind('deduction')?.fields.find((f) => f.type === 'list');
    const deductionItem = list?.type === 'list' ? list.item : [];
    const when = deductionItem.find((f) => f.key === 'when') as KindField;
    const below = deductionItem.find((f) => f.key === 'below') as KindField;
    expect(fieldShown(when, { input: 'flag' }, doc)).toBe(true);
    expect(fieldShown(below, { input: 'flag' }, doc)).toBe(false);
    expect(fieldShown(when, { input: 'visits' }, doc)).toBe(false);
    expect(fieldShown(below, { input: 'visits' }, doc)).toBe(true);
    expect(fieldShown(below, { input: 'flag', below: 3 }, doc)).toBe(true);
    expect(fieldShown(when, { input: 'missing' }, doc)).toBe(true);
  });
});
