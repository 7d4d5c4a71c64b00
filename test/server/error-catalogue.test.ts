/** The README's error tables are the catalogues, word for word: a new code or a changed fix shows up in both. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CLI_ERRORS, EXIT_CODES } from '../../engine/cli/errors.ts';
import { ENGINE_ERRORS } from '../../engine/index.ts';
import { HTTP_STATUS, howToFix, SERVER_ERRORS } from '../../server/errors.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const fromHtml = (text: string) => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>');

describe('the error catalogues', () => {
  test('every HTTP code is in the README with its status and how to fix it, and the README lists no other', () => {
    const rows = [...readme.matchAll(/^\| `([A-Z0-9_]+)` \| (\d{3}) ([^|]+) \| (.+) \|$/gm)].map(([, code, status, error, fix]) => ({
      code,
      statusCode: Number(status),
      error: error.trim(),
      howToFix: fromHtml(fix),
    }));
    const table = Object.entries(HTTP_STATUS).map(([code, { statusCode, error }]) => ({ code, statusCode, error, howToFix: howToFix(code as keyof typeof HTTP_STATUS) }));
    expect(rows).toEqual(table);
  });

  test('every CLI code is in the README with its exit code and how to fix it', () => {
    const rows = [...readme.matchAll(/^\| `([A-Z0-9_]+)` \| (\d) \| (.+) \|$/gm)].map(([, code, exit, fix]) => ({ code, exitCode: Number(exit), howToFix: fromHtml(fix) }));
    const table = Object.entries(CLI_ERRORS).map(([code, { howToFix }]) => ({ code, exitCode: EXIT_CODES[code as keyof typeof CLI_ERRORS], howToFix }));
    expect(rows).toEqual(table);
  });

  test('the HTTP table maps exactly the engine codes and the server codes, and no code is in both catalogues', () => {
    const engine = Object.keys(ENGINE_ERRORS);
    const server = Object.keys(SERVER_ERRORS);
    expect(engine.filter((code) => server.includes(code))).toEqual([]);
    expect(Object.keys(HTTP_STATUS).sort()).toEqual([...engine, ...server].sort());
  });

  test('the CLI gives an exit code to every engine code and every CLI code', () => {
    expect(Object.keys(EXIT_CODES).sort()).toEqual([...Object.keys(ENGINE_ERRORS), ...Object.keys(CLI_ERRORS)].sort());
  });
});
