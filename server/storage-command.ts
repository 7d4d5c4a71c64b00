/**
 * `npm run storage -- migrate --database-url URL`: brings a PostgreSQL database to the current
 * schema before servers start on it. `npm run storage -- copy --from SOURCE --to TARGET`: copies a
 * district's records between a data directory and a database, either way (server/storage/copy.ts).
 * Messages in Chinese unless `--lang en`, as the engine's command line; `--help` in both.
 * Exit codes: 0 done, 1 the migration, the copy or its check failed, 2 usage error.
 */
import { parseArgs } from 'node:util';
import type { Language, MessageText } from '../engine/index.ts';
import { isCatalogued } from './errors.ts';
import { STORAGE_COMMAND_MESSAGES } from './messages.ts';
import { copyStorage, storeAddress } from './storage/copy.ts';
import { DATA_FILE } from './storage/lowdb-storage.ts';
import { SCHEMA_VERSION } from './storage/postgres-migrations.ts';
import { databaseLocation, migrateDatabase } from './storage/postgres-storage.ts';

const USAGE_ERROR = 2;
const FAILED = 1;

/** The options of each command besides --lang and --help. */
const COMMAND_OPTIONS: Record<string, readonly string[]> = { migrate: ['database-url'], copy: ['from', 'to'] };

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    // The options unreadable, the language asked for among them: said in both.
    return usage(STORAGE_COMMAND_MESSAGES.badOptions((err as Error).message), 'both');
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(`${STORAGE_COMMAND_MESSAGES.help(DATA_FILE).zh}\n\n${STORAGE_COMMAND_MESSAGES.help(DATA_FILE).en}`);
    return 0;
  }
  if (values.lang !== undefined && values.lang !== 'zh' && values.lang !== 'en') return usage(STORAGE_COMMAND_MESSAGES.badLanguage(values.lang), 'both');
  const lang: Language = values.lang === 'en' ? 'en' : 'zh';
  const [command, ...extra] = positionals;
  if (command === undefined) return usage(STORAGE_COMMAND_MESSAGES.missingCommand(), lang);
  // hasOwn: "constructor" names no command, not Object.prototype's.
  if (!Object.hasOwn(COMMAND_OPTIONS, command)) return usage(STORAGE_COMMAND_MESSAGES.unknownCommand(command), lang);
  if (extra.length > 0) return usage(STORAGE_COMMAND_MESSAGES.extraArguments(command, extra), lang);
  const foreign = (['database-url', 'from', 'to'] as const).find((option) => values[option] !== undefined && !COMMAND_OPTIONS[command].includes(option));
  if (foreign) return usage(STORAGE_COMMAND_MESSAGES.optionNotOf(`--${foreign}`, command), lang);
  try {
    if (command === 'migrate') {
      const url = values['database-url'];
      if (url === undefined) return usage(STORAGE_COMMAND_MESSAGES.missingDatabaseUrl(), lang);
      if (storeAddress(url).kind !== 'postgres') return usage(STORAGE_COMMAND_MESSAGES.notDatabaseUrl(), lang);
      const applied = await migrateDatabase(url);
      const location = databaseLocation(url);
      say(applied.length > 0 ? STORAGE_COMMAND_MESSAGES.migrated(location, applied, SCHEMA_VERSION) : STORAGE_COMMAND_MESSAGES.alreadyCurrent(location, SCHEMA_VERSION), lang);
      return 0;
    }
    if (values.from === undefined) return usage(STORAGE_COMMAND_MESSAGES.missingFrom(), lang);
    if (values.to === undefined) return usage(STORAGE_COMMAND_MESSAGES.missingTo(), lang);
    const summary = await copyStorage(values.from, values.to);
    say(STORAGE_COMMAND_MESSAGES.copied(summary.from, summary.to, summary.counts, summary.resultsVerified, summary.milliseconds / 1000), lang);
    return 0;
  } catch (err) {
    return failure(err, lang);
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      'database-url': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function say(text: MessageText, lang: Language): void {
  console.log(text[lang]);
}

/** A usage error; in both languages when the language itself could not be read. */
function usage(text: MessageText, lang: Language | 'both'): number {
  const langs: Language[] = lang === 'both' ? ['zh', 'en'] : [lang];
  for (const l of langs) console.error(`error: ${text[l]}\n${STORAGE_COMMAND_MESSAGES.seeHelp()[l]}`);
  return USAGE_ERROR;
}

/** An error in the catalogue's shape, each field at fault with its fix; asking for the same store twice is a usage error. */
function failure(err: unknown, lang: Language): number {
  if (!isCatalogued(err)) {
    console.error(`error INTERNAL: ${(err as Error)?.message ?? String(err)}`);
    return FAILED;
  }
  const said = (item: { message: string; text?: { zh?: string; en?: string } }): string => item.text?.[lang] || item.message;
  console.error(`error ${err.code}: ${said(err)}`);
  for (const detail of err.details) console.error(`  ${detail.path || '/'}: ${said(detail)}`);
  return err.code === 'VALIDATION_FAILED' ? USAGE_ERROR : FAILED;
}

process.exit(await main(process.argv.slice(2)));
