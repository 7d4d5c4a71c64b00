/** Communities (社区): who is assessed, with the sub-district (街道) a district finds them by. */
import type { FastifyPluginAsync } from 'fastify';
import { issue } from '../../engine/index.ts';
import { ServerError } from '../errors.ts';
import { COMMUNITY_MESSAGES } from '../messages.ts';
import { ANY_ROLE, ASSESSORS } from '../access.ts';
import { expectedRevision, revisionProperty } from '../revisions.ts';
import type { Caller } from '../plugins/auth.ts';
import { errorResponses, RECORD_ID_PATTERN } from '../schemas.ts';
import type { AuditDraft, CommunityRecord, NewRecord, Storage } from '../storage/types.ts';

type CommunityFields = Pick<CommunityRecord, 'name' | 'street' | 'district' | 'address' | 'contact'>;

const tags = ['communities'];
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: RECORD_ID_PATTERN } } } as const;
const fieldsBody = (extra: Record<string, unknown>, required: string[]) =>
  ({ type: 'object', additionalProperties: false, allOf: [{ $ref: 'CommunityFields#' }], required, properties: { ...extra, name: true, street: true, district: true, address: true, contact: true } }) as const;

export const communityRoutes: FastifyPluginAsync<{ storage: Storage }> = async (app, { storage }) => {
  const audit = (caller: Caller, action: string, id: string): AuditDraft => ({ actor: caller.actor, role: caller.role, action, target: `community:${id}` });

  app.get('/api/communities', {
    config: { access: ANY_ROLE },
    schema: { tags, summary: 'All communities', response: { 200: { type: 'array', items: { $ref: 'Community#' } }, ...errorResponses() } },
    handler: async () => storage.listCommunities(),
  });

  app.post<{ Body: CommunityFields & { id: string } }>('/api/communities', {
    config: { access: ASSESSORS },
    schema: {
      tags,
      summary: 'Add a community',
      body: fieldsBody({ id: { type: 'string', pattern: RECORD_ID_PATTERN } }, ['id', 'name', 'street']),
      response: { 201: { $ref: 'Community#' }, ...errorResponses(403, 409) },
    },
    handler: async (request, reply) => {
      const now = new Date().toISOString();
      const record: NewRecord<CommunityRecord> = { ...fields(request.body), id: request.body.id, createdAt: now, updatedAt: now };
      reply.code(201);
      return storage.insertCommunity(record, audit(request.caller, 'community.create', record.id));
    },
  });

  app.get<{ Params: { id: string } }>('/api/communities/:id', {
    config: { access: ANY_ROLE },
    schema: { tags, summary: 'One community', params: idParams, response: { 200: { $ref: 'Community#' }, ...errorResponses(404) } },
    handler: async (request) => {
      const community = await storage.getCommunity(request.params.id);
      if (!community) throw new ServerError('NOT_FOUND', COMMUNITY_MESSAGES.noCommunity(request.params.id));
      return community;
    },
  });

  app.put<{ Params: { id: string }; Body: CommunityFields & { id?: string; revision?: number } }>('/api/communities/:id', {
    config: { access: ASSESSORS },
    schema: {
      tags,
      summary: 'Replace a community’s name, street and details (If-Match: the revision you read; the id never changes)',
      params: idParams,
      body: fieldsBody({ id: { type: 'string', description: 'optional; must equal the id in the URL' }, revision: revisionProperty }, ['name', 'street']),
      response: { 200: { $ref: 'Community#' }, ...errorResponses(403, 404, 409, 428) },
    },
    handler: async (request) => {
      const { id } = request.params;
      if (!(await storage.getCommunity(id))) throw new ServerError('NOT_FOUND', COMMUNITY_MESSAGES.noCommunity(id));
      const ifRevision = expectedRevision(request, true);
      if (request.body.id !== undefined && request.body.id !== id) {
        throw new ServerError('VALIDATION_FAILED', COMMUNITY_MESSAGES.idNeverChanges(), [issue('/body/id', COMMUNITY_MESSAGES.idMustBe(id))]);
      }
      return storage.updateCommunity(id, {
        ifRevision,
        change: (current) => ({ ...fields(request.body), id, revision: current.revision, createdAt: current.createdAt, updatedAt: new Date().toISOString() }),
        audit: () => audit(request.caller, 'community.update', id),
      });
    },
  });
};

function fields(body: CommunityFields): CommunityFields {
  const { name, street, district, address, contact } = body;
  return { name, street, ...(district !== undefined && { district }), ...(address !== undefined && { address }), ...(contact !== undefined && { contact }) };
}
