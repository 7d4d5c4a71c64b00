import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { type CompiledRubric, evaluate, loadRubric, runRubricTests, type InputValues, type ScoreResult } from '../../engine/index.ts';
import { kindOf } from '../../engine/kinds/registry.ts';

const examples = new URL('../../examples/', import.meta.url);
const read = (url: URL): string => readFileSync(url, 'utf8');

interface ExampleAssessment {
  name: string;
  calculation: string;
  inputs: InputValues;
  notApplicable?: Record<string, string>;
  rubric: { id: string; version: string };
  expect: { total: number; tier: string; groups?: Record<string, number>; indicators?: Record<string, number>; requirements?: Record<string, string> };
}

const rubricFolders = readdirSync(examples, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

/**
 * An example's cases computed by hand, each with its calculation written out: assessments/ (also
 * seeded into a new server as assessments of communities) or cases/ (a rubric of another subject,
 * not seeded).
 */
function exampleAssessments(folder: string): { file: string; example: ExampleAssessment }[] {
  const dir = new URL(`${folder}/${casesFolder(folder)}/`, examples);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((file) => ({ file, example: JSON.parse(read(new URL(file, dir))) as ExampleAssessment }));
}

/** Scores an example assessment and checks the figures its notes computed by hand. */
async function scoreAsComputed(rubric: CompiledRubric, example: ExampleAssessment): Promise<ScoreResult> {
  expect(example.rubric).toEqual({ id: rubric.doc.id, version: rubric.doc.version });
  const result = await evaluate(rubric, { inputs: example.inputs, notApplicable: example.notApplicable }, { requireComplete: true });
  expect(result.total).toBe(example.expect.total);
  expect(result.tier).toBe(example.expect.tier);
  const groups = Object.fromEntries(result.groups.map((g) => [g.id, g.points]));
  expect(groups).toEqual(expect.objectContaining(example.expect.groups ?? {}));
  const indicators = Object.fromEntries(result.indicators.map((i) => [i.id, i.points]));
  expect(indicators).toEqual(expect.objectContaining(example.expect.indicators ?? {}));
  const findings = Object.fromEntries(result.requirements.map((r) => [r.id, r.finding]));
  expect(findings).toEqual(expect.objectContaining(example.expect.requirements ?? {}));
  return result;
}

const casesFolder = (folder: string): string => (existsSync(new URL(`${folder}/cases/`, examples)) ? 'cases' : 'assessments');
const withAssessments = rubricFolders.filter((folder) => folder !== 'appendix-c' && existsSync(new URL(`${folder}/${casesFolder(folder)}/`, examples)));

describe.each(withAssessments)('example %s: assessments computed by hand in their notes', (folder) => {
  const rubric = loadRubric(read(new URL(`${folder}/rubric.json`, examples)));
  const cases = exampleAssessments(folder);

  test('at least five, each with its calculation written out', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
    for (const { file, example } of cases) expect(example.calculation.length, file).toBeGreaterThan(40);
  });

  test.each(cases)('$file: $example.name', async ({ example }) => {
    await scoreAsComputed(rubric, example);
  });
});

describe.each(rubricFolders)('example rubric %s', (folder) => {
  const text = read(new URL(`${folder}/rubric.json`, examples));

  test('is a valid rubric document', () => {
    expect(() => loadRubric(text)).not.toThrow();
  });

  test('passes its embedded test cases', async () => {
    const report = await runRubricTests(loadRubric(text));
    expect(report.cases.filter((c) => !c.passed).map((c) => ({ name: c.name, failures: c.failures }))).toEqual([]);
    expect(report.passed).toBeGreaterThanOrEqual(4);
  });
});

describe('Appendix C example assessments, totals computed by hand from the source', () => {
  const rubric = loadRubric(read(new URL('appendix-c/rubric.json', examples)));
  const cases = exampleAssessments('appendix-c');
  const results = new Map<string, ScoreResult>();

  test.each(cases)('$file: $example.name', async ({ file, example }) => {
    results.set(file, await scoreAsComputed(rubric, example));
  });

  test('cover one case per tier, exactly 0.9, exactly 0.8, and nothing done', () => {
    const all = [...results.values()];
    expect(all).toHaveLength(cases.length);
    expect(new Set(all.map((r) => r.tier))).toEqual(new Set(['demonstration', 'standard', 'basic']));
    expect(all.some((r) => r.ratio === 0.9 && r.tier === 'demonstration')).toBe(true);
    expect(all.some((r) => r.ratio === 0.8 && r.tier === 'standard')).toBe(true);
    const nothing = all.find((r) => r.criteria.find((c) => c.id === 'i10.3')?.rule === 1);
    expect(nothing?.criteria.find((c) => c.id === 'i10.3')?.points).toBe(0.5);
  });

  test('exercise every cap, floor, deduction and bonus of the rubric', () => {
    const all = [...results.values()];
    for (const { criterion } of rubric.index.criteria) {
      const seen = all.map((r) => r.criteria.find((c) => c.id === criterion.id)).filter((c) => c !== undefined);
      for (const rule of criterion.rules) {
        const scoring = rule.event.params;
        if ((scoring.kind === 'perUnit' || scoring.kind === 'perBlock') && scoring.cap !== undefined) {
          expect(seen.some((c) => c.adjustments.includes(`cap ${scoring.cap}`)), `${criterion.id} cap`).toBe(true);
        }
        if (scoring.kind === 'deduction') {
          expect(seen.some((c) => c.kind === 'deduction' && c.points > scoring.floor && c.points < scoring.start), `${criterion.id} deduction`).toBe(true);
          // Only floors the inputs can reach: without the floor, could the deductions go below it?
          const unfloored = kindOf(scoring).range({ ...scoring, floor: -1e9 }, { inputs: rubric.index.inputs }).min;
          if (unfloored.lt(scoring.floor)) expect(seen.some((c) => c.adjustments.includes(`floor ${scoring.floor}`)), `${criterion.id} floor`).toBe(true);
        }
      }
      if (criterion.parent) {
        expect(seen.some((c) => c.points > 0), `${criterion.id} bonus counted`).toBe(true);
        expect(seen.some((c) => c.adjustments.some((a) => a.startsWith('bonus: parent'))), `${criterion.id} bonus without parent`).toBe(true);
      }
    }
  });
});

describe('lint of the Appendix C document', () => {
  test('warns of exactly the drafting doubts READING.md points 2 and 3 name', () => {
    const { warnings, index } = loadRubric(read(new URL('appendix-c/rubric.json', examples)));
    const criterionAt = (path: string) => index.criteria.find((c) => path.startsWith(`${c.pointer}/`))?.criterion.id;
    expect(warnings.map((w) => criterionAt(w.path)).sort()).toEqual(['i08.2', 'i09.2', 'i10.3']);
    expect(warnings.filter((w) => w.message.includes('as much as or more than the higher grade'))).toHaveLength(2);
    expect(warnings.filter((w) => w.message.includes('"nothing done"'))).toHaveLength(1);
  });

  test('finds nothing to warn of in the venue example', () => {
    expect(loadRubric(read(new URL('venue-accessibility/rubric.json', examples))).warnings).toEqual([]);
  });
});
