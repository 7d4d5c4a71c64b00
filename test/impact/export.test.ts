/** Exports opened and read back: CSV parsed as RFC 4180, XLSX read with exceljs, HTML escaped. */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { readAssessmentFolder } from '../../engine/cli/cli-impact.ts';
import { analyzeImpact, evaluate, impactCsv, impactSummaryHtml, impactXlsx, loadRubric, resultsCsv, resultsXlsx, type ResultRow, type RubricDocument } from '../../engine/index.ts';
import { appendixCRevision } from './revision.ts';

const doc = JSON.parse(readFileSync(new URL('../../examples/appendix-c/rubric.json', import.meta.url), 'utf8')) as RubricDocument;
const base = loadRubric(doc);
const candidate = loadRubric(appendixCRevision(doc));
const assessments = readAssessmentFolder(new URL('../../examples/appendix-c/assessments/', import.meta.url).pathname);
// Author text that must survive every format: a quote, a comma, a line break, markup, a formula.
assessments[0] = { ...assessments[0], communityName: '江晖社区 "东区", <b>一</b>\n二' };
assessments[1] = { ...assessments[1], communityName: '=HYPERLINK("http://example.com")' };

/** RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}

async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('assessment results export', async () => {
  const rows: ResultRow[] = [];
  // The server passes the version's tier labels, so the tier column reads 示范型, not its id.
  const tierLabels = Object.fromEntries(doc.tiers.map((t) => [t.id, t.label]));
  for (const a of assessments) {
    rows.push({ communityId: a.communityId, community: a.communityName, attributes: a.attributes, period: a.period, result: await evaluate(base, { inputs: a.inputs }), tierLabels });
  }
  // The day assessed and why its version: in force that day for the first, another with a reason for the second.
  rows[0] = { ...rows[0], assessedOn: '2023-12-01', versionChoice: { inForce: '1.0.0', reason: null } };
  rows[1] = { ...rows[1], assessedOn: '2023-12-02', versionChoice: { inForce: '1.1.0', reason: '与上期可比' } };

  test('CSV: UTF-8 with BOM, one row per assessment, every indicator, text intact, in the glossary\'s terms', () => {
    const buffer = resultsCsv(rows);
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = parseCsv(buffer.toString('utf8').slice(1));
    expect(table[0].slice(0, 10)).toEqual(['社区编号', '社区', '街道', '评价期', '评价细则', '版本', '总分', '满分', '得分率', '档次']);
    expect(table[0].slice(10, 12)).toEqual(['评价日期', '版本依据']);
    expect(table[0]).toHaveLength(12 + 21);
    expect(table[0][12]).toBe('i01 选址科学');
    expect(table[1].slice(10, 12)).toEqual(['2023-12-01', '评价日现行版本']);
    expect(table[2].slice(10, 12)).toEqual(['2023-12-02', '与上期可比']);
    expect(table[3].slice(10, 12)).toEqual(['', '']);
    expect(table).toHaveLength(1 + 8);
    // The period and the tier in words, never their ids.
    expect(table[1].slice(0, 10)).toEqual(['jianghui', '江晖社区 "东区", <b>一</b>\n二', '长河街道', '2023 终期', 'binjiang-home-plus', '1.0.0', '95.93', '100', '0.9593', '示范型']);
    // A formula-like name is kept as text, not run by the spreadsheet.
    expect(table[2][1]).toBe(`'=HYPERLINK("http://example.com")`);
    expect(table.slice(1).map((r) => Number(r[6]))).toEqual([95.93, 84.88, 65.08, 90, 80, 1.5, 54, 100]);
  });

  test('XLSX: numbers as numbers, Chinese and quotes intact', async () => {
    const workbook = await readWorkbook(await resultsXlsx(rows));
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('评价结果');
    const table = sheetRows(sheet);
    expect(table).toHaveLength(9);
    expect(table[1].slice(0, 10)).toEqual(['jianghui', '江晖社区 "东区", <b>一</b>\n二', '长河街道', '2023 终期', 'binjiang-home-plus', '1.0.0', 95.93, 100, 0.9593, '示范型']);
    expect(table[2][1]).toBe('=HYPERLINK("http://example.com")');
    expect(sheet.getCell('B3').type).toBe(ExcelJS.ValueType.String);
    expect(table[4].slice(6, 10)).toEqual([90, 100, 0.9, '示范型']);
  });

  test('in English: English headers, period and tier', () => {
    const table = parseCsv(resultsCsv(rows, 'en').toString('utf8').slice(1));
    expect(table[0].slice(0, 10)).toEqual(['Community id', 'Community', 'Street', 'Period', 'Rubric', 'Version', 'Total', 'Maximum', 'Ratio', 'Tier']);
    expect([table[1][3], table[1][9]]).toEqual(['2023 final', 'Demonstration']);
  });
});

describe('impact report export', () => {
  const report = analyzeImpact(base, candidate, assessments);

  test('CSV: per-assessment rows with both totals, tiers and the change', () => {
    const table = parseCsv(impactCsv(report).toString('utf8').slice(1));
    expect(table).toHaveLength(1 + 8);
    const wentao = table.find((r) => r[0] === '04-exactly-90') as string[];
    // Per version: total, tier, status, reachable total, possible tiers, missing, supplied, defaulted and mapped inputs (none here).
    expect(wentao.slice(5)).toEqual(['90', '示范型', '已评完', '', '', '', '', '', '', '89', '标准型', '已评完', '', '', '', '', '', '', '-1', '是']);
    // Headers in the glossary's terms: 基准 and 候选 versions, 档次 for tier.
    expect(table[0].slice(5, 8)).toEqual(['基准 总分', '基准 档次', '基准 状态']);
    expect(table[0].slice(14, 16)).toEqual(['候选 总分', '候选 档次']);
    const matrix = parseCsv(impactCsv(report, 'transitions', 'en').toString('utf8').slice(1));
    expect(matrix).toEqual([
      ['Base tier \\ candidate tier', 'Basic', 'Standard', 'Demonstration', 'no tier'],
      ['Basic', '3', '0', '0', '0'],
      ['Standard', '1', '1', '0', '0'],
      ['Demonstration', '0', '1', '2', '0'],
      ['no tier', '0', '0', '0', '0'],
    ]);
  });

  test('XLSX: assessments, transition matrix, indicators and tier changes sheets', async () => {
    const workbook = await readWorkbook(await impactXlsx(report, 'en'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Assessments', 'Tier transitions', 'Indicators', 'Tier changes']);
    const [rows, matrix, indicators, changes] = workbook.worksheets.map(sheetRows);
    expect(rows).toHaveLength(9);
    expect(rows[1].slice(0, 3)).toEqual(['01-demonstration', 'jianghui', '江晖社区 "东区", <b>一</b>\n二']);
    expect(matrix.slice(1).map((r) => r.slice(1))).toEqual([
      [3, 0, 0, 0],
      [1, 1, 0, 0],
      [0, 1, 2, 0],
      [0, 0, 0, 0],
    ]);
    const i12 = indicators.find((r) => String(r[0]).startsWith('i12 ')) as unknown[];
    // i12 by hand: 1.0.0 gives 7 7 5 7 6 0 1 7 (mean 40 / 8 = 5); 1.1.0 caps i12.1 at 3: 6 6 5 6 5 0 1 6 (35 / 8).
    expect(i12.slice(1)).toEqual(['kept', 7, 6, 5, 4.375, -0.625, -1, 0, 5]);
    expect(changes.slice(1).map((r) => [r[0], r[4], r[5], r[6], r[7]])).toEqual([
      ['04-exactly-90', 'Demonstration', 'Standard', -1, 'i12 -1'],
      ['05-exactly-80', 'Standard', 'Basic', -1, 'i12 -1'],
    ]);
  });

  test('printable HTML: self-contained, escapes author text', () => {
    const html = impactSummaryHtml({ ...report, tierChanges: report.tierChanges.map((c, i) => (i === 0 ? { ...c, communityName: '<script>alert(1)</script>' } : c)) });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<(link|img|iframe)\b|src=|href=/);
    expect(html).toContain('档次迁移');
    expect(html).toContain('候选版本的影响');
    // The glossary's terms only: 档次 (not 类型), 候选 (not 修订), 评价 (not 评估).
    expect(html).not.toMatch(/类型|修订|评估/);
    expect(html).toContain('<td class="n">3</td>');
  });
});
