/**
 * Bearer-token authentication for /api: 401 without a known token, 403 when the route's
 * `config.roles` does not include the token's role. Checked on request, before the body is read.
 */
import { createHash } from 'node:crypto';
import { RubricStudioError } from '../../engine/index.ts';
import type { Role } from '../storage/types.ts';
import type { TokenGrant } from '../tokens.ts';
import { sharedPlugin } from './shared-plugin.ts';

/** Who is calling, as the token says. */
export interface Caller {
  role: Role;
  /** Token holder's name, recorded in the audit log. */
  actor: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller;
  }
  interface FastifyContextConfig {
    /** Roles allowed on the route; absent means every authenticated role. */
    roles?: readonly Role[];
  }
}

// Tokens are looked up by digest so that comparison time does not depend on how much of a guess matches.
const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

export const authPlugin = sharedPlugin<{ grants: TokenGrant[] }>('rubric-studio-auth', async (app, { grants }) => {
  const callers = new Map(grants.map((g): [string, Caller] => [digest(g.token), { role: g.role, actor: g.name }]));
  app.decorateRequest('caller', null as unknown as Caller);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') && request.url !== '/api') return;
    const match = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new RubricStudioError('UNAUTHORIZED', 'This needs a bearer token: send "Authorization: Bearer <token>".', [{ path: 'headers/authorization', message: 'missing or not of the form "Bearer <token>"' }]);
    const caller = callers.get(digest(match[1]));
    if (!caller) throw new RubricStudioError('UNAUTHORIZED', 'The bearer token is not known to this server.', [{ path: 'headers/authorization', message: 'use a token from the tokens file or RUBRIC_TOKENS' }]);
    request.caller = caller;
    const roles = request.routeOptions.config.roles;
    if (roles && !roles.includes(caller.role)) {
      throw new RubricStudioError('FORBIDDEN', `${request.method} ${request.routeOptions.url} needs the ${roles.join(' or ')} role; this token has the ${caller.role} role.`);
    }
  });
});
