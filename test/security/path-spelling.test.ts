/**
 * Every spelling of a path gets the canonical path's answer: the router decodes and tolerates
 * spellings, so access is enforced on the matched route, never on the URL text. Checked through
 * inject and through a raw socket (no client-side normalisation in between).
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { canonicalUrl } from '../../server/canonical-path.ts';
import { assessmentBody, call, expectStatus, startAppWithPublishedRubric, tokenOf } from '../server/harness.ts';

let app: FastifyInstance;
let port: number;
let draftId: string;
beforeAll(async () => {
  app = await startAppWithPublishedRubric();
  draftId = (await expectStatus(call(app, 'assessor', 'POST', '/api/assessments', assessmentBody()), 201)).json().id;
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await app.close();
});

/** Spellings of /api/audit that a router, a proxy or a browser may treat as the same path. */
const AUDIT_SPELLINGS = [
  '/%61pi/audit',
  '/api/%61udit',
  '/%61%70%69/%61%75%64%69%74',
  '//api//audit',
  '/api/./audit',
  '/api/x/../audit',
  '/api/%2e/audit',
  '/api/x/%2E%2E/audit',
  '/API/AUDIT',
  '/Api/Audit',
  '/api/audit/',
  '/api/audit?limit=5',
  '/./api/audit',
];

/** GET over a raw socket: the path goes on the wire exactly as written. */
function rawGet(path: string, token?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET', headers: token ? { authorization: `Bearer ${token}` } : {} }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('path spellings', () => {
  test.each(AUDIT_SPELLINGS)('%s answers as /api/audit does: 401 without a token, 403 for a viewer, 200 for an editor', async (spelling) => {
    expect((await call(app, null, 'GET', spelling)).statusCode).toBe(401);
    expect((await call(app, 'viewer', 'GET', spelling)).statusCode).toBe(403);
    expect((await call(app, 'editor', 'GET', spelling)).statusCode).toBe(200);
    expect((await rawGet(spelling)).status).toBe(401);
    expect((await rawGet(spelling, tokenOf('viewer'))).status).toBe(403);
    const granted = await rawGet(spelling, tokenOf('editor'));
    expect(granted.status).toBe(200);
    expect(Array.isArray(JSON.parse(granted.body))).toBe(true);
  });

  test('an anonymous retire through a spelled path is refused and changes nothing', async () => {
    const before = (await call(app, 'viewer', 'GET', '/api/rubrics/small-rubric/versions/1.0.0')).json();
    for (const path of ['/%61pi/rubrics/small-rubric/versions/1.0.0/retire', '//api/rubrics/small-rubric/versions/1.0.0/retire', '/API/rubrics/small-rubric/versions/1.0.0/retire']) {
      const response = await call(app, null, 'POST', path);
      expect(response.statusCode, path).toBe(401);
    }
    expect((await call(app, 'viewer', 'GET', '/api/rubrics/small-rubric/versions/1.0.0')).json()).toEqual(before);
    const audit = (await call(app, 'editor', 'GET', '/api/audit')).json() as { action: string }[];
    expect(audit.filter((e) => e.action === 'rubric.retire')).toEqual([]);
  });

  test('an anonymous submit through a spelled path is refused; the assessment stays a readable draft', async () => {
    const response = await call(app, null, 'POST', `/api/%61ssessments/${draftId}/submit`);
    expect(response.statusCode).toBe(401);
    const draft = await expectStatus(call(app, 'viewer', 'GET', `/api/assessments/${draftId}`), 200);
    expect(draft.json()).toMatchObject({ status: 'draft', result: null });
    await expectStatus(call(app, 'viewer', 'GET', '/api/exports/assessments?format=csv'), 200);
  });

  test('record ids keep their case and their encoded slashes; only the route part is canonical', () => {
    expect(canonicalUrl('/API/communities/RiverSide')).toBe('/API/communities/RiverSide');
    expect(canonicalUrl('/api/communities/a%2Fb')).toBe('/api/communities/a%2Fb');
    expect(canonicalUrl('/api/x/%2e%2e/audit?next=/a/../b')).toBe('/api/audit?next=/a/../b');
    expect(canonicalUrl('/../../etc/passwd')).toBe('/etc/passwd');
  });

  test('an unknown path is 404 in every spelling, without a token or with one', async () => {
    for (const path of ['/api/nothing-here', '/%61pi/nothing-here', '//api/nothing-here']) {
      expect((await call(app, null, 'GET', path)).statusCode).toBe(404);
      expect((await call(app, 'editor', 'GET', path)).statusCode).toBe(404);
    }
  });
});
