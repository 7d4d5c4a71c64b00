/**
 * Unsaved drafts from the builder: validate, derive the form, score. Nothing is stored; the
 * document passes the engine's size and depth limits before anything compiles it.
 */
import type { FastifyPluginAsync } from 'fastify';
import { checkLimits, deriveForm, evaluateLive, type InputValues, type Language, loadRubric, validateRubric } from '../../engine/index.ts';
import { EDITORS } from '../access.ts';
import { errorResponses, FORM_LANGUAGE } from '../schemas.ts';
import { scoreResultResponse } from '../score-result-json.ts';

const tags = ['preview'];

export const previewRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: { document: unknown } }>('/api/preview/validate', {
    config: { access: EDITORS },
    schema: {
      tags,
      summary: 'Validate and lint an unsaved rubric document',
      body: { type: 'object', additionalProperties: false, required: ['document'], properties: { document: { $ref: 'RubricDocument#' } } },
      response: { 200: { $ref: 'ValidationReport#' }, ...errorResponses(403, 413) },
    },
    handler: async (request) => {
      checkLimits(request.body.document);
      return validateRubric(request.body.document);
    },
  });

  app.post<{ Body: { document: unknown; lang: Language } }>('/api/preview/form', {
    config: { access: EDITORS },
    schema: {
      tags,
      summary: 'Derive the assessment form of an unsaved rubric document',
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['document'],
        properties: { document: { $ref: 'RubricDocument#' }, lang: FORM_LANGUAGE },
      },
      response: { 200: { $ref: 'AssessmentForm#' }, ...errorResponses(403, 413, 422) },
    },
    handler: async (request) => {
      checkLimits(request.body.document);
      return deriveForm(loadRubric(request.body.document).index, request.body.lang);
    },
  });

  app.post<{ Body: { document: unknown; inputs: InputValues; notApplicable?: Record<string, string>; partial: boolean } }>('/api/preview/score', {
    config: { access: EDITORS },
    schema: {
      tags,
      summary: 'Score inputs against an unsaved rubric document',
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['document', 'inputs'],
        properties: {
          document: { $ref: 'RubricDocument#' },
          inputs: { $ref: 'InputValues#' },
          notApplicable: { $ref: 'NotApplicable#' },
          partial: { type: 'boolean', default: false },
        },
      },
      response: { 200: { $ref: 'ScoreResult#' }, ...errorResponses(403, 413, 422) },
    },
    serializerCompiler: scoreResultResponse,
    handler: async (request) => {
      const { document, inputs, notApplicable, partial } = request.body;
      checkLimits(document);
      // Nothing is stored: the compiled conditions decide (the same answer, much sooner).
      return evaluateLive(loadRubric(document), { inputs, notApplicable }, { requireComplete: !partial });
    },
  });
};
