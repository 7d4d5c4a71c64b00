/** Content hash of a rubric version: what was scored, independent of key order and status. */
import { createHash } from 'node:crypto';
import type { RubricDocument } from './types.ts';

/** JSON with object keys sorted, so equal documents serialize identically. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** sha256 of the canonical document without `status` (publishing does not change the content). */
export function contentHash(doc: RubricDocument): string {
  const { status: _status, ...content } = doc;
  return `sha256:${createHash('sha256').update(canonicalJson(content)).digest('hex')}`;
}
