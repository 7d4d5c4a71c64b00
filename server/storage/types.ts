/**
 * What the server stores, in one place: rubric versions, communities, assessments and the audit
 * log, and the Storage interface every backend implements (lowdb is the default).
 */
import type { AssessmentInputs, InputValues, Issue, RubricDocument, RubricStamp, RubricStatus, ScoreResult } from '../../engine/index.ts';

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
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  retiredAt: string | null;
}

/** A residential community (社区) that is assessed. */
export interface CommunityRecord {
  id: string;
  name: string;
  /** The sub-district (街道) the community belongs to. */
  street: string;
  district?: string;
  address?: string;
  contact?: string;
  createdAt: string;
  updatedAt: string;
}

/** Assessment periods per 7.1.2 and 7.2.1: mid-term and final assessments, quarterly monitoring. */
export type PeriodKind = 'mid-term' | 'final' | 'quarterly';

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
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}

/** An assessment as lists carry it: without its result, with the total and tier it gave. */
export interface AssessmentEntry extends Omit<AssessmentRecord, 'result'> {
  total: number | null;
  tier: string | null;
}

/** One line of the append-only audit log. */
export interface AuditEntry {
  at: string;
  /** Name of the token holder (or "seed" for first-start seeding). */
  actor: string;
  role: Role | 'system';
  /** What was done, e.g. rubric.publish, assessment.submit. */
  action: string;
  /** What it was done to, e.g. rubric:appendix-c@1.0.0, assessment:<uuid>. */
  target: string;
  rubric?: RubricStamp;
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

/**
 * The server's persistence. Every change is atomic and carries its audit entry; a `change`
 * callback receives a copy of the current record and may throw a RubricStudioError to refuse.
 * Records returned are shared with the store: treat them as read-only.
 */
export interface Storage {
  /** Where the data lives, for log messages. */
  readonly location: string;
  /** True when this open created the store, i.e. the first start (seeding happens then). */
  readonly created: boolean;

  listRubricVersions(): Promise<RubricVersionRecord[]>;
  getRubricVersion(id: string, version: string): Promise<RubricVersionRecord | undefined>;
  /** @throws RubricStudioError ALREADY_EXISTS */
  insertRubricVersion(record: RubricVersionRecord, audit: AuditDraft): Promise<RubricVersionRecord>;
  /** @throws RubricStudioError NOT_FOUND, or what `change` throws */
  updateRubricVersion(id: string, version: string, change: (current: RubricVersionRecord) => RubricVersionRecord, audit: (next: RubricVersionRecord) => AuditDraft): Promise<RubricVersionRecord>;
  /** @throws RubricStudioError NOT_FOUND, or what `check` throws */
  deleteRubricVersion(id: string, version: string, check: (current: RubricVersionRecord) => void, audit: AuditDraft): Promise<void>;

  listCommunities(): Promise<CommunityRecord[]>;
  getCommunity(id: string): Promise<CommunityRecord | undefined>;
  /** @throws RubricStudioError ALREADY_EXISTS */
  insertCommunity(record: CommunityRecord, audit: AuditDraft): Promise<CommunityRecord>;
  /** @throws RubricStudioError NOT_FOUND, or what `change` throws */
  updateCommunity(id: string, change: (current: CommunityRecord) => CommunityRecord, audit: AuditDraft): Promise<CommunityRecord>;

  listAssessments(filter?: AssessmentFilter): Promise<AssessmentEntry[]>;
  getAssessment(id: string): Promise<AssessmentRecord | undefined>;
  /** @throws RubricStudioError ALREADY_EXISTS */
  insertAssessment(record: AssessmentRecord, audit: AuditDraft): Promise<AssessmentRecord>;
  /** @throws RubricStudioError NOT_FOUND, or what `change` throws */
  updateAssessment(id: string, change: (current: AssessmentRecord) => AssessmentRecord, audit: (next: AssessmentRecord) => AuditDraft): Promise<AssessmentRecord>;

  listAudit(): Promise<AuditEntry[]>;

  /** Waits for pending writes, then releases the data directory. */
  close(): Promise<void>;
}
