/**
 * The `steps` scoring kind (engine/kinds/steps.ts), added as one module: the meta-schema, the
 * document check, lint, scoring by json-rules-engine and by the compiled conditions, the
 * explanation and the form help all pick it up from the registry.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { deriveForm, evaluate, evaluateLive, loadRubric, RubricStudioError, type RubricDocument, type StepsScoring, validateRubric } from '../../engine/index.ts';

const venueText = readFileSync(new URL('../../examples/venue-accessibility/rubric.json', import.meta.url), 'utf8');
const gold = (JSON.parse(venueText) as RubricDocument).tests[0].inputs;

/** The venue rubric with O1.2 ("accessible events") scored in steps: 3 from 4 events, 7 from 12, 10 from 24. */
function withSteps(steps: StepsScoring['steps'] = [
  { atLeast: 4, points: 3 },
  { atLeast: 12, points: 7 },
  { atLeast: 24, points: 10 },
]): RubricDocument {
  const doc = JSON.parse(venueText) as RubricDocument;
  const criterion = doc.groups[2].indicators?.[0].criteria[1];
  if (criterion?.id !== 'O1.2') throw new Error('fixture changed');
  criterion.rules = [{ conditions: { all: [] }, event: { type: 'award', params: { kind: 'steps', input: 'accessibleEvents', steps } } }];
  doc.tests = [];
  return doc;
}

const o12 = (result: { criteria: { id: string; points: number }[] }) => result.criteria.find((c) => c.id === 'O1.2');

describe('steps scoring', () => {
  const rubric = loadRubric(withSteps());

  test.each([
    [0, 0],
    [3, 0],
    [4, 3],
    [11, 3],
    [12, 7],
    [23, 7],
    [24, 10],
    [365, 10],
  ])('%i events earn %i points: the highest step reached, not the sum', async (events, points) => {
    const assessment = { inputs: { ...gold, accessibleEvents: events } };
    const stored = await evaluate(rubric, assessment, { requireComplete: true });
    expect(o12(stored)?.points).toBe(points);
    // The compiled conditions give the same result, explanations included.
    expect(evaluateLive(rubric, assessment, { requireComplete: true })).toEqual(stored);
  });

  test('explains the step reached in both languages', async () => {
    const result = await evaluate(rubric, { inputs: { ...gold, accessibleEvents: 14 } });
    const criterion = result.criteria.find((c) => c.id === 'O1.2');
    expect(criterion?.kind).toBe('steps');
    expect(criterion?.arithmetic).toBe('14 ≥ 12 → 7');
    expect(criterion?.explanation.zh).toContain('≥ 12 得 7 分');
    expect(criterion?.explanation.zh).toContain('取达到的最高一档');
    expect(criterion?.explanation.en).toContain('the highest step reached');
    const below = await evaluate(rubric, { inputs: { ...gold, accessibleEvents: 2 } });
    expect(below.criteria.find((c) => c.id === 'O1.2')?.arithmetic).toBe('2 < 4 → 0');
  });

  test('the form help states the thresholds and that only the highest step counts', () => {
    const form = JSON.stringify(deriveForm(rubric.index, 'en'));
    expect(form).toContain('≥ 4: 3, ≥ 12: 7, ≥ 24: 10 (the highest step reached, not cumulative)');
  });
});

describe('a steps scoring is checked like any other kind', () => {
  const errorsOf = (doc: RubricDocument) => validateRubric(doc).errors;
  const warningsOf = (doc: RubricDocument) => validateRubric(doc).warnings;
  const rule = '/groups/2/indicators/0/criteria/1/rules/0/event/params';

  test('thresholds out of order are an error that says how to fix them', () => {
    const errors = errorsOf(withSteps([
      { atLeast: 12, points: 7 },
      { atLeast: 4, points: 3 },
      { atLeast: 24, points: 10 },
    ]));
    expect(errors).toContainEqual(expect.objectContaining({ path: `${rule}/steps/1/atLeast`, message: expect.stringContaining('lowest threshold first') }));
  });

  test('a yes/no input cannot be stepped on', () => {
    const doc = withSteps();
    (doc.groups[2].indicators?.[0].criteria[1].rules[0].event.params as StepsScoring).input = 'lift';
    expect(errorsOf(doc)).toContainEqual(expect.objectContaining({ path: rule, message: expect.stringContaining('a steps scoring cannot read the boolean input "lift"') }));
  });

  test('the criterion declares the most its steps can award', () => {
    const doc = withSteps([
      { atLeast: 4, points: 3 },
      { atLeast: 12, points: 8 },
    ]);
    expect(errorsOf(doc)).toContainEqual(expect.objectContaining({ path: '/groups/2/indicators/0/criteria/1/points', message: expect.stringContaining('set "points" to 8') }));
  });

  test('the meta-schema refuses a step without points, naming the field', () => {
    const doc = withSteps([{ atLeast: 4 } as never]);
    expect(errorsOf(doc).some((e) => e.path.startsWith(`${rule}/steps/0`) && e.message.includes('points'))).toBe(true);
    expect(() => loadRubric(doc)).toThrow(RubricStudioError);
  });

  test('lint warns when a higher step earns less, and when a step lies beyond the input', () => {
    const lower = withSteps([
      { atLeast: 4, points: 10 },
      { atLeast: 12, points: 7 },
    ]);
    expect(errorsOf(lower)).toEqual([]);
    expect(warningsOf(lower)).toContainEqual(expect.objectContaining({ path: `${rule}/steps/1/points`, message: expect.stringContaining('less than the lower step') }));

    // 365 events at most: the third step can never be reached.
    const beyond = withSteps([
      { atLeast: 4, points: 3 },
      { atLeast: 12, points: 10 },
      { atLeast: 400, points: 10 },
    ]);
    expect(errorsOf(beyond)).toEqual([]);
    expect(warningsOf(beyond)).toContainEqual(expect.objectContaining({ path: `${rule}/steps/2/atLeast`, message: expect.stringContaining('above the most "accessibleEvents" can be (365)') }));
    // The only other warning: the title still describes the per-block scoring ("每3场…得2分").
    expect(warningsOf(withSteps()).map((w) => w.path)).toEqual(['/groups/2/indicators/0/criteria/1/title/zh']);
  });
});
