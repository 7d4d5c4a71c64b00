/**
 * Assessments: a community assessed under a published rubric version for a period. Drafts take
 * partial inputs; submission scores them and freezes the result with the rubric's hash.
 * Re-scoring under another version answers a new result beside the stored one.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import semver from 'semver';
import { carryForward, checkAssessmentInputs, type DeploymentProfile, evaluate, type InputValues, issue, type Language, rescore, versionInForce } from '../../engine/index.ts';
import { ServerError } from '../errors.ts';
import { ASSESSMENT_MESSAGES, COMMUNITY_MESSAGES, RUBRIC_MESSAGES } from '../messages.ts';
import { supplementValues } from './supplements.ts';
import { ANY_ROLE, ASSESSORS } from '../access.ts';
import { compiledVersion, versionForm } from '../compiled-rubrics.ts';
import { expectedRevision, revisionProperty } from '../revisions.ts';
import type { Caller } from '../plugins/auth.ts';
import { DAY_PATTERN, errorResponses, FORM_LANGUAGE_QUERY, RECORD_ID_PATTERN } from '../schemas.ts';
import { assessmentResponse as assessmentSerializer, rescoreResponse } from '../score-result-json.ts';
import type { AssessmentFilter, AssessmentRecord, NewRecord, AssessmentStatus, AuditDraft, Period, PeriodKind, RubricVersionRecord, Storage } from '../storage/types.ts';

const tags = ['assessments'];
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: RECORD_ID_PATTERN } } } as const;
const assessmentResponse = { $ref: 'Assessment#' } as const;
const assessorName = { type: 'string', minLength: 1, maxLength: 200 } as const;

interface ListQuery {
  community?: string;
  rubric?: string;
  version?: string;
  year?: number;
  kind?: PeriodKind;
  tier?: string;
  status?: AssessmentStatus;
  street?: string;
  /** Filled in by the schema's defaults. */
  limit: number;
  offset: number;
}

/** A page of the assessment list: what one answer carries unless asked for fewer, and the most it carries. */
const PAGE_LIMIT_DEFAULT = 100;
const PAGE_LIMIT_MAX = 500;

interface CreateBody {
  communityId: string;
  rubric: { id: string; version: string };
  period: Period;
  assessor: string;
  inputs: InputValues;
  notApplicable?: Record<string, string>;
  assessedOn?: string;
  versionReason?: string;
}

interface UpdateBody {
  revision?: number;
  inputs: InputValues;
  notApplicable?: Record<string, string>;
  assessor?: string;
  period?: Period;
}

export const assessmentRoutes: FastifyPluginAsync<{ storage: Storage; profile: DeploymentProfile }> = async (app, { storage, profile }) => {
  /** Every assessment entry names the rubric version (and its hash) the inputs were checked or scored against. */
  const audit = (caller: Caller, action: string, record: NewRecord<AssessmentRecord>, hash: string): AuditDraft => ({
    actor: caller.actor,
    role: caller.role,
    action,
    target: `assessment:${record.id}`,
    rubric: { ...record.rubric, hash },
  });

  const findAssessment = async (id: string): Promise<AssessmentRecord> => {
    const record = await storage.getAssessment(id);
    if (!record) throw new ServerError('NOT_FOUND', ASSESSMENT_MESSAGES.noAssessment(id));
    return record;
  };

  /** The rubric version an assessment names; `field` is where the body named it. */
  const findRubricVersion = async (ref: { id: string; version: string }, field: string): Promise<RubricVersionRecord> => {
    const record = await storage.getRubricVersion(ref.id, ref.version);
    if (!record) throw new ServerError('VALIDATION_FAILED', RUBRIC_MESSAGES.noRubricVersion(ref.id, ref.version), [issue(field, ASSESSMENT_MESSAGES.nameExistingVersion())]);
    return record;
  };

  app.get<{ Querystring: ListQuery }>('/api/assessments', {
    config: { access: ANY_ROLE },
    schema: {
      tags,
      summary: 'Assessments, filtered by community, rubric version, period, tier, status or street: a page of them, the most recently changed first; the X-Total-Count header says how many match in all',
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          community: { type: 'string', maxLength: 64 },
          rubric: { type: 'string', maxLength: 64 },
          version: { type: 'string', maxLength: 64 },
          year: { type: 'integer', minimum: 2000, maximum: 2100 },
          kind: { $ref: 'PeriodKind#' },
          tier: { type: 'string', maxLength: 64 },
          status: { type: 'string', enum: ['draft', 'submitted'] },
          street: { type: 'string', maxLength: 200 },
          limit: { type: 'integer', minimum: 1, maximum: PAGE_LIMIT_MAX, default: PAGE_LIMIT_DEFAULT, description: `Assessments per page, at most ${PAGE_LIMIT_MAX}` },
          offset: { type: 'integer', minimum: 0, default: 0, description: 'How many of the list to skip: the page after one of `limit` starts at offset + limit' },
        },
      },
      response: {
        200: { type: 'array', items: { $ref: 'AssessmentSummary#' }, headers: { 'x-total-count': { type: 'integer', description: 'Assessments matching the filters, on every page' } } },
        ...errorResponses(),
      },
    },
    handler: async (request, reply) => {
      const { community, rubric, version, year, kind, tier, status, street, limit, offset } = request.query;
      const filter: AssessmentFilter = { rubricId: rubric, version, year, kind, tier, status };
      if (community !== undefined || street !== undefined) {
        filter.communityIds = (await storage.listCommunities()).filter((c) => (community === undefined || c.id === community) && (street === undefined || c.street === street)).map((c) => c.id);
      }
      const page = await storage.pageAssessments(filter, { limit, offset });
      reply.header('x-total-count', page.total);
      return page.entries.map((a) => ({
        id: a.id,
        communityId: a.communityId,
        rubric: a.rubric,
        period: a.period,
        assessor: a.assessor,
        status: a.status,
        total: a.total,
        tier: a.tier,
        revision: a.revision,
        updatedAt: a.updatedAt,
        submittedAt: a.submittedAt,
        versionChoice: a.versionChoice ?? null,
      }));
    },
  });

  app.post<{ Body: CreateBody }>('/api/assessments', {
    config: { access: ASSESSORS },
    schema: {
      tags,
      summary: 'Start an assessment as a draft; partial inputs are allowed, but each value given must be valid',
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['communityId', 'rubric', 'period', 'assessor', 'inputs'],
        properties: {
          communityId: { type: 'string', pattern: RECORD_ID_PATTERN },
          rubric: { $ref: 'RubricRef#' },
          period: { $ref: 'Period#' },
          assessor: assessorName,
          inputs: { $ref: 'InputValues#' },
          notApplicable: { $ref: 'NotApplicable#' },
          assessedOn: { type: 'string', pattern: DAY_PATTERN, description: 'The day assessed (default: today); the version in force on it is expected' },
          versionReason: { type: 'string', minLength: 1, maxLength: 500, description: 'Why another version than the one in force on assessedOn' },
        },
      },
      response: { 201: assessmentResponse, ...errorResponses(403, 409, 422) },
    },
    serializerCompiler: assessmentSerializer,
    handler: async (request, reply) => {
      const body = request.body;
      if (!(await storage.getCommunity(body.communityId))) {
        throw new ServerError('VALIDATION_FAILED', COMMUNITY_MESSAGES.noCommunity(body.communityId, profile.subject.label), [issue('/body/communityId', COMMUNITY_MESSAGES.addCommunityFirst(profile.subject.label))]);
      }
      const version = await findRubricVersion(body.rubric, '/body/rubric');
      if (version.status !== 'published') {
        throw new ServerError('STATE_CONFLICT', ASSESSMENT_MESSAGES.notPublished(version.id, version.version, version.status), [issue('/body/rubric/version', ASSESSMENT_MESSAGES.choosePublished())]);
      }
      const rubric = compiledVersion(version);
      checkAssessmentInputs(rubric, { inputs: body.inputs, notApplicable: body.notApplicable }, false);
      const now = new Date().toISOString();
      const assessedOn = body.assessedOn ?? now.slice(0, 10);
      const versionChoice = await chooseVersion(body.rubric, assessedOn, body.versionReason);
      const record: NewRecord<AssessmentRecord> = {
        id: randomUUID(),
        communityId: body.communityId,
        assessedOn,
        versionChoice,
        rubric: { id: body.rubric.id, version: body.rubric.version },
        period: body.period,
        assessor: body.assessor,
        status: 'draft',
        inputs: body.inputs,
        notApplicable: body.notApplicable ?? {},
        result: null,
        rubricHash: null,
        createdAt: now,
        updatedAt: now,
        submittedAt: null,
      };
      reply.code(201);
      return storage.insertAssessment(record, audit(request.caller, 'assessment.create', record, rubric.hash));
    },
  });

  app.get<{ Params: { id: string } }>('/api/assessments/:id', {
    config: { access: ANY_ROLE },
    schema: { tags, summary: 'One assessment with its inputs and, once submitted, its result and explanations', params: idParams, response: { 200: assessmentResponse, ...errorResponses(404) } },
    serializerCompiler: assessmentSerializer,
    handler: async (request) => findAssessment(request.params.id),
  });

  // The form of the assessment's rubric version, asked by the assessment alone: a page opening a
  // draft asks for it beside the assessment instead of after it (one round trip fewer).
  app.get<{ Params: { id: string }; Querystring: { lang: Language } }>('/api/assessments/:id/form', {
    config: { access: ANY_ROLE },
    schema: {
      tags,
      summary: "The assessment form of the assessment's rubric version (as /api/rubrics/:id/versions/:version/form)",
      params: idParams,
      querystring: FORM_LANGUAGE_QUERY,
      response: { 200: { $ref: 'AssessmentForm#' }, ...errorResponses(404) },
    },
    handler: async (request) => {
      const { rubric } = await findAssessment(request.params.id);
      return versionForm(await findRubricVersion(rubric, '/rubric'), request.query.lang);
    },
  });

  app.put<{ Params: { id: string }; Body: UpdateBody }>('/api/assessments/:id', {
    config: { access: ASSESSORS },
    schema: {
      tags,
      summary: 'Replace the inputs (and optionally assessor, period) of a draft assessment (If-Match: the revision you read)',
      params: idParams,
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['inputs'],
        properties: { revision: revisionProperty, inputs: { $ref: 'InputValues#' }, notApplicable: { $ref: 'NotApplicable#' }, assessor: assessorName, period: { $ref: 'Period#' } },
      },
      response: { 200: assessmentResponse, ...errorResponses(403, 404, 409, 422, 428) },
    },
    serializerCompiler: assessmentSerializer,
    handler: async (request) => {
      const current = assertDraft(await findAssessment(request.params.id));
      const ifRevision = expectedRevision(request, true);
      const { inputs, notApplicable, assessor, period } = request.body;
      const rubric = compiledVersion(await findRubricVersion(current.rubric, '/rubric'));
      checkAssessmentInputs(rubric, { inputs, notApplicable }, false);
      return storage.updateAssessment(current.id, {
        ifRevision,
        change: (latest) => ({
          ...assertDraft(latest),
          inputs,
          notApplicable: notApplicable ?? {},
          assessor: assessor ?? latest.assessor,
          period: period ?? latest.period,
          updatedAt: new Date().toISOString(),
        }),
        audit: (next) => audit(request.caller, 'assessment.update', next, rubric.hash),
      });
    },
  });

  app.post<{ Params: { id: string } }>('/api/assessments/:id/submit', {
    config: { access: ASSESSORS },
    schema: {
      tags,
      summary: 'Submit: the inputs must be complete and valid; the result is stored and frozen with the rubric hash (If-Match, when given, must be its revision)',
      params: idParams,
      response: { 200: assessmentResponse, ...errorResponses(403, 404, 409, 422) },
    },
    serializerCompiler: assessmentSerializer,
    handler: async (request) => {
      const ifRevision = expectedRevision(request, false);
      const draft = assertDraft(await findAssessment(request.params.id));
      const rubric = compiledVersion(await findRubricVersion(draft.rubric, '/rubric'));
      const result = await evaluate(rubric, { inputs: draft.inputs, notApplicable: draft.notApplicable }, { requireComplete: true });
      return storage.updateAssessment(draft.id, {
        // Without If-Match, still freeze exactly the inputs that were just scored.
        ifRevision: ifRevision ?? draft.revision,
        change: (latest) => {
          assertDraft(latest);
          const now = new Date().toISOString();
          return { ...latest, status: 'submitted', result, rubricHash: rubric.hash, updatedAt: now, submittedAt: now };
        },
        audit: (next) => audit(request.caller, 'assessment.submit', next, rubric.hash),
      });
    },
  });

  app.post<{ Params: { id: string }; Body: { period: Period; assessor: string; rubric?: { id: string; version: string } } }>('/api/assessments/:id/carry-forward', {
    config: { access: ASSESSORS },
    schema: {
      tags,
      summary: 'Start the next assessment of the community from this one: a draft under the newest published version (or the one named), its answers carried through the input mapping, with new, changed and unanswered criteria flagged',
      params: idParams,
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['period', 'assessor'],
        properties: { period: { $ref: 'Period#' }, assessor: assessorName, rubric: { $ref: 'RubricRef#' } },
      },
      response: { 201: assessmentResponse, ...errorResponses(403, 404, 409, 422) },
    },
    serializerCompiler: assessmentSerializer,
    handler: async (request, reply) => {
      const source = await findAssessment(request.params.id);
      const target = request.body.rubric ? await findRubricVersion(request.body.rubric, '/body/rubric') : await newestPublished(source.rubric.id);
      if (target.status !== 'published') {
        throw new ServerError('STATE_CONFLICT', ASSESSMENT_MESSAGES.notPublished(target.id, target.version, target.status), [issue('/body/rubric/version', ASSESSMENT_MESSAGES.choosePublished())]);
      }
      const from = compiledVersion(await findRubricVersion(source.rubric, '/rubric'));
      const rubric = compiledVersion(target);
      const carried = carryForward(from, rubric, source);
      const { mapping } = carried;
      const now = new Date().toISOString();
      const record: NewRecord<AssessmentRecord> = {
        id: randomUUID(),
        communityId: source.communityId,
        rubric: { id: target.id, version: target.version },
        period: request.body.period,
        assessor: request.body.assessor,
        status: 'draft',
        inputs: carried.assessment.inputs,
        notApplicable: carried.assessment.notApplicable,
        result: null,
        rubricHash: null,
        createdAt: now,
        updatedAt: now,
        submittedAt: null,
        carriedFrom: {
          assessment: source.id,
          rubric: source.rubric,
          flags: carried.flags,
          renamed: mapping.renamed,
          combined: mapping.combined,
          defaulted: mapping.defaulted,
          dropped: mapping.dropped,
          missing: mapping.missing,
          rejected: carried.invalid.map((issue) => issue.path.replace('/inputs/', '')),
        },
      };
      reply.code(201);
      return storage.insertAssessment(record, audit(request.caller, 'assessment.carryForward', record, rubric.hash));
    },
  });

  /**
   * A new assessment uses the version in force on the day assessed; another needs a reason, which
   * is kept with the record (the district sees which version every assessment used and why).
   */
  const chooseVersion = async (ref: { id: string; version: string }, day: string, reason: string | undefined): Promise<NonNullable<AssessmentRecord['versionChoice']>> => {
    const inForce = versionInForce(await datedVersions(ref.id), day)?.version ?? null;
    if (inForce !== ref.version && !reason?.trim()) {
      throw new ServerError('VALIDATION_FAILED', ASSESSMENT_MESSAGES.versionNotInForce(ref.id, ref.version, inForce, day), [issue('/body/versionReason', ASSESSMENT_MESSAGES.giveVersionReason(ref.version, inForce))]);
    }
    return { inForce, reason: inForce === ref.version ? null : (reason?.trim() ?? null) };
  };

  const datedVersions = async (id: string) =>
    (await storage.listRubricVersions())
      .filter((r) => r.id === id)
      .map((r) => ({ version: r.version, status: r.status, effectiveDate: r.document.effectiveDate, effectiveUntil: r.document.effectiveUntil }));

  app.get<{ Params: { id: string }; Querystring: { date?: string } }>('/api/rubrics/:id/in-force', {
    config: { access: ANY_ROLE },
    schema: {
      tags,
      summary: 'The version of a rubric in force on a day (default today): the one a new assessment uses',
      params: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: RECORD_ID_PATTERN } } },
      querystring: { type: 'object', additionalProperties: false, properties: { date: { type: 'string', pattern: DAY_PATTERN } } },
      response: {
        200: { type: 'object', required: ['date', 'version'], properties: { date: { type: 'string' }, version: { type: ['string', 'null'] }, effectiveDate: { type: 'string' }, effectiveUntil: { type: 'string' } } },
        ...errorResponses(404),
      },
    },
    handler: async (request) => {
      const versions = await datedVersions(request.params.id);
      if (versions.length === 0) throw new ServerError('NOT_FOUND', RUBRIC_MESSAGES.noRubric(request.params.id));
      const date = request.query.date ?? new Date().toISOString().slice(0, 10);
      const inForce = versionInForce(versions, date);
      return inForce ? { date, version: inForce.version, effectiveDate: inForce.effectiveDate, ...(inForce.effectiveUntil && { effectiveUntil: inForce.effectiveUntil }) } : { date, version: null };
    },
  });

  /** The newest published version of a rubric (by version number). */
  const newestPublished = async (id: string): Promise<RubricVersionRecord> => {
    const published = (await storage.listRubricVersions()).filter((r) => r.id === id && r.status === 'published').sort((a, b) => semver.compare(b.version, a.version));
    if (!published[0]) throw new ServerError('STATE_CONFLICT', ASSESSMENT_MESSAGES.nothingToCarryInto(id), [issue('/body/rubric', ASSESSMENT_MESSAGES.publishOrName())]);
    return published[0];
  };

  app.post<{ Params: { id: string }; Body: { rubric: { id: string; version: string } } }>('/api/assessments/:id/rescore', {
    config: { access: ANY_ROLE },
    schema: {
      tags,
      summary: 'Score a submitted assessment under another rubric version; the stored result does not change',
      params: idParams,
      body: { type: 'object', additionalProperties: false, required: ['rubric'], properties: { rubric: { $ref: 'RubricRef#' } } },
      response: {
        200: {
          type: 'object',
          required: ['stored', 'rescored', 'mapping', 'invalid', 'droppedNotApplicable', 'notAssessed'],
          properties: {
            stored: { $ref: 'ScoreResult#' },
            rescored: { $ref: 'ScoreResult#' },
            mapping: { type: 'object', description: 'How the version read the stored inputs: mapping, fromVersion, renamed, combined, defaulted, dropped, missing, supplied', additionalProperties: true },
            invalid: { type: 'array', description: 'Stored values the version rejects: dropped, so their criteria are not assessed', items: { type: 'object', additionalProperties: true } },
            droppedNotApplicable: { type: 'array', items: { type: 'string' } },
            notAssessed: { type: 'array', description: 'Criteria left without an answer, with the inputs they lack', items: { type: 'object', additionalProperties: true } },
          },
        },
        ...errorResponses(404, 409, 422),
      },
    },
    serializerCompiler: rescoreResponse,
    handler: async (request) => {
      const assessment = await findAssessment(request.params.id);
      if (!assessment.result) throw new ServerError('STATE_CONFLICT', ASSESSMENT_MESSAGES.draftHasNoResult());
      const target = compiledVersion(await findRubricVersion(request.body.rubric, '/body/rubric'));
      // Another rubric's versions never match the mapping's "from": its inputs are carried by id only.
      const fromVersion = target.doc.id === assessment.rubric.id ? assessment.rubric.version : '';
      const { result, mapping, invalid, droppedNotApplicable, notAssessed } = await rescore(target, assessment, fromVersion, supplementValues(assessment));
      const { inputs: _inputs, ...carried } = mapping;
      return { stored: assessment.result, rescored: result, mapping: carried, invalid, droppedNotApplicable, notAssessed };
    },
  });
};

/** Submitted assessments are frozen. */
function assertDraft(record: AssessmentRecord): AssessmentRecord {
  if (record.status !== 'draft') throw new ServerError('ASSESSMENT_FROZEN', ASSESSMENT_MESSAGES.frozen(record.id, record.submittedAt));
  return record;
}
