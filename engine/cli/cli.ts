/**
 * `rubric` — the command line of the engine: validate, lint, form, score, test, migrate, …
 * Exit codes: 0 success, 1 the document, inputs or tests failed, 2 usage error.
 */
import { creditWords } from '../scoring/weights.ts';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type AssessmentInputs,
  deriveForm,
  diffRubrics,
  evaluate,
  formatDiff,
  formLanguage,
  type Language,
  loadRubric,
  migrateRubric,
  pick,
  type RubricDocument,
  RubricStudioError,
  runRubricTests,
  type ScoreResult,
  tierBasisOf,
  validateRubric,
} from '../index.ts';
import { CliError, cliErrorBody, EXIT_CODES } from './errors.ts';
import { readText } from './files.ts';
import { CLI_WORDS as W, HELP } from './words.ts';


interface Options {
  json: boolean;
  explain: boolean;
  partial: boolean;
  lang: Language;
  /** True when --lang was given: else a command on one rubric speaks the rubric's language (see inRubricLanguage). */
  langGiven: boolean;
  csv?: string;
  xlsx?: string;
  html?: string;
  street?: string;
  attribute?: string[];
  deployment?: string;
  period?: string;
  tier?: string;
  out?: string;
}

type Command = (args: string[], options: Options) => Promise<number>;

const commands: Record<string, { arity: number; run: Command }> = {
  validate: { arity: 1, run: validateCommand },
  lint: { arity: 1, run: lintCommand },
  form: { arity: 1, run: formCommand },
  score: { arity: 2, run: scoreCommand },
  test: { arity: 1, run: testCommand },
  migrate: { arity: 1, run: migrateCommand },
  diff: { arity: 2, run: diffCommand },
  impact: { arity: 3, run: async (args, options) => (await import('./cli-impact.ts')).impactCommand(args, options) },
  gap: { arity: 2, run: async (args, options) => (await import('./cli-impact.ts')).gapCommand(args, options) },
  rescore: { arity: 2, run: async (args, options) => (await import('./cli-impact.ts')).rescoreCommand(args, options) },
};

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    // Options unreadable, the language asked for among them: said in both.
    return usage(W.badOptions((err as Error).message), 'both');
  }
  const { values, positionals } = parsed;
  const options: Options = { json: Boolean(values.json), explain: Boolean(values.explain), partial: Boolean(values.partial), lang: values.lang === 'en' ? 'en' : 'zh', langGiven: values.lang !== undefined };
  for (const key of ['csv', 'xlsx', 'html', 'street', 'deployment', 'period', 'tier', 'out'] as const) if (values[key] !== undefined) options[key] = values[key];
  if (values.attribute !== undefined) options.attribute = values.attribute;
  if (values.help || positionals.length === 0) {
    console.log(HELP[options.lang]);
    return values.help ? 0 : 2;
  }
  if (values.lang !== undefined && values.lang !== 'zh' && values.lang !== 'en') return usage(W.badLanguage(values.lang), 'both');
  const [name, ...args] = positionals;
  // hasOwn: "rubric constructor" names no command, not Object.prototype's.
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) return usage(W.unknownCommand(name, Object.keys(commands)), options.lang);
  if (args.length !== command.arity) return usage(W.arity(name, command.arity, args.length), options.lang);
  try {
    return await command.run(args, options);
  } catch (err) {
    // An unexpected fault is reported in the catalogue's shape too, never as a stack trace.
    return report(err instanceof RubricStudioError || err instanceof CliError ? err : unexpectedFault(err), options);
  }
}

function unexpectedFault(err: unknown): CliError {
  const reason = err instanceof Error ? err.message : String(err);
  return new CliError('INTERNAL', `An unexpected fault occurred (${reason}); nothing was written.`, [{ path: '', message: 'report it with the command and the files it was given' }]);
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      explain: { type: 'boolean' },
      partial: { type: 'boolean' },
      lang: { type: 'string' },
      csv: { type: 'string' },
      xlsx: { type: 'string' },
      html: { type: 'string' },
      street: { type: 'string' },
      attribute: { type: 'string', multiple: true },
      deployment: { type: 'string' },
      period: { type: 'string' },
      tier: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** A usage error; in both languages when the language itself could not be read. */
function usage(message: { zh: string; en: string }, lang: Language | 'both'): number {
  const langs: Language[] = lang === 'both' ? ['zh', 'en'] : [lang];
  for (const l of langs) console.error(`error CLI_USAGE: ${message[l]}\n${W.seeHelp()[l]}`);
  return EXIT_CODES.CLI_USAGE;
}

/** An issue or error in the language asked for, when it was given in both; else as given. */
const say = (said: { message: string; text?: { zh?: string; en?: string } }, lang: Language): string => said.text?.[lang] || said.message;

function report(err: RubricStudioError | CliError, options: Options): number {
  if (options.json) console.log(JSON.stringify(cliErrorBody(err), null, 2));
  else {
    console.error(`error ${err.code}: ${say(err, options.lang)}`);
    for (const detail of err.details) console.error(`  ${detail.path || '/'}: ${say(detail, options.lang)}`);
  }
  return EXIT_CODES[err.code];
}

function readJson(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new RubricStudioError('RUBRIC_NOT_JSON', `${path} is not valid JSON: ${(err as Error).message}`, [{ path: '', message: 'fix the JSON syntax' }]);
  }
}

async function validateCommand([file]: string[], options: Options): Promise<number> {
  const report = validateRubric(readText(file));
  if (options.json) console.log(JSON.stringify(report, null, 2));
  else if (report.valid) console.log(W.valid(file, report.warnings.length)[options.lang]);
  else {
    console.error(W.errors(file, report.errors.length)[options.lang]);
    for (const e of report.errors) console.error(`  ${e.path || '/'}: ${say(e, options.lang)}`);
  }
  return report.valid ? 0 : 1;
}

async function lintCommand([file]: string[], options: Options): Promise<number> {
  const { warnings } = loadRubric(readText(file));
  if (options.json) console.log(JSON.stringify(warnings, null, 2));
  else if (warnings.length === 0) console.log(W.noWarnings(file)[options.lang]);
  else {
    console.log(W.warnings(file, warnings.length)[options.lang]);
    for (const w of warnings) console.log(`  ${W.warning()[options.lang]} ${w.path}: ${say(w, options.lang)}`);
  }
  return 0;
}

/**
 * Without --lang, a command about one rubric speaks the rubric's language (formLanguage: the one
 * it is written in, Chinese first), so an English-only rubric is not framed in Chinese.
 */
function inRubricLanguage(doc: RubricDocument, options: Options): Options {
  return options.langGiven ? options : { ...options, lang: formLanguage(doc) };
}

async function formCommand([file]: string[], given: Options): Promise<number> {
  const rubric = loadRubric(readText(file));
  const options = inRubricLanguage(rubric.doc, given);
  console.log(JSON.stringify(deriveForm(rubric.index, options.lang), null, 2));
  return 0;
}

async function scoreCommand([rubricFile, assessmentFile]: string[], given: Options): Promise<number> {
  const rubric = loadRubric(readText(rubricFile));
  const options = inRubricLanguage(rubric.doc, given);
  const assessment = readJson(assessmentFile) as AssessmentInputs;
  const result = await evaluate(rubric, { inputs: assessment?.inputs, notApplicable: assessment?.notApplicable }, { requireComplete: !options.partial });
  if (options.json) console.log(JSON.stringify(result, null, 2));
  else console.log(formatTable(result, rubric.doc, options));
  return 0;
}

async function testCommand([file]: string[], given: Options): Promise<number> {
  const rubric = loadRubric(readText(file));
  const options = inRubricLanguage(rubric.doc, given);
  const report = await runRubricTests(rubric);
  if (options.json) console.log(JSON.stringify({ passed: report.passed, failed: report.failed, cases: report.cases.map(({ result: _r, ...c }) => c) }, null, 2));
  else {
    for (const c of report.cases) {
      console.log(`${(c.passed ? W.testPassed() : W.testFailed())[options.lang]} ${c.name}`);
      for (const f of c.failures) console.log(`       ${f.path}: ${say(f, options.lang)}`);
    }
    console.log(W.testSummary(report.passed, report.failed)[options.lang]);
  }
  return report.failed === 0 ? 0 : 1;
}

/**
 * The document in the newest format (rubric/2), printed or written to --out. The input must be a
 * valid rubric and so must the result: an invalid one is refused with the usual error, nothing written.
 */
async function migrateCommand([file]: string[], options: Options): Promise<number> {
  const { doc } = loadRubric(readText(file));
  const migrated = loadRubric(migrateRubric(doc)).doc;
  if (options.out === undefined) console.log(JSON.stringify(migrated, null, 2));
  else {
    writeFileSync(options.out, `${JSON.stringify(migrated, null, 2)}\n`);
    console.log((doc.format === 'rubric/2' ? W.alreadyMigrated(file, options.out) : W.migrated(file, options.out, doc.format))[options.lang]);
  }
  return 0;
}

async function diffCommand([a, b]: string[], options: Options): Promise<number> {
  const diff = diffRubrics(loadRubric(readText(a)).doc, loadRubric(readText(b)).doc);
  console.log(options.json ? JSON.stringify(diff, null, 2) : formatDiff(diff, options.lang));
  return 0;
}

/** The score as a text table: indicators with points and maxima, then the total and tier (by its label). */
export function formatTable(result: ScoreResult, doc: RubricDocument, options: Options): string {
  const { lang } = options;
  const tierName = (id: string): string => pick(doc.tiers.find((t) => t.id === id)?.label, lang) || id;
  const lines: string[] = [];
  const width = Math.max(...result.indicators.map((i) => displayWidth(pick(i.title, options.lang))), 10);
  lines.push(`${result.rubric.id} ${result.rubric.version} (${result.rubric.hash.slice(0, 19)})`);
  for (const indicator of result.indicators) {
    const title = pick(indicator.title, options.lang);
    lines.push(`  ${indicator.id.padEnd(6)} ${title}${' '.repeat(width - displayWidth(title))}  ${String(indicator.points).padStart(6)} / ${indicator.max}`);
  }
  for (const group of result.groups) lines.push(`  ${W.group()[lang]} ${group.id}: ${group.points} / ${group.max}${group.credits ? `  (${creditWords(group.credits, lang)})` : ''}`);
  const ratio = result.ratio === null ? '—' : result.ratio.toFixed(4);
  lines.push(`${W.total()[lang]}: ${result.total} / ${result.max}   ${W.ratio()[lang]} ${ratio}   ${W.tier()[lang]}: ${result.tier === null ? W.noTier()[lang] : tierName(result.tier)}`);
  if (result.tier !== result.ratioTier && result.ratioTier !== null) lines.push(`  ${W.byScore(tierName(result.ratioTier), tierBasisOf(doc))[lang]}`);
  for (const r of result.requirements) {
    const finding = W.finding(r.finding)[lang];
    lines.push(`  ${finding}${' '.repeat(Math.max(1, 12 - displayWidth(finding)))}${r.clause} ${W.modality(r.modality)[lang]} ${pick(r.text, lang)}${r.gate ? ` ${W.gateCap(tierName(r.gate))[lang]}` : ''}`);
  }
  if (options.explain) for (const c of result.criteria) lines.push(`  · ${pick(c.explanation, lang)}`);
  return lines.join('\n');
}

/** Terminal width of text: CJK characters take two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return width;
}

process.exitCode = await main(process.argv.slice(2));
