/**
 * rubric/1 → rubric/2: every rubric document kept in the project (the examples, the fixture
 * rubrics under test/) scores every assessment kept with it and every embedded test case the same
 * as written and after `migrateRubric`: total, ratio, tier, tier before gates, every criterion's
 * points and what an unanswered assessment can still become. The stored rubric/1 bytes load as
 * they are, with the same content hash.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  type AssessmentInputs,
  type CompiledRubric,
  contentHash,
  evaluate,
  liveScore,
  loadRubric,
  migrateRubric,
  type RubricDocument,
  runRubricTests,
  type ScoreResult,
  tierBasisOf,
  validateRubric,
} from '../../engine/index.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

/** Every rubric/1 document of the project, with the folders of assessments kept beside it. */
function rubricFiles(): { file: string; assessments: string[] }[] {
  const examples = readdirSync(new URL('examples/', root), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `examples/${d.name}/`);
  const fixtures = ['test/server/fixtures/examples/small/', 'test/security/fixtures/every-input-type.json'];
  const all = [...examples, ...fixtures].map((place) => {
    if (place.endsWith('.json')) return { file: place, assessments: [] };
    let assessments: string[] = [];
    try {
      assessments = readdirSync(new URL(`${place}assessments/`, root))
        .filter((f) => f.endsWith('.json'))
        .map((f) => `${place}assessments/${f}`);
    } catch {
      // A rubric without kept assessments: its embedded test cases are its assessments.
    }
    return { file: `${place}rubric.json`, assessments };
  });
  // Examples written in rubric/2 from the start have nothing to migrate.
  return all.filter(({ file }) => (JSON.parse(read(file)) as { format: string }).format === 'rubric/1');
}

/** What must not change: the figures of the result, down to each criterion. */
function figures(result: ScoreResult) {
  return {
    complete: result.complete,
    total: result.total,
    max: result.max,
    ratio: result.ratio,
    tier: result.tier,
    ratioTier: result.ratioTier,
    reachable: result.reachable,
    criteria: result.criteria.map((c) => [c.id, c.status, c.points]),
    requirements: result.requirements.map((r) => [r.id, r.finding]),
  };
}

async function scoreBoth(original: CompiledRubric, migrated: CompiledRubric, assessment: AssessmentInputs) {
  const options = { requireComplete: false };
  return [figures(await evaluate(original, assessment, options)), figures(await evaluate(migrated, assessment, options))];
}

describe.each(rubricFiles())('$file as rubric/2', ({ file, assessments }) => {
  const text = read(file);
  const written = JSON.parse(text) as RubricDocument;
  const original = loadRubric(text);
  const migrated = loadRubric(migrateRubric(original.doc));

  test('is a rubric/1 document read by ratio, stored bytes loading with their hash', () => {
    expect(written.format).toBe('rubric/1');
    expect(tierBasisOf(original.doc)).toBe('ratio');
    expect(original.hash).toBe(contentHash(JSON.parse(text)));
    expect(loadRubric(read(file)).hash).toBe(original.hash);
  });

  test('migrates to a valid rubric/2 document by ratio, the original left as it was', () => {
    const before = structuredClone(original.doc);
    const doc = migrateRubric(original.doc);
    expect(original.doc).toEqual(before);
    expect(doc.format).toBe('rubric/2');
    expect(doc.tierBasis).toBe('ratio');
    if (written.$schema !== undefined) expect(doc.$schema).toBe(written.$schema.replace('rubric-1.schema.json', 'rubric-2.schema.json'));
    const { format: _f1, $schema: _s1, ...rest1 } = original.doc;
    const { format: _f2, $schema: _s2, tierBasis: _t, ...rest2 } = doc;
    expect(rest2).toEqual(rest1);
    expect(validateRubric(doc)).toMatchObject({ valid: true, errors: [] });
    expect(migrated.hash).not.toBe(original.hash);
    expect(migrateRubric(doc)).toEqual(doc);
  });

  test('every embedded test case scores the same, and passes', async () => {
    expect(original.doc.tests.length).toBeGreaterThan(0);
    for (const testCase of original.doc.tests) {
      const [before, after] = await scoreBoth(original, migrated, { inputs: testCase.inputs, notApplicable: testCase.notApplicable });
      expect(after, testCase.name).toEqual(before);
    }
    const report = await runRubricTests(migrated);
    expect(report.failed).toBe(0);
    expect(report.passed).toBe(original.doc.tests.length);
  });

  // Only the folders that keep assessments beside their rubric have this case.
  if (assessments.length > 0) {
    test('every kept assessment scores the same', async () => {
      for (const path of assessments) {
        const kept = JSON.parse(read(path)) as AssessmentInputs;
        const [before, after] = await scoreBoth(original, migrated, { inputs: kept.inputs, notApplicable: kept.notApplicable });
        expect(after, path).toEqual(before);
      }
    });
  }

  test('an unanswered assessment can become the same tiers, with the same points to the next', async () => {
    const [before, after] = await scoreBoth(original, migrated, { inputs: {} });
    expect(after).toEqual(before);
    expect(liveScore(migrated, { inputs: {} })).toEqual(liveScore(original, { inputs: {} }));
  });
});

test('a rubric/2 document is migrated as an unchanged copy', () => {
  const doc = JSON.parse(read('test/fixtures/points-basis/rubric.json')) as RubricDocument;
  const copy = migrateRubric(doc);
  expect(copy).toEqual(doc);
  expect(copy).not.toBe(doc);
  expect(copy.tiers).not.toBe(doc.tiers);
});

test('a document without $schema gets none', () => {
  const { $schema: _schema, ...doc } = JSON.parse(read('examples/appendix-c/rubric.json')) as RubricDocument;
  expect(migrateRubric(doc)).not.toHaveProperty('$schema');
});
