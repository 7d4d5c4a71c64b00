/**
 * Every message the server gives people comes in Chinese and English from server/messages.ts:
 * each error body, provoked through the real server on the real lowdb file (and on a real
 * PostgreSQL database for the database's own failures), carries `text` with
 * the English equal to `message`, and so does each of its details. Every entry of the catalogue
 * is used somewhere in server/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ServerError } from '../../server/errors.ts';
import { SERVER_MESSAGES } from '../../server/messages.ts';
import { freshDatabase } from '../postgres-cluster.ts';
import { assessmentBody, call, expectStatus, smallRubric, startApp, startAppWithPublishedRubric } from './harness.ts';

interface Said {
  en: string;
  zh: string;
}

const CJK = /[\u4e00-\u9fff]/;

/** `text` is the message in both languages: the English is `message`, the Chinese is Chinese and whole. */
function expectSaid(text: Said | undefined, message: string): void {
  expect(text, `no text for "${message}"`).toBeDefined();
  expect(text?.en).toBe(message);
  expect(text?.zh).toMatch(CJK);
  expect(text?.zh).not.toMatch(/undefined|\$\{|\[object Object\]|NaN/);
}

/** The answer is `status` `code`, and its message and every detail are said in both languages. */
function expectBilingual(response: LightMyRequestResponse, status: number, code: string): { message: string; text: Said; details: { path: string; message: string; text: Said }[] } {
  const body = response.json();
  expect({ statusCode: response.statusCode, code: body.code }).toEqual({ statusCode: status, code });
  expectSaid(body.text, body.message);
  for (const detail of body.details) expectSaid(detail.text, detail.message);
  return body;
}

let app: FastifyInstance & { dataDir: string };
let submittedId: string;

beforeAll(async () => {
  app = await startAppWithPublishedRubric();
  const draft = (await expectStatus(call(app, 'assessor', 'POST', '/api/assessments', assessmentBody()), 201)).json();
  submittedId = (await expectStatus(call(app, 'assessor', 'POST', `/api/assessments/${draft.id}/submit`), 200)).json().id;
});

afterAll(async () => {
  await app.close();
});

const sendRaw = (payload: string | Buffer, contentType = 'application/json') => call(app, 'assessor', 'POST', '/api/communities', undefined, { payload, headers: { 'content-type': contentType } });

describe('the server answers in Chinese and English', () => {
  test('access: no token and an unknown token are 401, a role not allowed is 403', async () => {
    expectBilingual(await call(app, null, 'GET', '/api/communities'), 401, 'UNAUTHORIZED');
    expectBilingual(await call(app, null, 'GET', '/api/communities', undefined, { headers: { authorization: 'Bearer not-a-known-token' } }), 401, 'UNAUTHORIZED');
    const forbidden = expectBilingual(await call(app, 'viewer', 'POST', '/api/communities', { id: 'x', name: 'N', street: 'S' }), 403, 'FORBIDDEN');
    expect(forbidden.text.zh).toContain('评价人');
  });

  test('bodies: not JSON, not UTF-8, a forbidden key, too large, not JSON at all', async () => {
    expectBilingual(await sendRaw('{"id": '), 400, 'BODY_NOT_JSON');
    expectBilingual(await sendRaw(Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d])), 400, 'BODY_NOT_UTF8');
    const forbidden = expectBilingual(await sendRaw('{"__proto__": {"polluted": true}}'), 400, 'BODY_FORBIDDEN_KEY');
    expect(forbidden.text.zh).toContain('/__proto__');
    expectBilingual(await sendRaw(JSON.stringify({ id: 'x', name: 'x'.repeat(1.5 * 1024 * 1024), street: 'S' })), 413, 'BODY_TOO_LARGE');
    expectBilingual(await sendRaw('id=x', 'application/x-www-form-urlencoded'), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  test('route schemas: an unknown field, a missing one, a wrong type, and the other common keywords', async () => {
    const body = expectBilingual(await call(app, 'assessor', 'POST', '/api/communities', { id: 'x', name: 5, mayor: 'Z' }), 400, 'VALIDATION_FAILED');
    expect(body.details.map((d) => [d.path, d.text.zh])).toEqual(
      expect.arrayContaining([
        ['/body/mayor', '未知字段 "mayor"：请删除'],
        ['/body/street', '为必填项：请补充'],
        ['/body/name', '须为文本（string）'],
      ]),
    );
    expect(body.text.zh).toMatch(/^请求体不符合要求：/);

    const period = expectBilingual(await call(app, 'assessor', 'POST', '/api/assessments', assessmentBody({ period: { year: 1999, kind: 'yearly' } })), 400, 'VALIDATION_FAILED');
    expect(period.details.map((d) => d.text.zh)).toEqual(expect.arrayContaining(['须不小于 2000', '须为以下之一：mid-term、final、quarterly']));
    const empty = expectBilingual(await call(app, 'assessor', 'POST', '/api/communities', { id: 'x', name: '', street: 'S' }), 400, 'VALIDATION_FAILED');
    expect(empty.details[0].text.zh).toBe('须至少有 1 个字符');
    const day = expectBilingual(await call(app, 'viewer', 'GET', '/api/rubrics/small-rubric/in-force?date=yesterday'), 400, 'VALIDATION_FAILED');
    expect(day.details[0].text.zh).toMatch(/^格式不符合要求：须与 .+ 相符$/);
    expect(day.text.zh).toMatch(/^查询参数不符合要求：/);
  });

  test('an unknown route is 404 naming it', async () => {
    const body = expectBilingual(await call(app, 'viewer', 'GET', '/api/nowhere?x=1'), 404, 'NOT_FOUND');
    expect(body.text.zh).toContain('GET /api/nowhere');
  });

  test('revisions: a malformed If-Match, a missing revision, a stale one', async () => {
    await expectStatus(call(app, 'assessor', 'POST', '/api/communities', { id: 'hillside', name: 'Hillside', street: 'West Street' }), 201);
    const change = { name: 'Hillside', street: 'East Street' };
    expectBilingual(await call(app, 'assessor', 'PUT', '/api/communities/hillside', change, { headers: { 'if-match': 'latest' } }), 400, 'VALIDATION_FAILED');
    expectBilingual(await call(app, 'assessor', 'PUT', '/api/communities/hillside', change), 428, 'REVISION_REQUIRED');
    await expectStatus(call(app, 'assessor', 'PUT', '/api/communities/hillside', change, { headers: { 'if-match': '"1"' } }), 200);
    const stale = expectBilingual(await call(app, 'assessor', 'PUT', '/api/communities/hillside', change, { headers: { 'if-match': '"1"' } }), 409, 'STALE_REVISION');
    expect(stale.text.zh).toContain('社区 hillside');
  });

  test('rubrics: an unknown version, an id in use, a published version changed', async () => {
    const unknown = expectBilingual(await call(app, 'viewer', 'GET', '/api/rubrics/small-rubric/versions/9.9.9'), 404, 'NOT_FOUND');
    expect(unknown.text.zh).toBe('评价细则 small-rubric 没有 9.9.9 版本。');
    expectBilingual(await call(app, 'editor', 'POST', '/api/rubrics', { document: smallRubric() }), 409, 'ALREADY_EXISTS');
    const frozen = expectBilingual(await call(app, 'editor', 'PUT', '/api/rubrics/small-rubric/versions/1.0.0', { document: smallRubric(), revision: 2 }), 409, 'VERSION_IMMUTABLE');
    expect(frozen.text.zh).toContain('已发布');
  });

  test('communities: an unknown id, an id in use, an id changed', async () => {
    expectBilingual(await call(app, 'viewer', 'GET', '/api/communities/nowhere'), 404, 'NOT_FOUND');
    expectBilingual(await call(app, 'assessor', 'POST', '/api/communities', { id: 'riverside', name: 'R', street: 'S' }), 409, 'ALREADY_EXISTS');
    expectBilingual(await call(app, 'assessor', 'PUT', '/api/communities/riverside', { id: 'elsewhere', name: 'R', street: 'S', revision: 1 }), 400, 'VALIDATION_FAILED');
  });

  test('assessments and comparisons: an unknown assessment, community and version', async () => {
    expectBilingual(await call(app, 'viewer', 'GET', '/api/assessments/nowhere'), 404, 'NOT_FOUND');
    expectBilingual(await call(app, 'assessor', 'POST', '/api/assessments', assessmentBody({ communityId: 'nowhere' })), 400, 'VALIDATION_FAILED');
    const impact = { base: { id: 'small-rubric', version: '1.0.0' }, candidate: { id: 'small-rubric', version: '9.9.9' } };
    expectBilingual(await call(app, 'viewer', 'POST', '/api/impact', impact), 404, 'NOT_FOUND');
    expectBilingual(await call(app, 'viewer', 'GET', '/api/assessments/nowhere/gap'), 404, 'NOT_FOUND');
  });

  test('supplements: an answered input, an input the version lacks, a file without its columns', async () => {
    const put = (input: string) => call(app, 'assessor', 'PUT', `/api/assessments/${submittedId}/supplements/${input}`, { value: true, version: '1.0.0', source: 'x' }, { headers: { 'if-match': '"2"' } });
    const answered = expectBilingual(await put('hasOffice'), 409, 'STATE_CONFLICT');
    expect(answered.text.zh).toContain('原答案保持不变');
    expectBilingual(await put('swimmingPools'), 400, 'VALIDATION_FAILED');
    const file = await call(app, 'assessor', 'POST', '/api/supplements?rubric=small-rubric&version=1.0.0', undefined, { payload: 'a,b\n1,2\n', headers: { 'content-type': 'text/csv' } });
    const columns = expectBilingual(file, 400, 'VALIDATION_FAILED');
    expect(columns.details[0].text.zh).toBe('请将各列命名为：社区、评价期、输入项、值、来源（或 community, period, input, value, source）');
  });

  test('the data directory lock refuses a second server in both languages', async () => {
    const second = await startApp({ dataDir: app.dataDir }).catch((err: unknown) => err);
    expect(second).toBeInstanceOf(ServerError);
    const { code, message, text, details } = second as ServerError;
    expect(code).toBe('DATA_DIR_LOCKED');
    expectSaid(text, message);
    for (const detail of details) expectSaid(detail.text, detail.message);
  });
});

describe('the PostgreSQL storage answers in Chinese and English', () => {
  test('an unreachable database stops the start, naming it without its password', async () => {
    const refused = await startApp({ databaseUrl: 'postgresql://rubric:secret@127.0.0.1:1/rubric' }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ServerError);
    const { code, message, text, details } = refused as ServerError;
    expect(code).toBe('INTERNAL');
    expectSaid(text, message);
    for (const detail of details) expectSaid(detail.text, detail.message);
    expect(message).not.toContain('secret');
  });

  test('a database that has turned read-only refuses a change with STORAGE_READ_ONLY', async () => {
    const databaseUrl = await freshDatabase();
    const onDatabase = await startApp({ databaseUrl });
    try {
      await expectStatus(call(onDatabase, 'assessor', 'POST', '/api/communities', { id: 'riverside', name: 'Riverside', street: 'East Street' }), 201);
      // As a standby after failover would: new sessions are read-only, the open ones are cut.
      const admin = new pg.Client({ connectionString: databaseUrl });
      await admin.connect();
      const name = new URL(databaseUrl).pathname.slice(1);
      await admin.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = on`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await admin.end();
      // A pooled connection learns of its end asynchronously: each attempt names a new community.
      let attempt = 0;
      const create = () => {
        attempt += 1;
        return call(onDatabase, 'assessor', 'POST', '/api/communities', { id: `hillside-${attempt}`, name: 'Hillside', street: 'West Street' });
      };
      await expect.poll(async () => (await create()).statusCode).toBe(503);
      const body = expectBilingual(await create(), 503, 'STORAGE_READ_ONLY');
      expect(body.text.zh).toContain('无法写入');
      expect((await call(onDatabase, 'viewer', 'GET', `/api/communities/hillside-${attempt}`)).statusCode).toBe(404);
    } finally {
      await onDatabase.close();
    }
  });
});

describe('the catalogue', () => {
  const serverDir = new URL('../../server/', import.meta.url).pathname;
  const sources = (readdirSync(serverDir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts') && file !== 'messages.ts')
    .map((file) => readFileSync(join(serverDir, file), 'utf8'))
    .join('\n');

  test.each(Object.entries(SERVER_MESSAGES).flatMap(([table, entries]) => Object.keys(entries).map((key) => `${table}.${key}`)))('%s is used in server/', (entry) => {
    expect(sources).toContain(`${entry}(`);
  });
});
