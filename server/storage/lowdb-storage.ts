/**
 * The default Storage: one JSON file written by lowdb (temp file + rename on every write).
 * All changes go through one writer that applies queued changes in order and then writes the
 * file once for the whole batch, so concurrent requests never lose an update.
 *
 * Submitted results (~50 kB each with explanations) never change, so each lives in its own
 * write-once file under results/ instead of in the data file, which lowdb rewrites whole on
 * every change: that keeps a write at thousands of assessments in the tens of milliseconds.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { RubricStudioError, type ScoreResult } from '../../engine/index.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import type {
  AssessmentEntry,
  AssessmentFilter,
  AssessmentRecord,
  AuditDraft,
  AuditEntry,
  CommunityRecord,
  RubricVersionRecord,
  Storage,
} from './types.ts';

export const DATA_FILE = 'rubric-studio.json';
/** Folder of the submitted results, one <assessment id>.json each. */
export const RESULTS_DIR = 'results';

/** Version of the data file layout; raise it with a migration below when the layout changes. */
export const DATA_SCHEMA_VERSION = 1;

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
const MIGRATIONS: Record<number, (data: DataFile) => DataFile> = {};

interface QueuedChange {
  apply: (data: DataFile, files: ResultFile[]) => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/** Storage in DATA_DIR/rubric-studio.json. Open it with openLowdbStorage. */
export class LowdbStorage implements Storage {
  readonly location: string;
  readonly created: boolean;
  readonly #db: Low<DataFile>;
  readonly #lock: DataDirLock;
  readonly #resultsDir: string;
  /** Results applied in memory whose files are not written yet, so reads in between find them. */
  readonly #unwrittenResults = new Map<string, ScoreResult>();
  #queue: QueuedChange[] = [];
  /** True while the writer drains the queue; set before it starts, so no second writer ever runs. */
  #writing = false;
  #drained: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(db: Low<DataFile>, location: string, created: boolean, lock: DataDirLock, resultsDir: string) {
    this.#db = db;
    this.#resultsDir = resultsDir;
    this.location = location;
    this.created = created;
    this.#lock = lock;
  }

  get #data(): DataFile {
    return this.#db.data;
  }

  async listRubricVersions(): Promise<RubricVersionRecord[]> {
    return this.#data.rubricVersions;
  }

  async getRubricVersion(id: string, version: string): Promise<RubricVersionRecord | undefined> {
    return this.#data.rubricVersions.find((r) => r.id === id && r.version === version);
  }

  insertRubricVersion(record: RubricVersionRecord, audit: AuditDraft): Promise<RubricVersionRecord> {
    return this.#change((data) => {
      if (data.rubricVersions.some((r) => r.id === record.id && r.version === record.version)) {
        throw new RubricStudioError('ALREADY_EXISTS', `Rubric ${record.id} already has a version ${record.version}.`, [{ path: '/version', message: 'choose a version number not used yet' }]);
      }
      data.rubricVersions.push(record);
      appendAudit(data, audit);
      return record;
    });
  }

  updateRubricVersion(id: string, version: string, change: (current: RubricVersionRecord) => RubricVersionRecord, audit: (next: RubricVersionRecord) => AuditDraft): Promise<RubricVersionRecord> {
    return this.#change((data) => {
      const at = data.rubricVersions.findIndex((r) => r.id === id && r.version === version);
      if (at < 0) throw rubricVersionNotFound(id, version);
      const next = change(structuredClone(data.rubricVersions[at]));
      data.rubricVersions[at] = next;
      appendAudit(data, audit(next));
      return next;
    });
  }

  deleteRubricVersion(id: string, version: string, check: (current: RubricVersionRecord) => void, audit: AuditDraft): Promise<void> {
    return this.#change((data) => {
      const at = data.rubricVersions.findIndex((r) => r.id === id && r.version === version);
      if (at < 0) throw rubricVersionNotFound(id, version);
      check(data.rubricVersions[at]);
      data.rubricVersions.splice(at, 1);
      appendAudit(data, audit);
    });
  }

  async listCommunities(): Promise<CommunityRecord[]> {
    return this.#data.communities;
  }

  async getCommunity(id: string): Promise<CommunityRecord | undefined> {
    return this.#data.communities.find((c) => c.id === id);
  }

  insertCommunity(record: CommunityRecord, audit: AuditDraft): Promise<CommunityRecord> {
    return this.#change((data) => {
      if (data.communities.some((c) => c.id === record.id)) {
        throw new RubricStudioError('ALREADY_EXISTS', `A community with id ${record.id} already exists.`, [{ path: '/id', message: 'choose another id, or update the existing community' }]);
      }
      data.communities.push(record);
      appendAudit(data, audit);
      return record;
    });
  }

  updateCommunity(id: string, change: (current: CommunityRecord) => CommunityRecord, audit: AuditDraft): Promise<CommunityRecord> {
    return this.#change((data) => {
      const at = data.communities.findIndex((c) => c.id === id);
      if (at < 0) throw new RubricStudioError('NOT_FOUND', `There is no community ${id}.`);
      const next = change(structuredClone(data.communities[at]));
      data.communities[at] = next;
      appendAudit(data, audit);
      return next;
    });
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
    const entry = this.#data.assessments.find((a) => a.id === id);
    if (!entry) return undefined;
    if (entry.status !== 'submitted') return toRecord(entry, null);
    const result = this.#unwrittenResults.get(id) ?? (JSON.parse(await readFile(this.#resultPath(id), 'utf8')) as ScoreResult);
    return toRecord(entry, result);
  }

  insertAssessment(record: AssessmentRecord, audit: AuditDraft): Promise<AssessmentRecord> {
    return this.#change((data, files) => {
      if (data.assessments.some((a) => a.id === record.id)) throw new RubricStudioError('ALREADY_EXISTS', `An assessment with id ${record.id} already exists.`);
      data.assessments.push(this.#toEntry(record, null, files));
      appendAudit(data, audit);
      return record;
    });
  }

  updateAssessment(id: string, change: (current: AssessmentRecord) => AssessmentRecord, audit: (next: AssessmentRecord) => AuditDraft): Promise<AssessmentRecord> {
    return this.#change((data, files) => {
      const at = data.assessments.findIndex((a) => a.id === id);
      if (at < 0) throw new RubricStudioError('NOT_FOUND', `There is no assessment ${id}.`);
      const current = data.assessments[at];
      // Only submitted assessments have a result file; they are frozen, so this read is rare.
      const result = current.status === 'submitted' ? (this.#unwrittenResults.get(id) ?? (JSON.parse(readFileSync(this.#resultPath(id), 'utf8')) as ScoreResult)) : null;
      const next = change(toRecord(structuredClone(current), result));
      data.assessments[at] = this.#toEntry(next, result, files);
      appendAudit(data, audit(next));
      return next;
    });
  }

  #resultPath(id: string): string {
    return join(this.#resultsDir, `${id}.json`);
  }

  /** The list entry of a record; a new result is queued as its write-once file. */
  #toEntry(record: AssessmentRecord, storedResult: ScoreResult | null, files: ResultFile[]): AssessmentEntry {
    const { result, ...entry } = record;
    if (result && result !== storedResult) {
      files.push({ id: record.id, path: this.#resultPath(record.id), result });
      this.#unwrittenResults.set(record.id, result);
    }
    return { ...entry, total: result?.total ?? null, tier: result?.tier ?? null };
  }

  async listAudit(): Promise<AuditEntry[]> {
    return this.#data.audit;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    while (this.#writing) await this.#drained;
    this.#lock.release();
  }

  /** Queues a change; it is applied in order and resolves once the file holding it is written. */
  #change<T>(apply: (data: DataFile, files: ResultFile[]) => T): Promise<T> {
    if (this.#closed) return Promise.reject(new RubricStudioError('INTERNAL', 'The storage is closed; the server is shutting down.'));
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ apply, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#writing) {
        this.#writing = true;
        this.#drained = this.#drain();
      }
    });
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0);
        const applied: { change: QueuedChange; value: unknown }[] = [];
        const files: ResultFile[] = [];
        for (const change of batch) {
          const own: ResultFile[] = [];
          try {
            applied.push({ change, value: change.apply(this.#data, own) });
            files.push(...own);
          } catch (err) {
            for (const file of own) this.#unwrittenResults.delete(file.id);
            change.reject(err);
          }
        }
        if (applied.length === 0) continue;
        try {
          // Result files first: the data file must never refer to a result that is not on disk.
          await Promise.all(files.map((file) => writeAtomically(file)));
          await this.#db.write();
          for (const file of files) this.#unwrittenResults.delete(file.id);
          for (const { change, value } of applied) change.resolve(value);
        } catch (err) {
          // The file still holds the last good state: go back to it and fail the whole batch.
          await this.#db.read().catch(() => undefined);
          for (const file of files) this.#unwrittenResults.delete(file.id);
          for (const { change } of applied) change.reject(err);
        }
      }
    } finally {
      this.#writing = false;
    }
  }
}

/**
 * Opens (creating on first start) the data file in `dataDir`: takes the directory lock, removes
 * temp files a killed writer left behind, and migrates an older data file.
 * @throws RubricStudioError DATA_DIR_LOCKED, or an Error when the data file is unreadable
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
    const db = new Low<DataFile>(new JSONFile<DataFile>(location), emptyDataFile());
    try {
      await db.read();
    } catch (err) {
      throw new Error(`The data file ${location} is not valid JSON (${(err as Error).message}); restore it from a backup or move it away to start empty.`);
    }
    const from = db.data.schemaVersion;
    db.data = migrate(db.data, location);
    if (created || from !== db.data.schemaVersion) await db.write();
    return new LowdbStorage(db, location, created, lock, resultsDir);
  } catch (err) {
    lock.release();
    throw err;
  }
}

function emptyDataFile(): DataFile {
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

async function writeAtomically(file: ResultFile): Promise<void> {
  await writeFile(`${file.path}.tmp`, JSON.stringify(file.result));
  await rename(`${file.path}.tmp`, file.path);
}

function toRecord(entry: AssessmentEntry, result: ScoreResult | null): AssessmentRecord {
  const { total: _total, tier: _tier, ...record } = entry;
  return { ...record, result };
}

function appendAudit(data: DataFile, draft: AuditDraft): void {
  data.audit.push({ at: new Date().toISOString(), ...draft });
}

function rubricVersionNotFound(id: string, version: string): RubricStudioError {
  return new RubricStudioError('NOT_FOUND', `Rubric ${id} has no version ${version}.`, [{ path: '/version', message: 'list the rubric versions with GET /api/rubrics' }]);
}
