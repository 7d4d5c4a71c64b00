/**
 * The engine's error catalogue: every error the engine itself raises (rubric documents, their
 * limits, assessment inputs), with how to fix it. No transport here: the server maps each code
 * to an HTTP status (server/errors.ts), the CLI to an exit code (engine/cli/errors.ts). The
 * README's error tables are generated from the same words; keep them in step.
 */
import { capIssues, IssueList } from './document/issues.ts';
import type { Issue, Localized } from './types.ts';

export interface ErrorEntry {
  /** What the reader does about it, in one or two sentences. */
  howToFix: string;
}

export const ENGINE_ERRORS = {
  RUBRIC_TOO_LARGE: {
    howToFix: 'Split the rubric or remove unused parts; the size limits are listed in the README.',
  },
  RUBRIC_TOO_DEEP: {
    howToFix: 'Flatten nested conditions or groups; the nesting limit is listed in the README.',
  },
  RUBRIC_NOT_JSON: {
    howToFix: 'Send a JSON object; check the syntax near the position given.',
  },
  RUBRIC_INVALID: {
    howToFix: 'Correct each field named in details; every entry gives the JSON pointer and the fix.',
  },
  INPUTS_INVALID: {
    howToFix: 'Correct each input named in details (type, bounds, allowed options), then submit again.',
  },
  INPUTS_INCOMPLETE: {
    howToFix: 'Fill in every required input named in details, or save the assessment as a draft.',
  },
  IMPACT_FILTER_INVALID: {
    howToFix: 'Filter by the attributes of the deployment profile listed in details (GET /api/deployment, or the --deployment file), or leave the filter out.',
  },
} as const satisfies Record<string, ErrorEntry>;

export type EngineErrorCode = keyof typeof ENGINE_ERRORS;

/**
 * An error with a catalogued code and the fields (JSON pointers) it concerns: at most
 * MAX_REPORTED_ISSUES of them and one entry counting the rest (engine/document/issues.ts). The
 * engine, the server and the CLI each raise the codes of their own catalogue through a subclass.
 */
export class CataloguedError<Code extends string> extends Error {
  readonly code: Code;
  readonly details: Issue[];
  /** The message in Chinese and English, when it was given in both (engine/document/messages.ts); `message` is its English text. */
  readonly text?: Required<Localized>;

  constructor(code: Code, message: string | Required<Localized>, details: Issue[] | IssueList = []) {
    super(typeof message === 'string' ? message : message.en);
    this.name = new.target.name;
    this.code = code;
    if (typeof message !== 'string') this.text = message;
    this.details = details instanceof IssueList ? details.toArray() : capIssues(details);
  }
}

/** An error of the engine's catalogue. */
export class RubricStudioError extends CataloguedError<EngineErrorCode> {}
