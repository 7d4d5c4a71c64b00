/**
 * `rubric migrate`: a rubric/1 document as rubric/2, printed or written to --out, in the language
 * asked for; an invalid document is refused with the usual error and nothing is written.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadRubric, migrateRubric, type RubricDocument } from '../../engine/index.ts';
import { projectRoot, runRubricCli as rubric } from '../cli-runner.ts';

const appendixC = 'examples/appendix-c/rubric.json';
const scratch = mkdtempSync(join(tmpdir(), 'rubric-migrate-'));

describe('rubric migrate', () => {
  test('prints the rubric/2 document: tiers by ratio, everything else as written', async () => {
    const { code, stdout } = await rubric('migrate', appendixC);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as RubricDocument;
    const written = JSON.parse(readFileSync(join(projectRoot, appendixC), 'utf8')) as RubricDocument;
    expect(printed).toEqual(migrateRubric(written));
    expect(printed).toMatchObject({ $schema: '../../rubric-schemas/rubric-2.schema.json', format: 'rubric/2', tierBasis: 'ratio' });
    expect(Object.keys(printed).slice(0, 4)).toEqual(['$schema', 'format', 'tierBasis', 'id']);
  });

  test('--out writes a valid document and says so, in Chinese by default and in English on request', async () => {
    const out = join(scratch, 'appendix-c-2.json');
    const zh = await rubric('migrate', appendixC, '--out', out);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain(`已将 ${appendixC}（rubric/1）转换为 rubric/2 并写入 ${out}`);
    expect(loadRubric(readFileSync(out, 'utf8')).doc.format).toBe('rubric/2');
    const en = await rubric('migrate', appendixC, '--out', out, '--lang', 'en');
    expect(en.stdout).toContain(`wrote ${out}: ${appendixC} (rubric/1) as rubric/2`);
    // The migrated rubric passes the same embedded tests.
    const tested = await rubric('test', out, '--lang', 'en');
    expect(tested.code).toBe(0);
    expect(tested.stdout).toContain('8 passed, 0 failed');
  });

  test('a rubric/2 document is written unchanged', async () => {
    const out = join(scratch, 'points.json');
    const { code, stdout } = await rubric('migrate', 'test/fixtures/points-basis/rubric.json', '--out', out, '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout).toContain('is rubric/2 already');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(readFileSync(join(projectRoot, 'test/fixtures/points-basis/rubric.json'), 'utf8')));
  });

  test('an invalid document is refused with exit 1 and the usual error, nothing written', async () => {
    const broken = join(scratch, 'broken.json');
    writeFileSync(broken, JSON.stringify({ format: 'rubric/1', id: 'Bad Id' }));
    const out = join(scratch, 'never.json');
    const { code, stderr } = await rubric('migrate', broken, '--out', out, '--lang', 'en');
    expect(code).toBe(1);
    expect(stderr).toContain('error RUBRIC_INVALID');
    expect(stderr).toContain('/id: "id" value "Bad Id" is not allowed');
    expect(existsSync(out)).toBe(false);
    const json = await rubric('migrate', broken, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ code: 'RUBRIC_INVALID' });
  });

  test('takes exactly one file', async () => {
    const { code, stderr } = await rubric('migrate', '--lang', 'en');
    expect(code).toBe(2);
    expect(stderr).toContain('"migrate" takes 1 file argument, got 0');
  });

  test('is in the help, in both languages', async () => {
    expect((await rubric('--help', '--lang', 'en')).stdout).toContain('rubric migrate <rubric.json> [--out file]');
    expect((await rubric('--help')).stdout).toContain('rubric migrate <细则.json> [--out 文件]');
  });
});
