/** Content hashes identify stored rubric versions: moving code around must never change them. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { contentHash } from '../../engine/index.ts';

// Computed by the engine before canonicalJson moved out of engine/document/hash.ts.
const STORED = {
  'appendix-c': 'sha256:f21237df10def0ac6b57a1099a48bc5ef5a149f2f56c0662ce412697f63ca5f1',
  'venue-accessibility': 'sha256:9f4fc4a0b8bb43731833462244b604de1ab5521358bb6724d8e0af01b64edeca',
};

describe('content hash', () => {
  test.each(Object.entries(STORED))('of examples/%s/rubric.json is unchanged', (example, hash) => {
    const doc = JSON.parse(readFileSync(new URL(`../../examples/${example}/rubric.json`, import.meta.url), 'utf8'));
    expect(contentHash(doc)).toBe(hash);
  });

  test('ignores key order and status', () => {
    const doc = JSON.parse(readFileSync(new URL('../../examples/appendix-c/rubric.json', import.meta.url), 'utf8'));
    const reordered = Object.fromEntries(Object.entries({ ...doc, status: doc.status === 'draft' ? 'published' : 'draft' }).reverse());
    expect(contentHash(reordered as typeof doc)).toBe(STORED['appendix-c']);
  });
});
