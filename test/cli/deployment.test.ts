/**
 * `rubric impact --deployment FILE`: the report and its files name the subject and its attributes
 * as the profile does, the filter takes the profile's attributes, and a bad profile is refused as
 * the server refuses it (the field named, in both languages), exit 1, nothing written.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ImpactReport, RubricDocument } from '../../engine/index.ts';
import { appendixCRevision } from '../impact/revision.ts';
import { projectRoot, runRubricCli as rubric } from '../cli-runner.ts';

const appendixC = join(projectRoot, 'examples/appendix-c/rubric.json');
const buildings = join(projectRoot, 'test/fixtures/deployments/buildings.json');
const scratch = mkdtempSync(join(tmpdir(), 'rubric-deployment-'));
const revision = join(scratch, 'revision.json');
writeFileSync(revision, JSON.stringify(appendixCRevision(JSON.parse(readFileSync(appendixC, 'utf8')) as RubricDocument)));

// Three Appendix C example assessments recorded as buildings: "community" holds each one's type.
const folder = join(scratch, 'buildings');
mkdirSync(folder);
const types: Record<string, string> = { '02-standard': 'office', '04-exactly-90': 'residential', '05-exactly-80': 'office' };
for (const [name, type] of Object.entries(types)) {
  const file = JSON.parse(readFileSync(join(projectRoot, 'examples/appendix-c/assessments', `${name}.json`), 'utf8'));
  writeFileSync(join(folder, `${name}.json`), JSON.stringify({ ...file, community: { id: `tower-${name}`, name: `Tower ${name}`, type } }));
}

describe('rubric impact --deployment', () => {
  test('a good profile: rows carry its attributes, --attribute filters by them, the CSV has a column per attribute under its label', async () => {
    const csv = join(scratch, 'offices.csv');
    const { code, stdout, stderr } = await rubric('impact', appendixC, revision, folder, '--deployment', buildings, '--attribute', 'type=office', '--json', '--csv', csv);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as ImpactReport;
    expect(report.assessments.map((a) => [a.id, a.attributes])).toEqual([
      ['02-standard', { type: 'office' }],
      ['05-exactly-80', { type: 'office' }],
    ]);
    const [header, ...rows] = readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header.split(',').slice(1, 6)).toEqual(['楼宇编号', '楼宇', '楼宇类型', '层数', '评价期']);
    expect(rows.map((row) => row.split(',')[3])).toEqual(['办公', '办公']);
    // The text report names the subjects as the profile does.
    const text = await rubric('impact', appendixC, revision, folder, '--deployment', buildings, '--lang', 'en');
    expect(text.stdout).toContain('Buildings that change tier');
  });

  test('without --deployment, Appendix C: street is an attribute and type is not', async () => {
    const refused = await rubric('impact', appendixC, revision, folder, '--attribute', 'type=office', '--lang', 'en');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('/filter/attributes/type: "type" is not an attribute of the subjects: filter by one of street (street)');
    const underBuildings = await rubric('impact', appendixC, revision, folder, '--deployment', buildings, '--street', 'East');
    expect(underBuildings.code).toBe(2);
    expect(underBuildings.stderr).toContain('/filter/street: "street" 不是评价对象的属性：请按以下属性之一筛选：type（楼宇类型）、floors（层数）');
  });

  test('a bad profile is refused naming the file and the field, in Chinese and in English, and nothing is written', async () => {
    const bad = join(scratch, 'bad.json');
    const profile = JSON.parse(readFileSync(buildings, 'utf8'));
    writeFileSync(bad, JSON.stringify({ ...profile, defaultPeriodKind: 'final' }));
    const csv = join(scratch, 'never.csv');
    const zh = await rubric('impact', appendixC, revision, folder, '--deployment', bad, '--csv', csv);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toContain(`error DEPLOYMENT_INVALID: 部署配置文件 ${bad} 在 /defaultPeriodKind 处有误`);
    expect(zh.stderr).toContain('/defaultPeriodKind: "final" 不是所列评价期类型（annual、recertification）之一');
    const en = await rubric('impact', appendixC, revision, folder, '--deployment', bad, '--csv', csv, '--lang', 'en');
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(`error DEPLOYMENT_INVALID: The deployment profile ${bad} is invalid at /defaultPeriodKind`);
    expect(en.stderr).toContain('/defaultPeriodKind: "final" is not one of the period kinds (annual, recertification)');
    expect(existsSync(csv)).toBe(false);

    writeFileSync(bad, '{ "format": "deployment/1", ');
    const notJson = await rubric('impact', appendixC, revision, folder, '--deployment', bad, '--json', '--csv', csv);
    expect(notJson.code).toBe(1);
    expect(JSON.parse(notJson.stdout)).toMatchObject({ code: 'DEPLOYMENT_INVALID', details: [{ path: '', message: 'fix the JSON syntax of the file near the position given' }] });
    expect(existsSync(csv)).toBe(false);

    copyFileSync(join(projectRoot, 'package.json'), bad);
    const notAProfile = await rubric('impact', appendixC, revision, folder, '--deployment', bad, '--lang', 'en');
    expect(notAProfile.code).toBe(1);
    expect(notAProfile.stderr).toContain('/: missing property "subject": add it');
    expect(notAProfile.stderr).toContain('/dependencies: unknown property "dependencies"');
  });
});
