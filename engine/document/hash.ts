/** Content hash of a rubric version: what was scored, independent of key order and status. */
// Node only (node:crypto); the browser-safe half, canonicalJson, lives in canonical-json.ts.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';
import type { RubricDocument } from '../types.ts';

/** sha256 of the canonical document without `status` (publishing does not change the content). */
export function contentHash(doc: RubricDocument): string {
  const { status: _status, ...content } = doc;
  return `sha256:${createHash('sha256').update(canonicalJson(content)).digest('hex')}`;
}
