/**
 * The HTTP client of the builder UI: one function per route of the API contract, the bearer
 * token from localStorage, and every error turned into an ApiError (message + field details),
 * never shown as raw JSON.
 */
import type { RubricDiff } from '../../engine/diff.ts';
import type { CommunityRecord, Period, RubricVersionRecord } from '../../server/storage/types.ts';
import type {
  AssessmentForm,
  AssessmentInputs,
  InputValues,
  ImpactFilter,
  ImpactReport,
  Issue,
  Language,
  RubricDocument,
  RubricStatus,
  ScoreResult,
  TestReport,
  ValidationReport,
} from '../../engine/types.ts';

export type Role = 'editor' | 'assessor' | 'viewer';
export type { PeriodKind, Period } from '../../server/storage/types.ts';

/** One version in the rubric list. */
export interface VersionSummary {
  version: string;
  status: RubricStatus;
  hash: string;
  title: { zh?: string; en?: string };
  updatedAt: string;
}

/** A rubric with its versions, as GET /api/rubrics lists it. */
export interface RubricSummary {
  id: string;
  title: { zh?: string; en?: string };
  versions: VersionSummary[];
}

/** A stored rubric version with its document (the server's record, one definition). */
export type VersionRecord = RubricVersionRecord;

/** A community as the API takes it; the server adds its timestamps. */
export type Community = Omit<CommunityRecord, 'createdAt' | 'updatedAt'>;

/** An assessment as listed. */
export interface AssessmentSummary {
  id: string;
  communityId: string;
  rubric: { id: string; version: string };
  period: Period;
  assessor: string;
  status: 'draft' | 'submitted';
  total: number | null;
  tier: string | null;
  updatedAt: string;
}

/** One assessment with its inputs and, once submitted, its frozen result. */
export interface Assessment extends AssessmentSummary {
  inputs: InputValues;
  notApplicable?: Record<string, string>;
  result: ScoreResult | null;
  rubricHash: string | null;
  submittedAt: string | null;
}

/** An error from the server (or the network), with the fields it concerns. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Issue[];

  constructor(status: number, code: string, message: string, details: Issue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

const TOKEN_KEY = 'rubric-studio.token';

/** The documented local tokens (README), offered on the sign-in screen. */
export const LOCAL_TOKENS: { role: Role; token: string }[] = [
  { role: 'editor', token: 'editor-local-token' },
  { role: 'assessor', token: 'assessor-local-token' },
  { role: 'viewer', token: 'viewer-local-token' },
];

export function storedToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

/** Turns any error body into an ApiError; a body that is not the catalogue shape still gives a sentence. */
function toApiError(status: number, body: unknown, statusText: string): ApiError {
  if (body && typeof body === 'object') {
    const b = body as { code?: unknown; message?: unknown; details?: unknown };
    const details = Array.isArray(b.details)
      ? b.details.filter((d): d is Issue => !!d && typeof d === 'object' && typeof (d as Issue).message === 'string').map((d) => ({ path: String(d.path ?? ''), message: d.message }))
      : [];
    const message = typeof b.message === 'string' && b.message ? b.message : `${status} ${statusText}`;
    return new ApiError(status, typeof b.code === 'string' ? b.code : `HTTP_${status}`, message, details);
  }
  return new ApiError(status, `HTTP_${status}`, `The server answered ${status} ${statusText}.`);
}

async function request<T>(method: string, path: string, body?: unknown, token = storedToken()): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The server could not be reached. Check that it is running and try again.');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) throw toApiError(response.status, parsed, response.statusText);
  return parsed as T;
}

/** A file from the API (exports): fetched with the bearer token, returned as a Blob for a Blob URL. */
async function requestFile(method: string, path: string, body?: unknown, token = storedToken()): Promise<Blob> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The server could not be reached. Check that it is running and try again.');
  }
  if (!response.ok) {
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    throw toApiError(response.status, parsed, response.statusText);
  }
  return response.blob();
}

/** The two versions an impact analysis compares, and which assessments it covers. */
export interface ImpactRequest {
  base: { id: string; version: string };
  candidate: { id: string; version: string };
  filter?: ImpactFilter;
}

export type ExportFormat = 'csv' | 'xlsx' | 'html';

const enc = encodeURIComponent;
const versionPath = (id: string, version: string): string => `/api/rubrics/${enc(id)}/versions/${enc(version)}`;

export const api = {
  me: (token?: string) => request<{ role: Role }>('GET', '/api/me', undefined, token),

  listRubrics: () => request<RubricSummary[]>('GET', '/api/rubrics'),
  getVersion: (id: string, version: string) => request<VersionRecord>('GET', versionPath(id, version)),
  getForm: (id: string, version: string, lang: Language) => request<AssessmentForm>('GET', `${versionPath(id, version)}/form?lang=${lang}`),
  createVersion: (id: string, version: string, copyFrom?: string) =>
    request<VersionRecord>('POST', `/api/rubrics/${enc(id)}/versions`, { version, ...(copyFrom && { copyFrom: { version: copyFrom } }) }),
  saveVersion: (id: string, version: string, document: RubricDocument) => request<VersionRecord>('PUT', versionPath(id, version), { document }),
  deleteVersion: (id: string, version: string) => request<void>('DELETE', versionPath(id, version)),
  testVersion: (id: string, version: string) => request<TestReport>('POST', `${versionPath(id, version)}/test`, {}),
  publishVersion: (id: string, version: string, changelog: string) => request<VersionRecord>('POST', `${versionPath(id, version)}/publish`, { changelog }),

  scoreVersion: (id: string, version: string, assessment: AssessmentInputs, partial: boolean) =>
    request<ScoreResult>('POST', `${versionPath(id, version)}/score`, { ...assessment, partial }),

  previewValidate: (document: RubricDocument) => request<ValidationReport>('POST', '/api/preview/validate', { document }),
  previewForm: (document: RubricDocument, lang: Language) => request<AssessmentForm>('POST', '/api/preview/form', { document, lang }),
  previewScore: (document: RubricDocument, assessment: AssessmentInputs, partial: boolean) =>
    request<ScoreResult>('POST', '/api/preview/score', { document, ...assessment, partial }),

  diffVersions: (id: string, from: string, to: string) => request<RubricDiff>('GET', `/api/rubrics/${enc(id)}/diff?from=${enc(from)}&to=${enc(to)}`),
  impact: (body: ImpactRequest) => request<ImpactReport>('POST', '/api/impact', body),
  impactFile: (body: ImpactRequest, format: ExportFormat, lang: Language) => requestFile('POST', `/api/impact?format=${format}&lang=${lang}`, body),

  listCommunities: () => request<Community[]>('GET', '/api/communities'),
  createCommunity: (community: Community) => request<Community>('POST', '/api/communities', community),

  listAssessments: () => request<AssessmentSummary[]>('GET', '/api/assessments'),
  getAssessment: (id: string) => request<Assessment>('GET', `/api/assessments/${enc(id)}`),
  createAssessment: (body: { communityId: string; rubric: { id: string; version: string }; period: Period; assessor: string } & AssessmentInputs) =>
    request<Assessment>('POST', '/api/assessments', body),
  saveAssessment: (id: string, body: AssessmentInputs) => request<Assessment>('PUT', `/api/assessments/${enc(id)}`, body),
  submitAssessment: (id: string) => request<Assessment>('POST', `/api/assessments/${enc(id)}/submit`, {}),
};

/** A sentence for any caught error: ApiError messages as they are, anything else generically. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
