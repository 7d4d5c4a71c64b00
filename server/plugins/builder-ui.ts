/**
 * The built builder UI (builder-ui/dist) at /, with its client-side routes falling back to
 * index.html. Without a build, a plain page says so instead.
 *
 * Files go out precompressed: the build writes `.br` and `.gz` beside each (builder-ui/precompress.ts)
 * and a browser gets the one it accepts, with `Vary: Accept-Encoding`. Files under /assets/ carry a
 * content hash in their name, so they are cached for a year unchanged; index.html (and the SPA
 * fallback, which is index.html) is revalidated on every load, so a new deploy is picked up at once.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sharedPlugin } from './shared-plugin.ts';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rubric Studio</title></head>
<body><h1>Rubric Studio</h1>
<p>The builder UI is not built. Build it with <code>npm run build</code> and restart,
or use the API: <a href="/docs">/docs</a>.</p></body></html>
`;

/** Cache-Control of the files vite names by their content hash (its assetsDir, assets/): a changed file gets a new name. */
export const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
/** Cache-Control of everything else (index.html): stored, but revalidated (ETag, Last-Modified) before each use. */
export const PAGE_CACHE = 'no-cache';

/** The Cache-Control of a file served from `root`; `file` may be a precompressed sibling (.br, .gz). */
export function cacheControlOf(root: string, file: string): string {
  return relative(root, file).startsWith(`assets${sep}`) ? HASHED_ASSET_CACHE : PAGE_CACHE;
}

/** True when `uiDir` holds a built UI. */
export function isUiBuilt(uiDir: string | undefined): uiDir is string {
  return Boolean(uiDir && existsSync(join(uiDir, 'index.html')));
}

/**
 * The script-src sources that allow index.html's inline scripts, by their SHA-256 (the early
 * requests, builder-ui/early-script.ts); none without a built UI. Read at start: a UI rebuilt under
 * a running server with another inline script finds it refused, and the app then asks for its data itself.
 */
export function inlineScriptSources(uiDir: string | undefined): string[] {
  if (!isUiBuilt(uiDir)) return [];
  const html = readFileSync(join(uiDir, 'index.html'), 'utf8');
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(([, code]) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`);
}

/** What a browser gets for a page path that is no route: the SPA's index.html, or the not-built page. */
export function uiPageFallback(uiDir: string | undefined): (request: FastifyRequest, reply: FastifyReply) => unknown {
  if (isUiBuilt(uiDir)) return (_request, reply) => reply.sendFile('index.html');
  return (_request, reply) => reply.code(200).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
}

export const builderUiPlugin = sharedPlugin<{ uiDir?: string }>('rubric-studio-builder-ui', async (app, { uiDir }) => {
  if (isUiBuilt(uiDir)) {
    const root = resolve(uiDir);
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      preCompressed: true,
      // Also for reply.sendFile (the SPA fallback): @fastify/send's own max-age=0 is replaced here.
      setHeaders: (reply, file) => {
        reply.header('cache-control', cacheControlOf(root, file));
      },
    });
  } else {
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE));
  }
});
