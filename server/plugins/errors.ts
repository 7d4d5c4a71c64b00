/**
 * One error shape for every response: the engine's and the server's errors, Fastify's validation
 * and body errors, unknown routes and unexpected faults all become {statusCode, code, error,
 * message, text, details}, the status taken from HTTP_STATUS (server/errors.ts) and the words
 * from the catalogues (engine/document/messages.ts, server/messages.ts).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type Issue, issue, type MessageText, type RubricStudioError } from '../../engine/index.ts';
import { type ErrorBody, type ErrorCode, errorBody as bodyOf, isCatalogued, type ServerError } from '../errors.ts';
import { REQUEST_MESSAGES } from '../messages.ts';
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
    const path = request.url.split('?')[0];
    const text = REQUEST_MESSAGES.noRoute(request.method, path);
    const body = bodyOf('NOT_FOUND', text.en, [issue(path, REQUEST_MESSAGES.seeDocs())], text);
    return reply.code(404).send(body);
  });
});

/** Maps anything thrown in a request to the error body of the catalogue. */
export function toErrorBody(err: FastifyError | RubricStudioError | ServerError): ErrorBody {
  if (isCatalogued(err)) return bodyOf(err.code, err.message, err.details, err.text);
  if (err.validation) {
    const part = err.validationContext ?? 'body';
    const found = err.validation.map((v): { path: string; text: MessageText } => {
      const params = v.params as Record<string, unknown>;
      if (v.keyword === 'additionalProperties') return { path: `/${part}${v.instancePath}/${params.additionalProperty}`, text: REQUEST_MESSAGES.unknownField(String(params.additionalProperty)) };
      if (v.keyword === 'required') return { path: `/${part}${v.instancePath}/${params.missingProperty}`, text: REQUEST_MESSAGES.fieldRequired() };
      return { path: `/${part}${v.instancePath}`, text: REQUEST_MESSAGES.schemaKeyword(v.keyword, params, v.message) };
    });
    return said('VALIDATION_FAILED', REQUEST_MESSAGES.requestInvalid(part, found), found.map((f) => issue(f.path, f.text)));
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return said('BODY_TOO_LARGE', REQUEST_MESSAGES.bodyTooLarge(), [issue('', REQUEST_MESSAGES.seeLimits())]);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return said('BODY_NOT_JSON', REQUEST_MESSAGES.bodyNotJson(), [issue('', REQUEST_MESSAGES.sendJson())]);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return said('UNSUPPORTED_MEDIA_TYPE', REQUEST_MESSAGES.mediaTypeUnsupported(err.message), [issue('headers/content-type', REQUEST_MESSAGES.jsonContentType())]);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return said('UNSUPPORTED_MEDIA_TYPE', REQUEST_MESSAGES.contentLengthMismatch(err.message), [issue('headers/content-type', REQUEST_MESSAGES.jsonContentType())]);
  }
  const status = err.statusCode ?? 500;
  if (status === 404) return said('NOT_FOUND', REQUEST_MESSAGES.notFound(err.message));
  if (status === 413) return said('BODY_TOO_LARGE', REQUEST_MESSAGES.tooLarge(err.message));
  if (status >= 400 && status < 500) return { ...said('VALIDATION_FAILED', REQUEST_MESSAGES.refused(err.message)), statusCode: status };
  return said('INTERNAL', REQUEST_MESSAGES.unexpectedFault());
}

/** The body for `code` saying `text` (server/messages.ts), its English as `message`. */
function said(code: ErrorCode, text: MessageText, details: Issue[] = []): ErrorBody {
  return bodyOf(code, text.en, details, text);
}
