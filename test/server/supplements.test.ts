/**
 * Supplementary answers over HTTP, with the real lowdb file: version 2.0.0 asks whether staff are
 * trained, which assessments made under 1.0.0 never answered. Answers recorded later (one by one,
 * or from a CSV or XLSX file) are kept beside the frozen original with who, when and where from;
 * rescore and impact read them; a file with one bad row stores nothing.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { assessmentBody, call, expectStatus, smallRubric, startAppWithPublishedRubric } from './harness.ts';

let app: FastifyInstance;

beforeEach(async () => {
  app = await startAppWithPublishedRubric();
  const v2 = smallRubric({ version: '2.0.0' });
  v2.inputs.push({ id: 'trainedStaff', type: 'boolean', label: { zh: '工作人员受过培训', en: 'Staff trained' } });
  v2.groups[0].points = 11;
  v2.groups[0].indicators?.push({
    id: 'I3',
    title: { zh: '培训', en: 'Training' },
    points: 1,
    clause: 'T.1.3',
    criteria: [{ id: 'C3', title: { zh: '工作人员受过培训得1分', en: '1 point when staff are trained' }, points: 1, rules: [{ conditions: { all: [{ fact: 'trainedStaff', operator: 'equal', value: true }] }, event: { type: 'award', params: { kind: 'fixed', points: 1 } } }] }],
  });
  v2.tests = [];
  await expectStatus(call(app, 'editor', 'POST', '/api/rubrics/small-rubric/versions', { version: '2.0.0' }), 201);
  await expectStatus(call(app, 'editor', 'PUT', '/api/rubrics/small-rubric/versions/2.0.0', { document: v2, revision: 1 }), 200);
  await expectStatus(call(app, 'assessor', 'POST', '/api/communities', { id: 'hillside', name: 'Hillside', street: 'West Street' }), 201);
});

afterEach(async () => {
  await app.close();
});

async function submitted(communityId = 'riverside'): Promise<{ id: string; revision: number }> {
  const draft = (await expectStatus(call(app, 'assessor', 'POST', '/api/assessments', assessmentBody({ communityId })), 201)).json();
  return (await expectStatus(call(app, 'assessor', 'POST', `/api/assessments/${draft.id}/submit`), 200)).json();
}

const ifMatch = (revision: number) => ({ headers: { 'if-match': `"${revision}"` } });

describe('supplementary answers', () => {
  test('one answer: kept beside the frozen original with who, when and where from; rescore and impact read it', async () => {
    const assessment = await submitted();
    const body = { value: true, version: '2.0.0', source: 'phone call with the centre manager, 2025-03-02' };
    await expectStatus(call(app, 'assessor', 'PUT', `/api/assessments/${assessment.id}/supplements/trainedStaff`, body), 428);
    await expectStatus(call(app, 'viewer', 'PUT', `/api/assessments/${assessment.id}/supplements/trainedStaff`, body, ifMatch(assessment.revision)), 403);
    const saved = (await expectStatus(call(app, 'assessor', 'PUT', `/api/assessments/${assessment.id}/supplements/trainedStaff`, body, ifMatch(assessment.revision)), 200)).json();
    expect(saved.supplements.trainedStaff).toEqual({ value: true, version: '2.0.0', source: body.source, by: 'local assessor', role: 'assessor', at: expect.any(String) });
    // The original: same inputs, same stored result.
    expect(saved).toMatchObject({ status: 'submitted', inputs: { hasOffice: true, volunteers: 40 }, result: { total: 8, rubric: { version: '1.0.0' } } });

    const rescore = (await expectStatus(call(app, 'viewer', 'POST', `/api/assessments/${assessment.id}/rescore`, { rubric: { id: 'small-rubric', version: '2.0.0' } }), 200)).json();
    expect(rescore.rescored).toMatchObject({ complete: true, total: 9, max: 11 });
    expect(rescore.mapping).toMatchObject({ supplied: ['trainedStaff'], missing: [] });

    const impact = (await expectStatus(call(app, 'viewer', 'POST', '/api/impact', { base: { id: 'small-rubric', version: '1.0.0' }, candidate: { id: 'small-rubric', version: '2.0.0' } }), 200)).json();
    expect(impact.assessments[0].candidate).toMatchObject({ status: 'complete', total: 9, supplied: ['trainedStaff'], missing: [] });

    const audit = (await call(app, 'editor', 'GET', '/api/audit')).json() as { action: string; actor: string }[];
    expect(audit.at(-1)).toMatchObject({ action: 'assessment.supplement', actor: 'local assessor' });

    // Removing it needs the revision read; the assessment is then as it was assessed.
    await expectStatus(call(app, 'assessor', 'DELETE', `/api/assessments/${assessment.id}/supplements/trainedStaff`, undefined, ifMatch(assessment.revision)), 409);
    const removed = (await expectStatus(call(app, 'assessor', 'DELETE', `/api/assessments/${assessment.id}/supplements/trainedStaff`, undefined, ifMatch(saved.revision)), 200)).json();
    expect(removed.supplements).toEqual({});
    await expectStatus(call(app, 'assessor', 'DELETE', `/api/assessments/${assessment.id}/supplements/trainedStaff`, undefined, ifMatch(removed.revision)), 404);
  });

  test('refused: an input the assessment answered, a value the version does not accept, an input the version lacks', async () => {
    const assessment = await submitted();
    const put = (input: string, value: unknown) => call(app, 'editor', 'PUT', `/api/assessments/${assessment.id}/supplements/${input}`, { value, version: '2.0.0', source: 'x' }, ifMatch(assessment.revision));
    expect((await put('hasOffice', false)).json()).toMatchObject({ statusCode: 409, code: 'STATE_CONFLICT', message: expect.stringContaining('the original answer stands') });
    expect((await put('trainedStaff', 'maybe')).json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: [{ path: '/params/input', message: expect.stringContaining('expected true or false') }] });
    expect((await put('unknownInput', 1)).json()).toMatchObject({ statusCode: 400, details: [{ path: '/params/input', message: expect.stringContaining('name one of its inputs') }] });
    // Nothing of it was stored.
    expect((await call(app, 'viewer', 'GET', `/api/assessments/${assessment.id}`)).json().supplements).toBeUndefined();
  });

  test('an input a version reads from a renamed old one was answered: no supplement for it', async () => {
    const assessment = await submitted();
    // 3.0.0 calls the office "hasPremises" and reads it from 1.0.0's hasOffice.
    const v3 = smallRubric({ version: '3.0.0' });
    const text = JSON.stringify(v3).replaceAll('"hasOffice"', '"hasPremises"');
    const renamed = { ...JSON.parse(text), inputMapping: { from: '1.0.0', renamed: { hasPremises: 'hasOffice' } }, tests: [] };
    await expectStatus(call(app, 'editor', 'POST', '/api/rubrics/small-rubric/versions', { version: '3.0.0' }), 201);
    await expectStatus(call(app, 'editor', 'PUT', '/api/rubrics/small-rubric/versions/3.0.0', { document: renamed, revision: 1 }), 200);
    const refused = await call(app, 'assessor', 'PUT', `/api/assessments/${assessment.id}/supplements/hasPremises`, { value: false, version: '3.0.0', source: 'x' }, ifMatch(assessment.revision));
    expect(refused.json()).toMatchObject({ statusCode: 409, code: 'STATE_CONFLICT', message: expect.stringContaining('as "hasOffice", which 3.0.0 reads it from') });
  });

  test('a CSV with one bad row stores nothing and names each bad row; a good one is stored; an upload never replaces an answer', async () => {
    const riverside = await submitted('riverside');
    const hillside = await submitted('hillside');
    const upload = (text: string) => call(app, 'assessor', 'POST', '/api/supplements?rubric=small-rubric&version=2.0.0', text, { headers: { 'content-type': 'text/csv' } });
    const bad = await upload('community,period,input,value,source\nriverside,2024 final,trainedStaff,yes,survey\nnowhere,2024 final,trainedStaff,yes,survey\nhillside,2024 final,trainedStaff,perhaps,survey\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      message: '2 of 3 rows cannot be stored; nothing was stored from this file.',
      details: [
        { path: '/rows/3', message: expect.stringContaining('no submitted assessment of community "nowhere"') },
        { path: '/rows/4', message: expect.stringContaining('trainedStaff') },
      ],
    });
    for (const id of [riverside.id, hillside.id]) expect((await call(app, 'viewer', 'GET', `/api/assessments/${id}`)).json().supplements).toBeUndefined();

    const good = await upload('\uFEFF社区,评估期,输入,值,来源\nriverside,2024 final,trainedStaff,是,街道抽查\nhillside,2024 final,trainedStaff,否,街道抽查\n');
    expect(good.json()).toEqual({ stored: 2, assessments: 2 });
    expect((await call(app, 'viewer', 'GET', `/api/assessments/${riverside.id}`)).json().supplements.trainedStaff).toMatchObject({ value: true, source: '街道抽查', version: '2.0.0' });
    expect((await call(app, 'viewer', 'GET', `/api/assessments/${hillside.id}`)).json().supplements.trainedStaff.value).toBe(false);

    const again = await upload('community,period,input,value,source\nriverside,2024 final,trainedStaff,no,second thoughts\n');
    expect(again.json()).toMatchObject({ statusCode: 400, details: [{ path: '/rows/2', message: expect.stringContaining('already has a supplementary answer') }] });
  });

  test('an XLSX file is read the same way; a file without the columns says which are missing', async () => {
    const assessment = await submitted();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('答案');
    sheet.addRow(['community', 'period', 'input', 'value', 'source']);
    sheet.addRow(['riverside', '2024 final', 'trainedStaff', 'yes', 'records seen on site']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    expect((await call(app, 'editor', 'POST', '/api/supplements?rubric=small-rubric&version=2.0.0', file, { headers: { 'content-type': xlsx } })).json()).toEqual({ stored: 1, assessments: 1 });
    expect((await call(app, 'viewer', 'GET', `/api/assessments/${assessment.id}`)).json().supplements.trainedStaff).toMatchObject({ value: true, by: 'local editor', role: 'editor' });
    const headless = await call(app, 'editor', 'POST', '/api/supplements?rubric=small-rubric&version=2.0.0', 'community,input\nriverside,trainedStaff\n', { headers: { 'content-type': 'text/csv' } });
    expect(headless.json()).toMatchObject({ statusCode: 400, message: expect.stringContaining('lacks the columns period, value, source') });
  });
});
