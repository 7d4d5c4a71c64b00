/**
 * Weighted groups (rubric/2, engine/scoring/weights.ts) on the sustainability example: each section
 * scores achieved ÷ available credits × its weight. Figures computed by hand in the example's cases.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { deriveForm, diffRubrics, evaluate, evaluateLive, gapToNextTier, type InputValues, loadRubric, type RubricDocument, validateRubric } from '../../engine/index.ts';

const folder = new URL('../../examples/sustainability-rating/', import.meta.url);
const rubricDoc = (): RubricDocument => JSON.parse(readFileSync(new URL('rubric.json', folder), 'utf8')) as RubricDocument;
const caseInputs = (file: string): InputValues => (JSON.parse(readFileSync(new URL(`cases/${file}`, folder), 'utf8')) as { inputs: InputValues }).inputs;

describe('weighted groups', () => {
  test('results report each section weighted and its credits before weighting', async () => {
    const result = await evaluate(loadRubric(rubricDoc()), { inputs: caseInputs('02-weighted-good.json') }, { requireComplete: true });
    const materials = result.groups.find((g) => g.id === 'MAT');
    // 5 of 9 credits × 20 = 11.111… → 11.11; the maximum is the weight.
    expect(materials).toMatchObject({ points: 11.11, max: 20, credits: { points: 5, max: 9 } });
    expect(result.max).toBe(100);
    expect(result.groups.every((g) => g.credits !== undefined)).toBe(true);
  });

  test('re-weighting is one number per section, and the diff says so', async () => {
    const before = rubricDoc();
    const after = rubricDoc();
    after.version = '1.1.0';
    const weight = (doc: RubricDocument, id: string, value: number) => Object.assign(doc.groups.find((g) => g.id === id) ?? {}, { weight: value });
    weight(after, 'ENE', 30);
    weight(after, 'MAT', 25);
    // ENE 9/15 × 30 = 18; MAT 5/9 × 25 = 13.888… → 13.89; 6 + 10 + 18 + 6 + 13.89 = 53.89.
    const result = await evaluate(loadRubric(after), { inputs: caseInputs('02-weighted-good.json') }, { requireComplete: true });
    expect(result.total).toBe(53.89);
    const changes = diffRubrics(before, after).changes.filter((c) => c.kind === 'changed');
    expect(changes.map((c) => [c.id, c.field, c.before, c.after])).toEqual([
      ['ENE', 'weight', 35, 30],
      ['MAT', 'weight', 20, 25],
    ]);
  });

  test('an incomplete result reaches within the weighted bounds', () => {
    const { responsibleSourcingPct: _s, lcaOptions: _l, ...withoutMaterials } = caseInputs('02-weighted-good.json');
    const live = evaluateLive(loadRubric(rubricDoc()), { inputs: withoutMaterials });
    // The other sections give 6 + 10 + 21 + 6 = 43; materials can still add 0 to 20.
    expect(live.reachable?.total).toEqual({ min: 43, max: 63 });
  });

  test('forms show each section with its weight and credits', () => {
    const form = deriveForm(loadRubric(rubricDoc()).index, 'en').schema as { properties: Record<string, { title: string }> };
    expect(form.properties.MAN.title).toBe('Management (weight 15; 10 credits)');
    const zh = deriveForm(loadRubric(rubricDoc()).index, 'zh').schema as { properties: Record<string, { title: string }> };
    expect(zh.properties.MAN.title).toBe('管理（权重 15，计 10 学分）');
  });

  test('weights are rubric/2: a rubric/1 document with one is refused, naming the field', () => {
    const doc = rubricDoc() as RubricDocument & { tierBasis?: string };
    delete doc.tierBasis;
    const report = validateRubric({ ...doc, format: 'rubric/1' });
    expect(report.valid).toBe(false);
    expect(report.errors.some((e) => e.path.endsWith('/weight'))).toBe(true);
  });

  test('the gap to the next tier counts each credit at its section’s weight', async () => {
    const gap = await gapToNextTier(loadRubric(rubricDoc()), { inputs: caseInputs('02-weighted-good.json') });
    const available = Object.fromEntries(gap.criteria.map((c) => [c.criterion, c.available]));
    // ENE1: 6 of 12 credits left × 35 / 15 = 14; MAN3: 4 credits × 15 / 10 = 6; MAT2: 4 credits × 20 / 9 = 8.888… → 8.88 (cut, not rounded up).
    expect(available['ENE1.1']).toBe(14);
    expect(available['MAN3.1']).toBe(6);
    expect(available['MAT2.1']).toBe(8.88);
  });
});
