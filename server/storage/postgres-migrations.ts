/**
 * The PostgreSQL schema, as an ordered list of versioned migrations, and the tables it leaves
 * (Database, for kysely). Each migration runs once per database, recorded in schema_migrations;
 * a released migration is never edited: a change of layout is a new entry at the end.
 *
 * Records are stored whole as json, which keeps their text as written (jsonb would reorder the keys
 * of a rubric document that people read in the author's order); nothing queries inside them: the
 * other columns are copies of the fields that lists filter and order on, kept on every write.
 * Submitted results are jsonb: written once, read whole, never shown as raw text.
 * Every table has a bigserial `seq` so that lists come back in insertion order, as lowdb's do.
 */
import { type ColumnType, type Generated, type JSONColumnType, type Kysely, sql, type Transaction } from 'kysely';
import type { ScoreResult } from '../../engine/index.ts';
import { ServerError } from '../errors.ts';
import { STORAGE_MESSAGES } from '../messages.ts';
import type { AssessmentRecord, AuditEntry, CommunityRecord, RubricVersionRecord } from './types.ts';

/** An assessment as its row holds it: the record without its result, which has a column of its own. */
export type StoredAssessment = Omit<AssessmentRecord, 'result'>;

/** The tables as the latest migration leaves them. */
export interface Database {
  schema_migrations: { version: number; name: string; applied_at: ColumnType<Date, never, never> };
  rubric_versions: { seq: Generated<string>; id: string; version: string; revision: number; record: JSONColumnType<RubricVersionRecord> };
  communities: { seq: Generated<string>; id: string; revision: number; record: JSONColumnType<CommunityRecord> };
  assessments: {
    seq: Generated<string>;
    id: string;
    community_id: string;
    rubric_id: string;
    rubric_version: string;
    period_year: number;
    period_kind: string;
    status: string;
    tier: string | null;
    total: number | null;
    revision: number;
    /** The record's updatedAt, for the list's order. */
    updated_at: ColumnType<Date, string, string>;
    record: JSONColumnType<StoredAssessment>;
    /** Only getAssessment and streamAssessments read it: lists never carry results (~50 kB each). */
    result: JSONColumnType<ScoreResult | null, string | null, string | null>;
  };
  audit: { seq: Generated<string>; at: ColumnType<Date, string, never>; entry: JSONColumnType<AuditEntry, string, never> };
}

/** One step of the schema. */
export interface Migration {
  version: number;
  name: string;
  up: (trx: Transaction<Database>) => Promise<void>;
}

/** The schema's history, oldest first; versions are 1, 2, 3, … in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'records and the append-only audit log',
    up: async (trx) => {
      await sql`
        CREATE TABLE rubric_versions (
          seq bigserial NOT NULL UNIQUE,
          id text NOT NULL,
          version text NOT NULL,
          revision integer NOT NULL,
          record json NOT NULL,
          PRIMARY KEY (id, version)
        )`.execute(trx);
      await sql`
        CREATE TABLE communities (
          seq bigserial NOT NULL UNIQUE,
          id text PRIMARY KEY,
          revision integer NOT NULL,
          record json NOT NULL
        )`.execute(trx);
      await sql`
        CREATE TABLE assessments (
          seq bigserial NOT NULL UNIQUE,
          id text PRIMARY KEY,
          community_id text NOT NULL,
          rubric_id text NOT NULL,
          rubric_version text NOT NULL,
          period_year integer NOT NULL,
          period_kind text NOT NULL,
          status text NOT NULL,
          tier text,
          total double precision,
          revision integer NOT NULL,
          record json NOT NULL,
          result jsonb
        )`.execute(trx);
      // The list's filters (AssessmentFilter) and the comparisons' reads (one rubric version's submitted assessments).
      await sql`CREATE INDEX assessments_rubric ON assessments (rubric_id, rubric_version, status)`.execute(trx);
      await sql`CREATE INDEX assessments_community ON assessments (community_id)`.execute(trx);
      await sql`CREATE INDEX assessments_period ON assessments (period_year, period_kind)`.execute(trx);
      await sql`CREATE INDEX assessments_status ON assessments (status)`.execute(trx);
      await sql`CREATE INDEX assessments_tier ON assessments (tier)`.execute(trx);
      await sql`
        CREATE TABLE audit (
          seq bigserial PRIMARY KEY,
          at timestamptz NOT NULL,
          entry jsonb NOT NULL
        )`.execute(trx);
      // The audit log is evidence: not even the database owner changes it by accident.
      await sql`
        CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'The audit log is append-only: % on audit is refused (审计日志只能追加，拒绝对其执行 %).', TG_OP, TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END
        $$`.execute(trx);
      await sql`CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only()`.execute(trx);
      await sql`CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`.execute(trx);
    },
  },
  {
    version: 2,
    name: 'large values compressed with lz4 where the server has it',
    up: async (trx) => {
      // A submitted result is ~50 kB of JSON: compressing it with PostgreSQL's default (pglz) was
      // a third of the database's work per submit, and reading it back costs the same again. lz4
      // (PostgreSQL 14 and later, when built with it, as Debian's is) does both several times faster.
      // Values already stored keep their compression; a server without lz4 keeps pglz.
      if (!(await hasLz4(trx))) return;
      await sql`ALTER TABLE assessments ALTER COLUMN record SET COMPRESSION lz4, ALTER COLUMN result SET COMPRESSION lz4`.execute(trx);
      await sql`ALTER TABLE rubric_versions ALTER COLUMN record SET COMPRESSION lz4`.execute(trx);
      await sql`ALTER TABLE communities ALTER COLUMN record SET COMPRESSION lz4`.execute(trx);
    },
  },
  {
    version: 3,
    name: 'assessments in the order of their latest change',
    up: async (trx) => {
      // The assessment list pages through the most recently changed first (pageAssessments).
      await sql`ALTER TABLE assessments ADD COLUMN updated_at timestamptz`.execute(trx);
      await sql`UPDATE assessments SET updated_at = (record->>'updatedAt')::timestamptz`.execute(trx);
      await sql`ALTER TABLE assessments ALTER COLUMN updated_at SET NOT NULL`.execute(trx);
      await sql`CREATE INDEX assessments_changed ON assessments (updated_at DESC, id COLLATE "C")`.execute(trx);
    },
  },
];

/** Whether the server can compress values with lz4 (default_toast_compression lists it). */
export async function hasLz4(db: Kysely<Database> | Transaction<Database>): Promise<boolean> {
  const { rows } = await sql<{ lz4: boolean }>`SELECT 'lz4' = ANY(enumvals) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'`.execute(db);
  return rows[0]?.lz4 === true;
}

/** The newest schema version this release knows. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Any fixed number: every Rubric Studio instance takes the same advisory lock to migrate. */
const MIGRATION_LOCK = 0x52_53_4d_31;

/**
 * Brings the database to SCHEMA_VERSION in one transaction, under an advisory lock, so that
 * instances starting together migrate one after the other (the later ones find nothing to do).
 * Returns the migrations this call applied, oldest first (empty when the schema was current).
 * `target` stops at an older version (to test an upgrade from it).
 * @throws ServerError INTERNAL when the database's schema is newer than this release
 */
export async function migrate(db: Kysely<Database>, location: string, target = SCHEMA_VERSION): Promise<Migration[]> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await sql`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`.execute(trx);
    const done = new Set((await trx.selectFrom('schema_migrations').select('version').execute()).map((row) => row.version));
    const newest = Math.max(0, ...done);
    if (newest > SCHEMA_VERSION) {
      throw new ServerError('INTERNAL', STORAGE_MESSAGES.databaseNewer(location, newest, SCHEMA_VERSION));
    }
    const applied: Migration[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version) || migration.version > target) continue;
      await migration.up(trx);
      await trx.insertInto('schema_migrations').values({ version: migration.version, name: migration.name }).execute();
      applied.push(migration);
    }
    return applied;
  });
}
