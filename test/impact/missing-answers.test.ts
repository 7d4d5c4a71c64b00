/**
 * A revision that asks something new, as a district would make one after consultation: a new
 * 2-point criterion read from a new yes/no input, satisfaction lowered from 25 to 23 points. The
 * stored assessments never answered the new question, so under the revision they are incomplete:
 * never a silent zero — the impact names the missing input, gives each assessment its reachable
 * totals and the tier where every answer agrees, counts undetermined ones apart, and leaves the
 * new indicator's mean open rather than 0.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readAssessmentFolder } from '../../engine/cli/cli-impact.ts';
import { analyzeImpact, impactCsv, loadRubric, type RubricDocument } from '../../engine/index.ts';

const doc = JSON.parse(readFileSync(new URL('../../examples/appendix-c/rubric.json', import.meta.url), 'utf8')) as RubricDocument;
const examples = readAssessmentFolder(new URL('../../examples/appendix-c/assessments/', import.meta.url).pathname);

function askingSomethingNew(base: RubricDocument): RubricDocument {
  const next = structuredClone(base);
  next.version = '1.1.0';
  next.status = 'draft';
  next.inputs.push({ id: 'digitalServices', type: 'boolean', label: { zh: '提供线上预约服务', en: 'Online booking offered' } });
  const effectiveness = next.groups[2];
  const satisfaction = effectiveness.groups?.[1].indicators?.[0];
  if (satisfaction?.id !== 'i18') throw new Error('fixture changed');
  satisfaction.points = 23;
  satisfaction.criteria[0].points = 23;
  satisfaction.criteria[0].title = { zh: '该项总分23分,实际得分按照满意率折算', en: '23 points, converted by the satisfaction rate' };
  satisfaction.criteria[0].rules[0] = { name: '23 × satisfaction rate', conditions: { all: [] }, event: { type: 'award', params: { kind: 'proportional', input: 'satisfactionRate', fullAt: 100, points: 23 } } };
  const group = effectiveness.groups?.[1];
  if (!group?.indicators) throw new Error('fixture changed');
  group.indicators.push({
    id: 'i22',
    title: { zh: '线上服务', en: 'Online services' },
    points: 2,
    clause: 'C.x',
    criteria: [{ id: 'i22.1', title: { zh: '提供线上预约得2分', en: 'Online booking: 2' }, points: 2, rules: [{ conditions: { all: [{ fact: 'digitalServices', operator: 'equal', value: true }] }, event: { type: 'award', params: { kind: 'fixed', points: 2 } } }] }],
  });
  next.tests = [];
  return next;
}

describe('a revision that asks something new', () => {
  const base = loadRubric(doc);
  const candidate = loadRubric(askingSomethingNew(doc));
  const report = analyzeImpact(base, candidate, examples);

  test('every assessment names the missing input, and none scores it as 0', () => {
    for (const row of report.assessments) {
      expect(row.candidate.status).toBe('incomplete');
      expect(row.candidate.missing).toEqual(['digitalServices']);
      // The change of the total is not taken from an incomplete total.
      expect(row.delta).toBeNull();
    }
    expect(report.inputLabels.digitalServices).toEqual({ zh: '提供线上预约服务', en: 'Online booking offered' });
  });

  test('reachable totals: what is known, plus 0 to 2 for the new criterion', () => {
    // 01-demonstration: 95.93 with satisfaction 93.7 % → 25 × 0.937 = 23.43 under 1.0.0; 23 × 0.937 = 21.551 → 21.55.
    const first = report.assessments.find((a) => a.id === '01-demonstration');
    expect(first?.base.total).toBe(95.93);
    expect(first?.candidate.reachable?.total).toEqual({ min: 94.05, max: 96.05 });
    // 94.05 ≥ 90: demonstration whatever the answer.
    expect(first?.candidate.tier).toBe('demonstration');
    expect(first?.candidate.reachable?.determined).toBe('demonstration');
  });

  test('tiers stand where every answer agrees; the others are counted apart, with the input that decides', () => {
    const open = report.assessments.filter((a) => a.candidate.tier === null);
    expect(report.summary.undetermined).toEqual({ base: 0, candidate: open.length });
    expect(report.summary.incomplete.candidate).toBe(report.assessments.length);
    for (const row of open) {
      expect(row.candidate.reachable?.tiers.length).toBeGreaterThan(1);
      expect(row.candidate.reachable?.deciding).toEqual(['digitalServices']);
    }
    expect(report.assessments.filter((a) => a.candidate.tier !== null).length).toBeGreaterThan(open.length);
  });

  test('the new indicator has no mean until someone answers; the satisfaction indicator moves by the 2 points', () => {
    const added = report.indicators.find((i) => i.id === 'i22');
    expect(added).toMatchObject({ status: 'added', candidateMax: 2, candidateMean: null });
    expect(report.indicators.find((i) => i.id === 'i18')?.meanDelta).toBeLessThan(0);
  });

  test('the CSV names the missing input by its label and gives the reachable range', () => {
    const csv = impactCsv(report, 'assessments', 'en').toString('utf8');
    expect(csv).toContain('Online booking offered');
    expect(csv).toContain('94.05–96.05');
    const zh = impactCsv(report, 'assessments', 'zh').toString('utf8');
    expect(zh).toContain('提供线上预约服务');
  });
});

describe('answers found later, and declared defaults', () => {
  const base = loadRubric(doc);
  const revised = askingSomethingNew(doc);
  revised.inputMapping = { from: '1.0.0', defaults: { digitalServices: false } };
  const candidate = loadRubric(revised);
  const [first, ...others] = examples;
  const report = analyzeImpact(base, candidate, [{ ...first, supplements: { digitalServices: true } }, ...others]);

  test('a supplementary answer beats the default; every other assessment shows the default it took', () => {
    const [supplied, ...defaulted] = report.assessments;
    expect(supplied.candidate).toMatchObject({ status: 'complete', supplied: ['digitalServices'], defaulted: [] });
    // 01: 94.05 known + 2 for online booking.
    expect(supplied.candidate.total).toBe(96.05);
    for (const row of defaulted) expect(row.candidate).toMatchObject({ status: 'complete', supplied: [], defaulted: ['digitalServices'] });
    const csv = impactCsv(report, 'assessments', 'en').toString('utf8');
    expect(csv).toContain('Supplied inputs');
    expect(csv.split('\n')[1]).toContain('Online booking offered');
  });
});

