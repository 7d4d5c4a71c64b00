/**
 * Threat: an assessor (or a script with an assessor's token) sends values no form would send —
 * wrong types, values out of bounds, NaN-like strings, objects, prototype names — to scoring and
 * to assessment creation. Each must be refused with 422 INPUTS_INVALID naming `/inputs/<id>`
 * and saying what is expected; nothing is scored and nothing is stored.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RubricDocument } from '../../engine/index.ts';
import { call, expectStatus, startApp, tokenOf } from '../server/harness.ts';

const rubric = JSON.parse(readFileSync(new URL('./fixtures/every-input-type.json', import.meta.url), 'utf8')) as RubricDocument;
const versionUrl = `/api/rubrics/${rubric.id}/versions/${rubric.version}`;

/** Valid values of every input: 1 + 2 + 2 + 2 + 2 + 2 + 1 = 12 of 12. */
const VALID = { flag: true, visits: 20, hours: 100, rate: 100, grade: 'high', services: ['a', 'b'], monthly: [50, 50, 0] };

/** What each input's error message must say is expected (engine/scoring/inputs.ts `expectedValue`). */
const EXPECTED: Record<keyof typeof VALID, string> = {
  flag: 'expected true or false',
  visits: 'expected a whole number from 0 to 100',
  hours: 'expected a number from 0 to 1000',
  rate: 'expected a percentage from 0 to 100',
  grade: 'expected one of: low, mid, high',
  services: 'expected a list without repeats of: a, b, c',
  monthly: 'expected a list of exactly 3 whole numbers from 0 to 50',
};

/** Bad values of every input type the format has (boolean, count, number, percentage, choice, multiChoice, series). */
const BAD: [keyof typeof VALID, unknown][] = [
  ...(['yes', 'true', 1, 0, null, {}, [true], { $ne: false }] as unknown[]).map((v): [keyof typeof VALID, unknown] => ['flag', v]),
  ...([-1, 1.5, '3', 101, 'NaN', null, {}, [1], true, 1e21] as unknown[]).map((v): [keyof typeof VALID, unknown] => ['visits', v]),
  ...(['NaN', 'Infinity', '1e3', -1, 1001, null, { $gt: 0 }, true, [1]] as unknown[]).map((v): [keyof typeof VALID, unknown] => ['hours', v]),
  ...([101, -0.1, '50%', null, 'NaN', [50]] as unknown[]).map((v): [keyof typeof VALID, unknown] => ['rate', v]),
  ...(['unknown', 'LOW', 'constructor', 'toString', '__proto__', 1, ['low'], null, { toString: 1 }] as unknown[]).map((v): [keyof typeof VALID, unknown] => ['grade', v]),
  ...([['a', 'a'], ['z'], 'a', [1], null, [null], [['a']], ['constructor'], {}] as unknown[]).map((v): [keyof typeof VALID, unknown] => ['services', v]),
  ...([[1, 2], [1, 2, 3, 4], [1, -1, 2], [1, 2.5, 3], '1,2,3', null, [1, 2, 51], [], { 0: 1, 1: 2, 2: 3 }, ['1', '2', '3']] as unknown[]).map(
    (v): [keyof typeof VALID, unknown] => ['monthly', v],
  ),
];

let app: FastifyInstance;
beforeAll(async () => {
  app = await startApp();
  await expectStatus(call(app, 'editor', 'POST', '/api/rubrics', { document: rubric }), 201);
  await expectStatus(call(app, 'editor', 'POST', `${versionUrl}/publish`, { changelog: 'First release.' }), 200);
  await expectStatus(call(app, 'assessor', 'POST', '/api/communities', { id: 'riverside', name: 'Riverside', street: 'East Street' }), 201);
});
afterAll(async () => {
  await app.close();
});

const score = (inputs: unknown) => call(app, 'viewer', 'POST', `${versionUrl}/score`, { inputs });
const createAssessment = (inputs: unknown) =>
  call(app, 'assessor', 'POST', '/api/assessments', {
    communityId: 'riverside',
    rubric: { id: rubric.id, version: rubric.version },
    period: { year: 2024, kind: 'final' },
    assessor: 'Test Assessor',
    inputs,
  });
const storedAssessments = async (): Promise<unknown[]> => (await expectStatus(call(app, 'viewer', 'GET', '/api/assessments'), 200)).json();

describe('bad assessment inputs are refused by name, nothing scored or stored', () => {
  test('the valid inputs score 12 of 12 and can start an assessment (the baseline the bad values change)', async () => {
    expect((await expectStatus(score(VALID), 200)).json()).toMatchObject({ total: 12, max: 12, tier: 'high' });
    await expectStatus(createAssessment(VALID), 201);
  });

  test.each(BAD.map(([id, value]) => ({ id, value, shown: JSON.stringify(value) })))('$id = $shown is 422 INPUTS_INVALID naming /inputs/$id', async ({ id, value }) => {
    const before = await storedAssessments();
    const inputs = { ...VALID, [id]: value };
    for (const response of [await score(inputs), await createAssessment(inputs)]) {
      expect(response.statusCode, response.body).toBe(422);
      const body = response.json();
      expect(body).toMatchObject({ statusCode: 422, code: 'INPUTS_INVALID', error: 'Unprocessable Entity' });
      expect(body.details).toMatchObject([{ path: `/inputs/${id}`, message: expect.stringContaining(EXPECTED[id]) }]);
    }
    expect(await storedAssessments()).toEqual(before);
  });

  test.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty'])('an input named %s, which the rubric does not have, is refused by name', async (name) => {
    const before = await storedAssessments();
    for (const response of [await score({ ...VALID, [name]: 1 }), await createAssessment({ ...VALID, [name]: 1 })]) {
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json()).toMatchObject({ code: 'INPUTS_INVALID', details: [{ path: `/inputs/${name}`, message: expect.stringContaining('is not an input of rubric') }] });
    }
    expect(await storedAssessments()).toEqual(before);
  });

  test('an input named __proto__ is refused before anything reads it (400 BODY_FORBIDDEN_KEY naming it)', async () => {
    const before = await storedAssessments();
    const body = `{"inputs": {"flag": true, "__proto__": {"polluted": true}}}`;
    const response = await app.inject({ method: 'POST', url: `${versionUrl}/score`, payload: body, headers: { authorization: `Bearer ${tokenOf('viewer')}`, 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'BODY_FORBIDDEN_KEY', details: [{ path: '/inputs/__proto__' }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await storedAssessments()).toEqual(before);
  });

  test('a number JSON cannot hold as a double (1e400 parses as Infinity) is refused, not scored', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `${versionUrl}/score`,
      payload: `{"inputs": ${JSON.stringify(VALID).replace('"hours":100', '"hours":1e400')}}`,
      headers: { authorization: `Bearer ${tokenOf('viewer')}`, 'content-type': 'application/json' },
    });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json()).toMatchObject({ code: 'INPUTS_INVALID', details: [{ path: '/inputs/hours', message: expect.stringContaining(EXPECTED.hours) }] });
  });

  test('several bad values are all named, one detail per input', async () => {
    const response = await score({ ...VALID, flag: 'yes', visits: -1, services: ['z', 'z'] });
    expect(response.statusCode).toBe(422);
    expect(response.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['/inputs/flag', '/inputs/services', '/inputs/visits']);
  });

  test('a huge value is quoted shortened in the message, not echoed whole', async () => {
    const response = await score({ ...VALID, grade: 'x'.repeat(100_000) });
    expect(response.statusCode).toBe(422);
    const [detail] = response.json().details;
    expect(detail.path).toBe('/inputs/grade');
    expect(detail.message.length).toBeLessThan(500);
    expect(detail.message).toContain('100002 characters');
  });
});
