import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { evaluate, loadRubric, RubricStudioError, type RubricDocument } from '../../engine/index.ts';
import { plainPathResolver } from '../../engine/scoring/path-resolver.ts';

const venueText = readFileSync(new URL('../../examples/venue-accessibility/rubric.json', import.meta.url), 'utf8');
const venue = (): RubricDocument => JSON.parse(venueText);
const complete = () => ({ ...venue().tests[0].inputs });

async function rejection(promise: Promise<unknown>): Promise<RubricStudioError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof RubricStudioError) return err;
    throw err;
  }
  throw new Error('expected a RubricStudioError');
}

describe('evaluate', () => {
  test('adds decimals exactly: 0.1 + 0.2 points make 0.3, not 0.30000000000000004', async () => {
    const doc = venue();
    const indicator = doc.groups[0].indicators?.[0];
    if (!indicator) throw new Error('fixture changed');
    // Three criteria of 0.1, 0.2 and 0.3 points instead of the entrance's 8/4/3.
    indicator.points = 0.6;
    indicator.criteria = [0.1, 0.2, 0.3].map((points, i) => ({
      id: `x${i}`,
      title: { en: `item ${i}` },
      points,
      rules: [{ conditions: { all: [] }, event: { type: 'award' as const, params: { kind: 'fixed' as const, points } } }],
    }));
    doc.groups[0].points = 25.6;
    doc.tests = [];
    const rubric = loadRubric(doc);
    const result = await evaluate(rubric, { inputs: complete() });
    expect(result.indicators.find((i) => i.id === 'A1')?.points).toBe(0.6);
    expect(result.max).toBe(85.6);
    expect(JSON.stringify(result)).not.toMatch(/\d\.\d*0000000\d|\d\.\d*9999999\d/);
  });

  test('gives the same result for the same input and version, stamped with id, version and hash', async () => {
    const rubric = loadRubric(venueText);
    const a = await evaluate(rubric, { inputs: complete() });
    const b = await evaluate(loadRubric(JSON.parse(venueText)), { inputs: complete() });
    expect(b).toEqual(a);
    expect(a.rubric).toEqual({ id: 'venue-accessibility', version: '2.0.0', hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
  });

  test('a changed rule changes the hash; key order does not', () => {
    const reordered = Object.fromEntries(Object.entries(venue()).reverse());
    expect(loadRubric(reordered).hash).toBe(loadRubric(venueText).hash);
    const changed = venue();
    changed.rounding.decimals = 2;
    expect(loadRubric(changed).hash).not.toBe(loadRubric(venueText).hash);
  });

  test('rejects a value of the wrong type, naming the input and what it expects, and scores nothing', async () => {
    const error = await rejection(evaluate(loadRubric(venueText), { inputs: { ...complete(), accessibleToilets: 2.5, signage: 'great' } }));
    expect(error.code).toBe('INPUTS_INVALID');
    expect(error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/inputs/accessibleToilets', message: expect.stringContaining('expected a whole number from 0 to 50, got 2.5') }),
        expect.objectContaining({ path: '/inputs/signage', message: expect.stringContaining('expected one of: none, partial, full, got "great"') }),
      ]),
    );
  });

  test('rejects an input the rubric does not have', async () => {
    const error = await rejection(evaluate(loadRubric(venueText), { inputs: { ...complete(), elevator: true } }));
    expect(error.details).toMatchObject([{ path: '/inputs/elevator', message: expect.stringContaining('"elevator" is not an input of rubric venue-accessibility 2.0.0') }]);
  });

  test('a submission must be complete; a preview leaves criteria without inputs not assessed', async () => {
    const { satisfaction: _omitted, ...partial } = complete();
    const error = await rejection(evaluate(loadRubric(venueText), { inputs: partial }, { requireComplete: true }));
    expect(error.code).toBe('INPUTS_INCOMPLETE');
    expect(error.details.map((d) => d.path)).toEqual(['/inputs/satisfaction']);

    const preview = await evaluate(loadRubric(venueText), { inputs: partial });
    const criterion = preview.criteria.find((c) => c.id === 'O1.1');
    expect(criterion).toMatchObject({ status: 'notAssessed', points: 0, missing: ['satisfaction'] });
    expect(criterion?.explanation.en).toContain('not assessed, missing Disabled visitors satisfied');
    expect(preview.complete).toBe(false);
    expect(preview.tier).toBeNull();
  });

  test('a not-applicable criterion leaves the maximum, with its bonus', async () => {
    const result = await evaluate(loadRubric(venueText), { inputs: complete(), notApplicable: { 'B1.1': 'single storey' } });
    expect(result.max).toBe(85);
    expect(result.criteria.filter((c) => c.status === 'notApplicable').map((c) => c.id)).toEqual(['B1.1', 'B1.2']);
  });

  test('refuses not-applicable marks where the rubric does not allow them', async () => {
    const error = await rejection(evaluate(loadRubric(venueText), { inputs: complete(), notApplicable: { 'A1.1': 'no entrance' } }));
    expect(error.details).toMatchObject([{ path: '/notApplicable/A1.1', message: expect.stringContaining('not a criterion that this rubric allows') }]);
  });

  test('a bonus counts only while its parent holds', async () => {
    const rubric = loadRubric(venueText);
    const withParent = await evaluate(rubric, { inputs: complete() });
    const withoutParent = await evaluate(rubric, { inputs: { ...complete(), stepFreeEntrance: false } });
    expect(withParent.criteria.find((c) => c.id === 'A1.3')?.points).toBe(3);
    const bonus = withoutParent.criteria.find((c) => c.id === 'A1.3');
    expect(bonus?.points).toBe(0);
    expect(bonus?.adjustments).toContain('bonus: parent A1.1 does not hold');
  });

  test('of alternative rules, the one awarding most counts', async () => {
    const result = await evaluate(loadRubric(venueText), { inputs: { ...complete(), doorWidthCm: 120 } });
    expect(result.criteria.find((c) => c.id === 'A1.2')).toMatchObject({ points: 4, rule: 0 });
  });

  test('explains every criterion with inputs, rule, arithmetic, adjustments and clause', async () => {
    const result = await evaluate(loadRubric(venueText), { inputs: complete() });
    const toilets = result.criteria.find((c) => c.id === 'C1.1');
    expect(toilets).toMatchObject({ kind: 'perUnit', arithmetic: '4 × 3 = 12', adjustments: ['criterion cap 8'], clause: 'A.3', inputs: { accessibleToilets: 3 } });
    expect(toilets?.explanation.en).toBe('Accessible toilets: 4 each, at most 8 [A.3]: 4 per unit of Accessible toilets; 4 × 3 = 12 (criterion cap 8), 8 of 8 points (Accessible toilets = 3 rooms)');
    expect(toilets?.explanation.zh).toContain('得 8/8 分');
    expect(result.indicators.find((i) => i.id === 'C1')).toMatchObject({ points: 10, max: 10, capped: true });
    expect(result.criteria.every((c) => c.explanation.en && c.explanation.zh)).toBe(true);
  });

  test('a failed gated requirement caps the tier and says so', async () => {
    const result = await evaluate(loadRubric(venueText), { inputs: { ...complete(), evacuationPlan: false } });
    expect(result.ratioTier).toBe('gold');
    expect(result.tier).toBe('not-certified');
    expect(result.requirements.find((r) => r.id === 'P1')).toMatchObject({ finding: 'notMet', gate: 'not-certified' });
  });
});

describe('the path resolver', () => {
  test('walks plain keys through own properties only', () => {
    expect(plainPathResolver({ a: { b: 3 } }, '$.a.b')).toBe(3);
    expect(plainPathResolver({ a: {} }, '$.a.constructor')).toBeUndefined();
  });

  test('refuses JSONPath filters instead of running them', () => {
    expect(() => plainPathResolver({}, "$[?(@.constructor.constructor('return process')())]")).toThrow(/not plain dotted keys/);
  });
});
