/**
 * Optimistic concurrency over HTTP: every response holding one record carries its revision as
 * a strong ETag, and a write names the revision it read in If-Match (or as "revision" in the
 * body). The storage refuses a stale one with STALE_REVISION; this file only reads and writes
 * the headers.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ServerError } from './errors.ts';
import { sharedPlugin } from './plugins/shared-plugin.ts';

/** The JSON Schema of a body's optional "revision" (the alternative to If-Match). */
export const revisionProperty = { type: 'integer', minimum: 1, description: 'The revision you read (the ETag); the same as If-Match.' } as const;

const IF_MATCH = /^\s*(?:W\/)?"(\d{1,15})"\s*$/;

/**
 * The revision the caller says it read: If-Match, else the body's "revision".
 * @throws ServerError VALIDATION_FAILED when If-Match is not one quoted revision, or it
 *   disagrees with the body; REVISION_REQUIRED when `required` and neither is given
 */
export function expectedRevision(request: FastifyRequest, required: boolean): number | undefined {
  const header = request.headers['if-match'];
  const fromBody = (request.body as { revision?: number } | undefined)?.revision;
  let fromHeader: number | undefined;
  if (header !== undefined) {
    const match = IF_MATCH.exec(header);
    if (!match) {
      throw new ServerError('VALIDATION_FAILED', `If-Match must be one quoted revision such as "3", got ${JSON.stringify(header)}.`, [{ path: 'headers/if-match', message: 'send the ETag of the record as you read it' }]);
    }
    fromHeader = Number(match[1]);
  }
  if (fromHeader !== undefined && fromBody !== undefined && fromHeader !== fromBody) {
    throw new ServerError('VALIDATION_FAILED', `If-Match says revision ${fromHeader} but the body says ${fromBody}.`, [{ path: '/body/revision', message: 'send one revision, or the same in both' }]);
  }
  const revision = fromHeader ?? fromBody;
  if (revision === undefined && required) {
    throw new ServerError('REVISION_REQUIRED', `${request.method} ${request.routeOptions.url} needs the revision you read, so that a change made by someone else is never overwritten.`, [
      { path: 'headers/if-match', message: 'send If-Match: "<revision>" with the ETag of your GET (or "revision" in the body)' },
    ]);
  }
  return revision;
}

export const etagOf = (revision: number): string => `"${revision}"`;

/** Sets the ETag of every response that holds one record with a revision. */
export const revisionsPlugin = sharedPlugin('rubric-studio-revisions', async (app) => {
  app.addHook('preSerialization', async (_request, reply: FastifyReply, payload: unknown) => {
    const revision = (payload as { revision?: unknown } | null)?.revision;
    if (!Array.isArray(payload) && typeof revision === 'number') reply.header('etag', etagOf(revision));
    return payload;
  });
});
