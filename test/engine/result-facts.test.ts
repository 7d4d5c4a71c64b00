/**
 * Requirements on computed results (engine/document/result-facts.ts): a requirement may read the
 * total, the ratio and the points of a criterion, indicator or group, judged after scoring; rules
 * may not (format rubric/2). On the venue example, migrated, with minimum standards added.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { deriveForm, describeCondition, evaluate, evaluateLive, type InputValues, loadRubric, migrateRubric, type Requirement, type RubricDocument, validateRubric } from '../../engine/index.ts';

/** The venue example in format rubric/2, whose requirements may read results. */
const venue = (): RubricDocument => migrateRubric(JSON.parse(readFileSync(new URL('../../examples/venue-accessibility/rubric.json', import.meta.url), 'utf8')) as RubricDocument);
const label = (en: string, zh: string) => ({ en, zh });

/** Gold needs 14 or more of the entrance's 15 points (A1), and silver 60 or more in total. */
const MINIMUM_STANDARDS: Requirement[] = [
  { id: 'M1', clause: 'M.1', modality: 'shall', text: label('Gold needs at least 14 points for the entrance.', '金级须入口得分不少于14分。'), conditions: { all: [{ fact: '@A1', operator: 'greaterThanInclusive', value: 14 }] }, gate: { capTier: 'silver' } },
  { id: 'M2', clause: 'M.2', modality: 'shall', text: label('Silver needs at least 60 points in total.', '银级须总分不少于60分。'), conditions: { all: [{ fact: '@total', operator: 'greaterThanInclusive', value: 60 }] }, gate: { capTier: 'bronze' } },
  { id: 'M3', clause: 'M.3', modality: 'should', text: label('The score ratio reaches 0.9 and Physical access 35.', '得分率达到0.9且物理通达得35分。'), conditions: { all: [{ fact: '@ratio', operator: 'greaterThanInclusive', value: 0.9 }, { fact: '@A', operator: 'greaterThanInclusive', value: 35 }] } },
];

function withMinimumStandards(): RubricDocument {
  const doc = venue();
  doc.requirements = [...doc.requirements, ...structuredClone(MINIMUM_STANDARDS)];
  return doc;
}

const gold = () => venue().tests[0].inputs as InputValues; // A1 15, total 92.3, gold

describe('requirements on computed results', () => {
  test('are judged on the scored points, and their gates cap the tier', async () => {
    const rubric = loadRubric(withMinimumStandards());
    const met = await evaluate(rubric, { inputs: gold() }, { requireComplete: true });
    expect(Object.fromEntries(met.requirements.map((r) => [r.id, r.finding]))).toMatchObject({ M1: 'met', M2: 'met', M3: 'met' });
    expect(met.tier).toBe('gold');
    // A door of 85 cm earns 2 instead of 4: the entrance 8 + 2 + 3 = 13 < 14, the total 90.3 still gold by ratio, capped at silver.
    const narrowDoor = await evaluate(rubric, { inputs: { ...gold(), doorWidthCm: 85 } }, { requireComplete: true });
    expect(narrowDoor.indicators.find((i) => i.id === 'A1')?.points).toBe(13);
    expect(narrowDoor.total).toBe(90.3);
    expect(narrowDoor.requirements.find((r) => r.id === 'M1')?.finding).toBe('notMet');
    expect(narrowDoor.ratioTier).toBe('gold');
    expect(narrowDoor.tier).toBe('silver');
    expect(narrowDoor.requirements.find((r) => r.id === 'M1')?.gate).toBe('silver');
  });

  test('json-rules-engine and the compiled conditions agree on them', async () => {
    const rubric = loadRubric(withMinimumStandards());
    for (const inputs of [gold(), { ...gold(), doorWidthCm: 85 }, { ...gold(), satisfaction: 10, accessibleEvents: 0, staffTrained: 0 }]) {
      const byEngine = await evaluate(rubric, { inputs });
      const compiled = evaluateLive(rubric, { inputs });
      expect(compiled.requirements.map((r) => r.finding)).toEqual(byEngine.requirements.map((r) => r.finding));
      expect(compiled.tier).toBe(byEngine.tier);
    }
  });

  test('wait for the criteria they read: not assessed while one is open, decided once those are scored', () => {
    const rubric = loadRubric(withMinimumStandards());
    const { doorWidthCm: _door, satisfaction: _satisfaction, ...missingDoorAndSatisfaction } = gold();
    const open = evaluateLive(rubric, { inputs: missingDoorAndSatisfaction });
    const finding = (id: string) => open.requirements.find((r) => r.id === id)?.finding;
    expect(finding('M1')).toBe('notAssessed'); // the door width is an A1 answer
    expect(finding('M2')).toBe('notAssessed'); // the total waits for every criterion
    const { satisfaction: _s, ...missingSatisfaction } = gold();
    const entranceDone = evaluateLive(rubric, { inputs: missingSatisfaction });
    expect(entranceDone.requirements.find((r) => r.id === 'M1')?.finding).toBe('met');
    expect(entranceDone.requirements.find((r) => r.id === 'M2')?.finding).toBe('notAssessed');
  });

  test('rules cannot read results, and a result of no node is refused, each named with how to fix it', () => {
    const ruleReads = withMinimumStandards();
    const rule = ruleReads.groups[0].indicators?.[0].criteria[0].rules[0];
    if (!rule) throw new Error('the venue example has lost its first rule');
    rule.conditions = { all: [{ fact: '@total', operator: 'greaterThan', value: 50 }] };
    const report = validateRubric(ruleReads);
    expect(report.errors.map((e) => e.path)).toContain('/groups/0/indicators/0/criteria/0/rules/0/conditions');
    expect(report.errors.find((e) => e.message.includes('"@total"'))?.message).toMatch(/rules decide the points.*put the condition in a requirement/);

    const unknown = withMinimumStandards();
    unknown.requirements[3].conditions = { all: [{ fact: '@Z9', operator: 'greaterThan', value: 1 }] };
    const unknownReport = validateRubric(unknown);
    expect(unknownReport.errors).toEqual([expect.objectContaining({ path: '/requirements/3/conditions', message: expect.stringContaining('no criterion, indicator or group has the id "Z9"') })]);
    expect(unknownReport.errors[0].text?.zh).toContain('"Z9"');
  });

  test('are said in words wherever people read them: explanations and the form', () => {
    const rubric = loadRubric(withMinimumStandards());
    expect(describeCondition(MINIMUM_STANDARDS[0].conditions, rubric.index, 'en')).toBe('points of A1 Entrance ≥ 14');
    expect(describeCondition(MINIMUM_STANDARDS[0].conditions, rubric.index, 'zh')).toBe('A1 入口 的得分 ≥ 14');
    expect(describeCondition(MINIMUM_STANDARDS[2].conditions, rubric.index, 'en')).toBe('the score ratio ≥ 0.9 and points of A Physical access ≥ 35');
    const overview = (deriveForm(rubric.index, 'en').schema as { properties: Record<string, { description?: string }> }).properties.requirements?.description ?? '';
    expect(overview).toContain('M.2 Silver needs at least 60 points in total. — judged on: the total');
  });
});
