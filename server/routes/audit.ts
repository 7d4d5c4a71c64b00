/** The append-only audit log, for editors. */
import type { FastifyPluginAsync } from 'fastify';
import { EDITORS } from '../access.ts';
import { errorResponses } from '../schemas.ts';
import type { Storage } from '../storage/types.ts';

export const auditRoutes: FastifyPluginAsync<{ storage: Storage }> = async (app, { storage }) => {
  app.get<{ Querystring: { limit?: number } }>('/api/audit', {
    config: { access: EDITORS },
    schema: {
      tags: ['audit'],
      summary: 'Every change, oldest first (the last `limit` entries when given)',
      querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 100000 } } },
      response: { 200: { type: 'array', items: { $ref: 'AuditEntry#' } }, ...errorResponses(403) },
    },
    handler: async (request) => {
      const entries = await storage.listAudit();
      return request.query.limit ? entries.slice(-request.query.limit) : entries;
    },
  });
};
