/** Lifting a plugin out of encapsulation, as fastify-plugin does, without depending on it. */
import type { FastifyPluginAsync } from 'fastify';

/**
 * Marks a plugin so that its hooks, decorators and handlers apply to the app that registers it,
 * not only to a child context (Fastify's documented "skip-override" symbol).
 */
export function sharedPlugin<Options extends Record<string, unknown>>(name: string, plugin: FastifyPluginAsync<Options>): FastifyPluginAsync<Options> {
  Object.assign(plugin, { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: name });
  return plugin;
}
