import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { RUBRIC_LIMITS } from '../../engine/index.ts';
import { assessmentBody, call, smallRubric, startAppWithPublishedRubric, tokenOf } from './harness.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await startAppWithPublishedRubric();
});
afterAll(async () => {
  await app.close();
});
// After every refused request the server must still answer.
afterEach(async () => {
  expect((await call(app, 'viewer', 'GET', '/api/rubrics')).statusCode).toBe(200);
});

/** Sends raw text as the body. */
const send = (method: 'POST' | 'PUT', url: string, payload: string, contentType = 'application/json') =>
  app.inject({ method, url, payload, headers: { authorization: `Bearer ${tokenOf('editor')}`, 'content-type': contentType } });

const nested = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = { level: value };
  return value;
};

describe('bad input is refused with the documented 4xx, and the server keeps serving', () => {
  test('a field of the wrong type is 400 VALIDATION_FAILED naming the field; bodies are not coerced', async () => {
    const response = await call(app, 'assessor', 'POST', '/api/communities', { id: 'typed', name: 42, street: 'S' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: '/body/name', message: 'must be string' }] });
    const year = await call(app, 'assessor', 'POST', '/api/assessments', assessmentBody({ period: { year: '2024', kind: 'final' } }));
    expect(year.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: '/body/period/year' }] });
  });

  test('a query parameter of the wrong type is 400', async () => {
    const response = await call(app, 'viewer', 'GET', '/api/assessments?year=last');
    expect(response.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: [{ path: '/querystring/year' }] });
  });

  test('an unknown field is refused, not silently dropped', async () => {
    const response = await call(app, 'assessor', 'POST', '/api/communities', { id: 'extra', name: 'N', street: 'S', mayor: 'Z' });
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([{ path: '/body/mayor', message: 'unknown field "mayor": remove it', text: { en: 'unknown field "mayor": remove it', zh: '未知字段 "mayor"：请删除' } }]);
  });

  test('an unknown input of the rubric is 422 INPUTS_INVALID', async () => {
    const response = await call(app, 'assessor', 'POST', '/api/assessments', assessmentBody({ inputs: { hasOffice: true, swimmingPools: 2 } }));
    expect(response.statusCode).toBe(422);
    expect(response.json().details).toEqual([expect.objectContaining({ path: '/inputs/swimmingPools' })]);
  });

  test('malformed JSON is 400 BODY_NOT_JSON', async () => {
    const response = await send('POST', '/api/preview/validate', '{"document": {');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'BODY_NOT_JSON', error: 'Bad Request' });
  });

  test('an empty JSON body is no body: 400 where one is required, fine where none is', async () => {
    expect((await send('POST', '/api/preview/validate', '')).json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect((await send('POST', '/api/rubrics/small-rubric/versions/1.0.0/test', '')).statusCode).toBe(200);
  });

  test('a body that is not JSON at all is 415', async () => {
    const response = await send('POST', '/api/preview/validate', 'document=1', 'application/x-www-form-urlencoded');
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  test.each([
    ['a __proto__ key', '{"document": {"__proto__": {"polluted": true}}}', '/document/__proto__'],
    ['an escaped __proto__ key', '{"document": {"\\u005f_proto__": {"polluted": true}}}', '/document/__proto__'],
    ['a constructor.prototype key', '{"document": {"constructor": {"prototype": {"polluted": true}}}}', '/document/constructor/prototype'],
  ])('%s is 400 BODY_FORBIDDEN_KEY, and nothing is polluted', async (_name, payload, path) => {
    const response = await send('POST', '/api/preview/validate', payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'BODY_FORBIDDEN_KEY', details: [{ path }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a body over the 1 MiB limit is 413 BODY_TOO_LARGE', async () => {
    const response = await send('POST', '/api/preview/validate', JSON.stringify({ document: { changelog: 'x'.repeat(1.5 * 1024 * 1024) } }));
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('BODY_TOO_LARGE');
  });

  test('a rubric over the engine size limit is 413 RUBRIC_TOO_LARGE before anything compiles', async () => {
    const document = smallRubric({ changelog: 'x'.repeat(RUBRIC_LIMITS.maxBytes + 1000) });
    for (const url of ['/api/rubrics', '/api/preview/validate', '/api/preview/form', '/api/preview/score']) {
      const response = await call(app, 'editor', 'POST', url, { document, ...(url.endsWith('score') && { inputs: {} }) });
      expect(response.statusCode, url).toBe(413);
      expect(response.json().code).toBe('RUBRIC_TOO_LARGE');
    }
  });

  test('a rubric nested deeper than the engine limit is 400 RUBRIC_TOO_DEEP', async () => {
    const document = { ...smallRubric(), description: nested(RUBRIC_LIMITS.maxDepth + 5) };
    const response = await call(app, 'editor', 'PUT', '/api/rubrics/small-rubric/versions/1.0.0', { document });
    // Published: the version refuses any change before the document is even read.
    expect(response.statusCode).toBe(409);
    const preview = await call(app, 'editor', 'POST', '/api/preview/validate', { document });
    expect(preview.statusCode).toBe(400);
    expect(preview.json()).toMatchObject({ code: 'RUBRIC_TOO_DEEP', details: [{ path: expect.stringContaining('/description/level') }] });
  });

  test('a document nested 100,000 levels deep neither crashes nor hangs the server', async () => {
    const payload = `{"document": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
    const response = await send('POST', '/api/preview/form', payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('RUBRIC_TOO_DEEP');
  });

  test('a JSONPath filter in a rule condition path is 422 RUBRIC_INVALID at that path', async () => {
    const document = smallRubric({ id: 'filtered' });
    const condition = document.groups[0].indicators![0].criteria[0].rules[0].conditions as { all: { path?: string }[] };
    condition.all[0].path = '$[?(@.x)]';
    for (const url of ['/api/rubrics', '/api/preview/score']) {
      const response = await call(app, 'editor', 'POST', url, { document, ...(url.endsWith('score') && { inputs: { hasOffice: true, volunteers: 1 } }) });
      expect(response.statusCode, url).toBe(422);
      expect(response.json()).toMatchObject({ code: 'RUBRIC_INVALID', details: [{ path: '/groups/0/indicators/0/criteria/0/rules/0/conditions/all/0/path' }] });
    }
  });

  test('a path parameter outside its pattern is 400', async () => {
    const response = await call(app, 'viewer', 'GET', '/api/rubrics/small-rubric/versions/not-a-version');
    expect(response.json()).toMatchObject({ statusCode: 400, details: [{ path: '/params/version' }] });
  });

  test('an unknown API route is 404 in the error shape', async () => {
    const response = await call(app, 'viewer', 'GET', '/api/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND', error: 'Not Found' });
  });
});
