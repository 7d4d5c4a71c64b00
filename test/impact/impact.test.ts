/**
 * Impact of a revision over the Appendix C example assessments. The revision (revision.ts)
 * raises the demonstration threshold to 0.92, caps i12.1 at 3 instead of 4 (maximum 99) and
 * gates 7.1.1. Expected figures are computed by hand below from each example's own hand
 * computation under 1.0.0 (its "calculation" field).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readAssessmentFolder } from '../../engine/cli/cli-impact.ts';
import {
  analyzeImpact,
  APPENDIX_C_DEPLOYMENT,
  type DeploymentProfile,
  evaluate,
  type ImpactAssessment,
  type ImpactFilterRequest,
  impactFilterFor,
  loadRubric,
  type RubricDocument,
  type RubricStudioError,
} from '../../engine/index.ts';
import { appendixCRevision } from './revision.ts';

const doc = JSON.parse(readFileSync(new URL('../../examples/appendix-c/rubric.json', import.meta.url), 'utf8')) as RubricDocument;
const base = loadRubric(doc);
const candidate = loadRubric(appendixCRevision(doc));
const examples = readAssessmentFolder(new URL('../../examples/appendix-c/assessments/', import.meta.url).pathname);

// 01-demonstration again, satisfaction 89.9 instead of 93.7: i18 = 25 × 89.9 / 100 = 22.475 →
// half-up 22.48 (was 23.43), so 1.0.0 gives 95.93 − 23.43 + 22.48 = 94.98 (demonstration; 7.1.1
// is not met but gates nothing in 1.0.0). Under 1.1.0: i12.1 min(5, 3) = 3 (was 4), 93.98 / 99 =
// 0.9493 ≥ 0.92 → demonstration by ratio, but 7.1.1 not met now caps it at standard.
const first = examples.find((a) => a.id === '01-demonstration') as ImpactAssessment;
const unhappy: ImpactAssessment = { ...first, id: '09-unhappy', communityId: 'jianghui-b', inputs: { ...first.inputs, satisfactionRate: 89.9 } };
const assessments = [...examples, unhappy];

/**
 * By hand, per assessment: 1.0.0 total (from the example) → 1.1.0 total / 99.
 * Only i12.1 changes points: min(professional organisations, 3) instead of min(…, 4).
 *   01 jianghui   95.93 demo   prof 5: 4 → 3   94.93 / 99 = 0.9589 ≥ 0.92 → demonstration
 *   02 xingguang  84.88 std    prof 4: 4 → 3   83.88 / 99 = 0.8473        → standard
 *   03 pulian     65.08 basic  prof 3: 3 → 3   65.08 / 99 = 0.6574        → basic (7.1.1 gate: basic already)
 *   04 wentao     90    demo   prof 4: 4 → 3   89    / 99 = 0.8990 < 0.92 → standard  (moved by i12 −1)
 *   05 yueming    80    std    prof 4: 4 → 3   79    / 99 = 0.7980 < 0.8  → basic     (moved by i12 −1)
 *   06 danfeng     1.5  basic  prof 0          1.5   / 99               → basic
 *   07 tingchao   54    basic  prof 1          54    / 99 = 0.5455        → basic
 *   08 haichuang 100    demo   prof 4: 4 → 3   99    / 99 = 1             → demonstration
 *   09 unhappy    94.98 demo   prof 5: 4 → 3   93.98 / 99 = 0.9493        → standard by the 7.1.1 gate
 * Deltas: −1 ×6 (01 02 04 05 08 09), 0 ×3 → mean −6/9 = −0.6667, least −1, largest 0.
 */
const expected: Record<string, { base: number; candidate: number; from: string; to: string }> = {
  '01-demonstration': { base: 95.93, candidate: 94.93, from: 'demonstration', to: 'demonstration' },
  '02-standard': { base: 84.88, candidate: 83.88, from: 'standard', to: 'standard' },
  '03-basic': { base: 65.08, candidate: 65.08, from: 'basic', to: 'basic' },
  '04-exactly-90': { base: 90, candidate: 89, from: 'demonstration', to: 'standard' },
  '05-exactly-80': { base: 80, candidate: 79, from: 'standard', to: 'basic' },
  '06-nothing-done': { base: 1.5, candidate: 1.5, from: 'basic', to: 'basic' },
  '07-extras-without-rooms': { base: 54, candidate: 54, from: 'basic', to: 'basic' },
  '08-full-marks': { base: 100, candidate: 99, from: 'demonstration', to: 'demonstration' },
  '09-unhappy': { base: 94.98, candidate: 93.98, from: 'demonstration', to: 'standard' },
};

describe('impact of a revision that changes a cap, a threshold and adds a gate', () => {
  const report = analyzeImpact(base, candidate, assessments);

  test('gives every assessment the totals and tiers computed by hand under both versions', () => {
    expect(report.assessments.map((a) => a.id)).toEqual(Object.keys(expected));
    for (const a of report.assessments) {
      const e = expected[a.id];
      expect({ id: a.id, base: a.base.total, candidate: a.candidate.total, from: a.base.tier, to: a.candidate.tier }).toEqual({ id: a.id, ...e });
      expect(a.base.max).toBe(100);
      expect(a.candidate.max).toBe(99);
      expect(a.delta).toBe(Number((e.candidate - e.base).toFixed(2)));
    }
  });

  test('agrees with json-rules-engine evaluate on every total and tier', async () => {
    for (const a of assessments) {
      const row = report.assessments.find((r) => r.id === a.id);
      const b = await evaluate(base, { inputs: a.inputs });
      const c = await evaluate(candidate, { inputs: a.inputs });
      expect([row?.base.total, row?.base.tier, row?.candidate.total, row?.candidate.tier]).toEqual([b.total, b.tier, c.total, c.tier]);
    }
  });

  test('counts the tier transitions: rows are 1.0.0 tiers, columns 1.1.0 tiers, null last', () => {
    expect(report.transitions.from).toEqual(['basic', 'standard', 'demonstration', null]);
    expect(report.transitions.to).toEqual(['basic', 'standard', 'demonstration', null]);
    expect(report.transitions.counts).toEqual([
      [3, 0, 0, 0], // basic: 03, 06, 07 stay
      [1, 1, 0, 0], // standard: 05 drops, 02 stays
      [0, 2, 2, 0], // demonstration: 04 and 09 drop, 01 and 08 stay
      [0, 0, 0, 0],
    ]);
  });

  test('summarises the change of the total exactly', () => {
    expect(report.summary).toEqual({
      assessments: 9,
      tierChanged: 3,
      up: 0,
      down: 3,
      other: 0,
      meanDelta: -0.6667,
      minDelta: -1,
      maxDelta: 0,
      invalid: { base: 0, candidate: 0 },
      incomplete: { base: 0, candidate: 0 },
      undetermined: { base: 0, candidate: 0 },
    });
  });

  test('reports per indicator the mean, least and largest change; only i12 moves', () => {
    const i12 = report.indicators.find((i) => i.id === 'i12');
    expect(i12).toMatchObject({ status: 'kept', baseMax: 7, candidateMax: 6, meanDelta: -0.6667, minDelta: -1, maxDelta: 0, changed: 6 });
    expect(report.indicators.filter((i) => i.changed > 0).map((i) => i.id)).toEqual(['i12']);
    expect(report.indicators).toHaveLength(21);
  });

  test('names what moved each community that changes tier: indicators by |delta|, and gates', () => {
    const byId = Object.fromEntries(report.tierChanges.map((c) => [c.id, c]));
    expect(Object.keys(byId)).toEqual(['04-exactly-90', '05-exactly-80', '09-unhappy']);
    expect(byId['04-exactly-90']).toMatchObject({ fromTier: 'demonstration', toTier: 'standard', direction: 'down', delta: -1, gates: [] });
    expect(byId['04-exactly-90'].indicators.map((i) => [i.id, i.base, i.candidate, i.delta])).toEqual([['i12', 7, 6, -1]]);
    expect(byId['05-exactly-80'].indicators.map((i) => i.id)).toEqual(['i12']);
    expect(byId['09-unhappy']).toMatchObject({ baseRatioTier: 'demonstration', candidateRatioTier: 'demonstration', toTier: 'standard' });
    expect(byId['09-unhappy'].gates).toEqual([expect.objectContaining({ requirement: 'req-7.1.1', clause: '7.1.1', capTier: 'standard', change: 'imposed' })]);
  });

  test('filters by street, period and base tier', () => {
    const street = analyzeImpact(base, candidate, assessments, { attributes: { street: '西兴街道' } });
    expect(street.assessments.map((a) => a.id)).toEqual(['02-standard', '04-exactly-90', '07-extras-without-rooms']);
    expect(analyzeImpact(base, candidate, assessments, { tier: 'demonstration' }).summary.assessments).toBe(4);
    expect(analyzeImpact(base, candidate, assessments, { period: '2023 final' }).summary.assessments).toBe(9);
    expect(analyzeImpact(base, candidate, assessments, { period: '2024 final' }).summary.assessments).toBe(0);
  });

  test('changes nothing it is given', () => {
    const before = JSON.stringify(assessments);
    analyzeImpact(base, candidate, assessments);
    expect(JSON.stringify(assessments)).toBe(before);
  });

  test('reports added and removed indicators and counts rejected inputs as invalid, not as 0', () => {
    const revised = appendixCRevision(doc);
    revised.version = '1.2.0';
    const outcomes = revised.groups.find((g) => g.id === 'effectiveness')?.groups?.find((g) => g.id === 'outcomes');
    const honours = outcomes?.indicators?.find((i) => i.id === 'i21');
    if (!outcomes || !honours) throw new Error('Appendix C changed');
    // i21 becomes i22 (removed + added); satisfaction may no longer exceed 95.
    honours.id = 'i22';
    honours.criteria[0].id = 'i22.1';
    const rate = revised.inputs.find((i) => i.id === 'satisfactionRate');
    if (rate) rate.maximum = 95;
    revised.readings = revised.readings.map((r) => ({ ...r, appliesTo: r.appliesTo.map((id) => id.replace(/^i21/, 'i22')) }));
    const report2 = analyzeImpact(base, loadRubric(revised), assessments);
    expect(report2.indicators.find((i) => i.id === 'i21')).toMatchObject({ status: 'removed', candidateMax: null });
    expect(report2.indicators.find((i) => i.id === 'i22')).toMatchObject({ status: 'added', baseMax: null });
    // 07 and 08 report 100 % satisfaction: rejected by 1.2.0, so no total and no tier there.
    expect(report2.summary.invalid).toEqual({ base: 0, candidate: 2 });
    const rejected = report2.assessments.filter((a) => a.candidate.status === 'invalid');
    expect(rejected.map((a) => [a.id, a.candidate.total, a.candidate.tier, a.delta])).toEqual([
      ['07-extras-without-rooms', null, null, null],
      ['08-full-marks', null, null, null],
    ]);
    expect(rejected[0].candidate.error).toContain('satisfactionRate');
    expect(report2.transitions.counts[0][3] + report2.transitions.counts[2][3]).toBe(2);
    expect(report2.summary.other).toBe(2);
  });
});

describe('impact under a profile of buildings by type (no street)', () => {
  const buildings = JSON.parse(readFileSync(new URL('../fixtures/deployments/buildings.json', import.meta.url), 'utf8')) as DeploymentProfile;
  const types = ['office', 'residential', 'office'];
  const towers: ImpactAssessment[] = examples.slice(0, 3).map((a, i) => ({ ...a, communityId: `tower-${i}`, attributes: { type: types[i] } }));

  test('rows and tier changes carry the subject attributes', () => {
    const report = analyzeImpact(base, candidate, towers);
    expect(report.assessments.map((a) => [a.communityId, a.attributes])).toEqual([
      ['tower-0', { type: 'office' }],
      ['tower-1', { type: 'residential' }],
      ['tower-2', { type: 'office' }],
    ]);
    for (const change of report.tierChanges) expect(change.attributes).toEqual({ type: types[Number(change.communityId.slice(-1))] });
  });

  test('the filter by type keeps only those buildings, and every attribute given must match', () => {
    const offices = analyzeImpact(base, candidate, towers, impactFilterFor({ attributes: { type: 'office' } }, buildings));
    expect(offices.assessments.map((a) => a.communityId)).toEqual(['tower-0', 'tower-2']);
    expect(offices.filter).toEqual({ attributes: { type: 'office' } });
    expect(analyzeImpact(base, candidate, towers, impactFilterFor({ attributes: { type: 'office', floors: '3' } }, buildings)).assessments).toEqual([]);
  });

  test('an attribute the buildings do not have is refused, naming it and listing theirs, and street is no shorthand here', () => {
    const refusal = (request: ImpactFilterRequest): RubricStudioError => {
      try {
        impactFilterFor(request, buildings);
      } catch (err) {
        return err as RubricStudioError;
      }
      throw new Error('not refused');
    };
    const unknown = refusal({ attributes: { colour: 'red' } });
    expect(unknown.code).toBe('IMPACT_FILTER_INVALID');
    expect(unknown.details).toEqual([
      expect.objectContaining({ path: '/filter/attributes/colour', text: { en: '"colour" is not an attribute of the subjects: filter by one of type (building type), floors (floors)', zh: '"colour" 不是评价对象的属性：请按以下属性之一筛选：type（楼宇类型）、floors（层数）' } }),
    ]);
    expect(refusal({ street: '西兴街道' }).details[0].path).toBe('/filter/street');
  });

  test('under Appendix C, street is shorthand for the street attribute', () => {
    expect(impactFilterFor({ street: '西兴街道', tier: 'basic' }, APPENDIX_C_DEPLOYMENT)).toEqual({ attributes: { street: '西兴街道' }, tier: 'basic' });
    expect(impactFilterFor({ period: '2023 final' }, APPENDIX_C_DEPLOYMENT)).toEqual({ period: '2023 final' });
  });
});
