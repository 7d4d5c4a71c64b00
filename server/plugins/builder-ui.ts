/**
 * The built builder UI (builder-ui/dist) at /, with its client-side routes falling back to
 * index.html. Without a build, a plain page says so instead.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sharedPlugin } from './shared-plugin.ts';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rubric Studio</title></head>
<body><h1>Rubric Studio</h1>
<p>The builder UI is not built. Build it with <code>npm run build</code> and restart,
or use the API: <a href="/docs">/docs</a>.</p></body></html>
`;

/** True when `uiDir` holds a built UI. */
export function isUiBuilt(uiDir: string | undefined): uiDir is string {
  return Boolean(uiDir && existsSync(join(uiDir, 'index.html')));
}

/** What a browser gets for a page path that is no route: the SPA's index.html, or the not-built page. */
export function uiPageFallback(uiDir: string | undefined): (request: FastifyRequest, reply: FastifyReply) => unknown {
  if (isUiBuilt(uiDir)) return (_request, reply) => reply.sendFile('index.html');
  return (_request, reply) => reply.code(200).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
}

export const builderUiPlugin = sharedPlugin<{ uiDir?: string }>('rubric-studio-builder-ui', async (app, { uiDir }) => {
  if (isUiBuilt(uiDir)) {
    await app.register(fastifyStatic, { root: resolve(uiDir), prefix: '/' });
  } else {
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE));
  }
});
