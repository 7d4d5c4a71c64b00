import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { assessmentBody, call, COMPLETE_INPUTS, expectStatus, smallRubric, startAppWithPublishedRubric } from './harness.ts';

let app: FastifyInstance;
beforeEach(async () => {
  app = await startAppWithPublishedRubric();
});
afterEach(async () => {
  await app.close();
});

const createDraft = async (overrides: Record<string, unknown> = {}) => (await expectStatus(call(app, 'assessor', 'POST', '/api/assessments', assessmentBody(overrides)), 201)).json();

describe('assessments', () => {
  test('an assessor saves a draft with partial inputs; it has no result yet', async () => {
    const draft = await createDraft({ inputs: { hasOffice: true } });
    expect(draft).toMatchObject({ status: 'draft', inputs: { hasOffice: true }, notApplicable: {}, result: null, rubricHash: null, submittedAt: null });
    expect(draft.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("an assessment's form is its rubric version's form, in either language; an unknown assessment is 404", async () => {
    const draft = await createDraft({ inputs: { hasOffice: true } });
    for (const lang of ['zh', 'en']) {
      const byVersion = (await expectStatus(call(app, 'viewer', 'GET', `/api/rubrics/small-rubric/versions/1.0.0/form?lang=${lang}`), 200)).json();
      const byAssessment = (await expectStatus(call(app, 'viewer', 'GET', `/api/assessments/${draft.id}/form?lang=${lang}`), 200)).json();
      expect(byAssessment).toEqual(byVersion);
    }
    expect(JSON.stringify((await call(app, 'viewer', 'GET', `/api/assessments/${draft.id}/form?lang=en`)).json().schema)).toContain('Has an office');
    const missing = await call(app, 'viewer', 'GET', '/api/assessments/no-such-assessment/form');
    expect(missing.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    const badLanguage = await call(app, 'viewer', 'GET', `/api/assessments/${draft.id}/form?lang=fr`);
    expect(badLanguage.statusCode).toBe(400);
    expect(JSON.stringify(badLanguage.json())).toContain('lang');
  });

  test('a draft refuses a value of the wrong kind, naming the input', async () => {
    const response = await call(app, 'assessor', 'POST', '/api/assessments', assessmentBody({ inputs: { volunteers: -3 } }));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'INPUTS_INVALID', details: [{ path: '/inputs/volunteers' }] });
  });

  test('a draft refuses an unknown community or rubric version', async () => {
    const noCommunity = await call(app, 'assessor', 'POST', '/api/assessments', assessmentBody({ communityId: 'nowhere' }));
    expect(noCommunity.json()).toMatchObject({ statusCode: 400, details: [{ path: '/body/communityId' }] });
    const noVersion = await call(app, 'assessor', 'POST', '/api/assessments', assessmentBody({ rubric: { id: 'small-rubric', version: '7.0.0' } }));
    expect(noVersion.statusCode).toBe(400);
  });

  test('assessments are made under published versions only', async () => {
    await expectStatus(call(app, 'editor', 'POST', '/api/rubrics/small-rubric/versions', { version: '1.1.0', copyFrom: { version: '1.0.0' } }), 201);
    const response = await call(app, 'assessor', 'POST', '/api/assessments', assessmentBody({ rubric: { id: 'small-rubric', version: '1.1.0' } }));
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('STATE_CONFLICT');
  });

  test('updating a draft replaces its inputs and may change assessor and period', async () => {
    const draft = await createDraft({ inputs: { hasOffice: true } });
    const updated = (await expectStatus(call(app, 'assessor', 'PUT', `/api/assessments/${draft.id}`, { revision: 1, inputs: { volunteers: 20 }, assessor: 'Second Assessor', period: { year: 2025, kind: 'quarterly' } }), 200)).json();
    expect(updated).toMatchObject({ inputs: { volunteers: 20 }, assessor: 'Second Assessor', period: { year: 2025, kind: 'quarterly' }, status: 'draft' });
  });

  test('submitting incomplete inputs is 422 INPUTS_INCOMPLETE and the draft stays a draft', async () => {
    const draft = await createDraft({ inputs: { hasOffice: true } });
    const response = await call(app, 'assessor', 'POST', `/api/assessments/${draft.id}/submit`);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'INPUTS_INCOMPLETE', details: [{ path: '/inputs/volunteers' }] });
    expect((await call(app, 'viewer', 'GET', `/api/assessments/${draft.id}`)).json().status).toBe('draft');
  });

  test('submitting scores the inputs and freezes the result with the rubric hash', async () => {
    const version = (await call(app, 'viewer', 'GET', '/api/rubrics/small-rubric/versions/1.0.0')).json();
    const draft = await createDraft();
    const submitted = (await expectStatus(call(app, 'assessor', 'POST', `/api/assessments/${draft.id}/submit`), 200)).json();
    expect(submitted).toMatchObject({ status: 'submitted', rubricHash: version.hash, result: { total: 8, tier: 'good', rubric: { hash: version.hash } } });
    expect(submitted.submittedAt).toEqual(expect.any(String));
    const read = (await call(app, 'viewer', 'GET', `/api/assessments/${draft.id}`)).json();
    expect(read.result.criteria[1]).toMatchObject({ id: 'C2', points: 4, explanation: expect.any(Object), arithmetic: expect.any(String) });
  });

  test('a submitted assessment never changes: update and submit are 409 ASSESSMENT_FROZEN', async () => {
    const draft = await createDraft();
    await expectStatus(call(app, 'assessor', 'POST', `/api/assessments/${draft.id}/submit`), 200);
    const update = await call(app, 'assessor', 'PUT', `/api/assessments/${draft.id}`, { inputs: { hasOffice: false, volunteers: 0 } });
    expect(update.statusCode).toBe(409);
    expect(update.json().code).toBe('ASSESSMENT_FROZEN');
    expect((await call(app, 'assessor', 'POST', `/api/assessments/${draft.id}/submit`)).json().code).toBe('ASSESSMENT_FROZEN');
  });

  test('an unknown assessment is 404', async () => {
    expect((await call(app, 'viewer', 'GET', '/api/assessments/00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
  });

  test('the list filters by community, street, version, period, tier and status', async () => {
    await expectStatus(call(app, 'assessor', 'POST', '/api/communities', { id: 'hillside', name: 'Hillside', street: 'North Street' }), 201);
    const good = await createDraft();
    await expectStatus(call(app, 'assessor', 'POST', `/api/assessments/${good.id}/submit`), 200);
    const basic = await createDraft({ communityId: 'hillside', period: { year: 2025, kind: 'mid-term' }, inputs: { hasOffice: false, volunteers: 0 } });
    await expectStatus(call(app, 'assessor', 'POST', `/api/assessments/${basic.id}/submit`), 200);
    const draft = await createDraft({ period: { year: 2025, kind: 'quarterly' }, inputs: {} });

    // Which ones match; their order is the paging test's.
    const ids = async (query: string) => (await call(app, 'viewer', 'GET', `/api/assessments${query}`)).json().map((a: { id: string }) => a.id).sort();
    expect(await ids('')).toEqual([good.id, basic.id, draft.id].sort());
    expect(await ids('?community=hillside')).toEqual([basic.id]);
    expect(await ids('?street=East%20Street')).toEqual([good.id, draft.id].sort());
    expect(await ids('?rubric=small-rubric&version=1.0.0')).toHaveLength(3);
    expect(await ids('?year=2025')).toEqual([basic.id, draft.id].sort());
    expect(await ids('?year=2025&kind=mid-term')).toEqual([basic.id]);
    expect(await ids('?tier=good')).toEqual([good.id]);
    expect(await ids('?status=draft')).toEqual([draft.id]);
    const summary = (await call(app, 'viewer', 'GET', '/api/assessments?tier=good')).json()[0];
    expect(summary).toMatchObject({ communityId: 'riverside', total: 8, tier: 'good', status: 'submitted', rubric: { id: 'small-rubric', version: '1.0.0' } });
    expect(summary).not.toHaveProperty('inputs');
  });

  test('the list comes in pages, the most recently changed first, with the number that match in all', async () => {
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await createDraft({ period: { year: 2024, kind: 'quarterly' } }));
    // Changing the first one makes it the latest.
    await expectStatus(call(app, 'assessor', 'PUT', `/api/assessments/${made[0].id}`, { inputs: { hasOffice: true }, revision: made[0].revision }), 200);
    const list = async (query: string) => {
      const answer = await expectStatus(call(app, 'viewer', 'GET', `/api/assessments${query}`), 200);
      return { total: Number(answer.headers['x-total-count']), entries: answer.json() as { id: string; updatedAt: string }[] };
    };
    const all = await list('?year=2024&kind=quarterly');
    expect(all.total).toBe(7);
    expect(all.entries[0].id).toBe(made[0].id);
    const newestFirst = [...all.entries].sort((a, b) => (a.updatedAt !== b.updatedAt ? (a.updatedAt < b.updatedAt ? 1 : -1) : a.id < b.id ? -1 : 1));
    expect(all.entries.map((a) => a.id)).toEqual(newestFirst.map((a) => a.id));
    const pages = [await list('?year=2024&kind=quarterly&limit=3'), await list('?year=2024&kind=quarterly&limit=3&offset=3'), await list('?year=2024&kind=quarterly&limit=3&offset=6')];
    expect(pages.map((p) => p.total)).toEqual([7, 7, 7]);
    expect(pages.flatMap((p) => p.entries.map((a) => a.id))).toEqual(all.entries.map((a) => a.id));
    expect(pages.map((p) => p.entries.length)).toEqual([3, 3, 1]);
    expect((await list('?year=2024&kind=quarterly&offset=7')).entries).toEqual([]);
  });

  test.each([
    ['limit=0', '/limit'],
    ['limit=501', '/limit'],
    ['limit=ten', '/limit'],
    ['offset=-1', '/offset'],
  ])('a page asked as %s is refused, naming the field', async (query, field) => {
    const refused = (await expectStatus(call(app, 'viewer', 'GET', `/api/assessments?${query}`), 400)).json();
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(refused.details.map((d: { path: string }) => d.path)).toContain(`/querystring${field}`);
  });

  test('re-scoring under another version answers a new result beside the unchanged stored one', async () => {
    const draft = await createDraft();
    await expectStatus(call(app, 'assessor', 'POST', `/api/assessments/${draft.id}/submit`), 200);
    // Version 2.0.0 pays one point less for the office.
    const v2 = smallRubric({ version: '2.0.0' });
    v2.groups[0].indicators![0].points = 3;
    v2.groups[0].points = 9;
    v2.groups[0].indicators![0].criteria[0].points = 3;
    v2.groups[0].indicators![0].criteria[0].rules[0].event.params = { kind: 'fixed', points: 3 };
    v2.tests = [];
    await expectStatus(call(app, 'editor', 'POST', '/api/rubrics/small-rubric/versions', { version: '2.0.0' }), 201);
    await expectStatus(call(app, 'editor', 'PUT', '/api/rubrics/small-rubric/versions/2.0.0', { document: v2, revision: 1 }), 200);

    const answer = (await expectStatus(call(app, 'viewer', 'POST', `/api/assessments/${draft.id}/rescore`, { rubric: { id: 'small-rubric', version: '2.0.0' } }), 200)).json();
    expect(answer.stored).toMatchObject({ total: 8, rubric: { version: '1.0.0' } });
    expect(answer.rescored).toMatchObject({ total: 7, max: 9, rubric: { version: '2.0.0' } });
    expect((await call(app, 'viewer', 'GET', `/api/assessments/${draft.id}`)).json().result.total).toBe(8);
  });

  test('re-scoring under a version that rejects a stored value drops it, names it and shows what the result can still become', async () => {
    const draft = await createDraft();
    await expectStatus(call(app, 'assessor', 'POST', `/api/assessments/${draft.id}/submit`), 200);
    // Version 3.0.0 counts volunteers up to 30 only: the stored 40 is out of bounds there.
    const v3 = smallRubric({ version: '3.0.0' });
    v3.inputs[1].maximum = 30;
    const indicator = v3.groups[0].indicators![1];
    indicator.points = 2;
    indicator.criteria[0].points = 2;
    v3.groups[0].points = 6;
    v3.tests = [];
    await expectStatus(call(app, 'editor', 'POST', '/api/rubrics/small-rubric/versions', { version: '3.0.0' }), 201);
    await expectStatus(call(app, 'editor', 'PUT', '/api/rubrics/small-rubric/versions/3.0.0', { document: v3, revision: 1 }), 200);

    const answer = (await expectStatus(call(app, 'viewer', 'POST', `/api/assessments/${draft.id}/rescore`, { rubric: { id: 'small-rubric', version: '3.0.0' } }), 200)).json();
    expect(answer.invalid).toMatchObject([{ path: '/inputs/volunteers', message: expect.stringContaining('from 0 to 30, got 40') }]);
    expect(answer.mapping).toMatchObject({ fromVersion: '1.0.0', missing: ['volunteers'] });
    expect(answer.notAssessed).toEqual([{ criterion: 'C2', indicator: 'I2', title: expect.any(Object), missing: ['volunteers'] }]);
    // Office 4 of 6 so far; volunteers can add 0 to 2: 4/6 ≥ 0.6 whatever the answer, so "good" stands.
    expect(answer.rescored).toMatchObject({ complete: false, total: 4, tier: null, reachable: { total: { min: 4, max: 6 }, tiers: ['good'], determined: 'good', deciding: [] } });
  });

  test('carry forward: the next assessment starts as a draft under the newest version, answers carried, new and changed criteria flagged', async () => {
    const source = await createDraft();
    await expectStatus(call(app, 'assessor', 'POST', `/api/assessments/${source.id}/submit`), 200);
    // 4.0.0: the office earns 3 instead of 4, and a new yes/no question earns 1.
    const v4 = smallRubric({ version: '4.0.0' });
    const [office] = v4.groups[0].indicators!;
    office.points = 3;
    office.criteria[0].points = 3;
    office.criteria[0].rules[0].event.params = { kind: 'fixed', points: 3 };
    v4.inputs.push({ id: 'trainedStaff', type: 'boolean', label: { zh: '工作人员受过培训', en: 'Staff trained' } });
    v4.groups[0].indicators!.push({
      id: 'I3',
      title: { zh: '培训', en: 'Training' },
      points: 1,
      clause: 'T.1.3',
      criteria: [{ id: 'C3', title: { zh: '工作人员受过培训得1分', en: '1 point when staff are trained' }, points: 1, rules: [{ conditions: { all: [{ fact: 'trainedStaff', operator: 'equal', value: true }] }, event: { type: 'award', params: { kind: 'fixed', points: 1 } } }] }],
    });
    v4.tests = [];
    await expectStatus(call(app, 'editor', 'POST', '/api/rubrics/small-rubric/versions', { version: '4.0.0' }), 201);
    await expectStatus(call(app, 'editor', 'PUT', '/api/rubrics/small-rubric/versions/4.0.0', { document: v4, revision: 1 }), 200);
    await expectStatus(call(app, 'editor', 'POST', '/api/rubrics/small-rubric/versions/4.0.0/publish', { changelog: 'Office 3; training.' }), 200);

    // A viewer cannot start an assessment.
    await expectStatus(call(app, 'viewer', 'POST', `/api/assessments/${source.id}/carry-forward`, { period: { year: 2025, kind: 'final' }, assessor: 'A' }), 403);
    const next = (await expectStatus(call(app, 'assessor', 'POST', `/api/assessments/${source.id}/carry-forward`, { period: { year: 2025, kind: 'final' }, assessor: 'Next Assessor' }), 201)).json();
    expect(next).toMatchObject({ status: 'draft', communityId: 'riverside', rubric: { id: 'small-rubric', version: '4.0.0' }, period: { year: 2025, kind: 'final' }, inputs: COMPLETE_INPUTS });
    expect(next.carriedFrom).toMatchObject({
      assessment: source.id,
      rubric: { id: 'small-rubric', version: '1.0.0' },
      flags: [
        { criterion: 'C1', flag: 'changed', title: expect.any(Object) },
        { criterion: 'C3', flag: 'added', title: expect.any(Object) },
      ],
      missing: ['trainedStaff'],
      rejected: [],
    });
    // The source is untouched; the new draft is audited as carried forward.
    expect((await call(app, 'viewer', 'GET', `/api/assessments/${source.id}`)).json().status).toBe('submitted');
    const audit = (await expectStatus(call(app, 'editor', 'GET', '/api/audit'), 200)).json() as { action: string; target: string }[];
    expect(audit.some((e) => e.action === 'assessment.carryForward' && e.target === `assessment:${next.id}`)).toBe(true);
  });

  test('a new assessment uses the version in force on the day assessed; another needs a reason, which is kept', async () => {
    // 2.0.0 takes effect on 2025-01-01 and supersedes 1.0.0 (in force since 2024-01-01) from then on.
    await expectStatus(call(app, 'editor', 'POST', '/api/rubrics/small-rubric/versions', { version: '2.0.0' }), 201);
    const v2 = smallRubric({ version: '2.0.0', effectiveDate: '2025-01-01' });
    v2.tests = [];
    await expectStatus(call(app, 'editor', 'PUT', '/api/rubrics/small-rubric/versions/2.0.0', { document: v2, revision: 1 }), 200);
    await expectStatus(call(app, 'editor', 'POST', '/api/rubrics/small-rubric/versions/2.0.0/publish', { changelog: 'From 2025.' }), 200);

    const inForce = async (date: string) => (await expectStatus(call(app, 'viewer', 'GET', `/api/rubrics/small-rubric/in-force?date=${date}`), 200)).json();
    expect(await inForce('2024-06-30')).toEqual({ date: '2024-06-30', version: '1.0.0', effectiveDate: '2024-01-01' });
    expect(await inForce('2025-01-01')).toMatchObject({ version: '2.0.0' });
    expect(await inForce('2023-12-31')).toEqual({ date: '2023-12-31', version: null });

    // Assessed in 2025 under 1.0.0 without a reason: refused, naming the version in force and the field.
    const refused = await call(app, 'assessor', 'POST', '/api/assessments', assessmentBody({ assessedOn: '2025-03-01' }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('version 2.0.0 is in force on 2025-03-01'), details: [{ path: '/body/versionReason' }] });
    // With a reason it is made, and the record says which version was in force and why another.
    const kept = (await expectStatus(call(app, 'assessor', 'POST', '/api/assessments', assessmentBody({ assessedOn: '2025-03-01', versionReason: 'mid-term under the old rules, as agreed' })), 201)).json();
    expect(kept).toMatchObject({ assessedOn: '2025-03-01', versionChoice: { inForce: '2.0.0', reason: 'mid-term under the old rules, as agreed' } });
    const usual = (await expectStatus(call(app, 'assessor', 'POST', '/api/assessments', assessmentBody({ assessedOn: '2024-06-30' })), 201)).json();
    expect(usual.versionChoice).toEqual({ inForce: '1.0.0', reason: null });
    // A day that is not a date is refused by name.
    const notADay = await call(app, 'assessor', 'POST', '/api/assessments', assessmentBody({ assessedOn: 'last Tuesday' }));
    expect(notADay.statusCode).toBe(400);
    expect(JSON.stringify(notADay.json().details)).toContain('assessedOn');
    expect((await call(app, 'viewer', 'GET', '/api/rubrics/small-rubric/in-force?date=soon')).statusCode).toBe(400);
  });

  test('re-scoring a draft is a state conflict: it has no stored result', async () => {
    const draft = await createDraft();
    const response = await call(app, 'viewer', 'POST', `/api/assessments/${draft.id}/rescore`, { rubric: { id: 'small-rubric', version: '1.0.0' } });
    expect(response.statusCode).toBe(409);
  });

  test('every change is in the audit log with who, role, action, target and rubric stamp', async () => {
    const draft = await createDraft();
    await expectStatus(call(app, 'assessor', 'POST', `/api/assessments/${draft.id}/submit`), 200);
    const audit = (await expectStatus(call(app, 'editor', 'GET', '/api/audit'), 200)).json();
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['rubric.create', 'rubric.publish', 'community.create', 'assessment.create', 'assessment.submit']);
    expect(audit[4]).toMatchObject({ actor: 'local assessor', role: 'assessor', target: `assessment:${draft.id}`, rubric: { id: 'small-rubric', version: '1.0.0', hash: expect.stringMatching(/^sha256:/) }, at: expect.any(String) });
    expect(audit[1]).toMatchObject({ actor: 'local editor', role: 'editor', target: 'rubric:small-rubric@1.0.0' });
    expect((await call(app, 'editor', 'GET', '/api/audit?limit=1')).json()).toHaveLength(1);
  });
});
