/**
 * Shared JSON Schemas of the HTTP API, registered once with addSchema and referenced by $ref
 * ("RubricRef#"); those the deployment profile decides (Period, PeriodKind, Community,
 * CommunityFields) are made from it in server/deployment.ts. Rubric documents are declared as plain objects: the engine validates them
 * (size and depth limits first), with messages no route schema could give.
 */
import type { FastifyInstance } from 'fastify';
import { APPENDIX_C_DEPLOYMENT } from '../engine/index.ts';
import { deploymentSchemas } from './deployment.ts';
import { HTTP_STATUS } from './errors.ts';

/** Rubric ids: lower-case letters, digits and hyphens (as in the meta-schema). */
export const RUBRIC_ID_PATTERN = '^[a-z0-9][a-z0-9-]{0,63}$';
/** Semantic versions (as in the meta-schema). */
export const VERSION_PATTERN = '^(0|[1-9][0-9]{0,5})\\.(0|[1-9][0-9]{0,5})\\.(0|[1-9][0-9]{0,5})(-[0-9A-Za-z.-]{1,40})?$';
/** Community and assessment ids. */
/** A calendar day, YYYY-MM-DD (the meta-schema's pattern for effective dates). */
export const DAY_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';

export const RECORD_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$';
/** The language a derived form is asked in (`lang`), Chinese unless English is asked for. */
export const FORM_LANGUAGE = { type: 'string', enum: ['zh', 'en'], default: 'zh' } as const;
/** The query of a route that answers a derived form. */
export const FORM_LANGUAGE_QUERY = { type: 'object', additionalProperties: false, properties: { lang: FORM_LANGUAGE } } as const;

const timestamp = { type: 'string', description: 'ISO 8601 date-time' } as const;
const nullableTimestamp = { type: ['string', 'null'], description: 'ISO 8601 date-time, or null' } as const;
const looseObject = { type: 'object', additionalProperties: true } as const;

export const sharedSchemas = [
  {
    $id: 'Issue',
    description: 'A problem and where it is (JSON pointer): `message` in English, `text` the same in Chinese and English (every issue the engine and the server report has it).',
    type: 'object',
    required: ['path', 'message'],
    properties: {
      path: { type: 'string' },
      message: { type: 'string' },
      text: { type: 'object', required: ['zh', 'en'], properties: { zh: { type: 'string' }, en: { type: 'string' } } },
    },
  },
  {
    $id: 'ErrorBody',
    description: 'Every error response. The codes and how to fix each are listed in the README.',
    type: 'object',
    required: ['statusCode', 'code', 'error', 'message', 'details'],
    properties: {
      statusCode: { type: 'integer' },
      code: { type: 'string', enum: Object.keys(HTTP_STATUS) },
      error: { type: 'string' },
      message: { type: 'string' },
      text: { description: 'The message in Chinese and English, when the error gives both (the engine’s and the server’s errors do).', type: 'object', required: ['zh', 'en'], properties: { zh: { type: 'string' }, en: { type: 'string' } } },
      details: { type: 'array', items: { $ref: 'Issue#' } },
    },
  },
  {
    $id: 'Localized',
    type: 'object',
    properties: { zh: { type: 'string' }, en: { type: 'string' } },
  },
  {
    $id: 'RubricRef',
    description: 'A rubric version by id and version.',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'version'],
    properties: { id: { type: 'string', pattern: RUBRIC_ID_PATTERN }, version: { type: 'string', pattern: VERSION_PATTERN } },
  },
  {
    $id: 'RubricStamp',
    description: 'The rubric version a result was computed with, and its content hash.',
    type: 'object',
    required: ['id', 'version', 'hash'],
    properties: { id: { type: 'string' }, version: { type: 'string' }, hash: { type: 'string' } },
  },
  {
    $id: 'RubricDocument',
    description: 'A rubric document (format rubric/1 or rubric/2, see rubric-schemas/). Validated by the engine, not by the route schema.',
    ...looseObject,
  },
  {
    $id: 'InputValues',
    description: 'Input id → value; checked against the rubric version’s inputs.',
    type: 'object',
    maxProperties: 2000,
    additionalProperties: true,
  },
  {
    $id: 'NotApplicable',
    description: 'Criterion id → reason it does not apply.',
    type: 'object',
    maxProperties: 2000,
    additionalProperties: { type: 'string', maxLength: 2000 },
  },
  {
    $id: 'NodeResult',
    type: 'object',
    required: ['id', 'points', 'max', 'capped'],
    properties: { id: { type: 'string' }, title: { $ref: 'Localized#' }, points: { type: 'number' }, max: { type: 'number' }, capped: { type: 'boolean' } },
  },
  {
    $id: 'Reachable',
    description: 'What an incomplete result can still become (engine/types.ts Reachable).',
    type: 'object',
    required: ['total', 'ratio', 'tiers', 'determined', 'deciding'],
    properties: {
      total: { type: 'object', required: ['min', 'max'], properties: { min: { type: 'number' }, max: { type: 'number' } } },
      ratio: { anyOf: [{ type: 'null' }, { type: 'object', required: ['min', 'max'], properties: { min: { type: 'number' }, max: { type: 'number' } } }] },
      tiers: { type: 'array', items: { type: 'string' } },
      determined: { type: ['string', 'null'] },
      deciding: { type: 'array', items: { type: 'string' } },
    },
  },
  {
    $id: 'LiveScore',
    description: 'The score of an assessment being filled in: points so far, what they can still become, the next tier and the questions no longer needed (engine/types.ts LiveScore).',
    type: 'object',
    additionalProperties: false,
    required: ['complete', 'total', 'max', 'ratio', 'tier', 'tierSoFar', 'reachable', 'nextTier', 'notNeeded'],
    properties: {
      complete: { type: 'boolean' },
      total: { type: 'number' },
      max: { type: 'number' },
      ratio: { type: ['number', 'null'] },
      tier: { type: ['string', 'null'] },
      tierSoFar: { type: ['string', 'null'] },
      reachable: { anyOf: [{ type: 'null' }, { $ref: 'Reachable#' }] },
      nextTier: {
        anyOf: [
          { type: 'null' },
          { type: 'object', required: ['id', 'label', 'pointsToReach'], properties: { id: { type: 'string' }, label: { $ref: 'Localized#' }, pointsToReach: { type: 'number' } } },
        ],
      },
      notNeeded: { type: 'array', items: { type: 'string' } },
    },
  },
  {
    $id: 'ScoreResult',
    description: 'The engine’s result: totals, tier, and each criterion with its arithmetic and explanation.',
    type: 'object',
    required: ['rubric', 'complete', 'total', 'max', 'ratio', 'tier', 'ratioTier', 'reachable', 'groups', 'indicators', 'criteria', 'requirements'],
    properties: {
      rubric: { $ref: 'RubricStamp#' },
      complete: { type: 'boolean' },
      total: { type: 'number' },
      max: { type: 'number' },
      ratio: { type: ['number', 'null'] },
      tier: { type: ['string', 'null'] },
      ratioTier: { type: ['string', 'null'] },
      reachable: {
        description: 'For an incomplete result: the totals, ratios and tiers still reachable given the missing answers, the tier once only one is possible, and the answers that decide it. Null when complete.',
        anyOf: [{ type: 'null' }, { $ref: 'Reachable#' }],
      },
      groups: { type: 'array', items: { $ref: 'NodeResult#' } },
      indicators: { type: 'array', items: { $ref: 'NodeResult#' } },
      criteria: { type: 'array', items: { ...looseObject, description: 'CriterionResult (engine/types.ts)' } },
      requirements: { type: 'array', items: { ...looseObject, description: 'RequirementResult (engine/types.ts)' } },
    },
  },
  {
    $id: 'ValidationReport',
    type: 'object',
    required: ['valid', 'errors', 'warnings'],
    properties: { valid: { type: 'boolean' }, errors: { type: 'array', items: { $ref: 'Issue#' } }, warnings: { type: 'array', items: { $ref: 'Issue#' } } },
  },
  {
    $id: 'AssessmentForm',
    description: 'The derived assessment form in @rjsf conventions.',
    type: 'object',
    required: ['schema', 'uiSchema'],
    properties: { schema: looseObject, uiSchema: looseObject },
  },
  {
    $id: 'RubricVersion',
    type: 'object',
    required: ['id', 'version', 'status', 'hash', 'document', 'warnings', 'revision', 'createdAt', 'updatedAt', 'publishedAt'],
    properties: {
      id: { type: 'string' },
      version: { type: 'string' },
      status: { type: 'string', enum: ['draft', 'published', 'retired'] },
      hash: { type: 'string' },
      document: { $ref: 'RubricDocument#' },
      warnings: { type: 'array', items: { $ref: 'Issue#' } },
      revision: { type: 'integer', description: 'Raised on every change; send it back in If-Match (it is also the ETag).' },
      createdAt: timestamp,
      updatedAt: timestamp,
      publishedAt: nullableTimestamp,
      retiredAt: nullableTimestamp,
    },
  },
  {
    $id: 'AssessmentSummary',
    type: 'object',
    required: ['id', 'communityId', 'rubric', 'period', 'assessor', 'status', 'total', 'tier', 'updatedAt'],
    properties: {
      id: { type: 'string' },
      communityId: { type: 'string' },
      rubric: { $ref: 'RubricRef#' },
      period: { $ref: 'Period#' },
      assessor: { type: 'string' },
      status: { type: 'string', enum: ['draft', 'submitted'] },
      total: { type: ['number', 'null'] },
      tier: { type: ['string', 'null'] },
      revision: { type: 'integer', description: 'Raised on every change; send it back in If-Match (it is also the ETag).' },
      updatedAt: timestamp,
      submittedAt: nullableTimestamp,
      versionChoice: {
        type: ['object', 'null'],
        description: 'The version in force on the day assessed, and the reason given when another was used; null for records made before versions had effective dates.',
        properties: { inForce: { type: ['string', 'null'] }, reason: { type: ['string', 'null'] } },
      },
    },
  },
  {
    $id: 'Assessment',
    type: 'object',
    required: ['id', 'communityId', 'rubric', 'period', 'assessor', 'status', 'inputs', 'notApplicable', 'result', 'rubricHash', 'revision', 'createdAt', 'updatedAt', 'submittedAt'],
    properties: {
      id: { type: 'string' },
      communityId: { type: 'string' },
      rubric: { $ref: 'RubricRef#' },
      period: { $ref: 'Period#' },
      assessor: { type: 'string' },
      status: { type: 'string', enum: ['draft', 'submitted'] },
      inputs: { $ref: 'InputValues#' },
      notApplicable: { $ref: 'NotApplicable#' },
      result: { anyOf: [{ $ref: 'ScoreResult#' }, { type: 'null' }] },
      rubricHash: { type: ['string', 'null'] },
      revision: { type: 'integer', description: 'Raised on every change; send it back in If-Match (it is also the ETag).' },
      createdAt: timestamp,
      updatedAt: timestamp,
      submittedAt: nullableTimestamp,
      assessedOn: { type: 'string', description: 'The day assessed; the version in force on it is the one expected.' },
      versionChoice: {
        type: 'object',
        description: 'The version in force on the day assessed, and the reason given when another was used.',
        properties: { inForce: { type: ['string', 'null'] }, reason: { type: ['string', 'null'] } },
      },
      supplements: {
        type: 'object',
        description: 'Answers recorded later to inputs a newer version asks, by input id: value, version, source, by, role, at. The original inputs never change.',
        additionalProperties: { type: 'object', additionalProperties: true },
      },
      carriedFrom: {
        type: 'object',
        description: 'For a draft started from an earlier assessment: that assessment and its version, the criteria to look at (added, changed, unanswered) and what happened to the inputs on the way.',
        additionalProperties: true,
      },
    },
  },
  {
    $id: 'AuditEntry',
    type: 'object',
    required: ['at', 'actor', 'role', 'action', 'target'],
    properties: {
      at: timestamp,
      actor: { type: 'string' },
      role: { type: 'string' },
      action: { type: 'string' },
      target: { type: 'string' },
      rubric: { $ref: 'RubricStamp#' },
      revision: { type: 'integer', description: 'The record’s revision after the change.' },
      reason: { type: 'string', description: 'Why an attempt was refused (access.* entries).' },
      ip: { type: 'string', description: 'The caller’s address (access.* entries).' },
    },
  },
] as const;

/** The error responses a route can give, for its `response` schema. */
export function errorResponses(...statuses: number[]): Record<number, { $ref: string }> {
  return Object.fromEntries([400, 401, ...statuses].map((status) => [status, { $ref: 'ErrorBody#' }]));
}

/** Registers every shared schema once on the root app, with those made from the deployment profile (Appendix C's unless given). */
export function addSharedSchemas(app: FastifyInstance, fromProfile: readonly Record<string, unknown>[] = deploymentSchemas(APPENDIX_C_DEPLOYMENT)): void {
  for (const schema of [...sharedSchemas, ...fromProfile]) app.addSchema(schema);
}
