/**
 * Security headers (@fastify/helmet) with a Content Security Policy the builder UI works under:
 * its scripts and styles come from this origin, and the one inline script of index.html (the early
 * requests) is allowed by its hash alone; @rjsf sets inline style attributes, hence
 * 'unsafe-inline' for styles only. Served over plain HTTP, so no upgrade-insecure-requests.
 *
 * @fastify/helmet builds helmet's middleware anew on every request (its options parsed, the CSP
 * re-encoded: ~3% of a score preview), yet the headers never change: they are taken from it once,
 * at start, and set on every response from then on.
 */
import helmet from '@fastify/helmet';
import Fastify from 'fastify';
import { sharedPlugin } from './shared-plugin.ts';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** `scriptSources`: more sources for script-src, e.g. the hashes of the UI's inline scripts (inlineScriptSources). */
export const securityHeadersPlugin = sharedPlugin<{ scriptSources?: string[] }>('rubric-studio-security-headers', async (app, { scriptSources = [] }) => {
  const headers = await helmetHeaders(scriptSources);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
});

/** The headers @fastify/helmet adds to a response, with this CSP: what a bare Fastify answer lacks. */
export async function helmetHeaders(scriptSources: string[] = []): Promise<Record<string, string>> {
  const directives = { ...CONTENT_SECURITY_POLICY, scriptSrc: [...CONTENT_SECURITY_POLICY.scriptSrc, ...scriptSources] };
  const answer = async (withHelmet: boolean): Promise<Record<string, unknown>> => {
    const probe = Fastify();
    if (withHelmet) await probe.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives } });
    probe.get('/', async () => 'probe');
    try {
      return (await probe.inject('/')).headers;
    } finally {
      await probe.close();
    }
  };
  const [bare, secured] = await Promise.all([answer(false), answer(true)]);
  const added = Object.entries(secured).filter(([name]) => !(name in bare));
  if (!added.some(([name]) => name === 'content-security-policy')) throw new Error('@fastify/helmet set no Content-Security-Policy; the security headers could not be taken from it.');
  return Object.fromEntries(added.map(([name, value]) => [name, String(value)]));
}
