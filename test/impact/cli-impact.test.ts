/** The impact, gap and rescore commands, run as `npx rubric` runs them, on a temporary folder. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ImpactReport, RubricDocument, TierGap } from '../../engine/types.ts';
import { appendixCRevision } from './revision.ts';
import { runRubricCli } from '../cli-runner.ts';

const root = new URL('../..', import.meta.url).pathname;
const appendixC = join(root, 'examples/appendix-c/rubric.json');
const examples = join(root, 'examples/appendix-c/assessments');

const rubric = runRubricCli;

const scratch = mkdtempSync(join(tmpdir(), 'rubric-impact-'));
const folder = join(scratch, 'assessments');
mkdirSync(folder);
for (const name of ['02-standard.json', '04-exactly-90.json', '05-exactly-80.json', '08-full-marks.json']) copyFileSync(join(examples, name), join(folder, name));
writeFileSync(join(folder, 'notes.txt'), 'not an assessment: ignored');
const revision = join(scratch, 'revision.json');
writeFileSync(revision, JSON.stringify(appendixCRevision(JSON.parse(readFileSync(appendixC, 'utf8')) as RubricDocument)));

describe('rubric impact', () => {
  test('prints the report as JSON and writes CSV, XLSX and HTML', async () => {
    const csv = join(scratch, 'impact.csv');
    const xlsx = join(scratch, 'impact.xlsx');
    const html = join(scratch, 'impact.html');
    const { code, stdout } = await rubric('impact', appendixC, revision, folder, '--json', '--csv', csv, '--xlsx', xlsx, '--html', html);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as ImpactReport;
    expect(report.summary).toMatchObject({ assessments: 4, tierChanged: 2, down: 2 });
    expect(report.assessments.map((a) => [a.id, a.communityName, a.attributes.street, a.period, a.base.total, a.candidate.total])).toEqual([
      ['02-standard', '星光社区', '西兴街道', '2023 final', 84.88, 83.88],
      ['04-exactly-90', '闻涛社区', '西兴街道', '2023 final', 90, 89],
      ['05-exactly-80', '月明社区', '长河街道', '2023 final', 80, 79],
      ['08-full-marks', '海创社区', '长河街道', '2023 final', 100, 99],
    ]);
    expect(readFileSync(csv, 'utf8').split('\r\n')).toHaveLength(1 + 4 + 1);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(html, 'utf8')).toContain('<!doctype html>');
  });

  test('prints a readable summary, matrix and tier changes in the rubric language', async () => {
    const { code, stdout } = await rubric('impact', appendixC, revision, folder, '--street', '西兴街道');
    expect(code).toBe(0);
    expect(stdout).toContain('binjiang-home-plus 1.0.0 → 1.1.0: 2 份评价');
    expect(stdout).toContain('04-exactly-90 闻涛社区: 示范型 → 标准型 (-1) i12 -1');
  });

  test('filters by --attribute as --street does, and refuses an attribute the subjects do not have (exit 2, nothing written)', async () => {
    const byAttribute = await rubric('impact', appendixC, revision, folder, '--json', '--attribute', 'street=西兴街道');
    expect(byAttribute.code).toBe(0);
    const report = JSON.parse(byAttribute.stdout) as ImpactReport;
    expect(report.assessments.map((a) => a.id)).toEqual(['02-standard', '04-exactly-90']);
    expect(report.filter).toEqual({ attributes: { street: '西兴街道' } });
    const csv = join(scratch, 'refused.csv');
    const unknown = await rubric('impact', appendixC, revision, folder, '--attribute', 'type=office', '--csv', csv);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('error IMPACT_FILTER_INVALID');
    expect(unknown.stderr).toContain('/filter/attributes/type: "type" 不是评价对象的属性：请按以下属性之一筛选：street（街道）');
    expect(existsSync(csv)).toBe(false);
    const notPair = await rubric('impact', appendixC, revision, folder, '--attribute', 'office', '--lang', 'en');
    expect(notPair.code).toBe(2);
    expect(notPair.stderr).toContain('--attribute takes attribute-id=value');
  });

  test('fails with exit 1 on a folder that does not exist, and 2 on missing arguments', async () => {
    const missing = await rubric('impact', appendixC, revision, join(scratch, 'nowhere'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('error FILE_NOT_READABLE');
    const usage = await rubric('impact', appendixC, revision, '--lang', 'en');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('"impact" takes 3 file arguments, got 2');
  });

  test('gap prints the points missing to the next tier', async () => {
    const { code, stdout } = await rubric('gap', appendixC, join(folder, '02-standard.json'), '--json');
    expect(code).toBe(0);
    const gap = JSON.parse(stdout) as TierGap;
    expect([gap.tier, gap.next?.id, gap.pointsNeeded]).toEqual(['standard', 'demonstration', 5.12]);
  });

  test('rescore scores a 1.0.0 assessment under the revision', async () => {
    const { code, stdout } = await rubric('rescore', revision, join(folder, '04-exactly-90.json'), '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout).toContain('1.0.0 → 1.1.0');
    expect(stdout).toContain('Total: 89 / 99   tier: standard');
  });
});
