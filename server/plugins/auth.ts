/**
 * Bearer-token authentication and the access rule of each route (server/access.ts), enforced
 * where the router matched the request: 401 without a known token, 403 when the route's rule
 * does not admit the token's role or the route declares no rule. Checked on request, before the
 * body is read. Refused and forbidden attempts are written to the audit log, rate-limited.
 */
import { issue } from '../../engine/index.ts';
import { ServerError } from '../errors.ts';
import { ACCESS_MESSAGES } from '../messages.ts';
import { type Access, collectRouteAccess, type RouteAccess } from '../access.ts';
import type { RefusalAudit } from '../refusal-audit.ts';
import type { Role } from '../storage/types.ts';
import { type Credential, findCredential } from '../tokens.ts';
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
  interface FastifyInstance {
    /** Every registered route with its declared access rule, in registration order. */
    routeAccess: readonly RouteAccess[];
  }
}

export interface AuthOptions extends Record<string, unknown> {
  credentials: Credential[];
  /** Where refused attempts are recorded; its owner closes it before the storage. */
  refusals: RefusalAudit;
}

export const authPlugin = sharedPlugin<AuthOptions>('rubric-studio-auth', async (app, { credentials, refusals }) => {
  const table: RouteAccess[] = [];
  collectRouteAccess(app, table);
  app.decorate('routeAccess', table);
  app.decorateRequest('caller', null as unknown as Caller);

  app.addHook('onRequest', async (request) => {
    // Unknown paths are answered 404 by the not-found handler; there is no route to protect.
    if (request.is404) return;
    const access: Access | undefined = request.routeOptions.config.access;
    if (access && 'public' in access) return;
    const route = `${request.method} ${request.routeOptions.url}`;
    /** Records the refusal in the audit log (rate-limited) and returns the error to throw. */
    const refused = (error: ServerError, caller: Caller | null): ServerError => {
      refusals.record({ caller, ip: request.ip, route, error });
      return error;
    };
    const match = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? '');
    if (!match) throw refused(new ServerError('UNAUTHORIZED', ACCESS_MESSAGES.tokenMissing(), [issue('headers/authorization', ACCESS_MESSAGES.headerMalformed())]), null);
    const credential = findCredential(credentials, match[1]);
    if (!credential) throw refused(new ServerError('UNAUTHORIZED', ACCESS_MESSAGES.tokenUnknown(), [issue('headers/authorization', ACCESS_MESSAGES.knownToken())]), null);
    const caller: Caller = { role: credential.role, actor: credential.name };
    request.caller = caller;
    if (!access) throw refused(new ServerError('FORBIDDEN', ACCESS_MESSAGES.noAccessRule(route), [issue(request.routeOptions.url ?? '', ACCESS_MESSAGES.declareAccess())]), caller);
    if (!access.roles.includes(caller.role)) {
      throw refused(new ServerError('FORBIDDEN', ACCESS_MESSAGES.roleNeeded(route, access.roles, caller.role), [issue('headers/authorization', ACCESS_MESSAGES.tokenWithRole(access.roles))]), caller);
    }
  });
});
