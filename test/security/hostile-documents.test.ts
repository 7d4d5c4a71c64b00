/**
 * Threat: an editor's token (or a stolen one) sends rubric documents built to hurt the server:
 * JSONPath code in condition paths, nesting and width past the limits, hundreds of thousands of
 * errors, huge bodies, prototype keys, and ids named like Object.prototype's members. Each is
 * refused with the documented error naming the place (or, for legitimate names, scored like any
 * other name) — never a 500 — and afterwards the server still answers with its data unchanged.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_REPORTED_ISSUES } from '../../engine/document/issues.ts';
import { refErrorMergesRewritten } from '../../engine/document/meta-schema.ts';
import { RUBRIC_LIMITS, type RubricDocument } from '../../engine/index.ts';
import { runRubricCli } from '../cli-runner.ts';
import { call, expectStatus, smallRubric, startApp, tokenOf } from '../server/harness.ts';
import {
  baseRubric,
  deepJson,
  invalidConditionValues,
  MOST_ENTRIES,
  setFirstConditions,
  shapelessConditions,
  unknownOptionValues,
  wideArray,
  wideObject,
} from './worst-documents.ts';

let app: FastifyInstance;
/** GET /api/rubrics and the stored draft, as they must stay after every refused request. */
let stored: { list: string; draft: string };

const readStored = async () => ({
  list: (await expectStatus(call(app, 'viewer', 'GET', '/api/rubrics'), 200)).body,
  draft: (await expectStatus(call(app, 'viewer', 'GET', '/api/rubrics/small-rubric/versions/1.0.0'), 200)).body,
});

beforeAll(async () => {
  app = await startApp();
  await expectStatus(call(app, 'editor', 'POST', '/api/rubrics', { document: smallRubric() }), 201);
  stored = await readStored();
});
afterAll(async () => {
  await app.close();
});

/** The server still answers and nothing stored changed. */
async function expectServerUnchanged(): Promise<void> {
  expect((await call(app, null, 'GET', '/api/health')).statusCode).toBe(200);
  expect(await readStored()).toEqual(stored);
}

/** Sends a JSON text as an editor (text, so that keys like "__proto__" reach the server as written). */
const sendText = (url: string, payload: string) =>
  app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${tokenOf('editor')}`, 'content-type': 'application/json' } });
const create = (document: unknown) => sendText('/api/rubrics', JSON.stringify({ document }));

/** The venue-accessibility rubric under a new id, so that accepting it would show in the list. */
const hostileBase = (): RubricDocument => ({ ...baseRubric(), id: 'hostile' });

/** Sets `key` as an own property, even "__proto__" (JSON.stringify then writes it as a key). */
function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Every object of a document with its JSON pointer. */
function objectsOf(doc: unknown): { pointer: string; object: Record<string, unknown> }[] {
  const found: { pointer: string; object: Record<string, unknown> }[] = [];
  const stack: [unknown, string][] = [[doc, '']];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop() as [unknown, string];
    if (node === null || typeof node !== 'object') continue;
    if (!Array.isArray(node)) found.push({ pointer, object: node as Record<string, unknown> });
    for (const [key, child] of Object.entries(node)) stack.push([child, `${pointer}/${key}`]);
  }
  return found;
}

describe('JSONPath code in condition paths is refused at validation, never run', () => {
  const condition = '/groups/0/indicators/0/criteria/0/rules/0/conditions/all/0';
  const paths = ['$[?(@.s.repeat(3e8))]', '$[?(@.x)]', '$..x', "$['a']", '$.a(', '$.a[0]', '$.*', '$'];

  test.each(paths)('path %s is 422 RUBRIC_INVALID at the condition path', async (path) => {
    for (const [where, place] of [
      ['path', { fact: 'stepFreeEntrance', operator: 'equal', value: true, path }],
      ['value/path', { fact: 'stepFreeEntrance', operator: 'equal', value: { fact: 'lift', path } }],
    ] as const) {
      const doc = hostileBase();
      setFirstConditions(doc, { all: [place] });
      const response = await create(doc);
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().code).toBe('RUBRIC_INVALID');
      expect(response.json().details).toContainEqual(expect.objectContaining({ path: `${condition}/${where}`, message: expect.stringContaining('JSONPath filters and wildcards are not allowed') }));
      const preview = (await expectStatus(sendText('/api/preview/score', JSON.stringify({ document: doc, inputs: {} })), 422)).json();
      expect(preview.code).toBe('RUBRIC_INVALID');
    }
    await expectServerUnchanged();
  });
});

describe('documents past the limits are refused before anything compiles them', () => {
  test('conditions nested 5,000 deep are 400 RUBRIC_TOO_DEEP naming where the nesting goes too deep', async () => {
    const conditions = '/groups/0/indicators/0/criteria/0/rules/0/conditions';
    const text = JSON.stringify({ document: hostileBase() });
    const cases = [
      { payload: text.replace(/"conditions":\{"all":\[[^\]]*\]\}/, `"conditions":${deepJson(5000)}`), at: new RegExp(`^${conditions}/all/0/`) },
      { payload: text.replace('"format":', `"deep":${deepJson(5000)},"format":`), at: /^\/deep\/all\/0\// },
    ];
    for (const { payload, at } of cases) {
      for (const url of ['/api/rubrics', '/api/preview/validate', '/api/preview/score']) {
        const response = await sendText(url, url.endsWith('score') ? payload.replace(/\}$/, ',"inputs":{}}') : payload);
        expect(response.statusCode, response.body.slice(0, 300)).toBe(400);
        expect(response.json()).toMatchObject({ code: 'RUBRIC_TOO_DEEP', details: [{ path: expect.stringMatching(at) }] });
      }
      await expectServerUnchanged();
    }
  });

  test('an object or an array wider than the limit on values is 413 RUBRIC_TOO_LARGE', async () => {
    for (const doc of [wideObject(RUBRIC_LIMITS.maxNodes), wideArray(RUBRIC_LIMITS.maxNodes)]) {
      const response = await create(doc);
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ code: 'RUBRIC_TOO_LARGE', details: [{ path: '', message: expect.stringContaining(`${RUBRIC_LIMITS.maxNodes} values`) }] });
      await expectServerUnchanged();
    }
  });

  test('a 20 MB body is 413 BODY_TOO_LARGE', async () => {
    const response = await sendText('/api/rubrics', JSON.stringify({ document: { ...hostileBase(), changelog: 'x'.repeat(20 * 1024 * 1024) } }));
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('BODY_TOO_LARGE');
    await expectServerUnchanged();
  });
});

describe('documents with hundreds of thousands of errors get a short, bounded answer', () => {
  /** A capped error list: MAX_REPORTED_ISSUES details, then one counting the rest. */
  function expectCapped(details: { path: string; message: string }[], firstPath: RegExp, more: number): void {
    expect(details).toHaveLength(MAX_REPORTED_ISSUES + 1);
    for (const detail of details.slice(0, MAX_REPORTED_ISSUES)) expect(detail.path).toMatch(firstPath);
    expect(details.at(-1)).toMatchObject({ path: '', message: `… and ${more.toLocaleString('en')} more errors of the same kinds: fix these first and validate again` });
  }

  const conditions = '^/groups/0/indicators/0/criteria/0/rules/0/conditions/all';
  const cases = [
    { name: '90,000 condition values of the wrong type (meta-schema)', doc: () => invalidConditionValues(90_000), first: new RegExp(`${conditions}/0/value(/\\d+)?$`), errors: 90_000 },
    { name: '90,000 values that are not options of the input (semantic)', doc: () => unknownOptionValues(90_000), first: new RegExp(`${conditions}/0/any/\\d+/value/\\d+$`), errors: 90_000 },
    // An empty condition lacks fact, operator and value, and all, any and not: six errors.
    { name: `${MOST_ENTRIES} empty conditions, each failing every branch`, doc: () => shapelessConditions(MOST_ENTRIES), first: new RegExp(`${conditions}(/\\d+)?$`), errors: MOST_ENTRIES * 6 },
    { name: `an object ${MOST_ENTRIES} keys wide`, doc: () => wideObject(MOST_ENTRIES), first: /^\/title\/[0-9A-Z]+$/, errors: MOST_ENTRIES },
    { name: `an array ${MOST_ENTRIES} entries wide`, doc: () => wideArray(MOST_ENTRIES), first: /^\/readings(\/\d+)?$/, errors: MOST_ENTRIES },
  ];

  test.each(cases)('$name: 422 RUBRIC_INVALID with 100 details and the count of the rest', async ({ doc, first, errors }) => {
    const document = { ...doc(), id: 'hostile' };
    const response = await create(document);
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.code).toBe('RUBRIC_INVALID');
    // Every bad entry is at least one error; the headline counts them all, the details show 100.
    const counted = Number(/^The rubric document has (\d+) errors\.$/.exec(body.message)?.[1]);
    expect(counted).toBeGreaterThanOrEqual(errors);
    expectCapped(body.details, first, counted - MAX_REPORTED_ISSUES);
    const preview = (await expectStatus(sendText('/api/preview/validate', JSON.stringify({ document })), 200)).json();
    expect(preview.valid).toBe(false);
    expectCapped(preview.errors, first, counted - MAX_REPORTED_ISSUES);
    await expectServerUnchanged();
  });

  test('the meta-schema validator merges the errors of referenced schemas in place (else an ajv upgrade made it quadratic again)', () => {
    expect(refErrorMergesRewritten).toBeGreaterThan(0);
  });
});

describe('prototype keys at every depth of a document are refused, naming where', () => {
  const doc = hostileBase();
  const places = objectsOf(doc).map(({ pointer }) => pointer);

  test('the document has objects at every depth down to its conditions', () => {
    expect(new Set(places.map((p) => p.split('/').length)).size).toBeGreaterThanOrEqual(12);
  });

  /** The document with `value` set under `key` on the object at `pointer`. */
  const withKey = (pointer: string, key: string, value: unknown): string => {
    const copy = hostileBase();
    const target = objectsOf(copy).find((o) => o.pointer === pointer)?.object as object;
    setOwn(target, key, value);
    return JSON.stringify({ document: copy });
  };

  test('"__proto__" and "constructor": {"prototype": …} are 400 BODY_FORBIDDEN_KEY at that key', async () => {
    for (const pointer of places) {
      for (const [key, value, at] of [
        ['__proto__', { polluted: true }, '/__proto__'],
        ['constructor', { prototype: { polluted: true } }, '/constructor/prototype'],
      ] as const) {
        const response = await sendText('/api/rubrics', withKey(pointer, key, value));
        expect(response.statusCode, `${pointer}/${key}: ${response.body}`).toBe(400);
        expect(response.json()).toMatchObject({ code: 'BODY_FORBIDDEN_KEY', details: [{ path: `/document${pointer}${at}` }] });
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expectServerUnchanged();
  });

  test('"constructor" and "prototype" as plain keys are 422 RUBRIC_INVALID naming that key', async () => {
    for (const pointer of places) {
      for (const key of ['constructor', 'prototype', 'toString']) {
        const response = await sendText('/api/rubrics', withKey(pointer, key, 1));
        expect(response.statusCode, `${pointer}/${key}: ${response.body}`).toBe(422);
        expect(response.json().code).toBe('RUBRIC_INVALID');
        expect(response.json().details.map((d: { path: string }) => d.path)).toContain(`${pointer}/${key}`);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expectServerUnchanged();
  });

  test('the engine alone (the CLI path, no HTTP body check) refuses "__proto__" keys too', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'rubric-hostile-'));
    const file = join(scratch, 'proto.json');
    writeFileSync(file, withKey('/groups/0', '__proto__', { polluted: true }).replace(/^\{"document":/, '').replace(/\}$/, ''));
    const { code, stdout, stderr } = await runRubricCli('validate', file, '--json');
    expect(code).toBe(1);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse(stdout)).toMatchObject({ valid: false, errors: expect.arrayContaining([expect.objectContaining({ path: '/groups/0/__proto__', message: expect.stringContaining('unknown property "__proto__"') })]) });
  });
});

describe('ids and options named like Object.prototype members work like any other name', () => {
  const RESERVED = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'] as const;
  const fixed = (fact: string, points: number) => ({ conditions: { all: [{ fact, operator: 'equal', value: true }] }, event: { type: 'award', params: { kind: 'fixed', points } } });
  const label = (en: string) => ({ en });

  /** Inputs, criteria, indicators, a requirement and tiers named like Object.prototype members. */
  const reservedRubric = (): RubricDocument =>
    smallRubric({
      id: 'reserved-names',
      inputs: [
        { id: 'constructor', type: 'boolean', label: label('c') },
        { id: 'toString', type: 'count', label: label('t'), maximum: 10 },
        { id: 'valueOf', type: 'boolean', label: label('v'), required: false },
        { id: 'hasOwnProperty', type: 'boolean', label: label('h'), required: false },
        { id: 'level', type: 'choice', label: label('l'), options: [...RESERVED, 'none'].map((value) => ({ value, label: label(value) })) },
      ],
      groups: [
        {
          id: 'G',
          title: label('G'),
          points: 11,
          indicators: [
            {
              id: 'isPrototypeOf',
              title: label('c'),
              points: 8,
              clause: 'R.1',
              criteria: [
                { id: 'constructor', title: label('c'), points: 1, notApplicable: { allowed: true }, rules: [fixed('constructor', 1)] },
                { id: 'toString', title: label('t'), points: 5, rules: [{ conditions: { all: [] }, event: { type: 'award', params: { kind: 'perUnit', terms: [{ input: 'toString', points: 0.5 }], cap: 5 } } }] },
                { id: 'valueOf', title: label('v'), points: 1, rules: [fixed('valueOf', 1)] },
                { id: 'hasOwnProperty', title: label('h'), points: 1, rules: [fixed('hasOwnProperty', 1)] },
              ],
            },
            {
              id: 'toLocaleString',
              title: label('level'),
              points: 3,
              clause: 'R.2',
              // "constructor" is an option missing from points: it earns 0.
              criteria: [{ id: 'level', title: label('l'), points: 3, rules: [{ conditions: { all: [] }, event: { type: 'award', params: { kind: 'choice', input: 'level', points: { toString: 1, valueOf: 2, hasOwnProperty: 3, none: 0 } } } }] }],
            },
          ],
        },
      ],
      tiers: [
        { id: 'constructor', label: label('low'), min: { value: 0, inclusive: true }, max: { value: 0.5, inclusive: false } },
        { id: 'toString', label: label('high'), min: { value: 0.5, inclusive: true }, max: { value: 1, inclusive: true } },
      ],
      requirements: [{ id: 'toString', clause: 'R.3', modality: 'shall', text: label('r'), conditions: { all: [{ fact: 'valueOf', operator: 'equal', value: true }] } }],
      tests: [
        {
          name: 'reserved names',
          inputs: { constructor: true, toString: 4, valueOf: true, hasOwnProperty: false, level: 'constructor' },
          expect: { total: 4, tier: 'constructor', indicators: { isPrototypeOf: 4, toLocaleString: 0 }, requirements: { toString: 'met' } },
        },
      ],
    } as Partial<RubricDocument>);

  const url = '/api/rubrics/reserved-names/versions/1.0.0';
  const score = (body: Record<string, unknown>) => call(app, 'viewer', 'POST', `${url}/score`, body);

  beforeAll(async () => {
    await expectStatus(call(app, 'editor', 'POST', '/api/rubrics', { document: reservedRubric() }), 201);
    await expectStatus(call(app, 'editor', 'POST', `${url}/publish`, { changelog: 'Reserved names.' }), 200);
    stored = await readStored();
  });

  test('the option "constructor", missing from the points, earns 0 (not a 500)', async () => {
    const result = (await expectStatus(score({ inputs: { constructor: true, toString: 4, valueOf: true, hasOwnProperty: false, level: 'constructor' } }), 200)).json();
    expect(result).toMatchObject({ total: 4, max: 11, tier: 'constructor', complete: true });
    expect(result.criteria.map((c: { id: string; status: string; points: number }) => [c.id, c.status, c.points])).toEqual([
      ['constructor', 'scored', 1],
      ['toString', 'scored', 2],
      ['valueOf', 'scored', 1],
      ['hasOwnProperty', 'scored', 0],
      ['level', 'scored', 0],
    ]);
    expect(result.requirements).toMatchObject([{ id: 'toString', finding: 'met' }]);
    await expectServerUnchanged();
  });

  test('options named like prototype members score their points; tiers so named are reached', async () => {
    const result = (await expectStatus(score({ inputs: { constructor: true, toString: 10, valueOf: true, hasOwnProperty: true, level: 'hasOwnProperty' } }), 200)).json();
    expect(result).toMatchObject({ total: 11, tier: 'toString', indicators: [{ id: 'isPrototypeOf', points: 8 }, { id: 'toLocaleString', points: 3 }] });
  });

  test('a draft that omits inputs so named leaves their criteria not assessed (not INPUTS_INVALID)', async () => {
    const result = (await expectStatus(score({ inputs: { toString: 2, level: 'valueOf' }, partial: true }), 200)).json();
    expect(result.complete).toBe(false);
    expect(result.criteria.filter((c: { status: string }) => c.status === 'notAssessed').map((c: { id: string; missing: string[] }) => [c.id, c.missing])).toEqual([
      ['constructor', ['constructor']],
      ['valueOf', ['valueOf']],
      ['hasOwnProperty', ['hasOwnProperty']],
    ]);
    expect(result.requirements).toMatchObject([{ id: 'toString', finding: 'notAssessed', missing: ['valueOf'] }]);
    await expectStatus(call(app, 'assessor', 'POST', '/api/communities', { id: 'riverside', name: 'Riverside', street: 'East Street' }), 201);
    const assessment = { communityId: 'riverside', rubric: { id: 'reserved-names', version: '1.0.0' }, period: { year: 2024, kind: 'final' }, assessor: 'A', inputs: { level: 'toString' } };
    await expectStatus(call(app, 'assessor', 'POST', '/api/assessments', assessment), 201);
  });

  test('a complete scoring that omits the input "constructor" is 422 INPUTS_INCOMPLETE naming it', async () => {
    const response = await score({ inputs: { toString: 1, valueOf: true, hasOwnProperty: true, level: 'none' } });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'INPUTS_INCOMPLETE', details: [{ path: '/inputs/constructor' }] });
  });

  test('the criterion "constructor" is not applicable only when marked so', async () => {
    const inputs = { constructor: true, toString: 0, valueOf: false, hasOwnProperty: false, level: 'none' };
    const unmarked = (await expectStatus(score({ inputs }), 200)).json();
    expect(unmarked.criteria[0]).toMatchObject({ id: 'constructor', status: 'scored', points: 1 });
    const marked = (await expectStatus(score({ inputs, notApplicable: { constructor: 'no entrance' } }), 200)).json();
    expect(marked.criteria[0]).toMatchObject({ id: 'constructor', status: 'notApplicable', points: 0 });
    expect(marked.max).toBe(10);
  });

  test('"__proto__" as an option or an answer is refused by name', async () => {
    const doc = reservedRubric();
    doc.id = 'proto-option';
    doc.inputs[4].options?.push({ value: '__proto__', label: label('p') });
    const response = await create(doc);
    expect(response.statusCode).toBe(422);
    expect(response.json().details).toContainEqual(expect.objectContaining({ path: '/inputs/4/options/5/value', message: expect.stringContaining('a letter, then letters, digits or underscores') }));
    const answer = await score({ inputs: { constructor: true, toString: 0, level: '__proto__' } });
    expect(answer.statusCode).toBe(422);
    expect(answer.json()).toMatchObject({ code: 'INPUTS_INVALID', details: [{ path: '/inputs/level', message: expect.stringContaining('expected one of: constructor, toString, valueOf, hasOwnProperty, none') }] });
    await expectServerUnchanged();
  });

  test('the CLI validates and scores the document, and answers --json without a stack trace', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'rubric-reserved-'));
    const rubricFile = join(scratch, 'rubric.json');
    const assessmentFile = join(scratch, 'assessment.json');
    writeFileSync(rubricFile, JSON.stringify(reservedRubric()));
    writeFileSync(assessmentFile, JSON.stringify({ inputs: { constructor: true, toString: 4, valueOf: true, hasOwnProperty: false, level: 'constructor' } }));
    const validated = await runRubricCli('validate', rubricFile, '--json');
    expect(validated.stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse(validated.stdout)).toMatchObject({ valid: true, errors: [] });
    const scored = await runRubricCli('score', rubricFile, assessmentFile, '--json');
    expect(JSON.parse(scored.stdout)).toMatchObject({ total: 4, tier: 'constructor' });
    const tested = await runRubricCli('test', rubricFile, '--json');
    expect(JSON.parse(tested.stdout)).toMatchObject({ passed: 1, failed: 0 });
    const unknown = await runRubricCli('constructor', rubricFile, '--lang', 'en');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "constructor"');
  });

  test('an unexpected fault in the CLI answers --json with the INTERNAL error body, not a stack trace', async () => {
    const venue = 'examples/venue-accessibility/rubric.json';
    const fault = await runRubricCli('impact', venue, venue, 'examples/appendix-c/assessments', '--json', '--csv', '/nonexistent-folder/impact.csv');
    expect(fault.code).toBe(1);
    expect(`${fault.stdout}${fault.stderr}`).not.toMatch(/\n\s+at /);
    expect(JSON.parse(fault.stdout)).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('ENOENT') });
  });
});
