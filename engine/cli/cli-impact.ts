/**
 * The CLI commands of versions side by side: `impact` (a revision over a folder of assessment
 * files), `gap` (to the next tier) and `rescore` (under another version). Loaded by cli.ts only
 * when one of them runs, so the other commands do not pay for exceljs.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
// The CLI is a client of the library: its public API, plus CLI-only helpers (file reading, own-key lookup).
import {
  analyzeImpact,
  APPENDIX_C_DEPLOYMENT,
  type DeploymentProfile,
  deploymentProblems,
  gapToNextTier,
  type ImpactAssessment,
  type ImpactFilterRequest,
  impactFilterFor,
  type ImpactReport,
  impactCsv,
  impactSummaryHtml,
  impactXlsx,
  type InputValues,
  type Language,
  loadRubric,
  pick,
  RubricStudioError,
  rescore,
  type TierGap,
} from '../index.ts';
import { own } from '../document/lookup.ts';
import { INPUT_COMBINATIONS } from '../document/input-combinations.ts';
import { CliError } from './errors.ts';
import { readText } from './files.ts';
import { CLI_WORDS as W } from './words.ts';

/** The options these commands read (a subset of the CLI's). */
export interface ImpactCliOptions {
  json: boolean;
  lang: Language;
  csv?: string;
  xlsx?: string;
  html?: string;
  street?: string;
  /** `--attribute id=value`, each as given (a choice by its option id). */
  attribute?: string[];
  period?: string;
  tier?: string;
  /** The file given to --deployment; without it, Appendix C's communities by their street. */
  deployment?: string;
}

/**
 * The deployment profile of --deployment, checked as the server checks DATA_DIR/deployment.json;
 * Appendix C's without the option (the command line has no data directory).
 * @throws CliError DEPLOYMENT_INVALID naming the file and each field at fault, before anything is written
 */
export function readDeploymentOption(file: string | undefined): DeploymentProfile {
  if (file === undefined) return APPENDIX_C_DEPLOYMENT;
  const text = readText(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new CliError('DEPLOYMENT_INVALID', W.deploymentNotJson(file, (err as Error).message), [{ path: '', message: W.fixDeploymentJson().en, text: W.fixDeploymentJson() }]);
  }
  const problems = deploymentProblems(value);
  if (problems.length > 0) throw new CliError('DEPLOYMENT_INVALID', W.deploymentInvalid(file, problems[0].path, problems[0].text ?? { en: problems[0].message, zh: problems[0].message }, problems.length), problems);
  return value as DeploymentProfile;
}

/** An assessment file as examples/appendix-c/assessments/ holds them. */
interface AssessmentFile {
  name?: string;
  /** The subject: its id, name and the deployment profile's attributes (Appendix C: `street`). */
  community?: { id?: string; name?: string } & Record<string, unknown>;
  period?: string | Record<string, unknown>;
  rubric?: { id?: string; version?: string };
  inputs: InputValues;
  notApplicable?: Record<string, string>;
}

function readAssessmentFile(path: string): AssessmentFile {
  let value: unknown;
  try {
    value = JSON.parse(readText(path));
  } catch (err) {
    if (err instanceof RubricStudioError || err instanceof CliError) throw err;
    throw new RubricStudioError('INPUTS_INVALID', `${path} is not valid JSON: ${(err as Error).message}`, [{ path: '', message: 'fix the JSON syntax' }]);
  }
  const file = value as AssessmentFile;
  if (file === null || typeof file !== 'object' || file.inputs === null || typeof file.inputs !== 'object' || Array.isArray(file.inputs)) {
    throw new RubricStudioError('INPUTS_INVALID', `${path} has no "inputs" object.`, [{ path: '/inputs', message: 'an assessment file holds {"inputs": {...}}' }]);
  }
  return file;
}

/** A period as text: "2023 final" for {"year": 2023, "kind": "final"}. */
function periodText(period: AssessmentFile['period']): string | undefined {
  if (period === undefined || period === null) return undefined;
  return typeof period === 'string' ? period : Object.values(period).join(' ');
}

/** Every *.json file of a folder, by name, as impact assessments, with the subject's attributes `profile` declares. */
export function readAssessmentFolder(folder: string, profile: Pick<DeploymentProfile, 'subject'> = APPENDIX_C_DEPLOYMENT): ImpactAssessment[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
  } catch (err) {
    throw new CliError('FILE_NOT_READABLE', `Cannot read the folder ${folder}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, [{ path: '', message: 'check the path' }]);
  }
  return names.map((name) => {
    const file = readAssessmentFile(join(folder, name));
    const id = basename(name, '.json');
    const assessment: ImpactAssessment = { id, communityId: file.community?.id ?? id, inputs: file.inputs };
    if (file.community?.name !== undefined) assessment.communityName = file.community.name;
    const community = file.community;
    assessment.attributes = Object.fromEntries(profile.subject.attributes.flatMap((a) => (typeof community?.[a.id] === 'string' ? [[a.id, community[a.id] as string]] : [])));
    const period = periodText(file.period);
    if (period !== undefined) assessment.period = period;
    if (file.notApplicable !== undefined) assessment.notApplicable = file.notApplicable;
    return assessment;
  });
}

/** `rubric impact <base.json> <candidate.json> <assessments-dir>` */
export async function impactCommand([baseFile, candidateFile, folder]: string[], options: ImpactCliOptions): Promise<number> {
  const base = loadRubric(readText(baseFile));
  const candidate = loadRubric(readText(candidateFile));
  const given: ImpactFilterRequest = {};
  if (options.street !== undefined) given.street = options.street;
  if (options.attribute !== undefined) given.attributes = attributeFilter(options.attribute);
  if (options.period !== undefined) given.period = options.period;
  if (options.tier !== undefined) given.tier = options.tier === 'none' ? null : options.tier;
  const profile = readDeploymentOption(options.deployment);
  // Checked before the folder is read: an attribute the profile does not declare would match nothing.
  const filter = Object.keys(given).length > 0 ? impactFilterFor(given, profile) : undefined;
  const report = analyzeImpact(base, candidate, readAssessmentFolder(folder, profile), filter);
  if (options.csv) writeFileSync(options.csv, impactCsv(report, 'assessments', options.lang, profile));
  if (options.xlsx) writeFileSync(options.xlsx, await impactXlsx(report, options.lang, profile));
  if (options.html) writeFileSync(options.html, impactSummaryHtml(report, options.lang, undefined, profile));
  console.log(options.json ? JSON.stringify(report, null, 2) : formatImpact(report, options.lang, profile));
  return 0;
}

/** `--attribute type=office --attribute …` as an attribute filter; the id is checked against the profile by impactFilterFor. */
function attributeFilter(given: string[]): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const pair of given) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new CliError('CLI_USAGE', W.attributeNotPair(pair));
    attributes[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return attributes;
}

/** `rubric gap <rubric.json> <assessment.json>` */
export async function gapCommand([rubricFile, assessmentFile]: string[], options: ImpactCliOptions): Promise<number> {
  const rubric = loadRubric(readText(rubricFile));
  const file = readAssessmentFile(assessmentFile);
  const gap = await gapToNextTier(rubric, { inputs: file.inputs, notApplicable: file.notApplicable });
  console.log(options.json ? JSON.stringify(gap, null, 2) : formatGap(gap, options.lang));
  return 0;
}

/** `rubric rescore <rubric.json> <assessment.json>`: from the version the file names. */
export async function rescoreCommand([rubricFile, assessmentFile]: string[], options: ImpactCliOptions): Promise<number> {
  const rubric = loadRubric(readText(rubricFile));
  const file = readAssessmentFile(assessmentFile);
  const outcome = await rescore(rubric, { inputs: file.inputs, notApplicable: file.notApplicable }, file.rubric?.version ?? rubric.doc.version);
  if (options.json) {
    console.log(JSON.stringify(outcome, null, 2));
    return 0;
  }
  const zh = options.lang === 'zh';
  const { mapping, result } = outcome;
  const lines = [`${result.rubric.id} ${mapping.fromVersion} → ${result.rubric.version} (${mapping.mapping})`];
  if (mapping.note) lines.push(`  ${mapping.note}`);
  for (const r of mapping.renamed) lines.push(`  ${zh ? '改名' : 'renamed'} ${r.from} → ${r.to}`);
  for (const c of mapping.combined) lines.push(`  ${zh ? '合并' : 'merged'} ${c.from.join(' + ')} → ${c.to} (${pick(INPUT_COMBINATIONS[c.by].label, options.lang)})`);
  for (const id of mapping.defaulted) lines.push(`  ${zh ? '默认值' : 'default'} ${id} = ${JSON.stringify(mapping.inputs[id])}`);
  for (const id of mapping.dropped) lines.push(`  ${zh ? '舍弃' : 'dropped'} ${id}`);
  for (const issue of outcome.invalid) lines.push(`  ${zh ? '无效' : 'invalid'} ${issue.path}: ${issue.message}`);
  lines.push(`${zh ? '总分' : 'Total'}: ${result.total} / ${result.max}   ${zh ? '档次' : 'tier'}: ${result.tier ?? (zh ? '未定（不完整）' : 'none (incomplete)')}`);
  for (const c of outcome.notAssessed) lines.push(`  ${zh ? '未评价' : 'not assessed'} ${c.criterion} ${pick(c.title, options.lang)}: ${zh ? '缺少' : 'missing'} ${c.missing.join(', ')}`);
  console.log(lines.join('\n'));
  return 0;
}

/** The impact report as text: summary, matrix, tier changes (the subjects named as the profile names them). */
export function formatImpact(report: ImpactReport, lang: Language, profile: Pick<DeploymentProfile, 'subject'> = APPENDIX_C_DEPLOYMENT): string {
  const zh = lang === 'zh';
  const s = report.summary;
  const tier = (id: string | null): string => (id === null ? (zh ? '无档次' : 'no tier') : pick(own(report.transitions.labels, id), lang) || id);
  const lines = [
    `${report.base.id} ${report.base.version} → ${report.candidate.version}: ${s.assessments} ${zh ? '份评价' : 'assessments'}`,
    zh
      ? `  档次变化 ${s.tierChanged}（升档 ${s.up}，降档 ${s.down}，其他 ${s.other}）；总分分差 平均 ${s.meanDelta ?? '—'}，最小 ${s.minDelta ?? '—'}，最大 ${s.maxDelta ?? '—'}`
      : `  tier changed ${s.tierChanged} (up ${s.up}, down ${s.down}, other ${s.other}); total change mean ${s.meanDelta ?? '—'}, least ${s.minDelta ?? '—'}, largest ${s.maxDelta ?? '—'}`,
  ];
  if (s.invalid.base + s.invalid.candidate + s.incomplete.base + s.incomplete.candidate > 0) {
    lines.push(`  ${zh ? '无效' : 'invalid'} ${s.invalid.base} / ${s.invalid.candidate}, ${zh ? '不完整' : 'incomplete'} ${s.incomplete.base} / ${s.incomplete.candidate}`);
  }
  const { from, to, counts } = report.transitions;
  const width = Math.max(...[...from, ...to].map((id) => displayWidth(tier(id)))) + 2;
  const cell = (text: string): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
  lines.push(zh ? '档次迁移（行：基准版本，列：候选版本）' : 'Tier transitions (rows: base, columns: candidate)');
  lines.push(`  ${cell('')}${to.map((id) => cell(tier(id))).join('')}`);
  from.forEach((id, i) => lines.push(`  ${cell(tier(id))}${counts[i].map((n) => cell(String(n))).join('')}`));
  const changed = report.indicators.filter((i) => i.changed > 0 || i.status !== 'kept');
  if (changed.length > 0) lines.push(zh ? '变化的指标' : 'Indicators that change');
  for (const i of changed) lines.push(`  ${i.id} ${pick(i.title, lang)} [${i.status}]: ${zh ? '平均' : 'mean'} ${i.meanDelta}, ${i.minDelta} … ${i.maxDelta}, ${i.changed} ${zh ? '份变化' : 'changed'}`);
  const subjects = profile.subject.plural[lang];
  if (report.tierChanges.length > 0) lines.push(zh ? `档次变化的${subjects}` : `${subjects.charAt(0).toUpperCase()}${subjects.slice(1)} that change tier`);
  for (const c of report.tierChanges.slice(0, 50)) {
    const moved = [...c.indicators.map((i) => `${i.id} ${i.delta > 0 ? '+' : ''}${i.delta}`), ...c.gates.map((g) => `${g.clause} ${g.change}`)].join(', ');
    lines.push(`  ${c.id} ${c.communityName ?? c.communityId}: ${tier(c.fromTier)} → ${tier(c.toTier)} (${c.delta ?? '—'}) ${moved}`);
  }
  if (report.tierChanges.length > 50) lines.push(`  … ${report.tierChanges.length - 50} ${zh ? '项未列出（用 --json 或 --xlsx）' : 'more (use --json or --xlsx)'}`);
  return lines.join('\n');
}

/** The gap to the next tier as text. */
export function formatGap(gap: TierGap, lang: Language): string {
  const zh = lang === 'zh';
  const lines = [`${gap.rubric.id} ${gap.rubric.version}: ${gap.total} / ${gap.max}   ${zh ? '档次' : 'tier'}: ${gap.tier ?? (zh ? '未定（不完整）' : 'none (incomplete)')}`];
  if (!gap.complete) for (const c of gap.notAssessed) lines.push(`  ${zh ? '未评价' : 'not assessed'} ${c.criterion}: ${zh ? '缺少' : 'missing'} ${c.missing.join(', ')}`);
  if (gap.next) {
    lines.push(zh ? `距${pick(gap.next.label, lang)}还差 ${gap.pointsNeeded} 分；可得分 ${gap.available}${gap.reachable ? '' : '（不足）'}` : `${gap.pointsNeeded} points to ${pick(gap.next.label, lang)}; ${gap.available} available${gap.reachable ? '' : ' (not enough)'}`);
  } else if (gap.complete) lines.push(zh ? '已是最高档次' : 'already the highest tier');
  for (const g of gap.gates) lines.push(`  ${zh ? '门槛' : 'gate'} ${g.clause} ${pick(g.text, lang)} → ${g.capTier}`);
  for (const c of gap.criteria) {
    const parent = c.parent && !c.parent.holds ? (zh ? `（须先满足 ${c.parent.id}）` : ` (needs ${c.parent.id} first)`) : '';
    lines.push(`  ${c.effort === 'step' ? '·' : '~'} ${c.criterion.padEnd(7)} +${c.available}  ${pick(c.title, lang)}${parent}  [${c.inputs.join(', ')}]`);
  }
  return lines.join('\n');
}

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return width;
}
