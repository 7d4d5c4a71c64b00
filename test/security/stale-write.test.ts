/**
 * No lost update: every mutable record carries a revision (its ETag); a write names the revision
 * it read, and a stale one is refused with the current revision instead of being applied.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assessmentBody, call, expectStatus, smallRubric, startAppWithPublishedRubric } from '../server/harness.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await startAppWithPublishedRubric();
});
afterAll(async () => {
  await app.close();
});

const ifMatch = (revision: number | string) => ({ headers: { 'if-match': typeof revision === 'number' ? `"${revision}"` : revision } });

/** The three kinds of mutable record, each with a fresh one to write and a valid replacement body. */
const RECORDS = [
  {
    kind: 'draft rubric version',
    create: async () => {
      const version = `2.${Math.floor(Math.random() * 1e6)}.0`;
      await expectStatus(call(app, 'editor', 'POST', '/api/rubrics/small-rubric/versions', { version, copyFrom: { version: '1.0.0' } }), 201);
      return `/api/rubrics/small-rubric/versions/${version}`;
    },
    role: 'editor' as const,
    body: (url: string, n: number) => ({ document: smallRubric({ version: url.split('/').at(-1), changelog: `edit ${n}` }) }),
    field: (record: { document: { changelog: string } }) => record.document.changelog,
  },
  {
    kind: 'draft assessment',
    create: async () => `/api/assessments/${(await expectStatus(call(app, 'assessor', 'POST', '/api/assessments', assessmentBody()), 201)).json().id}`,
    role: 'assessor' as const,
    body: (_url: string, n: number) => ({ inputs: { hasOffice: true, volunteers: n } }),
    field: (record: { inputs: { volunteers: number } }) => record.inputs.volunteers,
  },
  {
    kind: 'community',
    create: async () => {
      const id = `c-${Math.floor(Math.random() * 1e9)}`;
      await expectStatus(call(app, 'assessor', 'POST', '/api/communities', { id, name: 'First', street: 'S' }), 201);
      return `/api/communities/${id}`;
    },
    role: 'assessor' as const,
    body: (_url: string, n: number) => ({ name: `name ${n}`, street: 'S' }),
    field: (record: { name: string }) => record.name,
  },
];

describe.each(RECORDS)('a $kind', ({ create, role, body, field }) => {
  test('is read with its revision as a strong ETag, and each change raises it by one', async () => {
    const url = await create();
    const read = await expectStatus(call(app, 'viewer', 'GET', url), 200);
    expect(read.json().revision).toBe(1);
    expect(read.headers.etag).toBe('"1"');
    const written = await expectStatus(call(app, role, 'PUT', url, body(url, 7), ifMatch(read.headers.etag as string)), 200);
    expect(written.json().revision).toBe(2);
    expect(written.headers.etag).toBe('"2"');
    const audit = (await call(app, 'editor', 'GET', '/api/audit?limit=1')).json();
    expect(audit[0]).toMatchObject({ revision: 2 });
  });

  test('a write without the revision it read is 428 REVISION_REQUIRED and changes nothing', async () => {
    const url = await create();
    const before = (await call(app, 'viewer', 'GET', url)).json();
    const response = await call(app, role, 'PUT', url, body(url, 8));
    expect(response.statusCode).toBe(428);
    expect(response.json()).toMatchObject({ code: 'REVISION_REQUIRED', details: [expect.objectContaining({ path: 'headers/if-match' })] });
    expect((await call(app, 'viewer', 'GET', url)).json()).toEqual(before);
  });

  test('the second of two writes from the same revision is 409 STALE_REVISION with the current revision; the first stays', async () => {
    const url = await create();
    const first = (await expectStatus(call(app, role, 'PUT', url, body(url, 1), ifMatch(1)), 200)).json();
    const stale = await call(app, role, 'PUT', url, body(url, 2), ifMatch(1));
    expect(stale.statusCode).toBe(409);
    expect(stale.headers.etag).toBe('"2"');
    expect(stale.json()).toMatchObject({ code: 'STALE_REVISION', details: [{ path: '/revision', message: expect.stringContaining('current revision is 2') }] });
    const stored = (await call(app, 'viewer', 'GET', url)).json();
    expect(field(stored)).toEqual(field(first));
    expect(stored.revision).toBe(2);
  });

  test('the revision may come in the body instead; a body and header that disagree are refused', async () => {
    const url = await create();
    await expectStatus(call(app, role, 'PUT', url, { ...body(url, 3), revision: 1 }), 200);
    const disagreeing = await call(app, role, 'PUT', url, { ...body(url, 4), revision: 2 }, ifMatch(1));
    expect(disagreeing.statusCode).toBe(400);
    const malformed = await call(app, role, 'PUT', url, body(url, 4), ifMatch('*'));
    expect(malformed.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'headers/if-match' })] });
  });

  test('20 concurrent writes from one revision: exactly one is applied, the others are stale', async () => {
    const url = await create();
    const responses = await Promise.all(Array.from({ length: 20 }, (_, n) => call(app, role, 'PUT', url, body(url, n + 100), ifMatch(1))));
    const codes = responses.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    const stored = (await call(app, 'viewer', 'GET', url)).json();
    expect(stored.revision).toBe(2);
    const winner = responses.find((r) => r.statusCode === 200)?.json();
    expect(field(stored)).toEqual(field(winner));
  });
});

describe('state changes', () => {
  test('publishing with a stale If-Match is refused; the draft stays a draft', async () => {
    await expectStatus(call(app, 'editor', 'POST', '/api/rubrics/small-rubric/versions', { version: '5.0.0', copyFrom: { version: '1.0.0' } }), 201);
    const url = '/api/rubrics/small-rubric/versions/5.0.0';
    await expectStatus(call(app, 'editor', 'PUT', url, { document: smallRubric({ version: '5.0.0', changelog: 'Changed.' }) }, ifMatch(1)), 200);
    const stale = await call(app, 'editor', 'POST', `${url}/publish`, { changelog: 'Publishing what I saw.' }, ifMatch(1));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_REVISION');
    expect((await call(app, 'viewer', 'GET', url)).json().status).toBe('draft');
    await expectStatus(call(app, 'editor', 'POST', `${url}/publish`, { changelog: 'Now.' }, ifMatch(2)), 200);
  });

  test('submitting with a stale If-Match is refused; the assessment stays a draft', async () => {
    // 1.0.0 on purpose: a test above may have published 5.0.0, which would then be in force.
    const { id } = (await expectStatus(call(app, 'assessor', 'POST', '/api/assessments', assessmentBody({ versionReason: 'kept on 1.0.0 for this test' })), 201)).json();
    await expectStatus(call(app, 'assessor', 'PUT', `/api/assessments/${id}`, { inputs: { hasOffice: false, volunteers: 0 } }, ifMatch(1)), 200);
    const stale = await call(app, 'assessor', 'POST', `/api/assessments/${id}/submit`, undefined, ifMatch(1));
    expect(stale.statusCode).toBe(409);
    expect((await call(app, 'viewer', 'GET', `/api/assessments/${id}`)).json()).toMatchObject({ status: 'draft', result: null });
  });
});
