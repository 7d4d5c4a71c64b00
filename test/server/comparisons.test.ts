import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DeploymentProfile, RubricDocument } from '../../engine/index.ts';
import { DEPLOYMENT_FILE } from '../../server/deployment.ts';
import { assessmentBody, call, COMPLETE_INPUTS, expectStatus, freshDataDir, smallRubric, startApp } from './harness.ts';

const examples = new URL('../../examples/', import.meta.url).pathname;
let app: Awaited<ReturnType<typeof startApp>>;

beforeAll(async () => {
  app = await startApp({ seedFrom: examples });
  // A reviewer's proposal: 示范型 from 0.92 instead of 0.9, and 7.1.1 (satisfaction ≥ 90 %) gating the tier at 标准型.
  await expectStatus(call(app, 'editor', 'POST', '/api/rubrics/binjiang-home-plus/versions', { version: '1.1.0', copyFrom: { version: '1.0.0' } }), 201);
  const draft = (await call(app, 'editor', 'GET', '/api/rubrics/binjiang-home-plus/versions/1.1.0')).json() as { document: RubricDocument };
  const doc = draft.document;
  const standard = doc.tiers.find((t) => t.id === 'standard');
  const demonstration = doc.tiers.find((t) => t.id === 'demonstration');
  if (!standard || !demonstration) throw new Error('tier ids changed');
  standard.max.value = 0.92;
  demonstration.min.value = 0.92;
  const satisfaction = doc.requirements.find((r) => r.clause === '7.1.1');
  if (!satisfaction) throw new Error('7.1.1 missing');
  satisfaction.gate = { capTier: 'standard' };
  await expectStatus(call(app, 'editor', 'PUT', '/api/rubrics/binjiang-home-plus/versions/1.1.0', { document: doc, revision: 1 }), 200);
});

afterAll(async () => {
  await app.close();
});

const impactBody = { base: { id: 'binjiang-home-plus', version: '1.0.0' }, candidate: { id: 'binjiang-home-plus', version: '1.1.0' } };

describe('versions side by side', () => {
  test('the diff names the changed tiers and the added gate', async () => {
    const diff = (await expectStatus(call(app, 'viewer', 'GET', '/api/rubrics/binjiang-home-plus/diff?from=1.0.0&to=1.1.0'), 200)).json();
    const changed = diff.changes.map((c: { target: string; id: string; field?: string }) => `${c.target} ${c.id} ${c.field ?? ''}`.trim());
    expect(changed).toEqual(expect.arrayContaining(['tier standard max', 'tier demonstration min', 'requirement req-7.1.1 gate']));
  });

  test('the impact over the eight seeded assessments matches the hand count', async () => {
    // Hand count: totals do not change (95.93, 84.88, 65.08, 90, 80, 1.5, 54, 100). Only 闻涛社区 at
    // exactly 90.00 (ratio 0.9 < 0.92) falls from 示范型 to 标准型; the other two 示范型 centres have
    // satisfaction 93.7 % and ≥ 90 %, so the new gate moves nobody.
    const answer = await expectStatus(call(app, 'viewer', 'POST', '/api/impact', impactBody), 200);
    // Sent as encoded text: still JSON, in UTF-8, with its length.
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(answer.headers['content-length'])).toBe(answer.rawPayload.length);
    const report = answer.json();
    expect(report.summary).toMatchObject({ assessments: 8, tierChanged: 1, down: 1, up: 0, meanDelta: 0 });
    const { from, to, counts } = report.transitions;
    const count = (a: string, b: string): number => counts[from.indexOf(a)][to.indexOf(b)];
    expect([count('demonstration', 'demonstration'), count('demonstration', 'standard'), count('standard', 'standard'), count('basic', 'basic')]).toEqual([2, 1, 2, 3]);
    expect(report.tierChanges).toHaveLength(1);
    expect(report.tierChanges[0]).toMatchObject({ communityName: '闻涛社区' });
  });

  test('filters the impact by street, as an attribute and by the street-only shorthand, the same way', async () => {
    const report = (await expectStatus(call(app, 'viewer', 'POST', '/api/impact', { ...impactBody, filter: { attributes: { street: '西兴街道' } } }), 200)).json();
    expect(report.summary.assessments).toBeGreaterThan(0);
    expect(report.summary.assessments).toBeLessThan(8);
    expect(report.assessments.every((a: { attributes: { street: string } }) => a.attributes.street === '西兴街道')).toBe(true);
    const shorthand = (await expectStatus(call(app, 'viewer', 'POST', '/api/impact', { ...impactBody, filter: { street: '西兴街道' } }), 200)).json();
    expect(shorthand.assessments).toEqual(report.assessments);
    expect(shorthand.filter).toEqual({ attributes: { street: '西兴街道' } });
  });

  test('refuses a filter by an attribute the subjects do not have, naming it and listing theirs', async () => {
    const refused = (await expectStatus(call(app, 'viewer', 'POST', '/api/impact', { ...impactBody, filter: { attributes: { type: 'office' } } }), 400)).json();
    expect(refused.code).toBe('IMPACT_FILTER_INVALID');
    expect(refused.details).toEqual([expect.objectContaining({ path: '/filter/attributes/type', text: { en: '"type" is not an attribute of the subjects: filter by one of street (street)', zh: '"type" 不是评价对象的属性：请按以下属性之一筛选：street（街道）' } })]);
  });

  test('exports the impact as CSV, XLSX and a printable page, and changes nothing stored', async () => {
    const before = (await call(app, 'viewer', 'GET', '/api/assessments')).body;
    const csv = await expectStatus(call(app, 'viewer', 'POST', '/api/impact?format=csv', impactBody), 200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n').filter((line) => line.trim()).length).toBe(9);
    const xlsx = await expectStatus(call(app, 'viewer', 'POST', '/api/impact?format=xlsx', impactBody), 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(2);
    const html = await expectStatus(call(app, 'viewer', 'POST', '/api/impact?format=html&lang=en', impactBody), 200);
    expect(html.body).toContain('闻涛社区');
    expect((await call(app, 'viewer', 'GET', '/api/assessments')).body).toBe(before);
  });

  test('exports the results of submitted assessments as CSV and XLSX', async () => {
    const csv = await expectStatus(call(app, 'viewer', 'GET', '/api/exports/assessments?format=csv&rubric=binjiang-home-plus'), 200);
    expect(csv.body).toContain('95.93');
    const xlsx = await expectStatus(call(app, 'viewer', 'GET', '/api/exports/assessments?format=xlsx'), 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].rowCount).toBe(9);
  });

  test('reports which inputs a draft would lack in the stored assessments', async () => {
    const report = (await expectStatus(call(app, 'viewer', 'GET', '/api/rubrics/binjiang-home-plus/versions/1.1.0/missing-inputs'), 200)).json();
    expect(report.assessments).toBe(8);
    expect(report.rubric).toEqual({ id: 'binjiang-home-plus', version: '1.1.0' });
  });

  test('gives one assessment its gap to the next tier', async () => {
    const list = (await call(app, 'viewer', 'GET', '/api/assessments?tier=standard')).json() as { id: string; total: number }[];
    const standard = list.find((a) => a.total === 84.88);
    if (!standard) throw new Error('seeded standard case missing');
    const gap = (await expectStatus(call(app, 'viewer', 'GET', `/api/assessments/${standard.id}/gap`), 200)).json();
    // 90 − 84.88 = 5.12 points to 示范型.
    expect(gap).toMatchObject({ tier: 'standard', next: { id: 'demonstration' }, pointsNeeded: 5.12, reachable: true });
    expect(gap.criteria.length).toBeGreaterThan(0);
  });

  test('gives the gap under another version: the bound of that version, what carried over, gates as actions', async () => {
    const list = (await call(app, 'viewer', 'GET', '/api/assessments?tier=standard')).json() as { id: string; total: number }[];
    const standard = list.find((a) => a.total === 84.88);
    if (!standard) throw new Error('seeded standard case missing');
    const gap = (await expectStatus(call(app, 'viewer', 'GET', `/api/assessments/${standard.id}/gap?version=1.1.0`), 200)).json();
    // Under 1.1.0 示范型 starts at 0.92: 92 − 84.88 = 7.12 points.
    expect(gap).toMatchObject({ rubric: { version: '1.1.0' }, tier: 'standard', next: { id: 'demonstration' }, pointsNeeded: 7.12 });
    expect(gap.carried).toEqual({ mapping: expect.objectContaining({ fromVersion: '1.0.0', missing: [] }), invalid: [], droppedNotApplicable: [] });
    expect((await call(app, 'viewer', 'GET', `/api/assessments/${standard.id}/gap?version=9.9.9`)).statusCode).toBe(404);
  });

  test('an unknown version is a 404 naming the version, and needs a token', async () => {
    const missing = await expectStatus(call(app, 'viewer', 'POST', '/api/impact', { ...impactBody, candidate: { id: 'binjiang-home-plus', version: '9.9.9' } }), 404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('9.9.9') });
    await expectStatus(call(app, null, 'POST', '/api/impact', impactBody), 401);
  });
});

describe('impact under a profile of buildings by type', () => {
  const buildings = JSON.parse(readFileSync(new URL('../fixtures/deployments/buildings.json', import.meta.url), 'utf8')) as DeploymentProfile;
  let towers: Awaited<ReturnType<typeof startApp>>;
  const body = { base: { id: 'small-rubric', version: '1.0.0' }, candidate: { id: 'small-rubric', version: '1.0.0' } };

  beforeAll(async () => {
    const dataDir = freshDataDir();
    writeFileSync(join(dataDir, DEPLOYMENT_FILE), JSON.stringify(buildings));
    towers = await startApp({ dataDir });
    await expectStatus(call(towers, 'editor', 'POST', '/api/rubrics', { document: smallRubric() }), 201);
    await expectStatus(call(towers, 'editor', 'POST', '/api/rubrics/small-rubric/versions/1.0.0/publish', { changelog: 'First release.' }), 200);
    for (const [id, type] of [['tower-a', 'office'], ['house-b', 'residential'], ['tower-c', 'office']]) {
      await expectStatus(call(towers, 'assessor', 'POST', '/api/communities', { id, name: id, type }), 201);
      const draft = (await expectStatus(call(towers, 'assessor', 'POST', '/api/assessments', assessmentBody({ communityId: id, period: { year: 2025, kind: 'annual' }, inputs: COMPLETE_INPUTS })), 201)).json();
      await expectStatus(call(towers, 'assessor', 'POST', `/api/assessments/${draft.id}/submit`), 200);
    }
  });

  afterAll(async () => {
    await towers.close();
  });

  test('rows carry the type, the filter by type keeps only those buildings, and street is refused', async () => {
    const all = (await expectStatus(call(towers, 'viewer', 'POST', '/api/impact', body), 200)).json();
    expect(all.assessments.map((a: { communityId: string; attributes: object }) => [a.communityId, a.attributes]).sort()).toEqual([
      ['house-b', { type: 'residential' }],
      ['tower-a', { type: 'office' }],
      ['tower-c', { type: 'office' }],
    ]);
    const offices = (await expectStatus(call(towers, 'viewer', 'POST', '/api/impact', { ...body, filter: { attributes: { type: 'office' } } }), 200)).json();
    expect(offices.assessments.map((a: { communityId: string }) => a.communityId).sort()).toEqual(['tower-a', 'tower-c']);
    const street = (await expectStatus(call(towers, 'viewer', 'POST', '/api/impact', { ...body, filter: { street: 'East Street' } }), 400)).json();
    expect(street.code).toBe('IMPACT_FILTER_INVALID');
    expect(street.details[0]).toMatchObject({ path: '/filter/street', text: { en: expect.stringContaining('type (building type), floors (floors)'), zh: expect.stringContaining('type（楼宇类型）、floors（层数）') } });
  });

  test('the CSV export has a column headed by the type label, with each value by its option label, and names the filter by label', async () => {
    const zh = (await expectStatus(call(towers, 'viewer', 'POST', '/api/impact?format=csv&lang=zh', { ...body, filter: { attributes: { type: 'office' } } }), 200)).body;
    const [header, ...rows] = zh.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header.split(',').slice(0, 6)).toEqual(['编号', '楼宇编号', '楼宇', '楼宇类型', '层数', '评价期']);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.split(',')[3]).toBe('办公');
    const en = (await expectStatus(call(towers, 'viewer', 'POST', '/api/impact?format=csv&lang=en', { ...body, filter: { attributes: { type: 'office' } } }), 200)).body;
    expect(en.split('\r\n')[0]).toContain('Building id,Building,Building type,Floors,Period');
    const html = (await expectStatus(call(towers, 'viewer', 'POST', '/api/impact?format=html&lang=zh', { ...body, filter: { attributes: { type: 'office' } } }), 200)).body;
    expect(html).toContain('筛选：楼宇类型 办公');
  });
});
