/** The engine knows no transport: its errors carry no HTTP status and it imports nothing from the server. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ENGINE_ERRORS, RubricStudioError } from '../../engine/index.ts';

const engineDir = fileURLToPath(new URL('../../engine/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.[cm]?[jt]sx?$/.test(entry.name) ? [path] : [];
  });
}

describe("the engine's errors", () => {
  test('every entry of the catalogue says how to fix it, and nothing else (no status, no reason phrase)', () => {
    for (const [code, entry] of Object.entries(ENGINE_ERRORS)) {
      expect(Object.keys(entry), code).toEqual(['howToFix']);
      expect(entry.howToFix, code).not.toBe('');
    }
  });

  test('a RubricStudioError has a code, a message and details, and no status', () => {
    const error = new RubricStudioError('INPUTS_INVALID', 'bad', [{ path: '/inputs/x', message: 'is wrong' }]);
    expect({ code: error.code, message: error.message, details: error.details }).toEqual({ code: 'INPUTS_INVALID', message: 'bad', details: [{ path: '/inputs/x', message: 'is wrong' }] });
    expect(error).not.toHaveProperty('statusCode');
    expect(error).not.toHaveProperty('toBody');
  });

  test('no file in engine/ imports from server/ or builder-ui/', () => {
    const specifier = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;
    const offending = sourceFiles(engineDir).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(specifier)]
        .map((match) => match[1])
        .filter((target) => /(^|\/)(server|builder-ui)\//.test(target))
        .map((target) => `${relative(engineDir, file)} imports ${target}`),
    );
    expect(offending).toEqual([]);
  });
});
