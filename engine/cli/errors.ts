/**
 * The CLI's own errors and its exit codes. The engine's errors (engine/errors.ts) reach the CLI
 * too; every code maps to an exit code here, never to an HTTP status. The README's CLI error
 * table is generated from the same words; keep them in step.
 */
import { CataloguedError, type EngineErrorCode, type ErrorEntry, type Issue, type RubricStudioError } from '../index.ts';

export const CLI_ERRORS = {
  CLI_USAGE: {
    howToFix: 'Run `npx rubric --help` for the commands and their arguments.',
  },
  FILE_NOT_READABLE: {
    howToFix: 'Check the file path and that the file exists and is readable.',
  },
  INTERNAL: {
    howToFix: 'An unexpected fault: report it with the command and the files it was given; nothing was written.',
  },
  DEPLOYMENT_INVALID: {
    howToFix: 'Correct the field of the --deployment file named in details (README, "The assessed subject and period kinds"), then run the command again; nothing was written.',
  },
} as const satisfies Record<string, ErrorEntry>;

export type CliErrorCode = keyof typeof CLI_ERRORS;

/** Exit codes: 1 the document, inputs, files or tests failed (or a fault), 2 usage error. */
export const EXIT_CODES: Record<EngineErrorCode | CliErrorCode, 1 | 2> = {
  RUBRIC_TOO_LARGE: 1,
  RUBRIC_TOO_DEEP: 1,
  RUBRIC_NOT_JSON: 1,
  RUBRIC_INVALID: 1,
  INPUTS_INVALID: 1,
  INPUTS_INCOMPLETE: 1,
  IMPACT_FILTER_INVALID: 2,
  CLI_USAGE: 2,
  FILE_NOT_READABLE: 1,
  INTERNAL: 1,
  DEPLOYMENT_INVALID: 1,
};

/** An error of the CLI's catalogue (a file it cannot read, an unexpected fault). */
export class CliError extends CataloguedError<CliErrorCode> {}

/** The --json error output: the HTTP API's error body without its HTTP fields. */
export interface CliErrorBody {
  code: EngineErrorCode | CliErrorCode;
  message: string;
  details: Issue[];
}

/** The --json body of an engine or CLI error. */
export function cliErrorBody(err: RubricStudioError | CliError): CliErrorBody {
  return { code: err.code, message: err.message, details: err.details };
}
