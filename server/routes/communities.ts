/**
 * Communities (社区), or whatever the deployment profile says is assessed (a building, …): who is
 * assessed, with the attributes the profile declares (Appendix C: the sub-district, 街道, as
 * `street`). The body schemas are made from the profile, so a required attribute left out or an
 * attribute it does not declare is refused with the field named.
 */
import type { FastifyPluginAsync } from 'fastify';
import { type DeploymentProfile, issue } from '../../engine/index.ts';
import { subjectFieldNames } from '../deployment.ts';
import { ServerError } from '../errors.ts';
import { COMMUNITY_MESSAGES } from '../messages.ts';
import { ANY_ROLE, ASSESSORS } from '../access.ts';
import { expectedRevision, revisionProperty } from '../revisions.ts';
import type { Caller } from '../plugins/auth.ts';
import { errorResponses, RECORD_ID_PATTERN } from '../schemas.ts';
import type { AuditDraft, CommunityRecord, NewRecord, Storage } from '../storage/types.ts';

/** The name, the profile's attributes and the optional details, as the body gives them. */
type CommunityFields = { name: string } & Record<string, string>;

const tags = ['communities'];
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: RECORD_ID_PATTERN } } } as const;

export const communityRoutes: FastifyPluginAsync<{ storage: Storage; profile: DeploymentProfile }> = async (app, { storage, profile }) => {
  const fieldNames = subjectFieldNames(profile);
  /** The subject as the profile names it, for messages. */
  const subject = profile.subject.label;
  // CommunityFields# checks each field and the required ones; listing the names here refuses any other.
  const fieldsBody = (extra: Record<string, unknown>, required: string[]) =>
    ({ type: 'object', additionalProperties: false, allOf: [{ $ref: 'CommunityFields#' }], required, properties: { ...extra, ...Object.fromEntries(fieldNames.map((name) => [name, true])) } }) as const;
  const fields = (body: CommunityFields): CommunityFields => {
    const kept: CommunityFields = { name: body.name };
    for (const name of fieldNames) if (body[name] !== undefined) kept[name] = body[name];
    return kept;
  };
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
      body: fieldsBody({ id: { type: 'string', pattern: RECORD_ID_PATTERN } }, ['id']),
      response: { 201: { $ref: 'Community#' }, ...errorResponses(403, 409) },
    },
    handler: async (request, reply) => {
      const now = new Date().toISOString();
      const record: NewRecord<CommunityRecord> = { ...fields(request.body), id: request.body.id, createdAt: now, updatedAt: now };
      // Checked here to name the subject as the profile does; the store refuses a duplicate too.
      if (await storage.getCommunity(record.id)) {
        throw new ServerError('ALREADY_EXISTS', COMMUNITY_MESSAGES.communityExists(record.id, subject), [issue('/id', COMMUNITY_MESSAGES.chooseAnotherCommunityId(subject))]);
      }
      reply.code(201);
      return storage.insertCommunity(record, audit(request.caller, 'community.create', record.id));
    },
  });

  app.get<{ Params: { id: string } }>('/api/communities/:id', {
    config: { access: ANY_ROLE },
    schema: { tags, summary: 'One community', params: idParams, response: { 200: { $ref: 'Community#' }, ...errorResponses(404) } },
    handler: async (request) => {
      const community = await storage.getCommunity(request.params.id);
      if (!community) throw new ServerError('NOT_FOUND', COMMUNITY_MESSAGES.noCommunity(request.params.id, subject));
      return community;
    },
  });

  app.put<{ Params: { id: string }; Body: CommunityFields & { id?: string; revision?: number } }>('/api/communities/:id', {
    config: { access: ASSESSORS },
    schema: {
      tags,
      summary: 'Replace a community’s name, attributes and details (If-Match: the revision you read; the id never changes)',
      params: idParams,
      body: fieldsBody({ id: { type: 'string', description: 'optional; must equal the id in the URL' }, revision: revisionProperty }, []),
      response: { 200: { $ref: 'Community#' }, ...errorResponses(403, 404, 409, 428) },
    },
    handler: async (request) => {
      const { id } = request.params;
      if (!(await storage.getCommunity(id))) throw new ServerError('NOT_FOUND', COMMUNITY_MESSAGES.noCommunity(id, subject));
      const ifRevision = expectedRevision(request, true);
      if (request.body.id !== undefined && request.body.id !== id) {
        throw new ServerError('VALIDATION_FAILED', COMMUNITY_MESSAGES.idNeverChanges(subject), [issue('/body/id', COMMUNITY_MESSAGES.idMustBe(id))]);
      }
      return storage.updateCommunity(id, {
        ifRevision,
        change: (current) => ({ ...fields(request.body), id, revision: current.revision, createdAt: current.createdAt, updatedAt: new Date().toISOString() }),
        audit: () => audit(request.caller, 'community.update', id),
      });
    },
  });
};
