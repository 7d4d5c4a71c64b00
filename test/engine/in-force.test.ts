/** Versions by effective date: which one a new assessment uses on a day, and dates the document check refuses. */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { type DatedVersion, type RubricDocument, validateRubric, versionInForce } from '../../engine/index.ts';

const versions: DatedVersion[] = [
  { version: '1.0.0', status: 'published', effectiveDate: '2024-01-01', effectiveUntil: '2024-12-31' },
  { version: '1.1.0', status: 'published', effectiveDate: '2025-01-01' },
  { version: '1.2.0', status: 'published', effectiveDate: '2025-01-01' },
  { version: '2.0.0', status: 'draft', effectiveDate: '2025-06-01' },
  { version: '0.9.0', status: 'retired', effectiveDate: '2023-01-01' },
];
const on = (day: string) => versionInForce(versions, day)?.version ?? null;

test('the published version that took effect last, the higher number on the same day; drafts and retired ones never', () => {
  expect(on('2023-06-01')).toBeNull();
  expect(on('2024-01-01')).toBe('1.0.0');
  expect(on('2024-12-31')).toBe('1.0.0');
  expect(on('2025-01-01')).toBe('1.2.0');
  expect(on('2026-11-30')).toBe('1.2.0');
  // Nothing in force between an end and a later start.
  expect(versionInForce([versions[0]], '2025-01-01')).toBeNull();
});

test('effective dates are real days, and a version does not end before it starts', () => {
  const doc = JSON.parse(readFileSync(new URL('../../examples/venue-accessibility/rubric.json', import.meta.url), 'utf8')) as RubricDocument;
  expect(validateRubric({ ...doc, effectiveUntil: '2026-12-31' }).errors).toEqual([]);
  expect(validateRubric({ ...doc, effectiveDate: '2025-02-30' }).errors).toMatchObject([{ path: '/effectiveDate', message: expect.stringContaining('not a day of the calendar') }]);
  expect(validateRubric({ ...doc, effectiveUntil: '2020-01-01' }).errors).toMatchObject([{ path: '/effectiveUntil', message: expect.stringContaining('before it starts') }]);
});
