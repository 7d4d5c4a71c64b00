/**
 * Deny by default, by route: the role table is read from the routes as they are registered, so
 * a route without an access rule fails here, and every route is called as every kind of caller.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RouteAccess } from '../../server/access.ts';
import type { Role } from '../../server/storage/types.ts';
import { assessmentBody, call, expectStatus, startAppWithPublishedRubric } from '../server/harness.ts';

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

/** Who may call each API route: the README's "Tokens and roles", as data. */
const EXPECTED: Record<string, Role[] | 'public'> = {
  'GET /api/health': 'public',
  'GET /api/me': ALL,
  'GET /api/deployment': ALL,
  'GET /api/rubrics': ALL,
  'POST /api/rubrics': ['editor'],
  'GET /api/rubrics/:id/versions/:version': ALL,
  'GET /api/rubrics/:id/versions/:version/form': ALL,
  'POST /api/rubrics/:id/versions': ['editor'],
  'PUT /api/rubrics/:id/versions/:version': ['editor'],
  'DELETE /api/rubrics/:id/versions/:version': ['editor'],
  'POST /api/rubrics/:id/versions/:version/test': ALL,
  'POST /api/rubrics/:id/versions/:version/publish': ['editor'],
  'POST /api/rubrics/:id/versions/:version/retire': ['editor'],
  'POST /api/rubrics/:id/versions/:version/score': ALL,
  'POST /api/rubrics/:id/versions/:version/live-score': ALL,
  'POST /api/preview/validate': ['editor'],
  'POST /api/preview/form': ['editor'],
  'POST /api/preview/score': ['editor'],
  'GET /api/communities': ALL,
  'POST /api/communities': ['assessor'],
  'GET /api/communities/:id': ALL,
  'PUT /api/communities/:id': ['assessor'],
  'GET /api/assessments': ALL,
  'POST /api/assessments': ['assessor'],
  'GET /api/assessments/:id': ALL,
  'GET /api/assessments/:id/form': ALL,
  'PUT /api/assessments/:id': ['assessor'],
  'POST /api/assessments/:id/submit': ['assessor'],
  'POST /api/assessments/:id/rescore': ALL,
  'POST /api/assessments/:id/carry-forward': ['assessor'],
  'GET /api/rubrics/:id/in-force': ALL,
  'PUT /api/assessments/:id/supplements/:input': ['assessor', 'editor'],
  'DELETE /api/assessments/:id/supplements/:input': ['assessor', 'editor'],
  'POST /api/supplements': ['assessor', 'editor'],
  'GET /api/audit': ['editor'],
  'GET /api/rubrics/:id/diff': ALL,
  'POST /api/impact': ALL,
  'GET /api/rubrics/:id/versions/:version/missing-inputs': ALL,
  'GET /api/assessments/:id/gap': ALL,
  'GET /api/exports/assessments': ALL,
};

const key = (route: RouteAccess): string => `${route.method} ${route.url}`;
/** Routes of the API (HEAD twins of GET routes are checked through their GET). */
const apiRoutes = (): RouteAccess[] => app.routeAccess.filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD');

/** A URL that reaches the route: its parameters filled with records that exist. */
function urlOf(route: RouteAccess): string {
  return route.url
    .replace('/api/rubrics/:id', '/api/rubrics/small-rubric')
    .replace(':version', '1.0.0')
    .replace('/api/communities/:id', '/api/communities/riverside')
    .replace('/api/assessments/:id', `/api/assessments/${assessmentId}`)
    .replace(/\*$/, 'index.html');
}

type Caller = { name: string; role: Role | null; header?: string };
const CALLERS: Caller[] = [
  { name: 'no token', role: null },
  { name: 'an unknown token', role: null, header: 'Bearer not-a-token-of-this-server' },
  { name: 'a malformed header', role: null, header: 'Basic ZWRpdG9yOmVkaXRvcg==' },
  ...ALL.map((role) => ({ name: role, role })),
];

function send(route: RouteAccess, caller: Caller) {
  const extra = caller.header ? { headers: { authorization: caller.header } } : {};
  return call(app, caller.role, route.method as 'GET', urlOf(route), undefined, extra);
}

describe('the role table', () => {
  test('every registered route declares an access rule (none is left to a default)', () => {
    const undeclared = app.routeAccess.filter((r) => r.access === undefined).map(key);
    expect(undeclared).toEqual([]);
    expect(app.routeAccess.length).toBeGreaterThan(Object.keys(EXPECTED).length);
  });

  test('the API routes and their rules are exactly the documented table', () => {
    const registered = Object.fromEntries(apiRoutes().map((r) => [key(r), r.access && 'public' in r.access ? 'public' : [...(r.access?.roles ?? [])].sort()]));
    const documented = Object.fromEntries(Object.entries(EXPECTED).map(([k, v]) => [k, v === 'public' ? v : [...v].sort()]));
    expect(registered).toEqual(documented);
  });

  test('only pages, assets, docs and the health check are public', () => {
    const publicRoutes = app.routeAccess.filter((r) => r.access && 'public' in r.access).map(key);
    for (const route of publicRoutes) expect(route).toMatch(/^(GET|HEAD) (\/api\/health|\/docs|\/openapi\.json|\/$|\/\*)/);
  });
});

describe('every route × every caller', () => {
  const cases = () => apiRoutes().flatMap((route) => CALLERS.map((caller) => ({ route, caller })));
  // The table is read after the app is built; one test per route keeps failures readable.
  test.each(Object.keys(EXPECTED))('%s answers each caller as its rule says', async (name) => {
    const route = apiRoutes().find((r) => key(r) === name);
    expect(route, `${name} is registered`).toBeDefined();
    for (const caller of CALLERS) {
      const response = await send(route as RouteAccess, caller);
      const rule = EXPECTED[name];
      const label = `${name} as ${caller.name}`;
      if (rule === 'public') expect([401, 403], label).not.toContain(response.statusCode);
      else if (caller.role === null) {
        expect(response.statusCode, label).toBe(401);
        expect(response.headers['www-authenticate'], label).toBe('Bearer');
        expect(response.json(), label).toMatchObject({ code: 'UNAUTHORIZED', details: [expect.objectContaining({ path: 'headers/authorization' })] });
      } else if (!rule.includes(caller.role)) {
        expect(response.statusCode, label).toBe(403);
        expect(response.json().message, label).toContain(caller.role);
      } else expect([401, 403], label).not.toContain(response.statusCode);
    }
  });

  test('the matrix covers every registered API route', () => {
    expect(new Set(cases().map((c) => key(c.route)))).toEqual(new Set(Object.keys(EXPECTED)));
  });

  test('GET /api/me tells the caller its role, and whether the published default tokens are active', async () => {
    expect((await call(app, 'assessor', 'GET', '/api/me')).json()).toEqual({ role: 'assessor', actor: 'local assessor', defaultTokens: true });
  });
});
