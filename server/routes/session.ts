/** Whether the server is up (for anyone and for probes), and who the caller is. */
import type { FastifyPluginAsync } from 'fastify';
import { ANY_ROLE, PUBLIC } from '../access.ts';
import { errorResponses } from '../schemas.ts';

export interface SessionOptions {
  /** True while the published local default tokens are accepted. */
  defaultTokens: boolean;
}

const defaultTokensProperty = { type: 'boolean', description: 'True while the server accepts the published default tokens: replace them (see the README).' } as const;

export const sessionRoutes: FastifyPluginAsync<SessionOptions> = async (app, { defaultTokens }) => {
  app.get('/api/health', {
    config: { access: PUBLIC },
    schema: {
      tags: ['session'],
      summary: 'The server answers; no token needed',
      security: [],
      response: { 200: { type: 'object', required: ['status', 'defaultTokens'], properties: { status: { type: 'string', enum: ['ok'] }, defaultTokens: defaultTokensProperty } } },
    },
    handler: async () => ({ status: 'ok', defaultTokens }),
  });

  app.get('/api/me', {
    config: { access: ANY_ROLE },
    schema: {
      tags: ['session'],
      summary: 'The role (and name) of the calling token',
      response: {
        200: {
          type: 'object',
          required: ['role', 'actor', 'defaultTokens'],
          properties: { role: { type: 'string', enum: ['editor', 'assessor', 'viewer'] }, actor: { type: 'string' }, defaultTokens: defaultTokensProperty },
        },
        ...errorResponses(),
      },
    },
    handler: async (request) => ({ ...request.caller, defaultTokens }),
  });
};
