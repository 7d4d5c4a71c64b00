/** Revisions of mutable records: the check every storage backend makes before a change. */
import { issue, type MessageText } from '../../engine/index.ts';
import { ServerError } from '../errors.ts';
import { REVISION_MESSAGES } from '../messages.ts';

/** A write that names a revision other than the latest; carries the latest for the ETag of the answer. */
export class StaleRevisionError extends ServerError {
  readonly currentRevision: number;

  constructor(what: MessageText, expected: number, latest: number) {
    super('STALE_REVISION', REVISION_MESSAGES.stale(what, expected, latest), [issue('/revision', REVISION_MESSAGES.readAgain(latest))]);
    this.currentRevision = latest;
  }
}

/** @throws StaleRevisionError when the caller read another revision than the latest */
export function checkRevision(latest: number, expected: number | undefined, what: MessageText): void {
  if (expected !== undefined && expected !== latest) throw new StaleRevisionError(what, expected, latest);
}
