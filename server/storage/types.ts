/**
 * What the server stores, in one place: rubric versions, communities, assessments and the audit
 * log, and the Storage interface every backend implements: lowdb (the default, one server per
 * data directory) and PostgreSQL (DATABASE_URL; servers may share a database).
 */
import type { AssessmentInputs, CarryForwardFlag, InputValue, InputValues, Issue, RubricDocument, RubricStamp, RubricStatus, ScoreResult } from '../../engine/index.ts';

/** Who may do what: editors manage rubrics, assessors manage assessments, viewers read. */
export type Role = 'editor' | 'assessor' | 'viewer';

/** One version of a rubric as stored: the document plus what the server knows about it. */
export interface RubricVersionRecord {
  /** Rubric id (the document's `id`). */
  id: string;
  /** Semantic version (the document's `version`). */
  version: string;
  status: RubricStatus;
  /** Content hash of the document (engine contentHash), recomputed on every draft change. */
  hash: string;
  /** The rubric document; its `status` always equals the record's. */
  document: RubricDocument;
  /** Lint warnings of the stored document. */
  warnings: Issue[];
  /** Raised by the storage on every change; a write names the revision it read (If-Match). */
  revision: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  retiredAt: string | null;
}

/**
 * What is assessed: a residential community (社区) in Appendix C, or whatever the deployment
 * profile's subject is (engine/deployment.ts). The profile's attributes are fields of the record
 * itself (SubjectRecord), so records stored before the profile existed (with `street`) keep their shape.
 */
export interface CommunityRecord {
  id: string;
  name: string;
  /** Appendix C's one attribute: the sub-district (街道) the community belongs to; absent under a profile without it. */
  street?: string;
  district?: string;
  address?: string;
  contact?: string;
  /** Raised by the storage on every change; a write names the revision it read (If-Match). */
  revision: number;
  createdAt: string;
  updatedAt: string;
}

/** A subject record with the deployment profile's other attributes (a building's `type`, …), stored as fields of the record beside these. */
export type SubjectRecord = CommunityRecord & Record<string, unknown>;

/**
 * The id of one of the deployment profile's period kinds (Appendix C: mid-term and final
 * assessments, quarterly monitoring, 7.1.2 and 7.2.1); the API accepts only the profile's.
 */
export type PeriodKind = string;

export interface Period {
  year: number;
  kind: PeriodKind;
}

export type AssessmentStatus = 'draft' | 'submitted';

/** An assessment of one community under one rubric version for one period. */
export interface AssessmentRecord {
  id: string;
  communityId: string;
  rubric: { id: string; version: string };
  period: Period;
  /** Name of the person who assessed the community. */
  assessor: string;
  status: AssessmentStatus;
  inputs: InputValues;
  notApplicable: NonNullable<AssessmentInputs['notApplicable']>;
  /** Frozen at submission with its explanations; null for drafts. */
  result: ScoreResult | null;
  /** Content hash of the rubric version that produced `result`. */
  rubricHash: string | null;
  /** Raised by the storage on every change; a write names the revision it read (If-Match). */
  revision: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  /** A draft started from an earlier assessment (carry forward): where from, and what the assessor should look at. */
  carriedFrom?: CarriedFrom;
  /** The day assessed (YYYY-MM-DD), which decides the version in force; records from before it lack it. */
  assessedOn?: string;
  /** Why this version: the one in force on `assessedOn`, or another with the assessor's reason. */
  versionChoice?: { inForce: string | null; reason: string | null };
  /** Answers recorded later to inputs a newer version asks, by input id; the original inputs never change. */
  supplements?: Record<string, Supplement>;
}

/** One supplementary answer: its value, the version whose question it answers, and who, when and from where. */
export interface Supplement {
  value: InputValue;
  version: string;
  source: string;
  by: string;
  role: Role;
  at: string;
}

export interface CarriedFrom {
  assessment: string;
  rubric: { id: string; version: string };
  /** Criteria new in the version, changed in scoring, or left unanswered. */
  flags: CarryForwardFlag[];
  /** Inputs renamed, merged, defaulted, dropped or still missing on the way, and stored values the version rejected. */
  renamed: { to: string; from: string }[];
  /** Absent in records carried forward before merged inputs existed. */
  combined?: { to: string; from: string[]; by: string }[];
  defaulted: string[];
  dropped: string[];
  missing: string[];
  rejected: string[];
}

/** An assessment as lists carry it: without its result, with the total and tier it gave. */
export interface AssessmentEntry extends Omit<AssessmentRecord, 'result'> {
  total: number | null;
  tier: string | null;
}

/** One line of the append-only audit log. */
export interface AuditEntry {
  at: string;
  /** Name of the token holder ("seed" for first-start seeding, "anonymous" without a valid token). */
  actor: string;
  role: Role | 'system' | 'anonymous';
  /** What was done, e.g. rubric.publish, assessment.submit, access.refused. */
  action: string;
  /** What it was done to, e.g. rubric:appendix-c@1.0.0, assessment:<uuid>, route:GET /api/audit. */
  target: string;
  rubric?: RubricStamp;
  /** The record's revision after the change. */
  revision?: number;
  /** Why an attempt was refused (access.* entries). */
  reason?: string;
  /** The caller's address (access.* entries). */
  ip?: string;
}

/** An audit entry before the storage stamps it with the time of the write. */
export type AuditDraft = Omit<AuditEntry, 'at'>;

/** Filters of the assessment list; every one given must match. */
export interface AssessmentFilter {
  communityIds?: string[];
  rubricId?: string;
  version?: string;
  year?: number;
  kind?: PeriodKind;
  tier?: string;
  status?: AssessmentStatus;
}

/** One page of a list: at most `limit` entries after the first `offset`. */
export interface Page {
  limit: number;
  offset: number;
}

/** A page of assessments, and how many the filter matches in all. */
export interface AssessmentPage {
  total: number;
  entries: AssessmentEntry[];
}

/** A record as it is inserted: the storage gives it revision 1. */
export type NewRecord<T extends { revision: number }> = Omit<T, 'revision'>;

/**
 * A change to one record: what it becomes, and its audit entry. `change` receives a copy of the
 * latest record and may throw a ServerError to refuse; the storage sets the new revision.
 */
export interface RecordChange<T> {
  /** The revision the caller read (If-Match); a different latest revision refuses the change with STALE_REVISION. */
  ifRevision?: number;
  change: (current: T) => T;
  audit: (next: T) => AuditDraft;
}

/**
 * The server's persistence. Every change is one step: validated (its callbacks), stored and
 * audited together, or not at all; a failed write leaves memory and file as they were.
 * Inserts start at revision 1 and every change raises it by one.
 * Records returned are shared with the store: treat them as read-only.
 */
export interface Storage {
  /** Where the data lives, for log messages. */
  readonly location: string;
  /** True when this open created the store, i.e. the first start (seeding happens then). */
  readonly created: boolean;

  listRubricVersions(): Promise<RubricVersionRecord[]>;
  getRubricVersion(id: string, version: string): Promise<RubricVersionRecord | undefined>;
  /** @throws ServerError ALREADY_EXISTS */
  insertRubricVersion(record: NewRecord<RubricVersionRecord>, audit: AuditDraft): Promise<RubricVersionRecord>;
  /** @throws ServerError NOT_FOUND, STALE_REVISION, or what `change` throws */
  updateRubricVersion(id: string, version: string, change: RecordChange<RubricVersionRecord>): Promise<RubricVersionRecord>;
  /** @throws ServerError NOT_FOUND, STALE_REVISION, or what `check` throws */
  deleteRubricVersion(id: string, version: string, check: (current: RubricVersionRecord) => void, audit: AuditDraft, ifRevision?: number): Promise<void>;

  listCommunities(): Promise<CommunityRecord[]>;
  getCommunity(id: string): Promise<CommunityRecord | undefined>;
  /** @throws ServerError ALREADY_EXISTS */
  insertCommunity(record: NewRecord<CommunityRecord>, audit: AuditDraft): Promise<CommunityRecord>;
  /** @throws ServerError NOT_FOUND, STALE_REVISION, or what `change` throws */
  updateCommunity(id: string, change: RecordChange<CommunityRecord>): Promise<CommunityRecord>;

  listAssessments(filter?: AssessmentFilter): Promise<AssessmentEntry[]>;
  /**
   * One page of the assessments `filter` names, the most recently changed first (updatedAt
   * descending, then id): what people browse, however many are stored. Only the page is read.
   */
  pageAssessments(filter: AssessmentFilter, page: Page): Promise<AssessmentPage>;
  getAssessment(id: string): Promise<AssessmentRecord | undefined>;
  /** @throws ServerError ALREADY_EXISTS */
  insertAssessment(record: NewRecord<AssessmentRecord>, audit: AuditDraft): Promise<AssessmentRecord>;
  /** @throws ServerError NOT_FOUND, STALE_REVISION, or what `change` throws */
  updateAssessment(id: string, change: RecordChange<AssessmentRecord>): Promise<AssessmentRecord>;
  /**
   * The assessments `filter` names, each with its result, in list order, read one at a time
   * (a cursor in PostgreSQL, one result file at a time with lowdb): memory stays flat however
   * many there are. Comparisons read submitted results this way.
   */
  streamAssessments(filter?: AssessmentFilter): AsyncIterable<AssessmentRecord>;
  /**
   * The same assessments as list entries, without results, read the same way: for readers that
   * need only inputs and figures (impact, missing inputs) of many assessments.
   */
  streamAssessmentEntries(filter?: AssessmentFilter): AsyncIterable<AssessmentEntry>;

  /** The audit log, oldest first; only its last `last` entries when given. */
  listAudit(last?: number): Promise<AuditEntry[]>;
  /** The whole audit log, oldest first, read as `streamAssessments` reads: it only ever grows. */
  streamAudit(): AsyncIterable<AuditEntry>;
  /** An audit entry that goes with no record change (refused attempts). */
  appendAudit(entry: AuditDraft): Promise<void>;

  /** Waits for pending writes, then releases the data directory (lowdb) or ends the connection pool (PostgreSQL). */
  close(): Promise<void>;
}
