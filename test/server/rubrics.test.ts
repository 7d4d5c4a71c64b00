import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { call, expectStatus, smallRubric, startApp } from './harness.ts';

let app: FastifyInstance;
beforeEach(async () => {
  app = await startApp();
});
afterEach(async () => {
  await app.close();
});

const createSmallRubric = () => expectStatus(call(app, 'editor', 'POST', '/api/rubrics', { document: smallRubric() }), 201);
const base = '/api/rubrics/small-rubric/versions';

describe('rubric versions', () => {
  test('an editor creates a rubric as a draft version with its hash and warnings', async () => {
    const created = (await createSmallRubric()).json();
    expect(created).toMatchObject({ id: 'small-rubric', version: '1.0.0', status: 'draft', publishedAt: null, warnings: [] });
    expect(created.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(created.document.status).toBe('draft');
  });

  test('creating a rubric whose id exists is a conflict', async () => {
    await createSmallRubric();
    const again = await call(app, 'editor', 'POST', '/api/rubrics', { document: smallRubric() });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_EXISTS');
  });

  test('the list groups versions under their rubric, oldest first', async () => {
    await createSmallRubric();
    await expectStatus(call(app, 'editor', 'POST', `${base}`, { version: '1.10.0', copyFrom: { version: '1.0.0' } }), 201);
    await expectStatus(call(app, 'editor', 'POST', `${base}`, { version: '1.2.0', copyFrom: { version: '1.0.0' } }), 201);
    const list = (await call(app, 'viewer', 'GET', '/api/rubrics')).json();
    expect(list).toHaveLength(1);
    expect(list[0].title.en).toBe('Small test rubric');
    expect(list[0].versions.map((v: { version: string }) => v.version)).toEqual(['1.0.0', '1.2.0', '1.10.0']);
  });

  test('a viewer reads one version with its document', async () => {
    await createSmallRubric();
    const version = await call(app, 'viewer', 'GET', `${base}/1.0.0`);
    expect(version.statusCode).toBe(200);
    expect(version.json().document.inputs).toHaveLength(2);
  });

  test('reading a version that does not exist is 404 in the error shape', async () => {
    const missing = await call(app, 'viewer', 'GET', `${base}/9.9.9`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', error: 'Not Found' });
    expect(missing.json().details).toBeInstanceOf(Array);
  });

  test('the derived form comes in Chinese by default and in English on request', async () => {
    await createSmallRubric();
    const zh = (await call(app, 'viewer', 'GET', `${base}/1.0.0/form`)).json();
    const en = (await call(app, 'viewer', 'GET', `${base}/1.0.0/form?lang=en`)).json();
    expect(JSON.stringify(zh.schema)).toContain('有办公场所');
    expect(JSON.stringify(en.schema)).toContain('Has an office');
    expect(en.uiSchema).toHaveProperty('ui:order');
  });

  test('a new version without a source starts from a blank rubric that validates', async () => {
    await createSmallRubric();
    const blank = (await expectStatus(call(app, 'editor', 'POST', base, { version: '2.0.0' }), 201)).json();
    expect(blank).toMatchObject({ id: 'small-rubric', version: '2.0.0', status: 'draft' });
    expect(blank.document.title.en).toBe('Small test rubric');
    expect(blank.document.groups).toHaveLength(1);
  });

  test('a new version copied from another keeps its content under the new version number', async () => {
    await createSmallRubric();
    const copy = (await expectStatus(call(app, 'editor', 'POST', base, { version: '1.1.0', copyFrom: { version: '1.0.0' } }), 201)).json();
    expect(copy.document.version).toBe('1.1.0');
    expect(copy.document.inputs).toEqual(smallRubric().inputs);
  });

  test('a new version of a rubric that does not exist is 404', async () => {
    const response = await call(app, 'editor', 'POST', '/api/rubrics/nothing-here/versions', { version: '1.0.0' });
    expect(response.statusCode).toBe(404);
  });

  test('updating a draft stores the new document, a new hash and the lint warnings', async () => {
    const created = (await createSmallRubric()).json();
    const document = smallRubric({ changelog: 'Reworded.' });
    const updated = (await expectStatus(call(app, 'editor', 'PUT', `${base}/1.0.0`, { document, revision: 1 }), 200)).json();
    expect(updated.document.changelog).toBe('Reworded.');
    expect(updated.hash).not.toBe(created.hash);
    expect(updated.warnings).toBeInstanceOf(Array);
  });

  test('an invalid document is refused with 422 and every problem in details', async () => {
    await createSmallRubric();
    const document = smallRubric({ tiers: [] });
    const response = await call(app, 'editor', 'PUT', `${base}/1.0.0`, { document, revision: 1 });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('RUBRIC_INVALID');
    expect(response.json().details[0]).toHaveProperty('path');
  });

  test('a document of another version is not accepted under this URL', async () => {
    await createSmallRubric();
    const response = await call(app, 'editor', 'PUT', `${base}/1.0.0`, { document: smallRubric({ version: '3.0.0' }), revision: 1 });
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([expect.objectContaining({ path: '/document/version' })]);
  });

  test('a draft can be deleted', async () => {
    await createSmallRubric();
    await expectStatus(call(app, 'editor', 'DELETE', `${base}/1.0.0`), 204);
    expect((await call(app, 'viewer', 'GET', `${base}/1.0.0`)).statusCode).toBe(404);
  });

  test('running the embedded tests reports each case without its result', async () => {
    await createSmallRubric();
    const report = (await expectStatus(call(app, 'viewer', 'POST', `${base}/1.0.0/test`), 200)).json();
    expect(report).toMatchObject({ passed: 2, failed: 0 });
    expect(report.cases[0]).not.toHaveProperty('result');
  });

  test('a draft whose tests fail is not published', async () => {
    const document = smallRubric();
    document.tests[0].expect.total = 9;
    await expectStatus(call(app, 'editor', 'POST', '/api/rubrics', { document }), 201);
    const response = await call(app, 'editor', 'POST', `${base}/1.0.0/publish`, { changelog: '' });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('RUBRIC_TESTS_FAILED');
    expect(response.json().details[0].message).toContain('office and 40 volunteers');
    expect((await call(app, 'viewer', 'GET', `${base}/1.0.0`)).json().status).toBe('draft');
  });

  test('publishing records the status, the time, the changelog and the content hash', async () => {
    await createSmallRubric();
    const published = (await expectStatus(call(app, 'editor', 'POST', `${base}/1.0.0/publish`, { changelog: 'First release.' }), 200)).json();
    expect(published.status).toBe('published');
    expect(published.document.status).toBe('published');
    expect(published.document.changelog).toBe('First release.');
    expect(published.publishedAt).toEqual(expect.any(String));
  });

  describe('after publishing, any change is refused with 409', () => {
    beforeEach(async () => {
      await createSmallRubric();
      await expectStatus(call(app, 'editor', 'POST', `${base}/1.0.0/publish`, { changelog: 'First release.' }), 200);
    });

    test('updating the document is VERSION_IMMUTABLE', async () => {
      const response = await call(app, 'editor', 'PUT', `${base}/1.0.0`, { document: smallRubric() });
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('VERSION_IMMUTABLE');
    });

    test('deleting the version is VERSION_IMMUTABLE', async () => {
      expect((await call(app, 'editor', 'DELETE', `${base}/1.0.0`)).json().code).toBe('VERSION_IMMUTABLE');
    });

    test('publishing it again is VERSION_IMMUTABLE', async () => {
      expect((await call(app, 'editor', 'POST', `${base}/1.0.0/publish`, { changelog: 'again' })).json().code).toBe('VERSION_IMMUTABLE');
    });

    test('the change must go into a new version, copied from it', async () => {
      await expectStatus(call(app, 'editor', 'POST', base, { version: '1.1.0', copyFrom: { version: '1.0.0' } }), 201);
      await expectStatus(call(app, 'editor', 'PUT', `${base}/1.1.0`, { document: smallRubric({ version: '1.1.0', changelog: 'Next.' }), revision: 1 }), 200);
    });

    test('retiring it keeps its hash; a retired version is immutable too', async () => {
      const published = (await call(app, 'viewer', 'GET', `${base}/1.0.0`)).json();
      const retired = (await expectStatus(call(app, 'editor', 'POST', `${base}/1.0.0/retire`), 200)).json();
      expect(retired).toMatchObject({ status: 'retired', hash: published.hash });
      expect((await call(app, 'editor', 'POST', `${base}/1.0.0/retire`)).json().code).toBe('VERSION_IMMUTABLE');
      expect((await call(app, 'editor', 'PUT', `${base}/1.0.0`, { document: smallRubric() })).statusCode).toBe(409);
    });
  });

  test('retiring a draft is a state conflict', async () => {
    await createSmallRubric();
    const response = await call(app, 'editor', 'POST', `${base}/1.0.0/retire`);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('STATE_CONFLICT');
  });

  test('scoring against a version stores nothing and explains each criterion', async () => {
    await createSmallRubric();
    const result = (await expectStatus(call(app, 'viewer', 'POST', `${base}/1.0.0/score`, { inputs: { hasOffice: true, volunteers: 45 } }), 200)).json();
    expect(result).toMatchObject({ complete: true, total: 8, max: 10, tier: 'good', rubric: { id: 'small-rubric', version: '1.0.0' } });
    expect(result.criteria[0].explanation).toHaveProperty('en');
    expect((await call(app, 'viewer', 'GET', '/api/assessments')).json()).toEqual([]);
  });

  test('scoring incomplete inputs is 422 unless partial is asked for', async () => {
    await createSmallRubric();
    const strict = await call(app, 'viewer', 'POST', `${base}/1.0.0/score`, { inputs: { hasOffice: true } });
    expect(strict.statusCode).toBe(422);
    expect(strict.json()).toMatchObject({ code: 'INPUTS_INCOMPLETE', details: [{ path: '/inputs/volunteers' }] });
    const partial = (await expectStatus(call(app, 'viewer', 'POST', `${base}/1.0.0/score`, { inputs: { hasOffice: true }, partial: true }), 200)).json();
    expect(partial).toMatchObject({ complete: false, total: 4, tier: null });
  });
});
