/**
 * Lint of tiers against what a rubric can score (engine/scoring/tier-lint.ts): ratio bounds
 * rounded past a reachable total, on the building example written with ratio tiers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { evaluate, loadRubric, type RubricDocument } from '../../engine/index.ts';

const examples = new URL('../../examples/', import.meta.url);
const read = (path: string): RubricDocument => JSON.parse(readFileSync(new URL(path, examples), 'utf8')) as RubricDocument;

/** The building example (levels at 40, 50, 60, 80 of 110) with its levels as ratios written by `bound`, in format rubric/1. */
function withRatioTiers(bound: (points: number) => number): RubricDocument {
  const doc = read('building-certification/rubric.json') as RubricDocument & { tierBasis?: string };
  delete doc.tierBasis;
  const ratioDoc = { ...doc, format: 'rubric/1', $schema: '../../rubric-schemas/rubric-1.schema.json' } as RubricDocument;
  for (const tier of ratioDoc.tiers) {
    tier.min.value = bound(tier.min.value);
    tier.max.value = tier.max.value === 110 ? 1 : bound(tier.max.value);
  }
  return ratioDoc;
}

/** The inputs of the example assessment that totals exactly 80. */
const exactly80 = () => JSON.parse(readFileSync(new URL('building-certification/cases/03-exactly-80-platinum.json', examples), 'utf8')).inputs;

const roundedWarnings = (doc: RubricDocument) => loadRubric(doc).warnings.filter((w) => w.message.includes('rounded up'));

describe('ratio bounds rounded past a reachable total', () => {
  test('bounds rounded up to four decimals are warned of, and the total they miss really drops a tier', async () => {
    // 40/110 = 0.363636… → 0.3636 and 50/110 = 0.454545… → 0.4545 round down; 60/110 → 0.5455 and 80/110 → 0.7273 round up.
    const rounded = withRatioTiers((points) => Number((points / 110).toFixed(4)));
    const warnings = roundedWarnings(rounded);
    expect(warnings.map((w) => w.path)).toEqual(['/tiers/3/min/value', '/tiers/4/min/value']);
    expect(warnings[0].message).toContain('60/110');
    expect(warnings[0].text?.zh).toContain('60/110');
    // Case 03 totals exactly 80, platinum as the scheme states it: 80/110 = 0.727272… is below 0.7273.
    expect((await evaluate(loadRubric(rounded), { inputs: exactly80() })).tier).toBe('gold');
  });

  test('bounds written in full are not warned of, and the same total reaches its tier', async () => {
    const exact = withRatioTiers((points) => points / 110);
    expect(roundedWarnings(exact)).toEqual([]);
    expect((await evaluate(loadRubric(exact), { inputs: exactly80() })).tier).toBe('platinum');
  });

  test('the examples as published are not warned of', () => {
    for (const folder of ['appendix-c', 'venue-accessibility', 'building-certification']) expect(roundedWarnings(read(`${folder}/rubric.json`)), folder).toEqual([]);
  });
});
