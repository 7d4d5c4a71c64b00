import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadRubric, RUBRIC_LIMITS, RubricStudioError } from '../../engine/index.ts';

/**
 * One fixture per failure mode (test/fixtures/invalid-rubrics/<case>.json): a change to the
 * valid venue-accessibility rubric, or a generated document, and the error it must give.
 */
interface Fixture {
  description: string;
  raw?: string;
  build?: 'large' | 'deep' | 'proto';
  patch?: { op: 'add' | 'replace' | 'remove'; path: string; value?: unknown }[];
  /** pathPrefix: the error points somewhere below `path` (deep nesting). */
  expect: { code?: string; path: string; pathPrefix?: boolean; message: string };
}

const folder = new URL('../fixtures/invalid-rubrics/', import.meta.url);
const baseText = readFileSync(new URL('../../examples/venue-accessibility/rubric.json', import.meta.url), 'utf8');

function applyPatch(doc: unknown, patch: NonNullable<Fixture['patch']>): unknown {
  for (const { op, path, value } of patch) {
    const keys = path.split('/').slice(1);
    const last = keys.pop() as string;
    let parent = doc as Record<string, unknown>;
    for (const key of keys) parent = parent[key] as Record<string, unknown>;
    if (Array.isArray(parent) && last === '-') parent.push(value);
    else if (op === 'remove') delete parent[last];
    else parent[last] = value;
  }
  return doc;
}

function source(fixture: Fixture): unknown {
  if (fixture.raw !== undefined) return fixture.raw;
  const doc = JSON.parse(baseText);
  switch (fixture.build) {
    case 'large':
      return JSON.stringify({ ...doc, changelog: 'x'.repeat(RUBRIC_LIMITS.maxBytes) });
    case 'deep': {
      let conditions: Record<string, unknown> = { all: [] };
      for (let i = 0; i < RUBRIC_LIMITS.maxDepth; i++) conditions = { all: [conditions] };
      doc.groups[0].indicators[0].criteria[0].rules[0].conditions = conditions;
      return JSON.stringify(doc);
    }
    case 'proto':
      return baseText.replace('{', '{ "__proto__": { "polluted": true },');
    default:
      return applyPatch(doc, fixture.patch ?? []);
  }
}

const fixtures = readdirSync(folder)
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({ name, fixture: JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as Fixture }));

describe('invalid rubric documents', () => {
  test('the fixture folder covers every failure mode listed', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
  });

  test('the unchanged base document is valid', () => {
    expect(() => loadRubric(baseText)).not.toThrow();
  });

  test.each(fixtures)('$name is rejected with the message it must give', ({ fixture }) => {
    let caught: unknown;
    try {
      loadRubric(source(fixture));
    } catch (err) {
      caught = err;
    }
    expect(caught, fixture.description).toBeInstanceOf(RubricStudioError);
    const error = caught as RubricStudioError;
    expect(error.code).toBe(fixture.expect.code ?? 'RUBRIC_INVALID');
    // The headline message counts as a detail at the first detail's place.
    const candidates = [...error.details, { path: error.details[0]?.path ?? '', message: error.message }];
    const { path, pathPrefix, message } = fixture.expect;
    const found = candidates.some((d) => (pathPrefix ? d.path.startsWith(path) : d.path === path) && d.message.includes(message));
    expect(found, candidates.map((d) => `${d.path} :: ${d.message}`).join('\n')).toBe(true);
  });

  test('a __proto__ key never reaches Object.prototype', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
