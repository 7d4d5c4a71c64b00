/** Validation as a report (errors and lint warnings), for editors and the CLI: never throws on content. */
import { loadRubric } from '../scoring/compile.ts';
import { RubricStudioError } from '../errors.ts';
import type { ValidationReport } from '../types.ts';

export function validateRubric(source: unknown): ValidationReport {
  try {
    const { warnings } = loadRubric(source);
    return { valid: true, errors: [], warnings };
  } catch (err) {
    if (err instanceof RubricStudioError) return { valid: false, errors: err.details.length ? err.details : [{ path: '', message: err.message }], warnings: [] };
    throw err;
  }
}
