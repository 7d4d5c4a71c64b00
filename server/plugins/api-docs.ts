/**
 * The OpenAPI description (/openapi.json), built from the route schemas, and the interactive
 * docs (/docs). Swagger UI gets its own CSP (its bundled inline hashes) instead of the UI's.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { registerPublic } from '../access.ts';
import { sharedPlugin } from './shared-plugin.ts';

export const apiDocsPlugin = sharedPlugin('rubric-studio-api-docs', async (app) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rubric Studio API',
        version: '0.1.0',
        description: 'Rubric versions, communities and assessments. Every error has the body {statusCode, code, error, message, details}.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    // Name shared schemas by their $id in components, instead of def-0, def-1, ...
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  // The swagger plugin stays on the root (its onRoute hook must see every route); its pages are public.
  await registerPublic(app, async (child) => {
    await child.register(swaggerUi, {
      routePrefix: '/docs',
      staticCSP: true,
      // Plain HTTP: upgrading the docs' requests to https would break them.
      transformStaticCSP: (header) => header.replace(/upgrade-insecure-requests;?/, '').trim(),
    });
    child.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  });
});
