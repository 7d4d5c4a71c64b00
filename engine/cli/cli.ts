/**
 * `rubric` — the command line of the engine: validate, lint, form, score, test.
 * Exit codes: 0 success, 1 the document, inputs or tests failed, 2 usage error.
 */
import { parseArgs } from 'node:util';
import {
  type AssessmentInputs,
  deriveForm,
  diffRubrics,
  evaluate,
  formatDiff,
  type Language,
  loadRubric,
  pick,
  RubricStudioError,
  runRubricTests,
  type ScoreResult,
  validateRubric,
} from '../index.ts';
import { CliError, cliErrorBody, EXIT_CODES } from './errors.ts';
import { readText } from './files.ts';

const HELP = `rubric — validate, lint and run points rubrics

Usage:
  rubric validate <rubric.json>              check a rubric document (exit 1 when invalid)
  rubric lint <rubric.json>                  list probable drafting defects (warnings)
  rubric form <rubric.json> [--lang zh|en]   print the assessment form (JSON Schema + uiSchema)
  rubric score <rubric.json> <assessment.json> [--json] [--explain] [--lang zh|en] [--partial]
                                             score an assessment: {"inputs": {...}, "notApplicable": {...}}
  rubric test <rubric.json>                  run the rubric's embedded test cases
  rubric diff <a.json> <b.json> [--json]     compare two rubric versions
  rubric impact <base.json> <candidate.json> <assessments-dir> [--json] [--csv file] [--xlsx file] [--html file]
                [--street s] [--period p] [--tier t|none]
                                             what a revision does to every assessment in a folder
  rubric gap <rubric.json> <assessment.json> [--json]
                                             points missing to the next tier and where to find them
  rubric rescore <rubric.json> <assessment.json> [--json]
                                             re-score under another version (its input mapping)

Options:
  --json      machine-readable output (errors too)
  --lang      zh (default) or en
  --explain   print every criterion's explanation line
  --partial   score with missing inputs (criteria not assessed) instead of rejecting them
  --csv, --xlsx, --html  impact: also write the report as CSV, XLSX or a printable HTML page
  -h, --help  this help`;

interface Options {
  json: boolean;
  explain: boolean;
  partial: boolean;
  lang: Language;
  csv?: string;
  xlsx?: string;
  html?: string;
  street?: string;
  period?: string;
  tier?: string;
}

type Command = (args: string[], options: Options) => Promise<number>;

const commands: Record<string, { arity: number; run: Command }> = {
  validate: { arity: 1, run: validateCommand },
  lint: { arity: 1, run: lintCommand },
  form: { arity: 1, run: formCommand },
  score: { arity: 2, run: scoreCommand },
  test: { arity: 1, run: testCommand },
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
    return usage((err as Error).message);
  }
  const { values, positionals } = parsed;
  const options: Options = { json: Boolean(values.json), explain: Boolean(values.explain), partial: Boolean(values.partial), lang: values.lang === 'en' ? 'en' : 'zh' };
  for (const key of ['csv', 'xlsx', 'html', 'street', 'period', 'tier'] as const) if (values[key] !== undefined) options[key] = values[key];
  if (values.help || positionals.length === 0) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  if (values.lang !== undefined && values.lang !== 'zh' && values.lang !== 'en') return usage(`--lang must be zh or en, not "${values.lang}"`);
  const [name, ...args] = positionals;
  // hasOwn: "rubric constructor" names no command, not Object.prototype's.
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) return usage(`unknown command "${name}"; commands: ${Object.keys(commands).join(', ')}`);
  if (args.length !== command.arity) return usage(`"${name}" takes ${command.arity} file argument${command.arity > 1 ? 's' : ''}, got ${args.length}`);
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
      period: { type: 'string' },
      tier: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function usage(message: string): number {
  console.error(`error CLI_USAGE: ${message}\nRun "rubric --help" for the commands.`);
  return EXIT_CODES.CLI_USAGE;
}

function report(err: RubricStudioError | CliError, options: Options): number {
  if (options.json) console.log(JSON.stringify(cliErrorBody(err), null, 2));
  else {
    console.error(`error ${err.code}: ${err.message}`);
    for (const detail of err.details) console.error(`  ${detail.path || '/'}: ${detail.message}`);
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
  else if (report.valid) console.log(`${file}: valid (${report.warnings.length} lint warning${report.warnings.length === 1 ? '' : 's'}; run "rubric lint" to see them)`);
  else {
    console.error(`${file}: ${report.errors.length} error${report.errors.length > 1 ? 's' : ''}`);
    for (const e of report.errors) console.error(`  ${e.path || '/'}: ${e.message}`);
  }
  return report.valid ? 0 : 1;
}

async function lintCommand([file]: string[], options: Options): Promise<number> {
  const { warnings } = loadRubric(readText(file));
  if (options.json) console.log(JSON.stringify(warnings, null, 2));
  else if (warnings.length === 0) console.log(`${file}: no warnings`);
  else {
    console.log(`${file}: ${warnings.length} warning${warnings.length > 1 ? 's' : ''}`);
    for (const w of warnings) console.log(`  warning ${w.path}: ${w.message}`);
  }
  return 0;
}

async function formCommand([file]: string[], options: Options): Promise<number> {
  const rubric = loadRubric(readText(file));
  console.log(JSON.stringify(deriveForm(rubric.index, options.lang), null, 2));
  return 0;
}

async function scoreCommand([rubricFile, assessmentFile]: string[], options: Options): Promise<number> {
  const rubric = loadRubric(readText(rubricFile));
  const assessment = readJson(assessmentFile) as AssessmentInputs;
  const result = await evaluate(rubric, { inputs: assessment?.inputs, notApplicable: assessment?.notApplicable }, { requireComplete: !options.partial });
  if (options.json) console.log(JSON.stringify(result, null, 2));
  else console.log(formatTable(result, options));
  return 0;
}

async function testCommand([file]: string[], options: Options): Promise<number> {
  const report = await runRubricTests(loadRubric(readText(file)));
  if (options.json) console.log(JSON.stringify({ passed: report.passed, failed: report.failed, cases: report.cases.map(({ result: _r, ...c }) => c) }, null, 2));
  else {
    for (const c of report.cases) {
      console.log(`${c.passed ? 'ok  ' : 'FAIL'} ${c.name}`);
      for (const f of c.failures) console.log(`       ${f.path}: ${f.message}`);
    }
    console.log(`${report.passed} passed, ${report.failed} failed`);
  }
  return report.failed === 0 ? 0 : 1;
}

async function diffCommand([a, b]: string[], options: Options): Promise<number> {
  const diff = diffRubrics(loadRubric(readText(a)).doc, loadRubric(readText(b)).doc);
  console.log(options.json ? JSON.stringify(diff, null, 2) : formatDiff(diff, options.lang));
  return 0;
}

/** The score as a text table: indicators with points and maxima, then the total and tier. */
export function formatTable(result: ScoreResult, options: Options): string {
  const zh = options.lang === 'zh';
  const lines: string[] = [];
  const width = Math.max(...result.indicators.map((i) => displayWidth(pick(i.title, options.lang))), 10);
  lines.push(`${result.rubric.id} ${result.rubric.version} (${result.rubric.hash.slice(0, 19)})`);
  for (const indicator of result.indicators) {
    const title = pick(indicator.title, options.lang);
    lines.push(`  ${indicator.id.padEnd(6)} ${title}${' '.repeat(width - displayWidth(title))}  ${String(indicator.points).padStart(6)} / ${indicator.max}`);
  }
  for (const group of result.groups) lines.push(`  ${zh ? '分组' : 'group'} ${group.id}: ${group.points} / ${group.max}`);
  const ratio = result.ratio === null ? '—' : result.ratio.toFixed(4);
  lines.push(`${zh ? '总分' : 'Total'}: ${result.total} / ${result.max}   ${zh ? '得分率' : 'ratio'} ${ratio}   ${zh ? '档次' : 'tier'}: ${result.tier ?? (zh ? '未定（不完整）' : 'none (incomplete)')}`);
  if (result.tier !== result.ratioTier) lines.push(`  ${zh ? '按得分率为' : 'by ratio'} ${result.ratioTier}, ${zh ? '因未满足基本要求而降级' : 'capped by a failed requirement'}`);
  for (const r of result.requirements) lines.push(`  ${r.finding.padEnd(11)} ${r.clause} (${r.modality}) ${pick(r.text, options.lang)}${r.gate ? ` → cap ${r.gate}` : ''}`);
  if (options.explain) for (const c of result.criteria) lines.push(`  · ${pick(c.explanation, options.lang)}`);
  return lines.join('\n');
}

/** Terminal width of text: CJK characters take two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return width;
}

process.exitCode = await main(process.argv.slice(2));
