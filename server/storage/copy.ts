/**
 * A district's records moved between the two backends: a lowdb data directory copied into an
 * empty PostgreSQL database, or a database copied out to an empty data directory (backups,
 * tests). The source is read through the Storage interface only, its assessments streamed, so
 * memory holds a batch of results, never all of them. The target is written in bulk, not through
 * the Storage's changes: no record is audited again, and ids, revisions, timestamps (the audit's
 * `at` too) and the order of every list stay as they were. The write lands whole or not at all;
 * then the target is reopened and checked against what was read.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { canonicalJson, issue, type MessageText, type ScoreResult } from '../../engine/index.ts';
import { ServerError } from '../errors.ts';
import { type CopyKind, STORAGE_COMMAND_MESSAGES } from '../messages.ts';
import { acquireDataDirLock, type DataDirLock, LOCK_FILE } from './data-dir-lock.ts';
import { JsonDataFile } from './json-data-file.ts';
import { assessmentEntry, DATA_FILE, type DataFile, emptyDataFile, openLowdbStorage, RESULTS_DIR, resultFilePath, writeAtomically } from './lowdb-storage.ts';
import { type Database, migrate } from './postgres-migrations.ts';
import { assessmentColumns, auditRow, communityRow, connect, databaseError, databaseLocation, openPostgresStorage, rubricVersionRow } from './postgres-storage.ts';
import type { AssessmentEntry, AssessmentRecord, AuditEntry, CommunityRecord, RubricVersionRecord, Storage } from './types.ts';

/** Rows per INSERT: few round trips, far below PostgreSQL's 65,535 parameters per statement (13 per assessment). */
const BATCH = 500;

const KINDS: readonly CopyKind[] = ['rubricVersions', 'communities', 'assessments', 'audit'];

/** Where records live: a data directory (lowdb) or a PostgreSQL database. */
export type StoreAddress = { kind: 'lowdb'; dataDir: string } | { kind: 'postgres'; url: string };

/** Records per kind. */
export type CopyCounts = Record<CopyKind, number>;

/** What a copy did, once the target matched its source. */
export interface CopySummary {
  /** The source, as messages name it (a URL without its password). */
  from: string;
  /** The target, as messages name it. */
  to: string;
  counts: CopyCounts;
  /** Assessments with a result, each found in the target with the same SHA-256 of its canonical JSON. */
  resultsVerified: number;
  milliseconds: number;
}

/** A data directory path or a postgres:// (postgresql://) URL, as the command takes them. */
export function storeAddress(text: string): StoreAddress {
  return /^postgres(ql)?:\/\//i.test(text) ? { kind: 'postgres', url: text } : { kind: 'lowdb', dataDir: resolve(text) };
}

/** The store as messages name it: the data directory, or the URL without its password. */
export function storeLocation(address: StoreAddress): string {
  return address.kind === 'lowdb' ? address.dataDir : databaseLocation(address.url);
}

/** True when both name one store: one directory (links followed), or one database of one server, whoever connects. */
export function sameStore(a: StoreAddress, b: StoreAddress): boolean {
  if (a.kind === 'lowdb' && b.kind === 'lowdb') return realPath(a.dataDir) === realPath(b.dataDir);
  if (a.kind === 'postgres' && b.kind === 'postgres') return databaseIdentity(a.url) === databaseIdentity(b.url);
  return false;
}

function realPath(path: string): string {
  return existsSync(path) ? realpathSync(path) : resolve(path);
}

/** Host, port and database of a URL; user and password do not change which database it is. */
function databaseIdentity(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.searchParams.get('host') ?? parsed.hostname.toLowerCase();
    return `${host}:${parsed.port || '5432'}${decodeURIComponent(parsed.pathname)}`;
  } catch {
    return url;
  }
}

/** What was read from the source; the assessments are streamed once, into the target. */
interface SourceRecords {
  rubricVersions: RubricVersionRecord[];
  communities: CommunityRecord[];
  assessments: AsyncIterable<AssessmentRecord>;
  audit: AuditEntry[];
}

/**
 * Copies every record of `from` into the empty `to`, then reopens `to` and checks it: the same
 * count of each kind, the same assessments in the same order with the same SHA-256 of each
 * result's canonical JSON, and the same last audit entry.
 * @throws ServerError VALIDATION_FAILED when both name one store; NOT_FOUND when the source holds
 *   no Rubric Studio data; DATA_DIR_LOCKED when a server uses a data directory; STATE_CONFLICT when
 *   the target holds records; another code when the copy failed (the target keeps nothing of it);
 *   INTERNAL when the copy does not match its source
 */
export async function copyStorage(from: StoreAddress | string, to: StoreAddress | string): Promise<CopySummary> {
  const started = performance.now();
  const source = typeof from === 'string' ? storeAddress(from) : from;
  const target = typeof to === 'string' ? storeAddress(to) : to;
  if (sameStore(source, target)) {
    throw new ServerError('VALIDATION_FAILED', STORAGE_COMMAND_MESSAGES.sameStore(storeLocation(target)), [issue('--to', STORAGE_COMMAND_MESSAGES.chooseOtherTarget())]);
  }
  const reading = await openSource(source);
  try {
    const hashes = new Map<string, string | null>();
    const records: SourceRecords = {
      rubricVersions: await reading.listRubricVersions(),
      communities: await reading.listCommunities(),
      assessments: hashing(reading.streamAssessments(), hashes),
      audit: await reading.listAudit(),
    };
    try {
      await (target.kind === 'lowdb' ? writeDataDir(target.dataDir, records) : writeDatabase(target.url, records));
    } catch (err) {
      throw copyFailed(err, storeLocation(target));
    }
    const counts: CopyCounts = { rubricVersions: records.rubricVersions.length, communities: records.communities.length, assessments: hashes.size, audit: records.audit.length };
    const resultsVerified = await verify(target, counts, hashes, records.audit.at(-1));
    return { from: storeLocation(source), to: storeLocation(target), counts, resultsVerified, milliseconds: performance.now() - started };
  } finally {
    await reading.close();
  }
}

/** SHA-256 of a result's canonical JSON (keys sorted), so that a backend's key order does not count; null without a result. */
function resultHash(result: ScoreResult | null): string | null {
  return result === null ? null : createHash('sha256').update(canonicalJson(result)).digest('hex');
}

/** The assessments as they pass, their ids (in order) and result hashes noted in `hashes`. */
async function* hashing(assessments: AsyncIterable<AssessmentRecord>, hashes: Map<string, string | null>): AsyncIterable<AssessmentRecord> {
  for await (const record of assessments) {
    hashes.set(record.id, resultHash(record.result));
    yield record;
  }
}

/**
 * The source, opened to be read. A data directory is opened as a server opens it, lock included,
 * so no server writes to it during the copy.
 */
async function openSource(address: StoreAddress): Promise<Storage> {
  if (address.kind === 'lowdb') {
    // Opening creates a data file where there is none: a mistyped path must not become an empty source.
    if (!existsSync(join(address.dataDir, DATA_FILE))) {
      throw new ServerError('NOT_FOUND', STORAGE_COMMAND_MESSAGES.noSourceData(address.dataDir, DATA_FILE), [issue('--from', STORAGE_COMMAND_MESSAGES.checkSource())]);
    }
    try {
      return await openLowdbStorage(address.dataDir);
    } catch (err) {
      throw inUse(err, address.dataDir, STORAGE_COMMAND_MESSAGES.sourceInUse(address.dataDir, join(address.dataDir, LOCK_FILE)));
    }
  }
  // Opening migrates: a database without the schema would be given one, though it is only read.
  if (!(await hasSchema(address.url))) {
    throw new ServerError('NOT_FOUND', STORAGE_COMMAND_MESSAGES.noSourceSchema(databaseLocation(address.url)), [issue('--from', STORAGE_COMMAND_MESSAGES.checkSource())]);
  }
  return openPostgresStorage(address.url);
}

async function hasSchema(url: string): Promise<boolean> {
  const db = connect(url);
  try {
    const { rows } = await sql<{ found: string | null }>`SELECT to_regclass('schema_migrations')::text AS found`.execute(db);
    return rows[0]?.found != null;
  } catch (err) {
    throw databaseError(err, databaseLocation(url));
  } finally {
    await db.destroy();
  }
}

/** A lock refusal said as the copy's (the server's own words say to start it elsewhere); any other failure as it is. */
function inUse(err: unknown, dataDir: string, message: MessageText): unknown {
  if (!(err instanceof ServerError) || err.code !== 'DATA_DIR_LOCKED') return err;
  return new ServerError('DATA_DIR_LOCKED', message, [issue(dataDir, STORAGE_COMMAND_MESSAGES.stopServer())]);
}

/** A failed write, said as the copy's; a refusal before anything was written stays as it is. */
function copyFailed(err: unknown, target: string): unknown {
  if (err instanceof ServerError && (err.code === 'STATE_CONFLICT' || err.code === 'DATA_DIR_LOCKED')) return err;
  const cause = err instanceof ServerError ? err : undefined;
  const { code, message } = err as { code?: string; message?: string };
  const own = code ? `${code}: ${message}` : (message ?? String(err));
  const reason = cause?.text ?? { en: own, zh: own };
  return new ServerError(cause?.code ?? 'INTERNAL', STORAGE_COMMAND_MESSAGES.copyFailed(target, reason), [...(cause?.details ?? []), issue(target, STORAGE_COMMAND_MESSAGES.fixAndRetry())]);
}

/**
 * Writes the records into `dataDir`, which must have no data file, under its lock: the result
 * files first, the data file last (temp file + rename), so a failure leaves no data file, and the
 * result files already written are removed.
 */
async function writeDataDir(dataDir: string, records: SourceRecords): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  let lock: DataDirLock;
  try {
    lock = acquireDataDirLock(dataDir);
  } catch (err) {
    throw inUse(err, dataDir, STORAGE_COMMAND_MESSAGES.targetInUse(dataDir, join(dataDir, LOCK_FILE)));
  }
  const written: string[] = [];
  try {
    const dataFile = join(dataDir, DATA_FILE);
    if (existsSync(dataFile)) {
      throw new ServerError('STATE_CONFLICT', STORAGE_COMMAND_MESSAGES.targetHasData(dataDir, DATA_FILE), [issue('--to', STORAGE_COMMAND_MESSAGES.chooseEmptyTarget(DATA_FILE))]);
    }
    const resultsDir = join(dataDir, RESULTS_DIR);
    mkdirSync(resultsDir, { recursive: true });
    const assessments: AssessmentEntry[] = [];
    for await (const record of records.assessments) {
      assessments.push(assessmentEntry(record));
      if (!record.result) continue;
      const path = resultFilePath(resultsDir, record.id);
      written.push(path);
      await writeAtomically({ id: record.id, path, result: record.result });
    }
    const data: DataFile = { ...emptyDataFile(), rubricVersions: records.rubricVersions, communities: records.communities, assessments, audit: records.audit };
    await new JsonDataFile<DataFile>(dataFile).write(data);
  } catch (err) {
    await Promise.all(written.map((path) => rm(path, { force: true }).catch(() => undefined)));
    throw err;
  } finally {
    lock.release();
  }
}

/**
 * Writes the records into the database of `url`, migrated first, in one transaction that first
 * checks the tables are empty: a failure rolls all of it back.
 */
async function writeDatabase(url: string, records: SourceRecords): Promise<void> {
  const location = databaseLocation(url);
  const db = connect(url);
  try {
    await migrate(db, location);
    await db.transaction().execute(async (trx) => {
      // Writers of these tables (servers on this database) wait for the commit: none slips in between the check and the copy.
      await sql`LOCK TABLE rubric_versions, communities, assessments, audit IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
      const held = await recordCounts(trx);
      if (KINDS.some((kind) => held[kind] > 0)) {
        throw new ServerError('STATE_CONFLICT', STORAGE_COMMAND_MESSAGES.targetHasRecords(location, held), [issue('--to', STORAGE_COMMAND_MESSAGES.chooseEmptyTarget(DATA_FILE))]);
      }
      for (const batch of batches(records.rubricVersions)) await trx.insertInto('rubric_versions').values(batch.map(rubricVersionRow)).execute();
      for (const batch of batches(records.communities)) await trx.insertInto('communities').values(batch.map(communityRow)).execute();
      let rows: ({ id: string } & ReturnType<typeof assessmentColumns>)[] = [];
      for await (const record of records.assessments) {
        rows.push({ id: record.id, ...assessmentColumns(record) });
        if (rows.length < BATCH) continue;
        await trx.insertInto('assessments').values(rows).execute();
        rows = [];
      }
      if (rows.length > 0) await trx.insertInto('assessments').values(rows).execute();
      for (const batch of batches(records.audit)) await trx.insertInto('audit').values(batch.map(auditRow)).execute();
    });
  } catch (err) {
    throw databaseError(err, location);
  } finally {
    await db.destroy();
  }
}

/** `list` in runs of BATCH. */
function* batches<T>(list: readonly T[]): Iterable<T[]> {
  for (let at = 0; at < list.length; at += BATCH) yield list.slice(at, at + BATCH);
}

async function recordCounts(db: Kysely<Database>): Promise<CopyCounts> {
  const { rows } = await sql<Record<CopyKind, string>>`
    SELECT (SELECT count(*) FROM rubric_versions) AS "rubricVersions", (SELECT count(*) FROM communities) AS communities,
           (SELECT count(*) FROM assessments) AS assessments, (SELECT count(*) FROM audit) AS audit`.execute(db);
  // count(*) is a bigint, which pg reads as text.
  return Object.fromEntries(KINDS.map((kind) => [kind, Number(rows[0][kind])])) as CopyCounts;
}

/**
 * Reopens the target as a server would and compares it with what was read from the source.
 * Returns the results verified.
 * @throws ServerError INTERNAL naming each difference
 */
async function verify(address: StoreAddress, counts: CopyCounts, hashes: Map<string, string | null>, lastAudit: AuditEntry | undefined): Promise<number> {
  const copy = address.kind === 'lowdb' ? await openLowdbStorage(address.dataDir) : await openPostgresStorage(address.url);
  try {
    const expected = [...hashes];
    const differences: MessageText[] = [];
    let position = 0;
    let verified = 0;
    for await (const record of copy.streamAssessments()) {
      const [id, hash] = expected[position] ?? ['—', null];
      position += 1;
      if (record.id !== id) differences.push(STORAGE_COMMAND_MESSAGES.assessmentDiffers(position, id, record.id));
      else if (resultHash(record.result) !== hash) differences.push(STORAGE_COMMAND_MESSAGES.resultDiffers(id));
      else if (hash !== null) verified += 1;
    }
    const audit = await copy.listAudit();
    const copied: CopyCounts = { rubricVersions: (await copy.listRubricVersions()).length, communities: (await copy.listCommunities()).length, assessments: position, audit: audit.length };
    const countDifferences = KINDS.filter((kind) => copied[kind] !== counts[kind]).map((kind) => STORAGE_COMMAND_MESSAGES.countDiffers(kind, counts[kind], copied[kind]));
    if (canonicalJson(audit.at(-1)) !== canonicalJson(lastAudit)) differences.push(STORAGE_COMMAND_MESSAGES.lastAuditDiffers());
    const all = [...countDifferences, ...differences];
    if (all.length > 0) throw new ServerError('INTERNAL', STORAGE_COMMAND_MESSAGES.copyDiffers(copy.location, all.length), all.map((difference) => issue(copy.location, difference)));
    return verified;
  } finally {
    await copy.close();
  }
}
