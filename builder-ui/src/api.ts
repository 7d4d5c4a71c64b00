/**
 * The HTTP client of the builder UI: one function per route of the API contract, the bearer
 * token from localStorage, and every error turned into an ApiError (message + field details),
 * never shown as raw JSON. Every write of a stored record sends the revision the UI last read
 * (`If-Match: "<revision>"`), so a change someone else saved meanwhile is refused (409
 * STALE_REVISION), never silently overwritten.
 */
import type { CommunityRecord, Period, RubricVersionRecord } from '../../server/storage/types.ts';
import type {
  AssessmentForm,
  AssessmentInputs,
  DeploymentProfile,
  InputValues,
  ImpactFilter,
  ImpactReport,
  Issue,
  Language,
  LiveScore,
  Localized,
  RubricDiff,
  RubricDocument,
  RubricStatus,
  ScoreResult,
  TestReport,
  ValidationReport,
} from '../../engine/browser.ts';
import { API_PATHS, type AssessmentListQuery } from './api-paths.ts';
import { takeEarlyResponse } from './early-requests.ts';
import { pageLanguage, said, message as words } from './i18n/message.ts';
import { storedToken } from './stored.ts';


export type Role = 'editor' | 'assessor' | 'viewer';
export type { PeriodKind, Period } from '../../server/storage/types.ts';
export type { AssessmentListQuery } from './api-paths.ts';

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

/** A record as the API returns it: with the revision to send back in If-Match when changing it. */
export type Revisioned<T> = T & {
  /** 1 when created, +1 on every change; also the record's ETag. */
  revision: number;
};

/** A stored rubric version with its document (the server's record, one definition). */
export type VersionRecord = Revisioned<RubricVersionRecord>;

/** A community (the deployment's subject) as the API takes it, with the profile's attributes as fields; the server adds its timestamps and revision. */
export type Community = Omit<CommunityRecord, 'createdAt' | 'updatedAt' | 'revision'> & Record<string, unknown>;

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
  /** The version in force on the day assessed, and the reason given when another was used; null on records made before versions had effective dates. */
  versionChoice?: { inForce: string | null; reason: string | null } | null;
}

/** One assessment with its inputs and, once submitted, its frozen result. */
export interface Assessment extends AssessmentSummary {
  inputs: InputValues;
  notApplicable?: Record<string, string>;
  result: ScoreResult | null;
  rubricHash: string | null;
  submittedAt: string | null;
  /** 1 when created, +1 on every change; also the record's ETag. */
  revision: number;
}

/** Who the token belongs to, and whether the server still accepts the published local tokens. */
export interface Me {
  role: Role;
  actor?: string;
  defaultTokens?: boolean;
}

/** What signing in reads: who the token is, and the deployment profile every screen names things by. */
export interface Session {
  me: Me;
  deployment: DeploymentProfile;
}

/** GET /api/health: public, no token. */
export interface Health {
  status: 'ok';
  defaultTokens: boolean;
}

/** An error from the server (or the network), with the fields it concerns. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Issue[];
  /** For STALE_REVISION: the record's current revision (its ETag), when the server said it. */
  readonly revision: number | null;
  /** The message in both languages, when the server gave them (`message` is its English). */
  readonly text: Localized | undefined;

  constructor(status: number, code: string, message: string, details: Issue[] = [], revision: number | null = null, text?: Localized) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.revision = revision;
    this.text = text;
  }
}

/** True for the refusal of a write based on a revision someone else has changed since. */
export const isStale = (error: unknown): error is ApiError => error instanceof ApiError && error.code === 'STALE_REVISION';

/** The revision in an ETag header: `"7"` (or weak `W/"7"`) → 7; anything else → null. */
export function revisionOfEtag(etag: string | null): number | null {
  const match = etag ? /^(?:W\/)?"(\d+)"$/.exec(etag.trim()) : null;
  return match ? Number(match[1]) : null;
}

/** The If-Match header for a revision; none when it is unknown (the server then answers 428). */
const ifMatch = (revision: number | undefined): Record<string, string> => (typeof revision === 'number' ? { 'if-match': `"${revision}"` } : {});

/** The documented local tokens (README), offered on the sign-in screen. */
export const LOCAL_TOKENS: { role: Role; token: string }[] = [
  { role: 'editor', token: 'editor-local-token' },
  { role: 'assessor', token: 'assessor-local-token' },
  { role: 'viewer', token: 'viewer-local-token' },
];

/**
 * Turns any error body into an ApiError; a body that is not the catalogue shape still gives a
 * sentence. The current revision of a STALE_REVISION comes from the ETag, else from its detail.
 */
function toApiError(status: number, body: unknown, statusText: string, etag: string | null = null): ApiError {
  if (body && typeof body === 'object') {
    const b = body as { code?: unknown; message?: unknown; details?: unknown; text?: unknown };
    const details = Array.isArray(b.details)
      ? b.details.filter((d): d is Issue => !!d && typeof d === 'object' && typeof (d as Issue).message === 'string').map((d) => ({ path: String(d.path ?? ''), message: d.message, ...(bilingual(d.text) && { text: d.text }) }))
      : [];
    const message = typeof b.message === 'string' && b.message ? b.message : `${status} ${statusText}`;
    const stated = details.find((d) => d.path === '/revision')?.message.match(/current revision is (\d+)/);
    const revision = revisionOfEtag(etag) ?? (stated ? Number(stated[1]) : null);
    return new ApiError(status, typeof b.code === 'string' ? b.code : `HTTP_${status}`, message, details, revision, bilingual(b.text) ? b.text : undefined);
  }
  return new ApiError(status, `HTTP_${status}`, words('error.status', 'en', { status, statusText }), [], revisionOfEtag(etag), {
    zh: words('error.status', 'zh', { status, statusText }),
    en: words('error.status', 'en', { status, statusText }),
  });
}

/** A `{ zh, en }` pair of strings as the server sends one. */
function bilingual(value: unknown): value is Localized {
  return !!value && typeof value === 'object' && typeof (value as Localized).zh === 'string' && typeof (value as Localized).en === 'string';
}

/** The client's own refusal when the server cannot be reached, in both languages. */
function networkError(): ApiError {
  return new ApiError(0, 'NETWORK', words('error.network', 'en'), [], null, { zh: words('error.network', 'zh'), en: words('error.network', 'en') });
}

interface RequestOptions {
  body?: unknown;
  /** The bearer token; null sends none (public routes). */
  token?: string | null;
  /** The revision the change is based on, sent as If-Match. */
  revision?: number;
  /** A file sent as it is (an upload), with its content type, instead of a JSON body. */
  file?: { content: Blob; type: string };
}

/** What `send` read: the parsed body, the record's revision (ETag) and the headers a route adds (X-Total-Count). */
interface Answer<T> {
  body: T;
  etag: string | null;
  headers: Headers;
}

async function send<T>(method: string, path: string, { body, token = storedToken(), revision, file }: RequestOptions = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...ifMatch(revision) };
  if (token) headers.authorization = `Bearer ${token}`;
  if (file) headers['content-type'] = file.type;
  else if (body !== undefined) headers['content-type'] = 'application/json';
  const ask = (): Promise<Response> => fetch(path, { method, headers, body: file ? file.content : body === undefined ? undefined : JSON.stringify(body) });
  // A GET the page's inline script already asked is taken from it (early-requests.ts); if that one failed, asked again.
  const early = method === 'GET' ? takeEarlyResponse(path, token) : undefined;
  let response: Response;
  try {
    response = await (early ? early.catch(ask) : ask());
  } catch {
    throw networkError();
  }
  const etag = response.headers.get('etag');
  if (response.status === 204) return { body: undefined as T, etag, headers: response.headers };
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) throw toApiError(response.status, parsed, response.statusText, etag);
  return { body: parsed as T, etag, headers: response.headers };
}

async function request<T>(method: string, path: string, body?: unknown, token?: string | null): Promise<T> {
  return (await send<T>(method, path, { body, ...(token !== undefined && { token }) })).body;
}

/** One record read or written: its revision from the body, or else from the ETag. */
async function requestRecord<T extends object>(method: string, path: string, options: RequestOptions = {}): Promise<Revisioned<T>> {
  const { body, etag } = await send<T & { revision?: unknown }>(method, path, options);
  if (typeof body.revision === 'number') return body as Revisioned<T>;
  const revision = revisionOfEtag(etag);
  return (revision === null ? body : { ...body, revision }) as Revisioned<T>;
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
    throw networkError();
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

/** One page of the assessment list and how many match its filters across all pages. */
export interface AssessmentPage {
  entries: AssessmentSummary[];
  total: number;
}

/**
 * The X-Total-Count of a list page. A server without paging sends none and answers with the whole
 * list whatever the limit: then what came, after the skipped, is all there is.
 */
function totalCount(headers: Headers, query: AssessmentListQuery, received: number): number {
  const stated = headers.get('x-total-count');
  const total = stated === null ? Number.NaN : Number(stated);
  return Number.isSafeInteger(total) && total >= 0 ? total : (query.offset ?? 0) + received;
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
  me: (token?: string) => request<Me>('GET', API_PATHS.me, undefined, token),
  /** The token's role and the deployment profile, asked together once at sign-in. */
  session: async (token: string): Promise<Session> => {
    const [me, deployment] = await Promise.all([request<Me>('GET', API_PATHS.me, undefined, token), request<DeploymentProfile>('GET', API_PATHS.deployment, undefined, token)]);
    return { me, deployment };
  },
  health: () => request<Health>('GET', '/api/health', undefined, null),

  listRubrics: () => request<RubricSummary[]>('GET', '/api/rubrics'),
  getVersion: (id: string, version: string) => requestRecord<RubricVersionRecord>('GET', versionPath(id, version)),
  getForm: (id: string, version: string, lang: Language) => request<AssessmentForm>('GET', `${versionPath(id, version)}/form?lang=${lang}`),
  createVersion: (id: string, version: string, copyFrom?: string) =>
    requestRecord<RubricVersionRecord>('POST', `/api/rubrics/${enc(id)}/versions`, { body: { version, ...(copyFrom && { copyFrom: { version: copyFrom } }) } }),
  /** Saves a draft over `revision`, the one its document was read at (409 STALE_REVISION if someone saved since). */
  saveVersion: (id: string, version: string, document: RubricDocument, revision: number | undefined) =>
    requestRecord<RubricVersionRecord>('PUT', versionPath(id, version), { body: { document }, revision }),
  deleteVersion: (id: string, version: string, revision: number | undefined) => send<void>('DELETE', versionPath(id, version), { revision }).then(() => undefined),
  testVersion: (id: string, version: string) => request<TestReport>('POST', `${versionPath(id, version)}/test`, {}),
  /** Which inputs of the saved version the stored submitted assessments lack, after its input mapping. */
  missingInputs: (id: string, version: string) => request<MissingInputs>('GET', `${versionPath(id, version)}/missing-inputs`),
  publishVersion: (id: string, version: string, changelog: string, revision: number | undefined) =>
    requestRecord<RubricVersionRecord>('POST', `${versionPath(id, version)}/publish`, { body: { changelog }, revision }),

  scoreVersion: (id: string, version: string, assessment: AssessmentInputs, partial: boolean) =>
    request<ScoreResult>('POST', `${versionPath(id, version)}/score`, { ...assessment, partial }),
  /** The live score of answers being filled in: points so far, reachable range, next tier, questions not needed. */
  liveScore: (id: string, version: string, assessment: AssessmentInputs) => request<LiveScore>('POST', `${versionPath(id, version)}/live-score`, assessment),

  previewValidate: (document: RubricDocument) => request<ValidationReport>('POST', '/api/preview/validate', { document }),
  previewForm: (document: RubricDocument, lang: Language) => request<AssessmentForm>('POST', '/api/preview/form', { document, lang }),
  previewScore: (document: RubricDocument, assessment: AssessmentInputs, partial: boolean) =>
    request<ScoreResult>('POST', '/api/preview/score', { document, ...assessment, partial }),

  diffVersions: (id: string, from: string, to: string) => request<RubricDiff>('GET', `/api/rubrics/${enc(id)}/diff?from=${enc(from)}&to=${enc(to)}`),
  impact: (body: ImpactRequest) => request<ImpactReport>('POST', '/api/impact', body),
  impactFile: (body: ImpactRequest, format: ExportFormat, lang: Language) => requestFile('POST', `/api/impact?format=${format}&lang=${lang}`, body),

  listCommunities: () => request<Community[]>('GET', API_PATHS.communities),
  createCommunity: (community: Community) => request<Community>('POST', '/api/communities', community),

  /** A page of assessments matching the filters, most recently changed first, with the total across pages. */
  listAssessments: async (query: AssessmentListQuery = {}): Promise<AssessmentPage> => {
    const { body, headers } = await send<AssessmentSummary[]>('GET', API_PATHS.assessments(query));
    return { entries: body, total: totalCount(headers, query, body.length) };
  },
  getAssessment: (id: string) => requestRecord<Assessment>('GET', API_PATHS.assessment(id)),
  /** The form of the assessment's rubric version, asked without knowing the version (beside the assessment itself). */
  getAssessmentForm: (id: string, lang: Language) => request<AssessmentForm>('GET', API_PATHS.assessmentForm(id, lang)),
  inForce: (id: string, date: string) => request<{ date: string; version: string | null }>('GET', `/api/rubrics/${enc(id)}/in-force?date=${enc(date)}`),
  createAssessment: (body: { communityId: string; rubric: { id: string; version: string }; period: Period; assessor: string; assessedOn?: string; versionReason?: string } & AssessmentInputs) =>
    requestRecord<Assessment>('POST', '/api/assessments', { body }),
  /** Saves a draft assessment over `revision` (409 STALE_REVISION if someone saved since). */
  saveAssessment: (id: string, body: AssessmentInputs, revision: number | undefined) => requestRecord<Assessment>('PUT', `/api/assessments/${enc(id)}`, { body, revision }),
  submitAssessment: (id: string, revision: number | undefined) => requestRecord<Assessment>('POST', `/api/assessments/${enc(id)}/submit`, { body: {}, revision }),
  /** Starts the next assessment of the community from a submitted one (assessors): the new draft, with `carriedFrom`. */
  carryForward: (id: string, body: { period: Period; assessor: string; rubric?: { id: string; version: string } }) =>
    requestRecord<AssessmentWithSupplements>('POST', `/api/assessments/${enc(id)}/carry-forward`, { body }),
  /** Records (or replaces) the answer to an input a newer version asks, over `revision` (409 STALE_REVISION if changed since). */
  saveSupplement: (id: string, input: string, body: { value: InputValues[string]; version: string; source: string }, revision: number | undefined) =>
    requestRecord<AssessmentWithSupplements>('PUT', `/api/assessments/${enc(id)}/supplements/${enc(input)}`, { body, revision }),
  /** Removes a supplementary answer, over `revision`. */
  removeSupplement: (id: string, input: string, revision: number | undefined) =>
    requestRecord<AssessmentWithSupplements>('DELETE', `/api/assessments/${enc(id)}/supplements/${enc(input)}`, { revision }),
  /** Scores a submitted assessment (with its supplements) under another version; nothing stored changes. */
  rescoreAssessment: (id: string, rubric: { id: string; version: string }) => request<RescoreReport>('POST', `/api/assessments/${enc(id)}/rescore`, { rubric }),
  /** Uploads supplementary answers from a CSV or XLSX file; one bad row and nothing is stored (400/422 with one detail per row). */
  uploadSupplements: async (rubric: string, version: string, file: File): Promise<SupplementUploadResult> => {
    const type = /\.xlsx$/i.test(file.name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
    return (await send<SupplementUploadResult>('POST', `/api/supplements?rubric=${enc(rubric)}&version=${enc(version)}`, { file: { content: file, type } })).body;
  },
};

/** A sentence for any caught error: ApiError messages as they are, anything else generically. */
/** An error as a sentence in the page language (the server's both-language text when it gave one). */
export function errorMessage(error: unknown, lang: Language = pageLanguage()): string {
  if (error instanceof ApiError) return said(error, lang);
  if (error instanceof Error) return error.message;
  return words('error.generic', lang);
}

export type { CarriedFrom, Supplement } from '../../server/storage/types.ts';

/** An assessment with what may come after it: answers supplied later, and where a carried-forward draft came from. */
export type AssessmentWithSupplements = Assessment & {
  supplements?: Record<string, import('../../server/storage/types.ts').Supplement>;
  carriedFrom?: import('../../server/storage/types.ts').CarriedFrom;
};

/** POST /api/assessments/{id}/rescore: the stored result and the result under another version. */
export interface RescoreReport {
  stored: ScoreResult;
  rescored: ScoreResult;
  /** How the version read the stored inputs; `supplied` lists the inputs taken from supplements. */
  mapping: { mapping?: string; fromVersion?: string; renamed: { to: string; from: string }[]; defaulted: string[]; dropped: string[]; missing: string[]; supplied: string[] };
  invalid: Issue[];
  droppedNotApplicable: string[];
  notAssessed: { criterion: string; missing?: string[] }[];
}

/** POST /api/supplements: how many rows were stored, on how many assessments. */
export interface SupplementUploadResult {
  stored: number;
  assessments?: number;
}

/** GET .../missing-inputs: per input of the version, how many stored submitted assessments lack it. */
export type MissingInputs = import('../../engine/browser.ts').MissingInputsReport;
