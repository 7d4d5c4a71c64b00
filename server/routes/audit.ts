/** The append-only audit log, for editors. */
import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { EDITORS } from '../access.ts';
import { errorResponses } from '../schemas.ts';
import type { Storage } from '../storage/types.ts';
import { jsonArray, readingStarted } from '../streamed.ts';

export const auditRoutes: FastifyPluginAsync<{ storage: Storage }> = async (app, { storage }) => {
  app.get<{ Querystring: { limit?: number } }>('/api/audit', {
    config: { access: EDITORS },
    schema: {
      tags: ['audit'],
      summary: 'Every change, oldest first (the last `limit` entries when given)',
      querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 100000 } } },
      response: { 200: { type: 'array', items: { $ref: 'AuditEntry#' } }, ...errorResponses(403) },
    },
    handler: async (request, reply) => {
      if (request.query.limit) return storage.listAudit(request.query.limit);
      // The whole log only grows (every change adds an entry): it is sent as it is read, never held whole.
      const entries = await readingStarted(storage.streamAudit());
      // A client gone before the end: the cursor (a pooled connection) is let go.
      reply.raw.once('close', () => void entries.close().catch(() => undefined));
      return reply.type('application/json; charset=utf-8').send(Readable.from(jsonArray(entries)));
    },
  });
};
