import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadRubric } from '../../engine/index.ts';
import { runRubricCli } from '../cli-runner.ts';

const root = new URL('../..', import.meta.url).pathname;
const appendixC = 'examples/appendix-c/rubric.json';
const venue = 'examples/venue-accessibility/rubric.json';

const rubric = runRubricCli;

const scratch = mkdtempSync(join(tmpdir(), 'rubric-cli-'));
const file = (name: string, content: unknown): string => {
  const path = join(scratch, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('the rubric CLI', () => {
  test('validate accepts the Appendix C document and counts its lint warnings', async () => {
    const { code, stdout } = await rubric('validate', appendixC, '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout).toContain('valid (3 lint warnings');
    // Chinese by default.
    expect((await rubric('validate', appendixC)).stdout).toContain('有效（3 条起草提示');
  });

  test('validate rejects a broken document with exit 1, naming the pointer and the fix', async () => {
    const broken = file('broken.json', { format: 'rubric/1', id: 'Bad Id' });
    const { code, stderr } = await rubric('validate', broken, '--lang', 'en');
    expect(code).toBe(1);
    expect(stderr).toContain('/id: "id" value "Bad Id" is not allowed: use lower-case letters, digits and hyphens');
    expect(stderr).toContain('missing property "version": add it');
    const zh = await rubric('validate', broken);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toMatch(/处错误/);
    expect(zh.stderr).not.toContain('is not allowed');
  });

  test('lint lists the drafting doubts of Appendix C', async () => {
    const { code, stdout } = await rubric('lint', appendixC, '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout.match(/^ {2}warning /gm)).toHaveLength(3);
    expect((await rubric('lint', appendixC)).stdout.match(/^ {2}提示 /gm)).toHaveLength(3);
  });

  test('score prints a table with total, ratio and tier, and explanations on request', async () => {
    const { code, stdout } = await rubric('score', appendixC, 'examples/appendix-c/assessments/04-exactly-90.json', '--explain');
    expect(code).toBe(0);
    // The tier by its label, never its id.
    const label = (JSON.parse(readFileSync(join(root, appendixC), 'utf8')) as { tiers: { id: string; label: { zh: string } }[] }).tiers.find((t) => t.id === 'demonstration')?.label.zh;
    expect(stdout).toContain(`总分: 90 / 100   得分率 0.9000   档次: ${label}`);
    expect(stdout).not.toContain('demonstration');
    expect(stdout).toContain('居民满意度');
    const criteria = (stdout.match(/^ {2}· /gm) ?? []).length;
    expect(criteria).toBe(loadRubric(readFileSync(join(root, appendixC), 'utf8')).index.criteria.length);
  });

  test('score --json gives the result for machines', async () => {
    const { code, stdout } = await rubric('score', appendixC, 'examples/appendix-c/assessments/02-standard.json', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ total: 84.88, tier: 'standard', rubric: { id: 'binjiang-home-plus', version: '1.0.0' } });
  });

  test('score rejects invalid inputs with exit 1 and nothing scored; --json gives the error body without HTTP fields', async () => {
    const bad = file('bad-inputs.json', { inputs: { satisfactionRate: 120 } });
    const text = await rubric('score', appendixC, bad, '--lang', 'en');
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('/inputs/satisfactionRate');
    expect(text.stderr).toContain('expected a percentage from 0 to 100, got 120');
    const json = await rubric('score', appendixC, bad, '--json');
    const body = JSON.parse(json.stdout);
    expect(body).toMatchObject({ code: 'INPUTS_INVALID', details: [{ path: '/inputs/satisfactionRate' }] });
    expect(Object.keys(body)).toEqual(['code', 'message', 'details']);
  });

  test('score --partial reports what cannot be assessed instead of rejecting', async () => {
    const partial = file('partial.json', { inputs: { satisfactionRate: 95 } });
    const { code, stdout } = await rubric('score', appendixC, partial, '--partial', '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout).toContain('tier: none (incomplete)');
  });

  test('test runs the embedded cases of both example rubrics through the same engine', async () => {
    for (const path of [appendixC, venue]) {
      const { code, stdout } = await rubric('test', path, '--lang', 'en');
      expect(code).toBe(0);
      expect(stdout).toMatch(/\d+ passed, 0 failed/);
      expect((await rubric('test', path)).stdout).toMatch(/\d+ 个通过，0 个失败/);
    }
  });

  test('test fails with exit 1 when an expectation is wrong', async () => {
    const doc = JSON.parse(readFileSync(join(root, venue), 'utf8'));
    doc.tests[0].expect.total = 99;
    const { code, stdout } = await rubric('test', file('wrong-test.json', doc), '--lang', 'en');
    expect(code).toBe(1);
    expect(stdout).toContain('expected total 99, got 92.3');
  });

  test('form prints the generated form schema in the chosen language', async () => {
    const { code, stdout } = await rubric('form', venue, '--lang', 'en');
    expect(code).toBe(0);
    const form = JSON.parse(stdout);
    expect(form.schema.properties.A.title).toBe('Physical access (40 pts)');
    expect(form.uiSchema.A.A1.doorWidthCm['ui:help']).toContain('the best of: (1) when Narrowest door on the accessible route ≥ 90 cm: 4 points; (2) when Narrowest door on the accessible route ≥ 80 cm: 2 points');
  });

  test('without --lang, a command on an English-only rubric speaks English; with it, as asked where the rubric can', async () => {
    const doc = loadRubric(readFileSync(join(root, venue), 'utf8')).doc;
    // The venue example with its Chinese removed everywhere.
    const englishOnly = JSON.parse(JSON.stringify(doc, (key, value) => (key === 'zh' ? undefined : value)));
    const path = file('english-only.json', englishOnly);
    const tested = await rubric('test', path);
    expect(tested.code).toBe(0);
    expect(tested.stdout).toMatch(/\d+ passed, 0 failed/);
    const form = JSON.parse((await rubric('form', path)).stdout);
    expect(form.schema.properties.A.title).toBe('Physical access (40 pts)');
    // A bilingual rubric keeps Chinese by default.
    expect(JSON.parse((await rubric('form', venue)).stdout).schema.properties.A.title).toBe('物理通达（40 分）');
  });

  test('a missing file, an unknown command and a bad option are clear errors', async () => {
    const missing = await rubric('validate', 'no/such/file.json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('error FILE_NOT_READABLE: Cannot read no/such/file.json: ENOENT');
    const unknown = await rubric('publish', venue, '--lang', 'en');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "publish"');
    expect((await rubric('publish', venue)).stderr).toContain('没有命令 "publish"');
    expect((await rubric('--help')).stdout).toContain('用法：');
    expect((await rubric('--help', '--lang', 'en')).stdout).toContain('Usage:');
    const option = await rubric('score', venue, '--lang', 'fr', 'x.json');
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('--lang must be zh or en');
  });
});
