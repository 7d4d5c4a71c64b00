/**
 * Optimistic concurrency over HTTP: every response holding one record carries its revision as
 * a strong ETag, and a write names the revision it read in If-Match (or as "revision" in the
 * body). The storage refuses a stale one with STALE_REVISION; this file only reads and writes
 * the headers.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { issue } from '../engine/index.ts';
import { ServerError } from './errors.ts';
import { REVISION_MESSAGES } from './messages.ts';
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
      throw new ServerError('VALIDATION_FAILED', REVISION_MESSAGES.ifMatchMalformed(header), [issue('headers/if-match', REVISION_MESSAGES.sendEtag())]);
    }
    fromHeader = Number(match[1]);
  }
  if (fromHeader !== undefined && fromBody !== undefined && fromHeader !== fromBody) {
    throw new ServerError('VALIDATION_FAILED', REVISION_MESSAGES.revisionsDisagree(fromHeader, fromBody), [issue('/body/revision', REVISION_MESSAGES.sendOneRevision())]);
  }
  const revision = fromHeader ?? fromBody;
  if (revision === undefined && required) {
    throw new ServerError('REVISION_REQUIRED', REVISION_MESSAGES.revisionRequired(request.method, request.routeOptions.url ?? request.url), [issue('headers/if-match', REVISION_MESSAGES.sendIfMatch())]);
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
