import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import { describe, expect, test } from 'vitest';
import { evaluate, evaluateLive, type InputValues, loadRubric } from '../../engine/index.ts';
import { addSharedSchemas } from '../../server/schemas.ts';
import { scoreResultJson } from '../../server/score-result-json.ts';
import { RESULTS_DIR } from '../../server/storage/lowdb-storage.ts';
import { assessmentBody, COMPLETE_INPUTS, call, expectStatus, smallRubric, startAppWithPublishedRubric } from './harness.ts';

describe('responses holding a score result (written as JSON bytes, not by the response schema)', () => {
  test('criteria shared between previews are written once and the bytes are exactly JSON.stringify of the result', () => {
    const rubric = loadRubric(readFileSync(new URL('../../examples/appendix-c/rubric.json', import.meta.url), 'utf8'));
    const { inputs } = rubric.doc.tests[0];
    evaluateLive(rubric, { inputs });
    // The second preview with the same answers shares the first one's (frozen) criterion results.
    const again = evaluateLive(rubric, { inputs });
    expect(again.criteria.every((c) => Object.isFrozen(c))).toBe(true);
    expect(scoreResultJson(again).toString('utf8')).toBe(JSON.stringify(again));
    // An incomplete result (with criteria of its own) is written the same way.
    const partial = { ...inputs };
    delete (partial as Record<string, unknown>).satisfactionRate;
    const fresh = evaluateLive(rubric, { inputs: partial });
    expect(scoreResultJson(fresh).toString('utf8')).toBe(JSON.stringify(fresh));
  });

  test('a score preview is the engine’s result, as JSON with its length, type and security headers', async () => {
    const app = await startAppWithPublishedRubric();
    const response = await expectStatus(call(app, 'viewer', 'POST', '/api/rubrics/small-rubric/versions/1.0.0/score', { inputs: COMPLETE_INPUTS }), 200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    const expected = await evaluate(loadRubric(smallRubric()), { inputs: COMPLETE_INPUTS }, { requireComplete: true });
    // Published, the document (and so its hash) differs from the draft scored here.
    const answered = response.json();
    expect(answered).toEqual(JSON.parse(JSON.stringify({ ...expected, rubric: { ...expected.rubric, hash: answered.rubric.hash } })));
    await app.close();
  });

  test('a submit answers with its ETag the same result as the stored result file holds, byte for byte', async () => {
    const app = await startAppWithPublishedRubric();
    const draft = (await expectStatus(call(app, 'assessor', 'POST', '/api/assessments', assessmentBody()), 201)).json();
    expect(draft.result).toBeNull();
    const submitted = await expectStatus(call(app, 'assessor', 'POST', `/api/assessments/${draft.id}/submit`), 200);
    expect(submitted.headers.etag).toBe('"2"');
    expect(submitted.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = submitted.json();
    expect(body).toMatchObject({ id: draft.id, status: 'submitted', revision: 2, inputs: COMPLETE_INPUTS });
    const stored = readFileSync(join(app.dataDir, RESULTS_DIR, `${draft.id}.json`), 'utf8');
    expect(submitted.body).toContain(`"result":${stored}}`);
    const read = await expectStatus(call(app, 'viewer', 'GET', `/api/assessments/${draft.id}`), 200);
    expect(read.json()).toEqual(body);
    await app.close();
  });

  test('the ScoreResult schema leaves nothing of a result out, so the JSON says what /docs describes (complete and incomplete results)', async () => {
    const rubric = loadRubric(readFileSync(join(import.meta.dirname, '../../examples/appendix-c/rubric.json'), 'utf8'));
    const inputs = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/appendix-c/assessments', '01-demonstration.json'), 'utf8')).inputs;
    const partial: InputValues = Object.fromEntries(Object.entries(inputs as InputValues).slice(0, 5));
    const results = [evaluateLive(rubric, { inputs }, { requireComplete: true }), evaluateLive(rubric, { inputs: partial }, { requireComplete: false })];
    expect(results[1].complete).toBe(false);
    // Fastify's own schema serializer, as the routes used before.
    const bySchema = Fastify();
    addSharedSchemas(bySchema);
    bySchema.get<{ Querystring: { at: number } }>('/', { schema: { response: { 200: { $ref: 'ScoreResult#' } } } }, async (request) => results[Number(request.query.at)]);
    for (const [at, result] of results.entries()) {
      const schemaJson = (await bySchema.inject(`/?at=${at}`)).json();
      expect(schemaJson).toEqual(JSON.parse(JSON.stringify(result)));
    }
    await bySchema.close();
  });

  test('error answers of those routes keep the error shape', async () => {
    const app = await startAppWithPublishedRubric();
    const response = await expectStatus(call(app, 'viewer', 'POST', '/api/rubrics/small-rubric/versions/9.9.9/score', { inputs: COMPLETE_INPUTS }), 404);
    expect(response.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    await app.close();
  });
});
