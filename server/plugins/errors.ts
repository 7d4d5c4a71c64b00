/**
 * One error shape for every response: the engine's and the server's errors, Fastify's validation
 * and body errors, unknown routes and unexpected faults all become {statusCode, code, error,
 * message, details}, the status taken from HTTP_STATUS (server/errors.ts).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Issue, RubricStudioError } from '../../engine/index.ts';
import { type ErrorBody, errorBody as bodyOf, isCatalogued, type ServerError } from '../errors.ts';
import { etagOf } from '../revisions.ts';
import { StaleRevisionError } from '../storage/revision.ts';
import { sharedPlugin } from './shared-plugin.ts';

export interface ErrorsOptions extends Record<string, unknown> {
  /** Answers a browser's GET for a page path that is not a route (the UI's client-side routes). */
  pageFallback?: (request: FastifyRequest, reply: FastifyReply) => unknown;
}

/** Paths that never fall back to the UI page. */
const API_PATHS = /^\/(api|docs|openapi\.json)(\/|$|\?)/;

export const errorsPlugin = sharedPlugin<ErrorsOptions>('rubric-studio-errors', async (app, { pageFallback }) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const body = toErrorBody(err);
    if (body.statusCode >= 500) request.log.error({ err }, 'request failed');
    if (body.code === 'UNAUTHORIZED') reply.header('www-authenticate', 'Bearer');
    // A stale write answers with the current revision, so the client can re-read exactly that.
    if (err instanceof StaleRevisionError) reply.header('etag', etagOf(err.currentRevision));
    return reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !API_PATHS.test(request.url) && (request.headers.accept ?? '').includes('text/html');
    if (wantsPage && pageFallback) return pageFallback(request, reply);
    const body = bodyOf('NOT_FOUND', `There is no ${request.method} ${request.url.split('?')[0]}.`, [{ path: request.url.split('?')[0], message: 'see /docs for the routes' }]);
    return reply.code(404).send(body);
  });
});

/** Maps anything thrown in a request to the error body of the catalogue. */
export function toErrorBody(err: FastifyError | RubricStudioError | ServerError): ErrorBody {
  if (isCatalogued(err)) return bodyOf(err.code, err.message, err.details, 'text' in err ? err.text : undefined);
  if (err.validation) {
    const part = err.validationContext ?? 'body';
    const details = err.validation.map((v): Issue => {
      const params = v.params as Record<string, unknown>;
      if (v.keyword === 'additionalProperties') return { path: `/${part}${v.instancePath}/${params.additionalProperty}`, message: `unknown field "${params.additionalProperty}": remove it` };
      if (v.keyword === 'required') return { path: `/${part}${v.instancePath}/${params.missingProperty}`, message: 'is required' };
      return { path: `/${part}${v.instancePath}`, message: v.message ?? 'is invalid' };
    });
    return bodyOf('VALIDATION_FAILED', `The request ${part} is invalid: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}.`, details);
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return bodyOf('BODY_TOO_LARGE', 'The request body is larger than the server accepts.', [{ path: '', message: 'see the limits in the README' }]);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return bodyOf('BODY_NOT_JSON', 'The request body is not valid JSON.', [{ path: '', message: 'send a JSON document' }]);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return bodyOf('UNSUPPORTED_MEDIA_TYPE', err.message, [{ path: 'headers/content-type', message: 'use application/json' }]);
  }
  const status = err.statusCode ?? 500;
  if (status === 404) return bodyOf('NOT_FOUND', err.message);
  if (status === 413) return bodyOf('BODY_TOO_LARGE', err.message);
  if (status >= 400 && status < 500) return { ...bodyOf('VALIDATION_FAILED', err.message), statusCode: status };
  return bodyOf('INTERNAL', 'An unexpected fault occurred; nothing was stored by this request.');
}
