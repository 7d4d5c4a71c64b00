/**
 * Formats on the server: a stored rubric/1 version is kept byte for byte (its content hash names
 * it in every result), while a new version made from it, blank or copied, is written in rubric/2.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { contentHash, type RubricDocument, validateRubric } from '../../engine/index.ts';
import { call, COMPLETE_INPUTS, expectStatus, smallRubric, startApp } from './harness.ts';

const base = '/api/rubrics/small-rubric/versions';
let app: Awaited<ReturnType<typeof startApp>> | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('rubric formats', () => {
  test('a version copied from a rubric/1 version is a rubric/2 draft by ratio that validates and scores the same', async () => {
    app = await startApp();
    const created = (await expectStatus(call(app, 'editor', 'POST', '/api/rubrics', { document: smallRubric() }), 201)).json();
    expect(created.document.format).toBe('rubric/1');
    const copy = (await expectStatus(call(app, 'editor', 'POST', base, { version: '1.1.0', copyFrom: { version: '1.0.0' } }), 201)).json();
    expect(copy.document).toMatchObject({ format: 'rubric/2', tierBasis: 'ratio', version: '1.1.0', status: 'draft' });
    expect(validateRubric(copy.document)).toMatchObject({ valid: true, errors: [] });
    const checked = (await expectStatus(call(app, 'editor', 'POST', '/api/preview/validate', { document: copy.document }), 200)).json();
    expect(checked.errors).toEqual([]);

    const scored = async (document: RubricDocument) => (await expectStatus(call(app!, 'editor', 'POST', '/api/preview/score', { document, inputs: COMPLETE_INPUTS }), 200)).json();
    const before = await scored(created.document);
    const after = await scored(copy.document);
    for (const field of ['total', 'max', 'ratio', 'tier', 'ratioTier'] as const) expect(after[field], field).toEqual(before[field]);

    // The source is left as stored: same format, same bytes, same hash.
    const source = (await expectStatus(call(app, 'viewer', 'GET', `${base}/1.0.0`), 200)).json();
    expect(source.document.format).toBe('rubric/1');
    expect(source.hash).toBe(created.hash);
    expect(source.document).not.toHaveProperty('tierBasis');
  });

  test('a stored rubric/1 version still loads after a restart, its hash unchanged', async () => {
    app = await startApp();
    const { dataDir } = app;
    await expectStatus(call(app, 'editor', 'POST', '/api/rubrics', { document: smallRubric() }), 201);
    const published = (await expectStatus(call(app, 'editor', 'POST', `${base}/1.0.0/publish`, { changelog: 'First release.' }), 200)).json();
    await app.close();

    app = await startApp({ dataDir });
    const stored = (await expectStatus(call(app, 'viewer', 'GET', `${base}/1.0.0`), 200)).json();
    expect(stored.hash).toBe(published.hash);
    expect(stored.hash).toBe(contentHash(stored.document));
    expect(stored.document.format).toBe('rubric/1');
    // The form is derived from the compiled version, which is checked against the stored hash.
    await expectStatus(call(app, 'viewer', 'GET', `${base}/1.0.0/form?lang=en`), 200);
  });

  test('a blank version is rubric/2 by ratio', async () => {
    app = await startApp();
    await expectStatus(call(app, 'editor', 'POST', '/api/rubrics', { document: smallRubric() }), 201);
    const blank = (await expectStatus(call(app, 'editor', 'POST', base, { version: '2.0.0' }), 201)).json();
    expect(blank.document).toMatchObject({ format: 'rubric/2', tierBasis: 'ratio' });
    expect(validateRubric(blank.document).valid).toBe(true);
  });

  test('a rubric/2 document with levels by points is stored and scores a total on a bound into its level', async () => {
    app = await startApp();
    const document = JSON.parse(readFileSync(new URL('../fixtures/points-basis/rubric.json', import.meta.url), 'utf8')) as RubricDocument;
    const created = (await expectStatus(call(app, 'editor', 'POST', '/api/rubrics', { document }), 201)).json();
    expect(created.document).toMatchObject({ format: 'rubric/2', tierBasis: 'points' });
    const result = (await expectStatus(call(app, 'editor', 'POST', '/api/preview/score', { document, inputs: { credits: 100, innovation: true } }), 200)).json();
    expect(result).toMatchObject({ total: 60, max: 110, tier: 'gold' });
  });
});
