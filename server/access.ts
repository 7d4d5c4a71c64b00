/**
 * Who may call what: the access rule every route declares in its `config.access`, and the role
 * table built from the routes as they are registered. The rule lives on the route, so it holds
 * for every spelling of a path the router matches; nothing here looks at the URL text.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Role } from './storage/types.ts';

export const ROLES: readonly Role[] = ['editor', 'assessor', 'viewer'];

/** A route's access rule: open to anyone, or to callers whose token has one of the roles. */
export type Access = { readonly public: true } | { readonly roles: readonly Role[] };

/** Pages, assets, docs and the health check: no token needed. */
export const PUBLIC: Access = { public: true };
/** Any valid token. */
export const ANY_ROLE: Access = { roles: ROLES };
export const EDITORS: Access = { roles: ['editor'] };
export const ASSESSORS: Access = { roles: ['assessor'] };
/** Supplementary answers to old assessments: assessors, and editors reviewing a revision. */
export const SUPPLIERS: Access = { roles: ['assessor', 'editor'] };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every route; a route without it answers 403 to everyone (deny by default). */
    access?: Access;
  }
}

/** One row of the role table: a registered route and its declared rule (undefined: none declared). */
export interface RouteAccess {
  readonly method: string;
  readonly url: string;
  readonly access: Access | undefined;
}

/**
 * Records every route registered after this call (in any plugin) into `table`.
 * Fastify runs onRoute hooks of the root for routes of every child context.
 */
export function collectRouteAccess(app: FastifyInstance, table: RouteAccess[]): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // Read when asked: onRoute hooks of child contexts (registerPublic) run after this one.
    const declared = (): Access | undefined => (route.config as { access?: Access } | undefined)?.access;
    for (const method of methods) table.push({ method, url: route.url, get access() { return declared(); } });
  });
}

/**
 * Registers `plugin` (a third-party plugin such as static files or the API docs) so that each of
 * its routes is declared public, since such plugins cannot declare an access rule themselves.
 */
export async function registerPublic(app: FastifyInstance, plugin: (child: FastifyInstance) => Promise<void>): Promise<void> {
  await app.register(async (child) => {
    child.addHook('onRoute', (route: RouteOptions) => {
      route.config = { ...(route.config as object), access: PUBLIC } as RouteOptions['config'];
    });
    await plugin(child);
  });
}
