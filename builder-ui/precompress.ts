/**
 * Precompressed copies of the built UI: beside every compressible file of builder-ui/dist, a `.br`
 * (brotli, quality 11) and a `.gz` (gzip, level 9) sibling, which server/plugins/builder-ui.ts
 * serves to browsers that accept them. Compressing once at build time allows the slowest, smallest
 * settings; compressing per request would cost the server CPU on every first load.
 * A vite plugin (builder-ui/vite.config.ts), so every build writes them: `npm run build`, the
 * build `npm start` runs on first start, and the one the browser tests run.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

/** Extensions worth compressing: text formats (images and fonts are compressed already). */
export const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg', '.json']);

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The files under `dir`, recursively, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** True for "no such file or directory". */
const isGone = (err: unknown): boolean => (err as NodeJS.ErrnoException).code === 'ENOENT';

/** Writes the brotli and gzip copies of one file, each only when smaller than the file. */
async function precompressFile(file: string): Promise<void> {
  const content = await readFile(file);
  const [br, gz] = await Promise.all([
    brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
    gzipAsync(content, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  if (br.length < content.length) await writeFile(`${file}.br`, br);
  if (gz.length < content.length) await writeFile(`${file}.gz`, gz);
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file under `dir`; returns the files
 * compressed. A copy that would not be smaller is not written, so the plain file is served instead.
 */
export async function precompressDirectory(dir: string): Promise<string[]> {
  const files = (await filesUnder(dir)).filter((file) => COMPRESSIBLE.has(extname(file)));
  await Promise.all(
    files.map((file) =>
      // Another build into the same folder (the browser tests each build one) may empty it meanwhile:
      // a file gone is skipped, and that build compresses the files it writes.
      precompressFile(file).catch((err: unknown) => {
        if (!isGone(err)) throw err;
      }),
    ),
  );
  return files;
}

/** The vite plugin: once the bundle is written to the output folder, precompresses it. */
export function precompress(): Plugin {
  return {
    name: 'rubric-studio-precompress',
    apply: 'build',
    async writeBundle(options) {
      if (!options.dir) throw new Error('precompress: the build has no output folder (build.outDir) to compress.');
      await precompressDirectory(options.dir);
    },
  };
}
