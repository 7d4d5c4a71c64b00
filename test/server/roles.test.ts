import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '../../server/storage/types.ts';
import { assessmentBody, call, expectStatus, smallRubric, startAppWithPublishedRubric } from './harness.ts';

let app: FastifyInstance;
let assessmentId: string;
beforeAll(async () => {
  app = await startAppWithPublishedRubric();
  assessmentId = (await expectStatus(call(app, 'assessor', 'POST', '/api/assessments', assessmentBody()), 201)).json().id;
});
afterAll(async () => {
  await app.close();
});

const ALL: Role[] = ['editor', 'assessor', 'viewer'];
const version = '/api/rubrics/small-rubric/versions/1.0.0';

/** Every route, who may call it, and a body that passes validation. */
const routes: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: () => string; allowed: Role[]; body?: () => unknown }[] = [
  { method: 'GET', url: () => '/api/me', allowed: ALL },
  { method: 'GET', url: () => '/api/rubrics', allowed: ALL },
  { method: 'POST', url: () => '/api/rubrics', allowed: ['editor'], body: () => ({ document: smallRubric({ id: 'another-rubric' }) }) },
  { method: 'GET', url: () => version, allowed: ALL },
  { method: 'GET', url: () => `${version}/form`, allowed: ALL },
  { method: 'POST', url: () => '/api/rubrics/small-rubric/versions', allowed: ['editor'], body: () => ({ version: '9.0.0' }) },
  { method: 'PUT', url: () => version, allowed: ['editor'], body: () => ({ document: smallRubric() }) },
  { method: 'DELETE', url: () => version, allowed: ['editor'] },
  { method: 'POST', url: () => `${version}/test`, allowed: ALL },
  { method: 'POST', url: () => `${version}/publish`, allowed: ['editor'], body: () => ({ changelog: '' }) },
  { method: 'POST', url: () => `${version}/retire`, allowed: ['editor'] },
  { method: 'POST', url: () => `${version}/score`, allowed: ALL, body: () => ({ inputs: {}, partial: true }) },
  { method: 'POST', url: () => '/api/preview/validate', allowed: ['editor'], body: () => ({ document: smallRubric() }) },
  { method: 'POST', url: () => '/api/preview/form', allowed: ['editor'], body: () => ({ document: smallRubric() }) },
  { method: 'POST', url: () => '/api/preview/score', allowed: ['editor'], body: () => ({ document: smallRubric(), inputs: {}, partial: true }) },
  { method: 'GET', url: () => '/api/communities', allowed: ALL },
  { method: 'POST', url: () => '/api/communities', allowed: ['assessor', 'editor'], body: () => ({ id: 'c-any', name: 'N', street: 'S' }) },
  { method: 'GET', url: () => '/api/communities/riverside', allowed: ALL },
  { method: 'PUT', url: () => '/api/communities/riverside', allowed: ['assessor', 'editor'], body: () => ({ name: 'Riverside', street: 'East Street' }) },
  { method: 'GET', url: () => '/api/assessments', allowed: ALL },
  { method: 'POST', url: () => '/api/assessments', allowed: ['assessor'], body: () => assessmentBody() },
  { method: 'GET', url: () => `/api/assessments/${assessmentId}`, allowed: ALL },
  { method: 'PUT', url: () => `/api/assessments/${assessmentId}`, allowed: ['assessor'], body: () => ({ inputs: {} }) },
  { method: 'POST', url: () => `/api/assessments/${assessmentId}/submit`, allowed: ['assessor'] },
  { method: 'POST', url: () => `/api/assessments/${assessmentId}/rescore`, allowed: ALL, body: () => ({ rubric: { id: 'small-rubric', version: '1.0.0' } }) },
  { method: 'GET', url: () => '/api/audit', allowed: ['editor'] },
];

describe('roles', () => {
  test.each(routes.map((r) => [`${r.method} ${r.url()}`, r] as const))('%s without a token is 401 with a Bearer challenge', async (_name, route) => {
    const response = await call(app, null, route.method, route.url(), route.body?.());
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.json()).toMatchObject({ statusCode: 401, code: 'UNAUTHORIZED', error: 'Unauthorized' });
  });

  test.each(routes.map((r) => [`${r.method} ${r.url()}`, r] as const))('%s with an unknown token is 401', async (_name, route) => {
    const response = await call(app, null, route.method, route.url(), route.body?.(), { headers: { authorization: 'Bearer not-a-token-of-this-server' } });
    expect(response.statusCode).toBe(401);
  });

  const denied = routes.flatMap((route) => ALL.filter((role) => !route.allowed.includes(role)).map((role) => [`${role} → ${route.method} ${route.url()}`, role, route] as const));
  test.each(denied)('%s is 403', async (_name, role, route) => {
    const response = await call(app, role, route.method, route.url(), route.body?.());
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'FORBIDDEN', error: 'Forbidden' });
    expect(response.json().message).toContain(role);
  });

  const granted = routes.flatMap((route) => route.allowed.map((role) => [`${role} → ${route.method} ${route.url()}`, role, route] as const));
  test.each(granted)('%s is let through', async (_name, role, route) => {
    const response = await call(app, role, route.method, route.url(), route.body?.());
    expect([401, 403]).not.toContain(response.statusCode);
  });

  test('GET /api/me tells the caller its role', async () => {
    expect((await call(app, 'assessor', 'GET', '/api/me')).json()).toEqual({ role: 'assessor', actor: 'local assessor' });
  });
});
