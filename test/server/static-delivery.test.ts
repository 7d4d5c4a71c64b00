/**
 * How the built UI is delivered: the real vite build (into a temp folder, so the browser tests'
 * builder-ui/dist is left alone) served by the app through app.inject. Precompressed brotli and
 * gzip with Vary, a year's immutable caching for hashed assets, revalidation for index.html and
 * the SPA fallback, and an assessor's first load within its JavaScript budget, editor left out.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HASHED_ASSET_CACHE, PAGE_CACHE } from '../../server/plugins/builder-ui.ts';
import { freshDataDir, startApp } from './harness.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

/** The assessor's first-load budget: JavaScript, gzip, 150 kB (of 1,000 bytes, the stricter reading). */
const ASSESSOR_JS_BUDGET = 150_000;

/** A string only the rubric editor's code holds (checked below against the sources), to find its chunk. */
const EDITOR_MARKER = 'version-status';

/** The files under `dir`, recursively, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

/** The scripts index.html loads at once: its module script and the modules it preloads. */
function initialScripts(indexHtml: string): string[] {
  const tags = indexHtml.match(/<(script|link)\b[^>]*>/g) ?? [];
  return tags.flatMap((tag) => {
    const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (tag.startsWith('<script') && /type="module"/.test(tag) && src) return [src];
    if (tag.startsWith('<link') && /rel="modulepreload"/.test(tag) && href) return [href];
    return [];
  });
}

describe('the built UI as delivered', () => {
  let app: FastifyInstance;
  let uiDir: string;
  const file = (path: string): Buffer => readFileSync(join(uiDir, path));

  beforeAll(async () => {
    uiDir = join(freshDataDir(), 'dist');
    // NODE_ENV as `npm run build` has it: vitest sets "test", with which vite builds React's development code.
    const env = { ...process.env, NODE_ENV: 'production' };
    const build = spawnSync('npx', ['vite', 'build', '--config', 'builder-ui/vite.config.ts', '--outDir', uiDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, env, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
    app = await startApp({ uiDir });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(uiDir, { recursive: true, force: true });
  });

  test('the build writes a brotli and a gzip copy beside every script, stylesheet and page', () => {
    const files = filesUnder(uiDir);
    const compressible = files.filter((f) => /\.(js|css|html)$/.test(f));
    expect(compressible.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(1);
    for (const f of compressible) {
      expect(files, f).toContain(`${f}.br`);
      expect(files, f).toContain(`${f}.gz`);
    }
  });

  test('each asset is served as brotli and as gzip, with Vary, decompressing to the file itself', async () => {
    const assets = filesUnder(uiDir).filter((f) => /^assets\/.+\.(js|css)$/.test(f));
    for (const path of assets) {
      for (const [encoding, decompress, suffix] of [
        ['br', brotliDecompressSync, '.br'],
        ['gzip', gunzipSync, '.gz'],
      ] as const) {
        const response = await app.inject({ url: `/${path}`, headers: { 'accept-encoding': encoding } });
        expect(response.statusCode, path).toBe(200);
        expect(response.headers['content-encoding'], path).toBe(encoding);
        expect(String(response.headers.vary), path).toMatch(/accept-encoding/i);
        expect(response.headers['content-type'], path).toMatch(path.endsWith('.js') ? /javascript/ : /text\/css/);
        expect(Number(response.headers['content-length']), path).toBe(file(path + suffix).length);
        expect(decompress(response.rawPayload).equals(file(path)), path).toBe(true);
      }
    }
  });

  test('a client that accepts no compression gets the plain file, still with Vary', async () => {
    const script = initialScripts(file('index.html').toString('utf8'))[0];
    const response = await app.inject({ url: script, headers: { 'accept-encoding': 'identity' } });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(String(response.headers.vary)).toMatch(/accept-encoding/i);
    expect(response.rawPayload.equals(file(script.slice(1)))).toBe(true);
  });

  test('hashed assets are cached for a year as immutable', async () => {
    for (const path of filesUnder(uiDir).filter((f) => /^assets\/[^/]+\.(js|css)$/.test(f))) {
      expect(path).toMatch(/-[\w-]{8}\.(js|css)$/);
      const response = await app.inject({ url: `/${path}`, headers: { 'accept-encoding': 'br' } });
      expect(response.headers['cache-control'], path).toBe(HASHED_ASSET_CACHE);
    }
    expect(HASHED_ASSET_CACHE).toBe('public, max-age=31536000, immutable');
  });

  test('index.html at / is compressed and revalidated on every load (no-cache, answered 304 when unchanged)', async () => {
    const page = await app.inject({ url: '/', headers: { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(String(page.headers.vary)).toMatch(/accept-encoding/i);
    expect(page.headers['cache-control']).toBe(PAGE_CACHE);
    expect(brotliDecompressSync(page.rawPayload).equals(file('index.html'))).toBe(true);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const again = await app.inject({ url: '/', headers: { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br', 'if-none-match': String(page.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  test("index.html's inline script (the early requests) is allowed by its hash alone", async () => {
    const html = file('index.html').toString('utf8');
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(([, code]) => code);
    expect(inline).toHaveLength(1);
    expect(inline[0]).toContain('/api/me');
    const page = await app.inject({ url: '/', headers: { accept: 'text/html' } });
    const scriptSrc = String(page.headers['content-security-policy']).split(';').find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe(`script-src 'self' 'sha256-${createHash('sha256').update(inline[0]).digest('base64')}'`);
  });

  test('a client-side route falls back to index.html, compressed and no-cache', async () => {
    const response = await app.inject({ url: '/assessments/some-id', headers: { accept: 'text/html', 'accept-encoding': 'gzip' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(String(response.headers.vary)).toMatch(/accept-encoding/i);
    expect(response.headers['cache-control']).toBe(PAGE_CACHE);
    expect(gunzipSync(response.rawPayload).equals(file('index.html'))).toBe(true);
  });

  test(`the assessor's first load is at most ${ASSESSOR_JS_BUDGET / 1000} kB of JavaScript gzip and leaves the editor out`, async () => {
    const sources = filesUnder(join(ROOT, 'builder-ui', 'src')).filter((f) => readFileSync(join(ROOT, 'builder-ui', 'src', f), 'utf8').includes(EDITOR_MARKER));
    expect(sources, 'the editor marker must be in the rubric editor alone').toEqual(['components/RubricEditor.tsx']);
    const scripts = filesUnder(uiDir).filter((f) => f.endsWith('.js'));
    const editorChunks = scripts.filter((f) => file(f).toString('utf8').includes(EDITOR_MARKER));
    expect(editorChunks).toHaveLength(1);

    const initial = initialScripts(file('index.html').toString('utf8'));
    expect(initial.length).toBeGreaterThan(0);
    expect(initial).not.toContain(`/${editorChunks[0]}`);
    let transferred = 0;
    for (const script of initial) {
      const response = await app.inject({ url: script, headers: { 'accept-encoding': 'gzip' } });
      expect(response.headers['content-encoding'], script).toBe('gzip');
      expect(response.body, script).not.toContain(EDITOR_MARKER);
      transferred += response.rawPayload.length;
    }
    expect(transferred).toBeLessThanOrEqual(ASSESSOR_JS_BUDGET);
  });

  test("no form enables @rjsf's markdown, which the build renders as plain text", () => {
    const roots = ['engine', join('builder-ui', 'src')];
    const enabling = roots.flatMap((dir) =>
      filesUnder(join(ROOT, dir))
        .filter((f) => /\.tsx?$/.test(f) && f !== 'markdown-as-text.ts')
        .filter((f) => /enableMarkdownIn(Description|Help)/.test(readFileSync(join(ROOT, dir, f), 'utf8')))
        .map((f) => join(dir, f)),
    );
    expect(enabling).toEqual([]);
  });
});
