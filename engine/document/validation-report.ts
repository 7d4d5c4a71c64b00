/** Validation as a report (errors and lint warnings), for editors and the CLI: never throws on content. */
import { loadRubric } from '../scoring/compile.ts';
import { RubricStudioError } from '../errors.ts';
import { issue } from './issues.ts';
import type { ValidationReport } from '../types.ts';

export function validateRubric(source: unknown): ValidationReport {
  try {
    const { warnings } = loadRubric(source);
    return { valid: true, errors: [], warnings };
  } catch (err) {
    if (err instanceof RubricStudioError) {
      const whole = err.text ? issue('', err.text) : { path: '', message: err.message };
      return { valid: false, errors: err.details.length ? err.details : [whole], warnings: [] };
    }
    throw err;
  }
}
