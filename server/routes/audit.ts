/** The append-only audit log, for editors; and who the caller is, for everyone. */
import type { FastifyPluginAsync } from 'fastify';
import { errorResponses } from '../schemas.ts';
import type { Storage } from '../storage/types.ts';

export const auditRoutes: FastifyPluginAsync<{ storage: Storage }> = async (app, { storage }) => {
  app.get<{ Querystring: { limit?: number } }>('/api/audit', {
    config: { roles: ['editor'] },
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

  app.get('/api/me', {
    schema: {
      tags: ['audit'],
      summary: 'The role (and name) of the calling token',
      response: { 200: { type: 'object', required: ['role'], properties: { role: { type: 'string', enum: ['editor', 'assessor', 'viewer'] }, actor: { type: 'string' } } }, ...errorResponses() },
    },
    handler: async (request) => request.caller,
  });
};
