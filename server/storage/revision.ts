/** Revisions of mutable records: the check every storage backend makes before a change. */
import { ServerError } from '../errors.ts';

/** A write that names a revision other than the latest; carries the latest for the ETag of the answer. */
export class StaleRevisionError extends ServerError {
  readonly currentRevision: number;

  constructor(what: string, expected: number, latest: number) {
    super('STALE_REVISION', `The ${what} changed since you read it (you sent revision ${expected}; it is now at revision ${latest}); nothing was changed.`, [
      { path: '/revision', message: `current revision is ${latest}: read it again, reapply your change and send If-Match: "${latest}"` },
    ]);
    this.currentRevision = latest;
  }
}

/** @throws StaleRevisionError when the caller read another revision than the latest */
export function checkRevision(latest: number, expected: number | undefined, what: string): void {
  if (expected !== undefined && expected !== latest) throw new StaleRevisionError(what, expected, latest);
}
