/**
 * Exports for reviewers: assessment results and impact reports as CSV (RFC 4180, UTF-8 with a
 * byte-order mark so Excel shows Chinese correctly) and XLSX (exceljs), and a printable,
 * self-contained HTML impact summary. Every function returns what it builds; nothing is written.
 */
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { own } from '../document/lookup.ts';
import { pick } from '../document/localized.ts';
import { APPENDIX_C_DEPLOYMENT, attributeText, type DeploymentProfile } from '../deployment.ts';
import { GLOSSARY as G, periodWords, SCORE_STATUSES } from '../glossary.ts';
import type { ImpactReport, Language, Localized, ScoreResult, VersionScore } from '../types.ts';

type Cell = string | number | boolean | null | undefined;

/**
 * What the files call the assessed subject, its attributes and the period kinds: the deployment
 * profile's labels (Appendix C's unless given).
 */
export type ExportProfile = Pick<DeploymentProfile, 'subject' | 'periodKinds'>;

/** The subject's columns in `lang`: its id, its name, and one per attribute. */
function subjectColumns(profile: ExportProfile, lang: Language): { id: string; name: string; attributes: { id: string; header: string }[] } {
  const heading = (text: string): string => (lang === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text);
  const label = profile.subject.label[lang];
  return {
    id: lang === 'zh' ? `${label}编号` : `${heading(label)} id`,
    name: heading(label),
    attributes: profile.subject.attributes.map((a) => ({ id: a.id, header: heading(a.label[lang]) })),
  };
}

/** The profile's attribute values of one subject in `lang`, in the profile's order (a choice by its option's label). */
function attributeCells(profile: ExportProfile, values: Record<string, unknown> | undefined, lang: Language): (string | null)[] {
  return profile.subject.attributes.map((a) => attributeText(a, values ? own(values, a.id) : undefined, lang) || null);
}

/** One assessment's result with where it comes from, for the results export. */
export interface ResultRow {
  communityId?: string;
  community?: string;
  /** Appendix C's attribute, for callers that give no `attributes`. */
  street?: string;
  /** The subject's attribute values by attribute id (the deployment profile's attributes). */
  attributes?: Record<string, unknown>;
  period?: string;
  /** The day assessed, and why its version: the one in force that day, or another with the reason given. */
  assessedOn?: string;
  versionChoice?: { inForce: string | null; reason: string | null };
  result: ScoreResult;
  /** The tier labels of the result's version, by tier id: the tier column shows the label, never the id. */
  tierLabels?: Record<string, Localized>;
}

/** A table: a header row and data rows. */
export interface Table {
  header: string[];
  rows: Cell[][];
}

// Terms come from the glossary, so a spreadsheet calls things what the screen it came from calls them.
const WORDS = {
  zh: {
    id: '编号',
    period: G.period.zh,
    rubric: G.rubric.zh,
    version: '版本',
    assessedOn: '评价日期',
    versionWhy: '版本依据',
    inForce: '评价日现行版本',
    total: '总分',
    max: '满分',
    ratio: '得分率',
    tier: G.tier.zh,
    status: '状态',
    base: G.base.zh,
    candidate: G.candidate.zh,
    delta: '分差',
    tierChanged: '档次变化',
    from: '基准档次 \\ 候选档次',
    none: '无档次',
    indicator: '指标',
    change: '状态',
    baseMax: '基准满分',
    candidateMax: '候选满分',
    baseMean: '基准平均分',
    candidateMean: '候选平均分',
    meanDelta: '平均分差',
    minDelta: '最小分差',
    maxDelta: '最大分差',
    changedCount: '分数变化的评价数',
    indicators: '引起变化的指标',
    gates: G.gate.zh,
    reachable: '可达总分',
    possibleTiers: '可能档次',
    missing: '缺少的输入项',
    supplied: '补充的输入项',
    defaulted: '取默认值的输入项',
    mapped: '由旧输入项对应的输入项',
    undetermined: '档次未定',
    yes: '是',
    no: '否',
    kept: '保留',
    added: '新增',
    removed: '删除',
    results: '评价结果',
    assessmentsSheet: '评价',
    transitionsSheet: '档次迁移',
    indicatorsSheet: '指标',
    tierChangesSheet: '档次变化',
  },
  en: {
    id: 'Id',
    period: 'Period',
    rubric: 'Rubric',
    version: 'Version',
    assessedOn: 'Assessed on',
    versionWhy: 'Why this version',
    inForce: 'in force on the day assessed',
    total: 'Total',
    max: 'Maximum',
    ratio: 'Ratio',
    tier: 'Tier',
    status: 'Status',
    base: 'Base',
    candidate: 'Candidate',
    delta: 'Change',
    tierChanged: 'Tier changed',
    from: 'Base tier \\ candidate tier',
    none: 'no tier',
    indicator: 'Indicator',
    change: 'Status',
    baseMax: 'Base maximum',
    candidateMax: 'Candidate maximum',
    baseMean: 'Base mean',
    candidateMean: 'Candidate mean',
    meanDelta: 'Mean change',
    minDelta: 'Least change',
    maxDelta: 'Largest change',
    changedCount: 'Assessments whose points changed',
    indicators: 'Indicators that moved it',
    gates: 'Gates',
    reachable: 'Reachable total',
    possibleTiers: 'Possible tiers',
    missing: 'Missing inputs',
    supplied: 'Supplied inputs',
    defaulted: 'Defaulted inputs',
    mapped: 'Mapped inputs',
    undetermined: 'Tier open',
    yes: 'yes',
    no: 'no',
    kept: 'kept',
    added: 'added',
    removed: 'removed',
    results: 'Results',
    assessmentsSheet: 'Assessments',
    transitionsSheet: 'Tier transitions',
    indicatorsSheet: 'Indicators',
    tierChangesSheet: 'Tier changes',
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

/** One row per assessment: where, which version and why, total, maximum, ratio, tier (by its label), every indicator. */
export function resultsTable(rows: ResultRow[], lang: Language = 'zh', profile: ExportProfile = APPENDIX_C_DEPLOYMENT): Table {
  const columns = resultColumns(rows, lang, profile);
  return { header: columns.header, rows: rows.map((row) => resultCells(row, columns, lang, profile)) };
}

/** The columns of the results export: the subject's and the result's, then one per indicator. */
export interface ResultColumns {
  header: string[];
  /** Indicator ids, one column each. */
  indicators: string[];
}

/**
 * The results export's columns for rows like `samples`: every indicator they show, in first-seen
 * order (versions may differ). A streamed export passes the first result of each version, in the
 * order the versions first appear: results of one published version all have its indicators.
 */
export function resultColumns(samples: Iterable<Pick<ResultRow, 'result'>>, lang: Language = 'zh', profile: ExportProfile = APPENDIX_C_DEPLOYMENT): ResultColumns {
  const subject = subjectColumns(profile, lang);
  const w = WORDS[lang];
  const columns = new Map<string, Localized>();
  for (const { result } of samples) for (const i of result.indicators) if (!columns.has(i.id)) columns.set(i.id, i.title);
  return {
    header: [subject.id, subject.name, ...subject.attributes.map((a) => a.header), w.period, w.rubric, w.version, w.total, w.max, w.ratio, w.tier, w.assessedOn, w.versionWhy, ...[...columns].map(([id, title]) => `${id} ${pick(title, lang)}`)],
    indicators: [...columns.keys()],
  };
}

/** One row of the results export under `columns`. */
function resultCells(row: ResultRow, columns: ResultColumns, lang: Language, profile: ExportProfile): Cell[] {
  const w = WORDS[lang];
  const { communityId, community, period, result } = row;
  const attributes = attributeCells(profile, row.attributes ?? (row.street === undefined ? undefined : { street: row.street }), lang);
  const points = new Map(result.indicators.map((i) => [i.id, i.points]));
  const tier = result.tier === null ? null : pick(row.tierLabels && own(row.tierLabels, result.tier), lang) || result.tier;
  // Records made before versions had effective dates say nothing about the choice: left blank.
  const why = row.versionChoice?.reason ?? (row.versionChoice?.inForce === result.rubric.version ? w.inForce : null);
  return [communityId, community, ...attributes, period && periodWords(period, lang, profile.periodKinds), result.rubric.id, result.rubric.version, result.total, result.max, result.ratio, tier, row.assessedOn ?? null, why, ...columns.indicators.map((id) => points.get(id) ?? null)];
}

/**
 * Per assessment: totals and tiers under both versions and the change. An incomplete result shows
 * the totals it can still reach, the tiers still possible and the inputs it lacks, by label.
 */
export function impactAssessmentsTable(report: ImpactReport, lang: Language = 'zh', profile: ExportProfile = APPENDIX_C_DEPLOYMENT): Table {
  const kinds = profile.periodKinds;
  const subject = subjectColumns(profile, lang);
  const w = WORDS[lang];
  const tier = tierName(report, lang);
  const inputs = (ids: string[]): string => ids.map((id) => pick(own(report.inputLabels, id), lang) || id).join(lang === 'zh' ? '、' : '; ');
  const version = (score: VersionScore): Cell[] => [
    score.total,
    tier(score.tier),
    SCORE_STATUSES[score.status][lang],
    score.reachable ? `${score.reachable.total.min}–${score.reachable.total.max}` : '',
    score.reachable ? score.reachable.tiers.map((id) => tier(id)).join(lang === 'zh' ? '、' : '; ') : '',
    inputs(score.missing),
    inputs(score.supplied),
    inputs(score.defaulted),
    inputs(score.mapped),
  ];
  const heads = (which: string): string[] => [w.total, w.tier, w.status, w.reachable, w.possibleTiers, w.missing, w.supplied, w.defaulted, w.mapped].map((h) => `${which} ${h}`);
  return {
    header: [w.id, subject.id, subject.name, ...subject.attributes.map((a) => a.header), w.period, ...heads(w.base), ...heads(w.candidate), w.delta, w.tierChanged],
    rows: report.assessments.map((a) => [a.id, a.communityId, a.communityName, ...attributeCells(profile, a.attributes, lang), a.period && periodWords(a.period, lang, kinds), ...version(a.base), ...version(a.candidate), a.delta, a.tierChanged ? w.yes : w.no]),
  };
}

/** The tier transition matrix: base tiers down, candidate tiers across. */
export function transitionsTable(report: ImpactReport, lang: Language = 'zh'): Table {
  const tier = tierName(report, lang);
  const { from, to, counts } = report.transitions;
  return { header: [WORDS[lang].from, ...to.map(tier)], rows: from.map((id, i) => [tier(id), ...counts[i]]) };
}

/** Per indicator: means and the least, mean and largest change. */
export function indicatorImpactTable(report: ImpactReport, lang: Language = 'zh'): Table {
  const w = WORDS[lang];
  return {
    header: [w.indicator, w.change, w.baseMax, w.candidateMax, w.baseMean, w.candidateMean, w.meanDelta, w.minDelta, w.maxDelta, w.changedCount],
    rows: report.indicators.map((i) => [`${i.id} ${pick(i.title, lang)}`, w[i.status], i.baseMax, i.candidateMax, i.baseMean, i.candidateMean, i.meanDelta, i.minDelta, i.maxDelta, i.changed]),
  };
}

/** The assessments that change tier, with the indicators and gates that moved them. */
export function tierChangesTable(report: ImpactReport, lang: Language = 'zh', profile: ExportProfile = APPENDIX_C_DEPLOYMENT): Table {
  const kinds = profile.periodKinds;
  const subject = subjectColumns(profile, lang);
  const w = WORDS[lang];
  const tier = tierName(report, lang);
  return {
    header: [w.id, subject.name, ...subject.attributes.map((a) => a.header), w.period, `${w.base} ${w.tier}`, `${w.candidate} ${w.tier}`, w.delta, w.indicators, w.gates],
    rows: report.tierChanges.map((c) => [
      c.id,
      c.communityName ?? c.communityId,
      ...attributeCells(profile, c.attributes, lang),
      c.period && periodWords(c.period, lang, kinds),
      tier(c.fromTier),
      tier(c.toTier),
      c.delta,
      c.indicators.map((i) => `${i.id} ${signed(i.delta)}`).join('; '),
      c.gates.map((g) => `${g.clause} ${g.change} → ${tier(g.capTier)}`).join('; '),
    ]),
  };
}

function tierName(report: ImpactReport, lang: Language): (id: string | null) => string {
  return (id) => (id === null ? WORDS[lang].none : pick(own(report.transitions.labels, id), lang) || id);
}

/** The filter in words: "筛选：街道 浦沿街道；档次 示范型" / "Filter: street …; tier …"; attributes by their labels and values. */
function filterWords(report: ImpactReport, lang: Language, profile: ExportProfile): string {
  const kinds = profile.periodKinds;
  const { attributes = {}, period, tier } = report.filter ?? {};
  const zh = lang === 'zh';
  // An attribute the profile no longer declares (a report made under another) keeps its id.
  const attribute = ([id, value]: [string, string]): string => {
    const declared = profile.subject.attributes.find((a) => a.id === id);
    return declared ? `${declared.label[lang]} ${attributeText(declared, value, lang)}` : `${id} ${value}`;
  };
  const parts = [
    ...Object.entries(attributes).map(attribute),
    period !== undefined && `${zh ? G.period.zh : G.period.en} ${periodWords(period, lang, kinds)}`,
    tier !== undefined && `${zh ? G.tier.zh : G.tier.en} ${tierName(report, lang)(tier)}`,
  ].filter((part): part is string => typeof part === 'string');
  return `${zh ? '筛选：' : 'Filter: '}${parts.join(zh ? '；' : '; ')}`;
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

const BOM = '\uFEFF';

/**
 * RFC 4180 text: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled.
 * Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
 */
export function toCsv(table: Table): string {
  return [table.header, ...table.rows].map(csvLine).join('');
}

/** One CSV record with its CRLF (see toCsv). */
function csvLine(row: Cell[]): string {
  const field = (cell: Cell): string => {
    if (cell === null || cell === undefined) return '';
    let text = typeof cell === 'string' ? cell : String(cell);
    if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `${row.map(field).join(',')}\r\n`;
}

function csvBuffer(table: Table): Buffer {
  return Buffer.from(BOM + toCsv(table), 'utf8');
}

/** Assessment results as CSV (UTF-8 with BOM). */
export function resultsCsv(rows: ResultRow[], lang: Language = 'zh', profile: ExportProfile = APPENDIX_C_DEPLOYMENT): Buffer {
  return csvBuffer(resultsTable(rows, lang, profile));
}

/**
 * Assessment results as CSV text in pieces, for a file sent while it is read: the byte-order mark
 * and header first, then one record per row as `rows` yields it; joined, the text resultsCsv gives
 * for the same rows. `columns` comes from resultColumns, before the rows.
 */
export async function* resultsCsvText(columns: ResultColumns, rows: AsyncIterable<ResultRow>, lang: Language = 'zh', profile: ExportProfile = APPENDIX_C_DEPLOYMENT): AsyncGenerator<string> {
  yield BOM + csvLine(columns.header);
  for await (const row of rows) yield csvLine(resultCells(row, columns, lang, profile));
}

/**
 * An impact report as CSV (UTF-8 with BOM). CSV holds one table: the per-assessment rows by
 * default, or the transition matrix, the per-indicator statistics or the tier changes.
 */
export function impactCsv(report: ImpactReport, part: 'assessments' | 'transitions' | 'indicators' | 'tierChanges' = 'assessments', lang: Language = 'zh', profile: ExportProfile = APPENDIX_C_DEPLOYMENT): Buffer {
  const tables = {
    assessments: () => impactAssessmentsTable(report, lang, profile),
    transitions: () => transitionsTable(report, lang),
    indicators: () => indicatorImpactTable(report, lang),
    tierChanges: () => tierChangesTable(report, lang, profile),
  };
  return csvBuffer(tables[part]());
}

// ---------------------------------------------------------------------------------------------
// XLSX
// ---------------------------------------------------------------------------------------------

/** A sheet as a workbook or a streamed workbook adds it: its header, then its rows, each committed (a no-op in a workbook held whole). */
async function fillSheet(sheet: ExcelJS.Worksheet, header: string[], rows: Iterable<Cell[]> | AsyncIterable<Cell[]>): Promise<void> {
  header.forEach((title, i) => {
    sheet.getColumn(i + 1).width = Math.min(40, Math.max(8, [...title].length * 2));
  });
  const head = sheet.addRow(header);
  head.font = { bold: true };
  head.commit();
  for await (const row of rows) sheet.addRow(row.map((cell) => (cell === undefined ? null : cell))).commit();
}

const SHEET_VIEWS: Partial<ExcelJS.AddWorksheetOptions> = { views: [{ state: 'frozen', ySplit: 1 }] };

async function workbookBuffer(sheets: [string, Table][]): Promise<Buffer> {
  // Loaded on first use: exceljs takes a while to load and most callers never export.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = 'Rubric Studio';
  for (const [name, table] of sheets) await fillSheet(workbook.addWorksheet(name, SHEET_VIEWS), table.header, table.rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Assessment results as an XLSX workbook (one sheet). */
export function resultsXlsx(rows: ResultRow[], lang: Language = 'zh', profile: ExportProfile = APPENDIX_C_DEPLOYMENT): Promise<Buffer> {
  return workbookBuffer([[WORDS[lang].results, resultsTable(rows, lang, profile)]]);
}

/**
 * Assessment results as an XLSX workbook written to `output` while `rows` are read (exceljs's
 * streaming writer: each row is written when committed; strings inline, not in a shared table
 * that would grow with the file). The same sheet as resultsXlsx; resolves once the file is complete.
 */
export async function writeResultsXlsx(output: Writable, columns: ResultColumns, rows: AsyncIterable<ResultRow>, lang: Language = 'zh', profile: ExportProfile = APPENDIX_C_DEPLOYMENT): Promise<void> {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Rubric Studio';
  const sheet = workbook.addWorksheet(WORDS[lang].results, SHEET_VIEWS);
  async function* cells(): AsyncGenerator<Cell[]> {
    for await (const row of rows) yield resultCells(row, columns, lang, profile);
  }
  await fillSheet(sheet, columns.header, cells());
  sheet.commit();
  await workbook.commit();
}

/** An impact report as an XLSX workbook: assessments, transition matrix, indicators, tier changes. */
export function impactXlsx(report: ImpactReport, lang: Language = 'zh', profile: ExportProfile = APPENDIX_C_DEPLOYMENT): Promise<Buffer> {
  const w = WORDS[lang];
  return workbookBuffer([
    [w.assessmentsSheet, impactAssessmentsTable(report, lang, profile)],
    [w.transitionsSheet, transitionsTable(report, lang)],
    [w.indicatorsSheet, indicatorImpactTable(report, lang)],
    [w.tierChangesSheet, tierChangesTable(report, lang, profile)],
  ]);
}

// ---------------------------------------------------------------------------------------------
// Printable HTML
// ---------------------------------------------------------------------------------------------

/** Text safe inside HTML elements and quoted attributes. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

function htmlTable(table: Table, limit = Number.POSITIVE_INFINITY): string {
  const head = `<tr>${table.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = table.rows
    .slice(0, limit)
    .map((row) => `<tr>${row.map((cell) => `<td${typeof cell === 'number' ? ' class="n"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/**
 * A printable impact summary: one self-contained HTML page (inline style, no scripts, no
 * external resources) with the summary, the transition matrix, the indicators that change and
 * the tier changes (the first `limit`). All author text is escaped.
 */
export function impactSummaryHtml(report: ImpactReport, lang: Language = 'zh', limit = 500, profile: ExportProfile = APPENDIX_C_DEPLOYMENT): string {
  const zh = lang === 'zh';
  const s = report.summary;
  const title = zh
    ? `候选版本的影响：${report.base.id} ${report.base.version} → ${report.candidate.version}`
    : `Impact of the candidate version: ${report.base.id} ${report.base.version} → ${report.candidate.version}`;
  const facts: [string, Cell][] = zh
    ? [
        ['评价数', s.assessments],
        ['档次变化', s.tierChanged],
        ['升档', s.up],
        ['降档', s.down],
        ['其他（无档次）', s.other],
        ['总分平均分差', s.meanDelta],
        ['总分最小分差', s.minDelta],
        ['总分最大分差', s.maxDelta],
        ['基准：无效 / 未评完 / 档次未定', `${s.invalid.base} / ${s.incomplete.base} / ${s.undetermined.base}`],
        ['候选：无效 / 未评完 / 档次未定', `${s.invalid.candidate} / ${s.incomplete.candidate} / ${s.undetermined.candidate}`],
      ]
    : [
        ['Assessments', s.assessments],
        ['Tier changed', s.tierChanged],
        ['Up', s.up],
        ['Down', s.down],
        ['Other (no tier)', s.other],
        ['Mean change of the total', s.meanDelta],
        ['Least change', s.minDelta],
        ['Largest change', s.maxDelta],
        ['Base: invalid / incomplete / tier open', `${s.invalid.base} / ${s.incomplete.base} / ${s.undetermined.base}`],
        ['Candidate: invalid / incomplete / tier open', `${s.invalid.candidate} / ${s.incomplete.candidate} / ${s.undetermined.candidate}`],
      ];
  const indicators = indicatorImpactTable(report, lang);
  const changedIndicators = { ...indicators, rows: indicators.rows.filter((_, i) => report.indicators[i].changed > 0 || report.indicators[i].status !== 'kept') };
  const changes = tierChangesTable(report, lang, profile);
  const more = report.tierChanges.length > limit ? `<p>${escapeHtml(zh ? `另有 ${report.tierChanges.length - limit} 项未列出。` : `${report.tierChanges.length - limit} more not listed.`)}</p>` : '';
  const filter = report.filter ? `<p>${escapeHtml(filterWords(report, lang, profile))}</p>` : '';
  return `<!doctype html>
<html lang="${zh ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #111; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 1.6em; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 90%; }
th, td { border: 1px solid #999; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #eee; }
@media print { body { margin: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(report.base.hash.slice(0, 19))} → ${escapeHtml(report.candidate.hash.slice(0, 19))}</p>
${filter}
<h2>${escapeHtml(zh ? '概要' : 'Summary')}</h2>
${htmlTable({ header: [zh ? '项目' : 'Item', zh ? '数值' : 'Value'], rows: facts })}
<h2>${escapeHtml(zh ? '档次迁移（行：基准版本，列：候选版本）' : 'Tier transitions (rows: base, columns: candidate)')}</h2>
${htmlTable(transitionsTable(report, lang))}
<h2>${escapeHtml(zh ? '变化的指标' : 'Indicators that change')}</h2>
${htmlTable(changedIndicators)}
<h2>${escapeHtml(zh ? '档次变化的社区' : 'Communities that change tier')}</h2>
${htmlTable(changes, limit)}
${more}
</body>
</html>
`;
}
