/**
 * Storage in PostgreSQL, chosen by DATABASE_URL: several servers may share one database (no
 * data-directory lock), so every promise lowdb keeps in one process is kept by the database.
 * Each change is one transaction: the record is read FOR UPDATE (later writers of the same row
 * wait), the change callback runs on that latest row, and the write names the revision it read
 * (UPDATE … WHERE revision = read), so a lost update is impossible even without the lock. The
 * audit entry is written in the same transaction; any failure rolls back both.
 *
 * Records go in and come out as json text, so what is read back equals what lowdb returns, key
 * order included; columns beside them are copies for filtering and ordering (postgres-migrations.ts).
 */
import { issue, type MessageText } from '../../engine/index.ts';
import { type Compilable, Kysely, PostgresDialect, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { ServerError } from '../errors.ts';
import { ASSESSMENT_MESSAGES, COMMUNITY_MESSAGES, RECORDS, RUBRIC_MESSAGES, STORAGE_MESSAGES } from '../messages.ts';
import { scoreResultJson } from '../score-result-json.ts';
import { type Database, migrate, type StoredAssessment } from './postgres-migrations.ts';
import { checkRevision, StaleRevisionError } from './revision.ts';
import type {
  AssessmentEntry,
  AssessmentFilter,
  AssessmentPage,
  AssessmentRecord,
  AuditDraft,
  AuditEntry,
  CommunityRecord,
  NewRecord,
  Page,
  RecordChange,
  RubricVersionRecord,
  Storage,
} from './types.ts';

/** Rows a stream fetches per round trip: a few MB of results at most, whatever the table holds. */
const STREAM_CHUNK = 50;
/** Rows an entry stream (no results) fetches per round trip. */
const ENTRY_CHUNK = 500;
/** Audit entries (a few hundred bytes each) a stream fetches per round trip. */
const AUDIT_CHUNK = 1_000;

/** A rubric version as last read, with the row it came from: `seq` is new for every insert, `revision` for every change. */
interface ReadVersion {
  seq: string;
  revision: number;
  record: RubricVersionRecord;
}

/** Storage in a PostgreSQL database. Open it with openPostgresStorage. */
export class PostgresStorage implements Storage {
  readonly location: string;
  readonly created: boolean;
  readonly #db: Kysely<Database>;
  readonly #pool: pg.Pool;
  #closed = false;
  /**
   * Rubric versions as parsed, by id@version. Nearly every request reads one, and a document is
   * ~90 kB of JSON: parsing it each time was most of a submit's cost. A read asks only for the
   * row's seq and revision, and takes the parsed record from here while both are unchanged; any
   * instance's change raises the revision, and a version deleted and made again gets a new seq.
   */
  readonly #versions = new Map<string, ReadVersion>();

  constructor(db: Kysely<Database>, pool: pg.Pool, location: string, created: boolean) {
    this.#db = db;
    this.#pool = pool;
    this.location = location;
    this.created = created;
  }

  async listRubricVersions(): Promise<RubricVersionRecord[]> {
    return this.#read(async (db) => {
      const rows = await db.selectFrom('rubric_versions').select(['id', 'version', 'seq', 'revision']).orderBy('seq').execute();
      const stale = rows.filter((row) => !this.#readBefore(row));
      if (stale.length > 0) {
        const fresh = await db.selectFrom('rubric_versions').select(['seq', 'revision', 'record']).where('seq', 'in', stale.map((row) => row.seq)).execute();
        for (const row of fresh) this.#versions.set(versionKey(row.record.id, row.record.version), row);
      }
      // Versions deleted since (by any instance) leave the cache with this list.
      const listed = new Set(rows.map((row) => versionKey(row.id, row.version)));
      for (const key of this.#versions.keys()) if (!listed.has(key)) this.#versions.delete(key);
      return rows.flatMap((row) => this.#readBefore(row)?.record ?? []);
    });
  }

  async getRubricVersion(id: string, version: string): Promise<RubricVersionRecord | undefined> {
    return this.#read(async (db) => {
      const key = versionKey(id, version);
      const row = await db.selectFrom('rubric_versions').select(['id', 'version', 'seq', 'revision']).where('id', '=', id).where('version', '=', version).executeTakeFirst();
      if (!row) {
        this.#versions.delete(key);
        return undefined;
      }
      const known = this.#readBefore(row);
      if (known) return known.record;
      const fresh = await db.selectFrom('rubric_versions').select(['seq', 'revision', 'record']).where('seq', '=', row.seq).executeTakeFirst();
      if (!fresh) return undefined; // deleted between the two reads
      this.#versions.set(key, fresh);
      return fresh.record;
    });
  }

  /** The cached read of a version row, when it is of the same row at the same revision. */
  #readBefore(row: { id: string; version: string; seq: string; revision: number }): ReadVersion | undefined {
    const known = this.#versions.get(versionKey(row.id, row.version));
    return known && known.seq === String(row.seq) && known.revision === row.revision ? known : undefined;
  }

  insertRubricVersion(record: NewRecord<RubricVersionRecord>, audit: AuditDraft): Promise<RubricVersionRecord> {
    const created: RubricVersionRecord = { ...record, revision: 1 };
    return this.#change(async (trx) => {
      await inserting(trx.insertInto('rubric_versions').values(rubricVersionRow(created)), () =>
        new ServerError('ALREADY_EXISTS', RUBRIC_MESSAGES.versionExists(record.id, record.version), [issue('/version', RUBRIC_MESSAGES.chooseUnusedVersion())]),
      );
      await appendTo(trx, { ...audit, revision: 1 });
      return created;
    });
  }

  updateRubricVersion(id: string, version: string, change: RecordChange<RubricVersionRecord>): Promise<RubricVersionRecord> {
    const row = (trx: Transaction<Database>) => trx.selectFrom('rubric_versions').where('id', '=', id).where('version', '=', version);
    return this.#change((trx) =>
      replaceRecord(trx, change, {
        what: RECORDS.rubricVersion(id, version),
        missing: () => rubricVersionNotFound(id, version),
        read: async () => (await row(trx).select('record').forUpdate().executeTakeFirst())?.record,
        write: async (next, read) =>
          (await trx.updateTable('rubric_versions').set({ revision: next.revision, record: JSON.stringify(next) }).where('id', '=', id).where('version', '=', version).where('revision', '=', read).executeTakeFirst()).numUpdatedRows > 0n,
        latest: async () => (await row(trx).select('revision').executeTakeFirst())?.revision,
      }),
    );
  }

  deleteRubricVersion(id: string, version: string, check: (current: RubricVersionRecord) => void, audit: AuditDraft, ifRevision?: number): Promise<void> {
    const what = RECORDS.rubricVersion(id, version);
    return this.#change(async (trx) => {
      const row = await trx.selectFrom('rubric_versions').select('record').where('id', '=', id).where('version', '=', version).forUpdate().executeTakeFirst();
      if (!row) throw rubricVersionNotFound(id, version);
      const current = row.record;
      checkRevision(current.revision, ifRevision, what);
      check(current);
      const deleted = await trx.deleteFrom('rubric_versions').where('id', '=', id).where('version', '=', version).where('revision', '=', current.revision).executeTakeFirst();
      if (deleted.numDeletedRows === 0n) {
        // Only a writer bypassing the lock gets here; answered as replaceRecord answers it.
        const latest = await trx.selectFrom('rubric_versions').select('revision').where('id', '=', id).where('version', '=', version).executeTakeFirst();
        throw latest ? new StaleRevisionError(what, current.revision, latest.revision) : rubricVersionNotFound(id, version);
      }
      await appendTo(trx, { ...audit, revision: current.revision });
    });
  }

  async listCommunities(): Promise<CommunityRecord[]> {
    return this.#read(async (db) => (await db.selectFrom('communities').select('record').orderBy('seq').execute()).map((row) => row.record));
  }

  async getCommunity(id: string): Promise<CommunityRecord | undefined> {
    return this.#read(async (db) => (await db.selectFrom('communities').select('record').where('id', '=', id).executeTakeFirst())?.record);
  }

  insertCommunity(record: NewRecord<CommunityRecord>, audit: AuditDraft): Promise<CommunityRecord> {
    const created: CommunityRecord = { ...record, revision: 1 };
    return this.#change(async (trx) => {
      await inserting(trx.insertInto('communities').values(communityRow(created)), () =>
        new ServerError('ALREADY_EXISTS', COMMUNITY_MESSAGES.communityExists(record.id), [issue('/id', COMMUNITY_MESSAGES.chooseAnotherCommunityId())]),
      );
      await appendTo(trx, { ...audit, revision: 1 });
      return created;
    });
  }

  updateCommunity(id: string, change: RecordChange<CommunityRecord>): Promise<CommunityRecord> {
    const row = (trx: Transaction<Database>) => trx.selectFrom('communities').where('id', '=', id);
    return this.#change((trx) =>
      replaceRecord(trx, change, {
        what: RECORDS.community(id),
        missing: () => new ServerError('NOT_FOUND', COMMUNITY_MESSAGES.noCommunity(id)),
        read: async () => (await row(trx).select('record').forUpdate().executeTakeFirst())?.record,
        write: async (next, read) =>
          (await trx.updateTable('communities').set({ revision: next.revision, record: JSON.stringify(next) }).where('id', '=', id).where('revision', '=', read).executeTakeFirst()).numUpdatedRows > 0n,
        latest: async () => (await row(trx).select('revision').executeTakeFirst())?.revision,
      }),
    );
  }

  async listAssessments(filter: AssessmentFilter = {}): Promise<AssessmentEntry[]> {
    if (filter.communityIds?.length === 0) return [];
    return this.#read(async (db) => {
      const rows = await filtered(db.selectFrom('assessments').select(['record', 'total', 'tier']), filter).orderBy('seq').execute();
      return rows.map((row) => ({ ...row.record, total: row.total, tier: row.tier }));
    });
  }

  async pageAssessments(filter: AssessmentFilter, page: Page): Promise<AssessmentPage> {
    if (filter.communityIds?.length === 0) return { total: 0, entries: [] };
    return this.#read(async (db) => {
      // One snapshot for the count and the page: a change in between cannot make them disagree.
      return db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
        const { total } = await filtered(trx.selectFrom('assessments').select((eb) => eb.fn.countAll<string>().as('total')), filter).executeTakeFirstOrThrow();
        const rows = await filtered(trx.selectFrom('assessments').select(['record', 'total', 'tier']), filter)
          .orderBy('updated_at', 'desc')
          .orderBy(sql`id COLLATE "C"`)
          .limit(page.limit)
          .offset(page.offset)
          .execute();
        return { total: Number(total), entries: rows.map((row) => ({ ...row.record, total: row.total, tier: row.tier })) };
      });
    });
  }

  async getAssessment(id: string): Promise<AssessmentRecord | undefined> {
    return this.#read(async (db) => {
      const row = await db.selectFrom('assessments').select(['record', 'result']).where('id', '=', id).executeTakeFirst();
      return row && { ...row.record, result: row.result };
    });
  }

  insertAssessment(record: NewRecord<AssessmentRecord>, audit: AuditDraft): Promise<AssessmentRecord> {
    const created: AssessmentRecord = { ...record, revision: 1 };
    return this.#change(async (trx) => {
      await inserting(trx.insertInto('assessments').values({ id: created.id, ...assessmentColumns(created) }), () => new ServerError('ALREADY_EXISTS', ASSESSMENT_MESSAGES.assessmentExists(record.id)));
      await appendTo(trx, { ...audit, revision: 1 });
      return created;
    });
  }

  updateAssessment(id: string, change: RecordChange<AssessmentRecord>): Promise<AssessmentRecord> {
    const row = (trx: Transaction<Database>) => trx.selectFrom('assessments').where('id', '=', id);
    return this.#change((trx) =>
      replaceRecord(trx, change, {
        what: RECORDS.assessment(id),
        missing: () => new ServerError('NOT_FOUND', ASSESSMENT_MESSAGES.noAssessment(id)),
        read: async () => {
          const found = await row(trx).select(['record', 'result']).forUpdate().executeTakeFirst();
          return found && { ...found.record, result: found.result };
        },
        write: async (next, read) => (await trx.updateTable('assessments').set(assessmentColumns(next)).where('id', '=', id).where('revision', '=', read).executeTakeFirst()).numUpdatedRows > 0n,
        latest: async () => (await row(trx).select('revision').executeTakeFirst())?.revision,
      }),
    );
  }

  async *streamAssessments(filter: AssessmentFilter = {}): AsyncIterable<AssessmentRecord> {
    if (filter.communityIds?.length === 0) return;
    const query = filtered(this.#db.selectFrom('assessments').select(['record', 'result']), filter).orderBy('seq');
    for await (const row of this.#cursor(query, STREAM_CHUNK)) yield { ...row.record, result: row.result };
  }

  async *streamAssessmentEntries(filter: AssessmentFilter = {}): AsyncIterable<AssessmentEntry> {
    if (filter.communityIds?.length === 0) return;
    // Without the result column, a chunk holds a few kB per row, so it fetches ENTRY_CHUNK of them at once.
    const query = filtered(this.#db.selectFrom('assessments').select(['record', 'total', 'tier']), filter).orderBy('seq');
    for await (const row of this.#cursor(query, ENTRY_CHUNK)) yield { ...row.record, total: row.total, tier: row.tier };
  }

  /**
   * The rows of `query` through a server-side cursor (pg-cursor), `chunk` at a time, on a pooled
   * connection held until the loop ends. Not kysely's stream(): after a lost connection it waits
   * for the cursor's close, which never answers, and the connection never returns to the pool.
   * Here a failed connection is released as broken (the pool destroys it), and a close that does
   * not answer in time does the same.
   */
  async *#cursor<R>(query: Compilable<R>, chunk: number): AsyncIterable<R> {
    if (this.#closed) throw closedError();
    const { sql: text, parameters } = query.compile();
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (err) {
      throw databaseError(err, this.location);
    }
    const cursor = client.query(new Cursor<R>(text, [...parameters]));
    let broken: Error | undefined;
    try {
      while (true) {
        const rows = await cursor.read(chunk);
        if (rows.length === 0) break;
        yield* rows;
      }
    } catch (err) {
      broken = err as Error;
      throw databaseError(err, this.location);
    } finally {
      // Also when the reader stops early (a client that went away): the cursor is closed, or the connection dropped.
      if (!broken) broken = await closedWithin(cursor, CURSOR_CLOSE_MS);
      client.release(broken);
    }
  }

  async listAudit(last?: number): Promise<AuditEntry[]> {
    if (last === undefined) return this.#read(async (db) => (await db.selectFrom('audit').select('entry').orderBy('seq').execute()).map((row) => row.entry));
    // The last ones, read newest first through the primary key, then put back in order.
    return this.#read(async (db) => (await db.selectFrom('audit').select('entry').orderBy('seq', 'desc').limit(last).execute()).map((row) => row.entry).reverse());
  }

  async *streamAudit(): AsyncIterable<AuditEntry> {
    for await (const row of this.#cursor(this.#db.selectFrom('audit').select('entry').orderBy('seq'), AUDIT_CHUNK)) yield row.entry;
  }

  async appendAudit(entry: AuditDraft): Promise<void> {
    return this.#change((trx) => appendTo(trx, entry));
  }

  /** Ends the pool; a query still running finishes first. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#db.destroy();
  }

  /** A read, its failures said as the catalogue says them. */
  async #read<T>(query: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    if (this.#closed) throw closedError();
    try {
      return await query(this.#db);
    } catch (err) {
      throw databaseError(err, this.location);
    }
  }

  /** One change in one transaction: everything `write` does lands together, or nothing does. */
  async #change<T>(write: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    if (this.#closed) throw closedError();
    try {
      return await this.#db.transaction().execute(write);
    } catch (err) {
      throw databaseError(err, this.location);
    }
  }
}

/** How replaceRecord reaches one record's row, in the change's transaction. */
interface RecordRow<T> {
  what: MessageText;
  missing: () => ServerError;
  /** The record, its row locked FOR UPDATE: later writers of the same row wait for this transaction. */
  read: () => Promise<T | undefined>;
  /** Writes `next` where the row still has revision `read`; false when that matched no row. */
  write: (next: T, read: number) => Promise<boolean>;
  /** The row's revision now, or undefined when it is gone. */
  latest: () => Promise<number | undefined>;
}

/**
 * The one shape of a change to a stored record: read it locked, check the revision the caller
 * read, write what `change` makes of it guarded by the revision read, and append its audit entry,
 * all in `trx`. The guard makes a lost update impossible even without the lock; a guarded write that
 * changes nothing (only a writer bypassing the lock could cause it) is answered as lowdb would.
 */
export async function replaceRecord<T extends { revision: number }>(trx: Transaction<Database>, change: RecordChange<T>, row: RecordRow<T>): Promise<T> {
  const current = await row.read();
  if (!current) throw row.missing();
  checkRevision(current.revision, change.ifRevision, row.what);
  const next: T = { ...change.change(current), revision: current.revision + 1 };
  if (!(await row.write(next, current.revision))) {
    const latest = await row.latest();
    throw latest === undefined ? row.missing() : new StaleRevisionError(row.what, current.revision, latest);
  }
  await appendTo(trx, { ...change.audit(next), revision: next.revision });
  return next;
}

/** Runs an insert; a duplicate key (23505) becomes the catalogue's ALREADY_EXISTS. */
async function inserting(insert: { execute: () => Promise<unknown> }, exists: () => ServerError): Promise<void> {
  try {
    await insert.execute();
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw exists();
    throw err;
  }
}

/** Appends an audit entry stamped with the time of the change, in the change's transaction. */
async function appendTo(trx: Transaction<Database>, draft: AuditDraft): Promise<void> {
  await trx.insertInto('audit').values(auditRow({ at: new Date().toISOString(), ...draft })).execute();
}

/** The row of a rubric version. */
export function rubricVersionRow(record: RubricVersionRecord) {
  return { id: record.id, version: record.version, revision: record.revision, record: JSON.stringify(record) };
}

/** The row of a community. */
export function communityRow(record: CommunityRecord) {
  return { id: record.id, revision: record.revision, record: JSON.stringify(record) };
}

/** The row of an audit entry, its time a column of its own. */
export function auditRow(entry: AuditEntry) {
  return { at: entry.at, entry: JSON.stringify(entry) };
}

/** The row of an assessment but its id: the record without its result, the result, and the columns lists filter on. */
export function assessmentColumns(record: AssessmentRecord) {
  const { result, ...stored } = record;
  return {
    community_id: record.communityId,
    rubric_id: record.rubric.id,
    rubric_version: record.rubric.version,
    period_year: record.period.year,
    period_kind: record.period.kind,
    status: record.status,
    tier: result?.tier ?? null,
    total: result?.total ?? null,
    revision: record.revision,
    updated_at: record.updatedAt,
    record: JSON.stringify(stored satisfies StoredAssessment),
    // The same JSON as the submit's answer, made once (scoreResultJson).
    result: result ? scoreResultJson(result).toString('utf8') : null,
  };
}

/** `query` narrowed to the assessments `filter` names, in SQL. */
function filtered<O>(query: SelectQueryBuilder<Database, 'assessments', O>, filter: AssessmentFilter): SelectQueryBuilder<Database, 'assessments', O> {
  let narrowed = query;
  if (filter.communityIds) narrowed = narrowed.where('community_id', 'in', filter.communityIds);
  if (filter.rubricId !== undefined) narrowed = narrowed.where('rubric_id', '=', filter.rubricId);
  if (filter.version !== undefined) narrowed = narrowed.where('rubric_version', '=', filter.version);
  if (filter.year !== undefined) narrowed = narrowed.where('period_year', '=', filter.year);
  if (filter.kind !== undefined) narrowed = narrowed.where('period_kind', '=', filter.kind);
  if (filter.status !== undefined) narrowed = narrowed.where('status', '=', filter.status);
  if (filter.tier !== undefined) narrowed = narrowed.where('tier', '=', filter.tier);
  return narrowed;
}

function closedError(): ServerError {
  return new ServerError('INTERNAL', STORAGE_MESSAGES.closed());
}

/** Error classes of PostgreSQL (SQLSTATE) and of the socket that mean the database cannot be reached. */
const UNREACHABLE = /^(08|57P0[1-3]|53300|28)/;
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/** A database failure as the error catalogue names it; the transaction was rolled back. */
export function databaseError(err: unknown, location: string): ServerError {
  if (err instanceof ServerError) return err;
  const { code, message } = err as { code?: string; message?: string };
  const reason = code ? `${code}: ${message}` : (message ?? String(err));
  if (code === '53100') return new ServerError('STORAGE_FULL', STORAGE_MESSAGES.diskFull(location), [issue(location, STORAGE_MESSAGES.freeDatabaseSpace())]);
  if (code === '25006' || code === '42501') return new ServerError('STORAGE_READ_ONLY', STORAGE_MESSAGES.readOnly(location, code), [issue(location, STORAGE_MESSAGES.grantDatabaseWrite())]);
  // pg says "Connection terminated unexpectedly" or "timeout exceeded when trying to connect" without a code.
  if ((code && (UNREACHABLE.test(code) || SOCKET_ERRORS.has(code))) || /^Connection terminated|timeout exceeded when trying to connect/.test(message ?? '')) {
    return new ServerError('INTERNAL', STORAGE_MESSAGES.databaseUnreachable(location, reason), [issue(location, STORAGE_MESSAGES.checkDatabase())]);
  }
  return new ServerError('INTERNAL', STORAGE_MESSAGES.databaseFailed(location, reason));
}

/** The URL without its password, for logs and messages. */
export function databaseLocation(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    url.password = '';
    url.search = '';
    return url.href;
  } catch {
    return 'the PostgreSQL database of DATABASE_URL';
  }
}

/** A new connection pool on `databaseUrl`. */
function newPool(databaseUrl: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  // A pooled idle connection the database drops (restart, failover) must not crash the server: the next query says so instead.
  pool.on('error', () => undefined);
  // A stream holds its client between reads; a connection lost then must fail the stream's next read, not crash the server.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** A kysely instance on a new pool. */
export function connect(databaseUrl: string): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: newPool(databaseUrl) }) });
}

/** How long a cursor's close may take before its connection is given up as broken. */
const CURSOR_CLOSE_MS = 2_000;

/** Closes `cursor`; the error to release its connection with when that fails or takes longer than `ms`. */
async function closedWithin(cursor: Cursor<unknown>, ms: number): Promise<Error | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Error>((resolve) => {
    timer = setTimeout(() => resolve(new Error(`the cursor did not close within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([cursor.close().then(() => undefined, (err: Error) => err), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The key of a rubric version in the cache of parsed versions. */
const versionKey = (id: string, version: string): string => `${id}@${version}`;

/**
 * Brings the database of `databaseUrl` to the current schema and closes the connection; for a
 * command run before starting servers. Returns the versions it applied.
 * @throws ServerError when the database cannot be reached or is newer than this release
 */
export async function migrateDatabase(databaseUrl: string): Promise<number[]> {
  const location = databaseLocation(databaseUrl);
  const db = connect(databaseUrl);
  try {
    return (await migrate(db, location)).map((m) => m.version);
  } catch (err) {
    throw databaseError(err, location);
  } finally {
    await db.destroy();
  }
}

/**
 * Opens the database of `databaseUrl`, migrating it first. `created` is true only for the open
 * whose migration created the schema (version 1): of servers starting together on an empty
 * database, exactly one seeds it.
 * @throws ServerError INTERNAL when the database cannot be reached or is newer than this release
 */
export async function openPostgresStorage(databaseUrl: string): Promise<PostgresStorage> {
  const location = databaseLocation(databaseUrl);
  const pool = newPool(databaseUrl);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    const applied = await migrate(db, location);
    return new PostgresStorage(db, pool, location, applied.some((m) => m.version === 1));
  } catch (err) {
    await db.destroy();
    throw databaseError(err, location);
  }
}

function rubricVersionNotFound(id: string, version: string): ServerError {
  return new ServerError('NOT_FOUND', RUBRIC_MESSAGES.noVersion(id, version), [issue('/version', RUBRIC_MESSAGES.listVersions())]);
}
