/**
 * The error catalogue: every error the product reports (engine, CLI, HTTP) has a code here,
 * with its HTTP status and how to fix it. The README's error table is generated from the same
 * words; keep them in step.
 */
import { capIssues, IssueList } from './document/issues.ts';
import type { Issue } from './types.ts';

export interface ErrorEntry {
  statusCode: number;
  error: string;
  howToFix: string;
}

export const ERROR_CATALOGUE = {
  RUBRIC_TOO_LARGE: {
    statusCode: 413,
    error: 'Payload Too Large',
    howToFix: 'Split the rubric or remove unused parts; the size limits are listed in the README.',
  },
  RUBRIC_TOO_DEEP: {
    statusCode: 400,
    error: 'Bad Request',
    howToFix: 'Flatten nested conditions or groups; the nesting limit is listed in the README.',
  },
  RUBRIC_NOT_JSON: {
    statusCode: 400,
    error: 'Bad Request',
    howToFix: 'Send a JSON object; check the syntax near the position given.',
  },
  RUBRIC_INVALID: {
    statusCode: 422,
    error: 'Unprocessable Entity',
    howToFix: 'Correct each field named in details; every entry gives the JSON pointer and the fix.',
  },
  INPUTS_INVALID: {
    statusCode: 422,
    error: 'Unprocessable Entity',
    howToFix: 'Correct each input named in details (type, bounds, allowed options), then submit again.',
  },
  INPUTS_INCOMPLETE: {
    statusCode: 422,
    error: 'Unprocessable Entity',
    howToFix: 'Fill in every required input named in details, or save the assessment as a draft.',
  },
  RUBRIC_TESTS_FAILED: {
    statusCode: 409,
    error: 'Conflict',
    howToFix: 'Run the rubric tests, fix the rubric or the expected values, then publish again.',
  },
  VALIDATION_FAILED: {
    statusCode: 400,
    error: 'Bad Request',
    howToFix: 'Correct the request fields named in details.',
  },
  BODY_NOT_JSON: {
    statusCode: 400,
    error: 'Bad Request',
    howToFix: 'Send valid JSON with Content-Type: application/json.',
  },
  BODY_TOO_LARGE: {
    statusCode: 413,
    error: 'Payload Too Large',
    howToFix: 'Send a smaller body; the limit is listed in the README.',
  },
  UNAUTHORIZED: {
    statusCode: 401,
    error: 'Unauthorized',
    howToFix: 'Send "Authorization: Bearer <token>" with a token from the tokens file.',
  },
  FORBIDDEN: {
    statusCode: 403,
    error: 'Forbidden',
    howToFix: 'Use a token whose role is allowed to do this (editor for rubrics, assessor for assessments).',
  },
  NOT_FOUND: {
    statusCode: 404,
    error: 'Not Found',
    howToFix: 'Check the id in the URL; list the collection to see what exists.',
  },
  ALREADY_EXISTS: {
    statusCode: 409,
    error: 'Conflict',
    howToFix: 'Choose another id or version, or update the existing one.',
  },
  VERSION_IMMUTABLE: {
    statusCode: 409,
    error: 'Conflict',
    howToFix: 'Published and retired versions never change: create a new draft version from it.',
  },
  STATE_CONFLICT: {
    statusCode: 409,
    error: 'Conflict',
    howToFix: 'The resource is not in a state that allows this action; read it and retry.',
  },
  DATA_DIR_LOCKED: {
    statusCode: 500,
    error: 'Internal Server Error',
    howToFix: 'Another server uses this data directory: stop it, or start with another DATA_DIR.',
  },
  CLI_USAGE: {
    statusCode: 400,
    error: 'Bad Request',
    howToFix: 'Run `npx rubric --help` for the commands and their arguments.',
  },
  FILE_NOT_READABLE: {
    statusCode: 400,
    error: 'Bad Request',
    howToFix: 'Check the file path and that the file exists and is readable.',
  },
  INTERNAL: {
    statusCode: 500,
    error: 'Internal Server Error',
    howToFix: 'An unexpected fault: report it with the request; nothing was stored.',
  },
  BODY_FORBIDDEN_KEY: {
    statusCode: 400,
    error: 'Bad Request',
    howToFix: 'Remove "__proto__" and "constructor.prototype" keys from the body; they are never valid field names.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    statusCode: 415,
    error: 'Unsupported Media Type',
    howToFix: 'Send the body as JSON with "Content-Type: application/json".',
  },
  STALE_REVISION: {
    statusCode: 409,
    error: 'Conflict',
    howToFix: 'Someone changed this record after you read it: read it again (its ETag is the current revision), reapply your change and send it with that revision in If-Match.',
  },
  REVISION_REQUIRED: {
    statusCode: 428,
    error: 'Precondition Required',
    howToFix: 'Send the revision you read: the ETag of the GET response in an If-Match header (or "revision" in the body), so that a change made by someone else is never overwritten.',
  },
  STORAGE_FULL: {
    statusCode: 507,
    error: 'Insufficient Storage',
    howToFix: 'The disk of the data directory is full: free space (or move DATA_DIR to a larger disk) and retry; nothing was stored by this request.',
  },
  STORAGE_READ_ONLY: {
    statusCode: 503,
    error: 'Service Unavailable',
    howToFix: 'The data directory cannot be written (read-only file system or missing permission): make it writable for the server and retry; nothing was stored by this request.',
  },
  BODY_NOT_UTF8: {
    statusCode: 400,
    error: 'Bad Request',
    howToFix: 'Encode the request body as UTF-8 (text in another encoding, or binary data, is refused rather than silently altered).',
  },
  MALFORMED_REQUEST: {
    statusCode: 400,
    error: 'Bad Request',
    howToFix: 'Send a well-formed HTTP/1.1 request; headers together stay under 16 KiB.',
  },
  REQUEST_TIMEOUT: {
    statusCode: 408,
    error: 'Request Timeout',
    howToFix: 'Send the whole request within the time limit listed in the README; a slow or stalled upload is cut off.',
  },
  ASSESSMENT_FROZEN: {
    statusCode: 409,
    error: 'Conflict',
    howToFix: 'A submitted assessment never changes: start a new assessment, or compare versions with POST /api/assessments/{id}/rescore.',
  },
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** The error shape everywhere: HTTP bodies, CLI --json output and thrown engine errors. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  error: string;
  message: string;
  details: Issue[];
}

/**
 * An error from the catalogue, with the fields (JSON pointers) it concerns: at most
 * MAX_REPORTED_ISSUES of them and one entry counting the rest (engine/document/issues.ts), whoever raises it.
 */
export class RubricStudioError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly details: Issue[];

  constructor(code: ErrorCode, message: string, details: Issue[] | IssueList = []) {
    super(message);
    this.name = 'RubricStudioError';
    this.code = code;
    this.statusCode = ERROR_CATALOGUE[code].statusCode;
    this.details = details instanceof IssueList ? details.toArray() : capIssues(details);
  }

  toBody(): ErrorBody {
    return {
      statusCode: this.statusCode,
      code: this.code,
      error: ERROR_CATALOGUE[this.code].error,
      message: this.message,
      details: this.details,
    };
  }
}
