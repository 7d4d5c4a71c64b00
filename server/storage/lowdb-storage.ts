/**
 * The default Storage: one JSON file written by lowdb (temp file + rename on every write).
 * All changes go through one writer (group commit): changes that arrive while a write is in
 * flight queue up, and when it ends they are checked and applied in order (each sees the ones
 * before it) and one write of the file covers them all; each caller is answered only after the
 * write holding its change succeeded, and a failed write undoes its whole group. So concurrent
 * requests never lose an update, and under load the file is written once per group, not per
 * request. The file is written compactly, re-encoding only records that changed (JsonDataFile).
 *
 * Submitted results (~50 kB each with explanations) never change, so each lives in its own
 * write-once file under results/ instead of in the data file, which lowdb rewrites whole on
 * every change: that keeps a write at thousands of assessments in the tens of milliseconds.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { issue, type MessageText, type ScoreResult } from '../../engine/index.ts';
import { ServerError } from '../errors.ts';
import { ASSESSMENT_MESSAGES, COMMUNITY_MESSAGES, RECORDS, RUBRIC_MESSAGES, STORAGE_MESSAGES } from '../messages.ts';
import { scoreResultJson } from '../score-result-json.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { JsonDataFile } from './json-data-file.ts';
import { checkRevision } from './revision.ts';
import type {
  AssessmentEntry,
  AssessmentFilter,
  AssessmentRecord,
  AuditDraft,
  AuditEntry,
  CommunityRecord,
  AssessmentPage,
  NewRecord,
  Page,
  RecordChange,
  RubricVersionRecord,
  Storage,
} from './types.ts';

export const DATA_FILE = 'rubric-studio.json';
/** Folder of the submitted results, one <assessment id>.json each. */
export const RESULTS_DIR = 'results';

/** Version of the data file layout; raise it with a migration below when the layout changes. */
export const DATA_SCHEMA_VERSION = 2;

/** The whole data file. */
export interface DataFile {
  schemaVersion: number;
  createdAt: string;
  rubricVersions: RubricVersionRecord[];
  communities: CommunityRecord[];
  /** Results live in RESULTS_DIR. */
  assessments: AssessmentEntry[];
  audit: AuditEntry[];
}

/** A result file written (temp file + rename) before the data file that refers to it. */
interface ResultFile {
  id: string;
  path: string;
  result: ScoreResult;
}

/** Migrations by the version they upgrade from: MIGRATIONS[1] turns a version-1 file into version 2. */
const MIGRATIONS: Record<number, (data: DataFile) => DataFile> = {
  // Version 2: every mutable record carries a revision for optimistic concurrency.
  1: (data) => ({
    ...data,
    rubricVersions: data.rubricVersions.map((r) => ({ ...r, revision: r.revision ?? 1 })),
    communities: data.communities.map((c) => ({ ...c, revision: c.revision ?? 1 })),
    assessments: data.assessments.map((a) => ({ ...a, revision: a.revision ?? 1 })),
  }),
};

/**
 * A change ready to apply: everything that can refuse it (checks, the change callback, the
 * audit entry) has already run, so `apply` only assigns; `undo` puts back exactly what `apply`
 * replaced, for when the file cannot be written.
 */
interface Prepared<T> {
  value: T;
  apply: () => void;
  undo: () => void;
  /** Result files the change writes before the data file. */
  files?: ResultFile[];
}

interface QueuedChange {
  prepare: (data: DataFile) => Prepared<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/** Storage in DATA_DIR/rubric-studio.json. Open it with openLowdbStorage. */
export class LowdbStorage implements Storage {
  readonly location: string;
  readonly created: boolean;
  readonly #db: Low<DataFile>;
  readonly #file: JsonDataFile<DataFile>;
  readonly #lock: DataDirLock;
  readonly #resultsDir: string;
  /** Results applied in memory whose files are not written yet, so reads in between find them. */
  readonly #unwrittenResults = new Map<string, ScoreResult>();
  #queue: QueuedChange[] = [];
  /** True while the writer drains the queue; set before it starts, so no second writer ever runs. */
  #writing = false;
  #drained: Promise<void> = Promise.resolve();
  #closed = false;
  #fileWrites = 0;
  /**
   * Where each assessment is in data.assessments, so that reading or changing one does not scan
   * thousands. Exact: built on open, kept by insert and its undo (updates keep the place, and
   * nothing else adds or removes assessments); every use still checks the id found there.
   */
  readonly #assessmentAt = new Map<string, number>();

  constructor(db: Low<DataFile>, file: JsonDataFile<DataFile>, location: string, created: boolean, lock: DataDirLock, resultsDir: string) {
    this.#db = db;
    this.#file = file;
    this.#resultsDir = resultsDir;
    this.location = location;
    this.created = created;
    this.#lock = lock;
    db.data.assessments.forEach((a, at) => this.#assessmentAt.set(a.id, at));
  }

  /** Position of assessment `id` in data.assessments, or -1. */
  #assessmentIndex(id: string): number {
    const at = this.#assessmentAt.get(id);
    if (at === undefined) return -1;
    if (this.#data.assessments[at]?.id === id) return at;
    // Unreachable while the index is kept as above; a scan keeps a slip from losing a record.
    return this.#data.assessments.findIndex((a) => a.id === id);
  }

  /** Writes of the data file since opening, attempted ones included (one per group of changes). */
  get fileWrites(): number {
    return this.#fileWrites;
  }

  /**
   * What reads see. A group's changes are applied in memory before its write, so a read during
   * that write already sees them, as it always has (a submitted assessment is read with its
   * result right away); they vanish again only if the write fails, and then their callers get
   * the storage error. Changes still queued behind an in-flight write are not applied, so reads
   * never run further ahead of the file than one group: cheaper than a copy of the data per
   * write, and no caller is ever answered before its change is on disk.
   */
  get #data(): DataFile {
    return this.#db.data;
  }

  async listRubricVersions(): Promise<RubricVersionRecord[]> {
    return this.#data.rubricVersions;
  }

  async getRubricVersion(id: string, version: string): Promise<RubricVersionRecord | undefined> {
    return this.#data.rubricVersions.find((r) => r.id === id && r.version === version);
  }

  insertRubricVersion(record: NewRecord<RubricVersionRecord>, audit: AuditDraft): Promise<RubricVersionRecord> {
    return this.#change((data) => {
      if (data.rubricVersions.some((r) => r.id === record.id && r.version === record.version)) {
        throw new ServerError('ALREADY_EXISTS', RUBRIC_MESSAGES.versionExists(record.id, record.version), [issue('/version', RUBRIC_MESSAGES.chooseUnusedVersion())]);
      }
      return inserting(data, data.rubricVersions, { ...record, revision: 1 }, audit);
    });
  }

  updateRubricVersion(id: string, version: string, change: RecordChange<RubricVersionRecord>): Promise<RubricVersionRecord> {
    return this.#change((data) => {
      const at = data.rubricVersions.findIndex((r) => r.id === id && r.version === version);
      if (at < 0) throw rubricVersionNotFound(id, version);
      return replacing(data, data.rubricVersions, at, change, RECORDS.rubricVersion(id, version));
    });
  }

  deleteRubricVersion(id: string, version: string, check: (current: RubricVersionRecord) => void, audit: AuditDraft, ifRevision?: number): Promise<void> {
    return this.#change((data) => {
      const at = data.rubricVersions.findIndex((r) => r.id === id && r.version === version);
      if (at < 0) throw rubricVersionNotFound(id, version);
      const current = data.rubricVersions[at];
      checkRevision(current.revision, ifRevision, RECORDS.rubricVersion(id, version));
      check(current);
      const entry = stamped({ ...audit, revision: current.revision });
      return {
        value: undefined,
        apply: () => {
          data.rubricVersions.splice(at, 1);
          data.audit.push(entry);
        },
        undo: () => {
          data.audit.pop();
          data.rubricVersions.splice(at, 0, current);
        },
      };
    });
  }

  async listCommunities(): Promise<CommunityRecord[]> {
    return this.#data.communities;
  }

  async getCommunity(id: string): Promise<CommunityRecord | undefined> {
    return this.#data.communities.find((c) => c.id === id);
  }

  insertCommunity(record: NewRecord<CommunityRecord>, audit: AuditDraft): Promise<CommunityRecord> {
    return this.#change((data) => {
      if (data.communities.some((c) => c.id === record.id)) {
        throw new ServerError('ALREADY_EXISTS', COMMUNITY_MESSAGES.communityExists(record.id), [issue('/id', COMMUNITY_MESSAGES.chooseAnotherCommunityId())]);
      }
      return inserting(data, data.communities, { ...record, revision: 1 }, audit);
    });
  }

  updateCommunity(id: string, change: RecordChange<CommunityRecord>): Promise<CommunityRecord> {
    return this.#change((data) => {
      const at = data.communities.findIndex((c) => c.id === id);
      if (at < 0) throw new ServerError('NOT_FOUND', COMMUNITY_MESSAGES.noCommunity(id));
      return replacing(data, data.communities, at, change, RECORDS.community(id));
    });
  }

  async pageAssessments(filter: AssessmentFilter, page: Page): Promise<AssessmentPage> {
    const matching = (await this.listAssessments(filter)).sort(newestChangeFirst);
    return { total: matching.length, entries: matching.slice(page.offset, page.offset + page.limit) };
  }

  async listAssessments(filter: AssessmentFilter = {}): Promise<AssessmentEntry[]> {
    const communities = filter.communityIds ? new Set(filter.communityIds) : undefined;
    return this.#data.assessments.filter(
      (a) =>
        (!communities || communities.has(a.communityId)) &&
        (filter.rubricId === undefined || a.rubric.id === filter.rubricId) &&
        (filter.version === undefined || a.rubric.version === filter.version) &&
        (filter.year === undefined || a.period.year === filter.year) &&
        (filter.kind === undefined || a.period.kind === filter.kind) &&
        (filter.status === undefined || a.status === filter.status) &&
        (filter.tier === undefined || a.tier === filter.tier),
    );
  }

  async getAssessment(id: string): Promise<AssessmentRecord | undefined> {
    const entry = this.#data.assessments[this.#assessmentIndex(id)];
    if (!entry) return undefined;
    if (entry.status !== 'submitted') return toRecord(entry, null);
    const result = this.#unwrittenResults.get(id) ?? (JSON.parse(await readFile(this.#resultPath(id), 'utf8')) as ScoreResult);
    return toRecord(entry, result);
  }

  insertAssessment(record: NewRecord<AssessmentRecord>, audit: AuditDraft): Promise<AssessmentRecord> {
    return this.#change((data) => {
      if (this.#assessmentIndex(record.id) >= 0) throw new ServerError('ALREADY_EXISTS', ASSESSMENT_MESSAGES.assessmentExists(record.id));
      const created: AssessmentRecord = { ...record, revision: 1 };
      const { entry, files } = this.#toEntry(created, null);
      const insert = inserting(data, data.assessments, entry, audit);
      return {
        value: created,
        files,
        apply: () => {
          insert.apply();
          this.#assessmentAt.set(entry.id, data.assessments.length - 1);
        },
        undo: () => {
          insert.undo();
          this.#assessmentAt.delete(entry.id);
        },
      };
    });
  }

  updateAssessment(id: string, change: RecordChange<AssessmentRecord>): Promise<AssessmentRecord> {
    return this.#change((data) => {
      const at = this.#assessmentIndex(id);
      if (at < 0) throw new ServerError('NOT_FOUND', ASSESSMENT_MESSAGES.noAssessment(id));
      const current = data.assessments[at];
      checkRevision(current.revision, change.ifRevision, RECORDS.assessment(id));
      // Only submitted assessments have a result file; they are frozen, so this read is rare.
      const result = current.status === 'submitted' ? (this.#unwrittenResults.get(id) ?? (JSON.parse(readFileSync(this.#resultPath(id), 'utf8')) as ScoreResult)) : null;
      const next: AssessmentRecord = { ...change.change(toRecord(structuredClone(current), result)), revision: current.revision + 1 };
      const entry = stamped({ ...change.audit(next), revision: next.revision });
      const { entry: nextEntry, files } = this.#toEntry(next, result);
      return {
        value: next,
        files,
        apply: () => {
          data.assessments[at] = nextEntry;
          data.audit.push(entry);
        },
        undo: () => {
          data.audit.pop();
          data.assessments[at] = current;
        },
      };
    });
  }

  async *streamAssessments(filter: AssessmentFilter = {}): AsyncIterable<AssessmentRecord> {
    // The list as it is now; each result is read when its turn comes, so one is in memory at a time.
    for (const entry of await this.listAssessments(filter)) {
      const record = await this.getAssessment(entry.id);
      if (record) yield record;
    }
  }

  async *streamAssessmentEntries(filter: AssessmentFilter = {}): AsyncIterable<AssessmentEntry> {
    // The entries are in memory already (the data file is read whole); this only keeps the reader's loop the same for both backends.
    yield* await this.listAssessments(filter);
  }

  async listAudit(last?: number): Promise<AuditEntry[]> {
    return last === undefined ? this.#data.audit : this.#data.audit.slice(-last);
  }

  async *streamAudit(): AsyncIterable<AuditEntry> {
    // In memory already (the data file is read whole), as streamAssessmentEntries; as it was when
    // asked, so entries appended meanwhile are not half in it.
    yield* this.#data.audit.slice();
  }

  appendAudit(draft: AuditDraft): Promise<void> {
    return this.#change((data) => {
      const entry = stamped(draft);
      return { value: undefined, apply: () => data.audit.push(entry), undo: () => data.audit.pop() };
    });
  }

  #resultPath(id: string): string {
    return resultFilePath(this.#resultsDir, id);
  }

  /** The list entry of a record, and the write-once file of a new result. */
  #toEntry(record: AssessmentRecord, storedResult: ScoreResult | null): { entry: AssessmentEntry; files: ResultFile[] } {
    const { result } = record;
    const files = result && result !== storedResult ? [{ id: record.id, path: this.#resultPath(record.id), result }] : [];
    return { entry: assessmentEntry(record), files };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    while (this.#writing) await this.#drained;
    this.#lock.release();
  }

  /** Queues a change; it is applied in order and resolves once the file holding it is written. */
  #change<T>(prepare: (data: DataFile) => Prepared<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new ServerError('INTERNAL', STORAGE_MESSAGES.closed()));
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ prepare, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#writing) {
        this.#writing = true;
        this.#drained = this.#drain();
      }
    });
  }

  /**
   * Applies the queued changes in order, then writes the result files and the data file once
   * for the whole batch. A change that refuses is rejected alone; a failed write undoes the
   * whole batch in memory (last applied first) and rejects each change with a storage error.
   * Changes queued during a write are applied only when it ended (not on arrival): a change is
   * thus never checked against a group that may still be undone, and undo never cascades.
   */
  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0);
        const applied: { change: QueuedChange; prepared: Prepared<unknown> }[] = [];
        for (const change of batch) {
          let prepared: Prepared<unknown>;
          try {
            prepared = change.prepare(this.#data);
          } catch (err) {
            change.reject(err);
            continue;
          }
          prepared.apply();
          for (const file of prepared.files ?? []) this.#unwrittenResults.set(file.id, file.result);
          applied.push({ change, prepared });
        }
        if (applied.length === 0) continue;
        const files = applied.flatMap(({ prepared }) => prepared.files ?? []);
        try {
          // Result files and the data file's temp file at once; the data file is renamed into
          // place only after the result files, so it never refers to a result not on disk.
          this.#fileWrites += 1;
          await this.#file.write(this.#data, allSettledOrThrow(files.map((file) => writeAtomically(file))));
          for (const file of files) this.#unwrittenResults.delete(file.id);
          for (const { change, prepared } of applied) change.resolve(prepared.value);
        } catch (err) {
          for (const { prepared } of applied.reverse()) prepared.undo();
          for (const file of files) this.#unwrittenResults.delete(file.id);
          // A result file written for a change that did not land would be an orphan; the data file never names it.
          await Promise.all(files.map((file) => rm(file.path, { force: true }).catch(() => undefined)));
          const failure = storageError(err, this.location);
          for (const { change } of applied) change.reject(failure);
        }
      }
    } finally {
      this.#writing = false;
    }
  }
}

/** Appending a record and its audit entry. */
function inserting<T>(data: DataFile, list: T[], record: T, audit: AuditDraft): Prepared<T> {
  const entry = stamped({ ...audit, revision: 1 });
  return {
    value: record,
    apply: () => {
      list.push(record);
      data.audit.push(entry);
    },
    undo: () => {
      data.audit.pop();
      list.splice(list.lastIndexOf(record), 1);
    },
  };
}

/** Replacing list[at] by what `change` makes of it, with the next revision and its audit entry. */
function replacing<T extends { revision: number }>(data: DataFile, list: T[], at: number, change: RecordChange<T>, what: MessageText): Prepared<T> {
  const current = list[at];
  checkRevision(current.revision, change.ifRevision, what);
  const next: T = { ...change.change(structuredClone(current)), revision: current.revision + 1 };
  const entry = stamped({ ...change.audit(next), revision: next.revision });
  return {
    value: next,
    apply: () => {
      list[at] = next;
      data.audit.push(entry);
    },
    undo: () => {
      data.audit.pop();
      list[at] = current;
    },
  };
}

/** A write failure as the error catalogue names it; the data file still holds the last good state. */
function storageError(err: unknown, location: string): ServerError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new ServerError('STORAGE_FULL', STORAGE_MESSAGES.diskFull(location), [issue(location, STORAGE_MESSAGES.freeSpace())]);
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new ServerError('STORAGE_READ_ONLY', STORAGE_MESSAGES.readOnly(location, code), [issue(location, STORAGE_MESSAGES.makeWritable())]);
  }
  return new ServerError('INTERNAL', STORAGE_MESSAGES.writeFailed(location, code ?? (err as Error).message));
}

/**
 * Opens (creating on first start) the data file in `dataDir`: takes the directory lock, removes
 * temp files a killed writer left behind, and migrates an older data file.
 * @throws ServerError DATA_DIR_LOCKED, or an Error when the data file is unreadable
 */
export async function openLowdbStorage(dataDir: string): Promise<LowdbStorage> {
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataDirLock(dataDir);
  try {
    const resultsDir = join(dataDir, RESULTS_DIR);
    mkdirSync(resultsDir, { recursive: true });
    removeStaleTempFiles(dataDir);
    removeStaleTempFiles(resultsDir);
    const location = join(dataDir, DATA_FILE);
    const created = !existsSync(location);
    const file = new JsonDataFile<DataFile>(location);
    const db = new Low<DataFile>(file, emptyDataFile());
    try {
      await db.read();
    } catch (err) {
      throw new Error(`The data file ${location} is not valid JSON (${(err as Error).message}); restore it from a backup or move it away to start empty.`);
    }
    const from = db.data.schemaVersion;
    db.data = migrate(db.data, location);
    if (created || from !== db.data.schemaVersion) await db.write();
    return new LowdbStorage(db, file, location, created, lock, resultsDir);
  } catch (err) {
    lock.release();
    throw err;
  }
}

/** A data file holding nothing yet, of the current layout. */
export function emptyDataFile(): DataFile {
  return { schemaVersion: DATA_SCHEMA_VERSION, createdAt: new Date().toISOString(), rubricVersions: [], communities: [], assessments: [], audit: [] };
}

function migrate(data: DataFile, location: string): DataFile {
  if (typeof data?.schemaVersion !== 'number') throw new Error(`The data file ${location} has no schemaVersion; it was not written by Rubric Studio.`);
  if (data.schemaVersion > DATA_SCHEMA_VERSION) {
    throw new Error(`The data file ${location} has schema version ${data.schemaVersion}, newer than this release understands (${DATA_SCHEMA_VERSION}); run a newer Rubric Studio.`);
  }
  if (data.schemaVersion < DATA_SCHEMA_VERSION) copyFileSync(location, `${location}.v${data.schemaVersion}.bak`);
  let current = data;
  while (current.schemaVersion < DATA_SCHEMA_VERSION) {
    const step = MIGRATIONS[current.schemaVersion];
    if (!step) throw new Error(`No migration from data schema version ${current.schemaVersion}.`);
    current = { ...step(current), schemaVersion: current.schemaVersion + 1 };
  }
  return current;
}

/** A write killed between the temp file and the rename leaves a *.tmp behind; the data file is intact. */
function removeStaleTempFiles(dataDir: string): void {
  for (const name of readdirSync(dataDir)) if (name.endsWith('.tmp')) rmSync(join(dataDir, name), { force: true });
}

/** Waits for every write, then throws the first failure: a clean-up after it races no write still running. */
async function allSettledOrThrow(writes: Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(writes)).find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Writes a result file: a temp file renamed into place, so a reader never finds half of one. */
export async function writeAtomically(file: ResultFile): Promise<void> {
  const temp = `${file.path}.tmp`;
  try {
    // The same JSON answers the submit: made once (scoreResultJson).
    await writeFile(temp, scoreResultJson(file.result));
    await rename(temp, file.path);
  } catch (err) {
    // A half-written temp file on a full disk would keep the disk full.
    await rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}

/** Where the result of assessment `id` lives in `resultsDir`. */
export function resultFilePath(resultsDir: string, id: string): string {
  return join(resultsDir, `${id}.json`);
}

/** The data file's entry of an assessment: the record without its result, with the total and tier it gave. */
export function assessmentEntry(record: AssessmentRecord): AssessmentEntry {
  const { result, ...entry } = record;
  return { ...entry, total: result?.total ?? null, tier: result?.tier ?? null };
}

function toRecord(entry: AssessmentEntry, result: ScoreResult | null): AssessmentRecord {
  const { total: _total, tier: _tier, ...record } = entry;
  return { ...record, result };
}

/** An audit entry stamped with the time of the change. */
function stamped(draft: AuditDraft): AuditEntry {
  return { at: new Date().toISOString(), ...draft };
}

function rubricVersionNotFound(id: string, version: string): ServerError {
  return new ServerError('NOT_FOUND', RUBRIC_MESSAGES.noVersion(id, version), [issue('/version', RUBRIC_MESSAGES.listVersions())]);
}

/** pageAssessments' order: updatedAt descending (ISO 8601 times of one format order as text), then id as PostgreSQL's COLLATE "C" orders it. */
function newestChangeFirst(a: AssessmentEntry, b: AssessmentEntry): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
