import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { call, expectStatus, smallRubric, startApp } from './harness.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app.close();
});

describe('previews of unsaved drafts', () => {
  test('validating a good document answers valid with its warnings', async () => {
    const report = (await expectStatus(call(app, 'editor', 'POST', '/api/preview/validate', { document: smallRubric() }), 200)).json();
    expect(report).toEqual({ valid: true, errors: [], warnings: expect.any(Array) });
  });

  test('validating a broken document answers 200 with the errors, so the builder can show them', async () => {
    const report = (await expectStatus(call(app, 'editor', 'POST', '/api/preview/validate', { document: smallRubric({ groups: [] }) }), 200)).json();
    expect(report.valid).toBe(false);
    expect(report.errors.length).toBeGreaterThan(0);
  });

  test('the form of an unsaved document is derived in the language asked for', async () => {
    const form = (await expectStatus(call(app, 'editor', 'POST', '/api/preview/form', { document: smallRubric(), lang: 'en' }), 200)).json();
    expect(JSON.stringify(form.schema)).toContain('Volunteers');
  });

  test('the form of a broken document is 422 RUBRIC_INVALID', async () => {
    const response = await call(app, 'editor', 'POST', '/api/preview/form', { document: smallRubric({ tiers: [] }) });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('RUBRIC_INVALID');
  });

  test('an unsaved document scores inputs, nothing stored', async () => {
    const result = (await expectStatus(call(app, 'editor', 'POST', '/api/preview/score', { document: smallRubric(), inputs: { hasOffice: false, volunteers: 19 } }), 200)).json();
    expect(result).toMatchObject({ total: 0, tier: 'basic', complete: true });
    expect((await call(app, 'viewer', 'GET', '/api/rubrics')).json()).toEqual([]);
  });

  test('scoring with a wrong input value names the input', async () => {
    const response = await call(app, 'editor', 'POST', '/api/preview/score', { document: smallRubric(), inputs: { hasOffice: 'yes', volunteers: 19 } });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'INPUTS_INVALID', details: [{ path: '/inputs/hasOffice' }] });
  });
});
