/**
 * Lookups keyed by data. Documents, inputs and marks are plain objects parsed from JSON, and
 * "constructor", "toString" or "valueOf" are valid ids and options: `record[id]` would find
 * Object.prototype's members for them. Every lookup by an id, option or key read from data goes
 * through `own` (or a Map).
 */

/** The value stored under `key` itself, never one inherited from Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record != null && Object.hasOwn(record, key) ? record[key] : undefined;
}
