/** The README's error table is the catalogue, word for word: a new code or a changed fix shows up in both. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ERROR_CATALOGUE } from '../../engine/index.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the error catalogue', () => {
  test('every code is in the README with its status and how to fix it, and the README lists no other', () => {
    const rows = [...readme.matchAll(/^\| `([A-Z0-9_]+)` \| (\d{3}) ([^|]+) \| (.+) \|$/gm)].map(([, code, status, error, howToFix]) => ({
      code,
      statusCode: Number(status),
      error: error.trim(),
      howToFix: howToFix.replaceAll('&lt;', '<').replaceAll('&gt;', '>'),
    }));
    const catalogue = Object.entries(ERROR_CATALOGUE).map(([code, entry]) => ({ code, statusCode: entry.statusCode, error: entry.error, howToFix: entry.howToFix }));
    expect(rows).toEqual(catalogue);
  });
});
