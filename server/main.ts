/**
 * `npm start`: builds the builder UI when it is missing, opens the data directory (one server
 * per directory) or the PostgreSQL database of DATABASE_URL, seeds it on first start and listens.
 * PORT, HOST, DATA_DIR and DATABASE_URL come from the environment or from --port, --host,
 * --data-dir, --database-url (flags win); --no-ui-build skips the UI build.
 * `npm run build` bundles this file to dist/server/main.js (server/build.ts), which never builds:
 * without builder-ui/dist it says how to build and serves a placeholder page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isCatalogued } from './errors.ts';
import { buildApp } from './app.ts';
import { isUiBuilt } from './plugins/builder-ui.ts';
import { ROLES } from './access.ts';
import { resolveTokens } from './tokens.ts';
import { databaseLocation } from './storage/postgres-storage.ts';

/** Set by server/build.ts in the bundle: the path from the bundle's folder to the package root. Undefined when run from source. */
declare const RUBRIC_STUDIO_BUNDLE_ROOT: string | undefined;
const bundleRoot = typeof RUBRIC_STUDIO_BUNDLE_ROOT === 'string' ? RUBRIC_STUDIO_BUNDLE_ROOT : undefined;

/** The package root (examples/, builder-ui/): one up from server/main.ts, or as the build recorded it. */
const root = resolve(import.meta.dirname, bundleRoot ?? '..');

/** Server settings from flags, then the environment, then the defaults. */
function readSettings(argv: string[], env: NodeJS.ProcessEnv): { port: number; host: string; dataDir: string; databaseUrl: string | undefined; buildUi: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, host: { type: 'string' }, 'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, 'no-ui-build': { type: 'boolean', default: false } },
    strict: true,
  });
  const port = Number(values.port ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a whole number from 0 to 65535, got ${values.port ?? env.PORT}.`);
  // An empty DATABASE_URL (a blank line in an env file) means none: lowdb, as without it.
  const databaseUrl = values['database-url'] || env.DATABASE_URL || undefined;
  return { port, host: values.host ?? env.HOST ?? '127.0.0.1', dataDir: resolve(values['data-dir'] ?? env.DATA_DIR ?? './data'), databaseUrl, buildUi: !values['no-ui-build'] };
}

/** Builds builder-ui/dist with vite when it is missing; false when there is nothing to build or the build failed. */
function ensureUiBuilt(uiDir: string, log: (message: string) => void): boolean {
  if (isUiBuilt(uiDir)) return true;
  // The built server runs without vite (a production install has none): it says how to build instead.
  if (bundleRoot !== undefined) {
    log(`warning: the builder UI is not built (${uiDir} has no index.html); serving a placeholder page at /. Run \`npm run build\` and restart.`);
    return false;
  }
  const config = join(root, 'builder-ui', 'vite.config.ts');
  if (!existsSync(config)) {
    log(`warning: the builder UI is not built and ${config} does not exist; serving a placeholder page at /.`);
    return false;
  }
  log('Building the builder UI (first start)...');
  const build = spawnSync('npx', ['vite', 'build', '--config', config], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0 || !isUiBuilt(uiDir)) {
    log('warning: the builder UI build failed; serving a placeholder page at /.');
    return false;
  }
  return true;
}

async function main(): Promise<void> {
  const settings = readSettings(process.argv.slice(2), process.env);
  const uiDir = join(root, 'builder-ui', 'dist');
  // The built server never builds, so --no-ui-build changes nothing there: it always says when the UI is missing.
  if (settings.buildUi || bundleRoot !== undefined) ensureUiBuilt(uiDir, (message) => console.warn(message));
  const { grants, source } = resolveTokensAfterMkdir(settings.dataDir);
  // Built, the worker is bundled beside this file (server/build.ts); from source, it is the engine's module.
  const impactWorker = new URL(bundleRoot ? './impact-worker.js' : '../engine/compare/impact-worker.ts', import.meta.url);
  const app = await buildApp({ dataDir: settings.dataDir, databaseUrl: settings.databaseUrl, tokens: grants, logger: { level: process.env.LOG_LEVEL ?? 'info' }, uiDir, seedFrom: join(root, 'examples'), impactWorker });
  const close = async (): Promise<void> => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  const address = await app.listen({ port: settings.port, host: settings.host });
  const url = address.replace('127.0.0.1', 'localhost');
  const data = settings.databaseUrl ? `data: ${databaseLocation(settings.databaseUrl)}, settings: ${settings.dataDir}` : `data: ${settings.dataDir}`;
  console.log(`\nRubric Studio is running at ${url}  (API docs: ${url}/docs, ${data})`);
  // Tokens are secrets: say where they come from and how many per role, never what they are.
  const perRole = ROLES.map((role) => `${grants.filter((g) => g.role === role).length} ${role}`).join(', ');
  console.log(`Tokens: ${perRole} (from ${source}).`);
  if (app.defaultTokens) {
    console.warn('\n*** WARNING: the published default tokens are active; anyone who has read the README can sign in.');
    console.warn(`*** Replace them in ${source === 'RUBRIC_TOKENS' ? 'RUBRIC_TOKENS' : source} (see "Tokens and roles" in the README) before anyone else can reach this server.\n`);
  }
}

/** tokens.json lives in the data directory, which may not exist yet. */
function resolveTokensAfterMkdir(dataDir: string): ReturnType<typeof resolveTokens> {
  mkdirSync(dataDir, { recursive: true });
  return resolveTokens(dataDir);
}

main().catch((err: unknown) => {
  if (isCatalogued(err)) {
    console.error(`error ${err.code}: ${err.message}`);
    // The server's errors say the same in Chinese, and each field at fault with its fix (a bad deployment.json).
    if (err.text?.zh) console.error(`错误 ${err.code}：${err.text.zh}`);
    for (const detail of err.details) console.error(`  ${detail.path || '/'}: ${detail.text ? `${detail.text.en} / ${detail.text.zh}` : detail.message}`);
  } else console.error(`error: ${(err as Error).message}`);
  process.exit(1);
});
