/**
 * The published meta-schema files are the engine's: the scoring definitions in them are those of
 * the kinds registry, so a kind added or changed without `npm run schema` fails here; rubric/2 is
 * rubric/1 with tierBasis and bounds not capped at 1, nothing else.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { RUBRIC_2_META_SCHEMA, RUBRIC_META_SCHEMA, SCORING_KINDS } from '../../engine/index.ts';

const publishedFile = (name: string) => JSON.parse(readFileSync(new URL(`../../rubric-schemas/${name}`, import.meta.url), 'utf8'));

describe.each([
  { format: 'rubric/1', file: 'rubric-1.schema.json', schema: RUBRIC_META_SCHEMA },
  { format: 'rubric/2', file: 'rubric-2.schema.json', schema: RUBRIC_2_META_SCHEMA },
])('the published meta-schema of $format', ({ file, schema }) => {
  const published = publishedFile(file);

  test('the published file equals the meta-schema the engine validates with', () => {
    expect(published).toEqual(schema);
  });

  test('every kind in the registry has its definition, and the scoring names exactly these kinds', () => {
    const defs = published.$defs as Record<string, { properties?: { kind?: { enum?: string[] } } }>;
    expect(defs.scoring.properties?.kind?.enum).toEqual(SCORING_KINDS.map((k) => k.kind));
    for (const kind of SCORING_KINDS) expect(defs[`${kind.kind}Scoring`], kind.kind).toEqual(kind.schema);
  });
});

test('rubric/2 is rubric/1 with a required tierBasis, bounds not capped at 1, weighted groups and conditions that may read results', () => {
  const one = publishedFile('rubric-1.schema.json');
  const two = publishedFile('rubric-2.schema.json');
  expect(two.properties.format).toEqual({ const: 'rubric/2' });
  expect(two.properties.tierBasis.enum).toEqual(['ratio', 'points']);
  expect(two.required).toEqual([...one.required.slice(0, 1), 'tierBasis', ...one.required.slice(1)]);
  expect(one.$defs.bound.properties.value.maximum).toBe(1);
  expect(two.$defs.bound.properties.value).not.toHaveProperty('maximum');
  const { format: _f1, ...rest1 } = one.properties;
  const { format: _f2, tierBasis: _t, ...rest2 } = two.properties;
  expect(rest2).toEqual(rest1);
  expect(one.$defs.factCondition.properties.fact).toEqual({ $ref: '#/$defs/key' });
  expect(two.$defs.factCondition.properties.fact).toEqual({ anyOf: [{ $ref: '#/$defs/key' }, { $ref: '#/$defs/resultFact' }] });
  expect(one.$defs).not.toHaveProperty('resultFact');
  expect(two.$defs.resultFact.pattern).toMatch(/^\^@/);
  expect(one.$defs.group.properties).not.toHaveProperty('weight');
  expect(two.$defs.group.properties.weight).toMatchObject({ type: 'number', exclusiveMinimum: 0 });
  const { weight: _w, ...groupWithoutWeight } = two.$defs.group.properties;
  expect(groupWithoutWeight).toEqual(one.$defs.group.properties);
  const { bound: _b1, factCondition: _c1, group: _g1, ...defs1 } = one.$defs;
  const { bound: _b2, factCondition: _c2, resultFact: _r, group: _g2, ...defs2 } = two.$defs;
  expect(defs2).toEqual(defs1);
});
