/**
 * The published meta-schema file is the engine's: the scoring definitions in it are those of the
 * kinds registry, so a kind added or changed without `npm run schema` fails here.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { RUBRIC_META_SCHEMA, SCORING_KINDS } from '../../engine/index.ts';

const published = JSON.parse(readFileSync(new URL('../../rubric-schemas/rubric-1.schema.json', import.meta.url), 'utf8'));

test('the published file equals the meta-schema the engine validates with', () => {
  expect(published).toEqual(RUBRIC_META_SCHEMA);
});

test('every kind in the registry has its definition, and the scoring names exactly these kinds', () => {
  const defs = published.$defs as Record<string, { properties?: { kind?: { enum?: string[] } } }>;
  expect(defs.scoring.properties?.kind?.enum).toEqual(SCORING_KINDS.map((k) => k.kind));
  for (const kind of SCORING_KINDS) expect(defs[`${kind.kind}Scoring`], kind.kind).toEqual(kind.schema);
});
