/**
 * The server's error catalogue and the HTTP status of every code. The engine's errors carry no
 * status (engine/errors.ts); this is the one table that maps them, and the server's own codes,
 * to HTTP. The README's error table is generated from the same words; keep them in step.
 */
import { CataloguedError, ENGINE_ERRORS, type EngineErrorCode, type ErrorEntry, type Issue, type Localized, type MessageText, RubricStudioError } from '../engine/index.ts';

/** Errors only the server raises: requests, access, stored records. */
export const SERVER_ERRORS = {
  RUBRIC_TESTS_FAILED: {
    howToFix: 'Run the rubric tests, fix the rubric or the expected values, then publish again.',
  },
  VALIDATION_FAILED: {
    howToFix: 'Correct the request fields named in details.',
  },
  BODY_NOT_JSON: {
    howToFix: 'Send valid JSON with Content-Type: application/json.',
  },
  BODY_TOO_LARGE: {
    howToFix: 'Send a smaller body; the limit is listed in the README.',
  },
  UNAUTHORIZED: {
    howToFix: 'Send "Authorization: Bearer <token>" with a token from the tokens file.',
  },
  FORBIDDEN: {
    howToFix: 'Use a token whose role is allowed to do this (editor for rubrics, assessor for assessments).',
  },
  NOT_FOUND: {
    howToFix: 'Check the id in the URL; list the collection to see what exists.',
  },
  ALREADY_EXISTS: {
    howToFix: 'Choose another id or version, or update the existing one.',
  },
  VERSION_IMMUTABLE: {
    howToFix: 'Published and retired versions never change: create a new draft version from it.',
  },
  STATE_CONFLICT: {
    howToFix: 'The resource is not in a state that allows this action; read it and retry.',
  },
  DATA_DIR_LOCKED: {
    howToFix: 'Another server uses this data directory: stop it, or start with another DATA_DIR.',
  },
  INTERNAL: {
    howToFix: 'An unexpected fault: report it with the request; nothing was stored.',
  },
  BODY_FORBIDDEN_KEY: {
    howToFix: 'Remove "__proto__" and "constructor.prototype" keys from the body; they are never valid field names.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    howToFix: 'Send the body as JSON with "Content-Type: application/json".',
  },
  STALE_REVISION: {
    howToFix:
      'Someone changed this record after you read it: read it again (its ETag is the current revision), reapply your change and send it with that revision in If-Match.',
  },
  REVISION_REQUIRED: {
    howToFix:
      'Send the revision you read: the ETag of the GET response in an If-Match header (or "revision" in the body), so that a change made by someone else is never overwritten.',
  },
  STORAGE_FULL: {
    howToFix: 'The disk of the data directory is full: free space (or move DATA_DIR to a larger disk) and retry; nothing was stored by this request.',
  },
  STORAGE_READ_ONLY: {
    howToFix:
      'The data directory cannot be written (read-only file system or missing permission): make it writable for the server and retry; nothing was stored by this request.',
  },
  BODY_NOT_UTF8: {
    howToFix: 'Encode the request body as UTF-8 (text in another encoding, or binary data, is refused rather than silently altered).',
  },
  MALFORMED_REQUEST: {
    howToFix: 'Send a well-formed HTTP/1.1 request; headers together stay under 16 KiB.',
  },
  REQUEST_TIMEOUT: {
    howToFix: 'Send the whole request within the time limit listed in the README; a slow or stalled upload is cut off.',
  },
  ASSESSMENT_FROZEN: {
    howToFix: 'A submitted assessment never changes: start a new assessment, or compare versions with POST /api/assessments/{id}/rescore.',
  },
  DEPLOYMENT_INVALID: {
    howToFix: 'Correct the field of DATA_DIR/deployment.json named in details (README, "The assessed subject and period kinds"), then start the server again; it does not start with a bad profile.',
  },
} as const satisfies Record<string, ErrorEntry>;

export type ServerErrorCode = keyof typeof SERVER_ERRORS;

/** Every code an HTTP answer can carry. */
export type ErrorCode = EngineErrorCode | ServerErrorCode;

export interface HttpStatus {
  statusCode: number;
  /** The reason phrase of statusCode. */
  error: string;
}

/** The HTTP status of every code, the engine's and the server's: a code without one does not type-check. */
export const HTTP_STATUS: Record<ErrorCode, HttpStatus> = {
  RUBRIC_TOO_LARGE: { statusCode: 413, error: 'Payload Too Large' },
  RUBRIC_TOO_DEEP: { statusCode: 400, error: 'Bad Request' },
  RUBRIC_NOT_JSON: { statusCode: 400, error: 'Bad Request' },
  RUBRIC_INVALID: { statusCode: 422, error: 'Unprocessable Entity' },
  INPUTS_INVALID: { statusCode: 422, error: 'Unprocessable Entity' },
  INPUTS_INCOMPLETE: { statusCode: 422, error: 'Unprocessable Entity' },
  IMPACT_FILTER_INVALID: { statusCode: 400, error: 'Bad Request' },
  RUBRIC_TESTS_FAILED: { statusCode: 409, error: 'Conflict' },
  VALIDATION_FAILED: { statusCode: 400, error: 'Bad Request' },
  BODY_NOT_JSON: { statusCode: 400, error: 'Bad Request' },
  BODY_TOO_LARGE: { statusCode: 413, error: 'Payload Too Large' },
  UNAUTHORIZED: { statusCode: 401, error: 'Unauthorized' },
  FORBIDDEN: { statusCode: 403, error: 'Forbidden' },
  NOT_FOUND: { statusCode: 404, error: 'Not Found' },
  ALREADY_EXISTS: { statusCode: 409, error: 'Conflict' },
  VERSION_IMMUTABLE: { statusCode: 409, error: 'Conflict' },
  STATE_CONFLICT: { statusCode: 409, error: 'Conflict' },
  DATA_DIR_LOCKED: { statusCode: 500, error: 'Internal Server Error' },
  INTERNAL: { statusCode: 500, error: 'Internal Server Error' },
  BODY_FORBIDDEN_KEY: { statusCode: 400, error: 'Bad Request' },
  UNSUPPORTED_MEDIA_TYPE: { statusCode: 415, error: 'Unsupported Media Type' },
  STALE_REVISION: { statusCode: 409, error: 'Conflict' },
  REVISION_REQUIRED: { statusCode: 428, error: 'Precondition Required' },
  STORAGE_FULL: { statusCode: 507, error: 'Insufficient Storage' },
  STORAGE_READ_ONLY: { statusCode: 503, error: 'Service Unavailable' },
  BODY_NOT_UTF8: { statusCode: 400, error: 'Bad Request' },
  MALFORMED_REQUEST: { statusCode: 400, error: 'Bad Request' },
  REQUEST_TIMEOUT: { statusCode: 408, error: 'Request Timeout' },
  ASSESSMENT_FROZEN: { statusCode: 409, error: 'Conflict' },
  DEPLOYMENT_INVALID: { statusCode: 500, error: 'Internal Server Error' },
};

/** How to fix every code, the engine's and the server's. */
export function howToFix(code: ErrorCode): string {
  return Object.hasOwn(SERVER_ERRORS, code) ? SERVER_ERRORS[code as ServerErrorCode].howToFix : ENGINE_ERRORS[code as EngineErrorCode].howToFix;
}

/** The error shape of every HTTP answer. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  error: string;
  message: string;
  /** The message in Chinese and English, when the error gives both (the engine's and the server's errors do). */
  text?: Required<Localized>;
  details: Issue[];
}

/** An issue with its message in both languages: every detail of a server error is one. */
export type BilingualIssue = Issue & { text: MessageText };

/**
 * An error of the server's catalogue, with the fields it concerns: at most MAX_REPORTED_ISSUES
 * of them and one entry counting the rest, as the engine's errors. Its message and every detail
 * come from server/messages.ts in Chinese and English, so the types ask for both.
 */
export class ServerError extends CataloguedError<ServerErrorCode> {
  declare readonly text: MessageText;
  declare readonly details: BilingualIssue[];

  constructor(code: ServerErrorCode, message: MessageText, details: BilingualIssue[] = []) {
    super(code, message, details);
  }
}

/** An error of either catalogue: the engine's or the server's. */
export function isCatalogued(err: unknown): err is RubricStudioError | ServerError {
  return err instanceof RubricStudioError || err instanceof ServerError;
}

/** The HTTP answer for `code`; a code missing from the table (never expected) answers as INTERNAL. */
export function errorBody(code: ErrorCode, message: string, details: Issue[] = [], text?: Required<Localized>): ErrorBody {
  const known = Object.hasOwn(HTTP_STATUS, code) ? code : 'INTERNAL';
  const { statusCode, error } = HTTP_STATUS[known];
  return { statusCode, code: known, error, message, ...(text && { text }), details };
}
