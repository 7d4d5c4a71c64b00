/**
 * `npm run build`: the production build. The builder UI to static files (vite → builder-ui/dist,
 * each with the brotli and gzip copies vite.config.ts's precompress plugin writes) and the server
 * and CLI to JavaScript (esbuild → dist/server/main.js, dist/engine/cli.js): server/ and engine/
 * bundled into one ESM file each, npm packages left as imports (they are the runtime
 * dependencies). `node dist/server/main.js` then runs with no tsx, vite or build at run time.
 * It lives in server/ because it builds what the server runs and serves.
 * `--server-only` skips the UI.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { build as esbuild, type Metafile, type Plugin } from 'esbuild';

const root = resolve(import.meta.dirname, '..');

/** The bundles: output path (under the out dir, without .js) → entry source. */
export const ENTRY_POINTS = { 'server/main': 'server/main.ts', 'server/impact-worker': 'engine/compare/impact-worker.ts', 'engine/cli': 'engine/cli/cli.ts' } as const;

/**
 * A bundled module's `import.meta.url` is the bundle's, not its source's: a path computed from it
 * would point into dist/. Only server/main.ts may use it (the build tells it where the package root
 * is); anything else must import its data (JSON modules are inlined) or take a path from main.ts.
 */
const sourceLocationGuard: Plugin = {
  name: 'source-location-guard',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = relative(root, args.path);
      if (source.startsWith(`node_modules${sep}`)) return undefined;
      const contents = readFileSync(args.path, 'utf8');
      if (source !== join('server', 'main.ts') && /import\.meta\.(url|dirname|filename)/.test(contents)) {
        return { errors: [{ text: `${source} reads import.meta.url/dirname/filename, which would point into the bundle's folder once built. Import the file as a module (JSON is inlined) or pass a path from server/main.ts.` }] };
      }
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * Bundles the server and the CLI into `outDir` (dist/ by default; the tests use a folder in a temp
 * package root); returns esbuild's metafile (inputs, outputs, imports). The bundles find the package
 * they serve (examples/, builder-ui/dist) two folders up: `outDir` must sit in that package's root.
 */
export async function buildServer(outDir = join(root, 'dist')): Promise<Metafile> {
  const result = await esbuild({
    absWorkingDir: root,
    entryPoints: ENTRY_POINTS,
    outdir: resolve(outDir),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    plugins: [sourceLocationGuard],
    // <package>/dist/server/main.js → <package>: read by server/main.ts, which also learns from it that it runs built.
    define: { RUBRIC_STUDIO_BUNDLE_ROOT: JSON.stringify('../..') },
  });
  return result.metafile;
}

/** Builds builder-ui/dist with vite (loaded only here: the built server never needs it). */
export async function buildUi(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'builder-ui', 'vite.config.ts'), logLevel: 'warn' });
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { 'server-only': { type: 'boolean', default: false } }, strict: true });
  const started = performance.now();
  if (!values['server-only']) {
    await buildUi();
    console.log(`builder UI → ${relative(process.cwd(), join(root, 'builder-ui', 'dist')) || '.'}`);
  }
  const metafile = await buildServer();
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (file.endsWith('.js')) console.log(`${file}  ${(output.bytes / 1024).toFixed(0)} kB`);
  }
  console.log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s; run it with \`npm run start:prod\` (node dist/server/main.js)`);
}

if (import.meta.filename === process.argv[1]) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(`build failed: ${(err as Error).message}`);
    process.exit(1);
  });
}
