/**
 * Security headers (@fastify/helmet) with a Content Security Policy the builder UI works under:
 * its scripts and styles come from this origin; @rjsf sets inline style attributes, hence
 * 'unsafe-inline' for styles only. Served over plain HTTP, so no upgrade-insecure-requests.
 */
import helmet from '@fastify/helmet';
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

export const securityHeadersPlugin = sharedPlugin('rubric-studio-security-headers', async (app) => {
  await app.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } });
});
