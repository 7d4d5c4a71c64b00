import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LOCAL_TOKENS, resolveTokens } from '../../server/tokens.ts';
import { freshDataDir } from './harness.ts';

describe('tokens', () => {
  test('the first start writes the documented local tokens to DATA_DIR/tokens.json, readable by its owner only', () => {
    const dataDir = freshDataDir();
    const { grants, source } = resolveTokens(dataDir, {});
    expect(source).toBe(join(dataDir, 'tokens.json'));
    expect(grants).toEqual(LOCAL_TOKENS);
    expect(statSync(source).mode & 0o077).toBe(0);
  });

  test('an edited tokens file replaces the defaults', () => {
    const dataDir = freshDataDir();
    writeFileSync(join(dataDir, 'tokens.json'), JSON.stringify({ tokens: [{ token: 'a-long-secret-token', role: 'viewer', name: 'Ms Wang' }] }));
    expect(resolveTokens(dataDir, {}).grants).toEqual([{ token: 'a-long-secret-token', role: 'viewer', name: 'Ms Wang' }]);
  });

  test('RUBRIC_TOKENS wins over any file', () => {
    const { grants, source } = resolveTokens(freshDataDir(), { RUBRIC_TOKENS: 'editor-secret-123:editor:Mr Zhao, viewer-secret-456:viewer' });
    expect(source).toBe('RUBRIC_TOKENS');
    expect(grants).toEqual([
      { token: 'editor-secret-123', role: 'editor', name: 'Mr Zhao' },
      { token: 'viewer-secret-456', role: 'viewer', name: 'viewer 2' },
    ]);
  });

  test('TOKENS_FILE names another file, which must exist', () => {
    const dataDir = freshDataDir();
    const file = join(dataDir, 'elsewhere.json');
    expect(() => resolveTokens(dataDir, { TOKENS_FILE: file })).toThrow(/does not exist/);
    writeFileSync(file, JSON.stringify({ tokens: [{ token: 'assessor-secret-1', role: 'assessor' }] }));
    expect(resolveTokens(dataDir, { TOKENS_FILE: file }).grants[0]).toMatchObject({ role: 'assessor', name: 'assessor' });
  });

  test('a short token or an unknown role is refused with the entry named', () => {
    expect(() => resolveTokens(freshDataDir(), { RUBRIC_TOKENS: 'short:editor' })).toThrow(/RUBRIC_TOKENS entry 1: "token" must be/);
    expect(() => resolveTokens(freshDataDir(), { RUBRIC_TOKENS: 'long-enough-token:admin' })).toThrow(/"role" must be one of editor, assessor, viewer/);
    const dataDir = freshDataDir();
    writeFileSync(join(dataDir, 'tokens.json'), '{ not json');
    expect(() => resolveTokens(dataDir, {})).toThrow(/not valid JSON/);
    expect(readFileSync(join(dataDir, 'tokens.json'), 'utf8')).toBe('{ not json');
  });
});
