/** The real rubric documents the UI model tests read, fresh per call (tests may edit them). */
import { readFileSync } from 'node:fs';
import type { RubricDocument } from '../../engine/browser.ts';

const read = (relative: string): RubricDocument => JSON.parse(readFileSync(new URL(`../../${relative}`, import.meta.url), 'utf8')) as RubricDocument;

/** examples/appendix-c: the standard's Appendix C (booleans, counts, choices, a series, optional requirement inputs). */
export const appendixC = (): RubricDocument => read('examples/appendix-c/rubric.json');
/** examples/venue-accessibility: bonus criteria (parent), not-applicable criteria, tier gates. */
export const venueAccessibility = (): RubricDocument => read('examples/venue-accessibility/rubric.json');
/** One input of each type the format has. */
export const everyInputType = (): RubricDocument => read('test/security/fixtures/every-input-type.json');

/** Freezes a value and everything inside it, so an edit that mutates its argument throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
