/**
 * The production path: server/build.ts bundles the server, and `node dist/server/main.js` runs it
 * with the runtime dependencies only (no tsx, no vite, no build at run time). The bundle is built
 * into a temp package root (node_modules and examples linked from this checkout, its own
 * builder-ui/dist), so the test neither overwrites dist/ nor depends on the real UI build.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildServer } from '../../server/build.ts';
import { freshDataDir } from './harness.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const TOKENS = 'editor-local-token:editor,assessor-local-token:assessor,viewer-local-token:viewer';
const children: ChildProcess[] = [];
let packageRoot: string;
let metafile: Metafile;

/** `node dist/server/main.js` in the temp package root, in its own process group. */
function startBuiltServer(args: string[]): { child: ChildProcess; output: () => string } {
  const { NODE_OPTIONS: _loaders, ...env } = process.env;
  const child = spawn(process.execPath, [join(packageRoot, 'dist', 'server', 'main.js'), ...args], {
    cwd: packageRoot,
    env: { ...env, RUBRIC_TOKENS: TOKENS, TOKENS_FILE: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return { child, output: () => output };
}

async function urlOf(server: { child: ChildProcess; output: () => string }): Promise<string> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const url = /is running at (http:\/\/\S+)/.exec(server.output())?.[1];
    if (url) return url;
    if (server.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the built server did not say where it is running:\n${server.output()}`);
}

/** The package name of an import path: `@fastify/static` from `@fastify/static/x`, `ajv` from `ajv/dist/2020.js`. */
const packageOf = (path: string): string => path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/');

beforeAll(async () => {
  packageRoot = mkdtempSync(join(tmpdir(), 'rubric-studio-built-'));
  symlinkSync(join(root, 'node_modules'), join(packageRoot, 'node_modules'));
  symlinkSync(join(root, 'examples'), join(packageRoot, 'examples'));
  metafile = await buildServer(join(packageRoot, 'dist'));
});

afterAll(() => {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group is gone already.
    }
  }
  // Removes the links to node_modules and examples, not what they point to.
  if (packageRoot) rmSync(packageRoot, { recursive: true, force: true });
});

describe('the built server', () => {
  test('bundles server/ and engine/ only and imports nothing but node built-ins and runtime dependencies', () => {
    const inputs = Object.keys(metafile.inputs);
    expect(inputs).toContain('server/main.ts');
    expect(inputs.filter((input) => input.includes('node_modules'))).toEqual([]);
    const imported = new Set(
      Object.values(metafile.outputs)
        .flatMap((output) => output.imports)
        .filter((imp) => imp.external)
        .map((imp) => imp.path),
    );
    const packages = [...imported].filter((path) => !path.startsWith('node:')).map(packageOf);
    expect(packages.length).toBeGreaterThan(0);
    // Neither tsx nor vite nor esbuild, and nothing a production install (npm ci --omit=dev) leaves out.
    expect(packages.filter((name) => !Object.hasOwn(packageJson.dependencies, name))).toEqual([]);
  });

  test('without a built UI it says how to build, builds nothing and serves the placeholder page', async () => {
    const server = startBuiltServer(['--port', '0', '--data-dir', freshDataDir()]);
    const url = await urlOf(server);
    expect(server.output()).toContain('the builder UI is not built');
    expect(server.output()).toContain('npm run build');
    expect(server.output()).not.toContain('Building the builder UI');
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('The builder UI is not built');
    expect(existsSync(join(packageRoot, 'builder-ui'))).toBe(false);
  });

  test('runs with plain node: health, an authenticated request, the UI at / and the seeded examples', async () => {
    mkdirSync(join(packageRoot, 'builder-ui', 'dist'), { recursive: true });
    writeFileSync(join(packageRoot, 'builder-ui', 'dist', 'index.html'), '<!doctype html><title>built UI of the test</title>');
    const args = ['--port', '0', '--data-dir', freshDataDir(), '--no-ui-build'];
    const server = startBuiltServer(args);
    const url = await urlOf(server);

    // No loader on the command line (tsx runs as `node --import tsx`) and none from the environment.
    const commandLine = readFileSync(`/proc/${server.child.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    expect(commandLine).toEqual([process.execPath, join(packageRoot, 'dist', 'server', 'main.js'), ...args]);

    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', defaultTokens: true });
    expect((await fetch(`${url}/api/me`)).status).toBe(401);
    const me = await fetch(`${url}/api/me`, { headers: { authorization: 'Bearer assessor-local-token' } });
    expect(await me.json()).toMatchObject({ role: 'assessor' });
    const rubrics = (await (await fetch(`${url}/api/rubrics`, { headers: { authorization: 'Bearer viewer-local-token' } })).json()) as unknown[];
    expect(rubrics.length).toBeGreaterThan(0);

    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('built UI of the test');
  });

  test('bundles the impact worker beside the server, and it scores in plain node', () => {
    const worker = join(packageRoot, 'dist', 'server', 'impact-worker.js');
    expect(existsSync(worker)).toBe(true);
    const rubric = readFileSync(join(root, 'examples', 'appendix-c', 'rubric.json'), 'utf8');
    const script = `
      import { readFileSync } from 'node:fs';
      import { Worker } from 'node:worker_threads';
      const doc = JSON.parse(readFileSync(process.argv[2], 'utf8'));
      const assessments = doc.tests.map((t, i) => ({ id: 'a' + i, communityId: 'c' + i, inputs: t.inputs, notApplicable: t.notApplicable }));
      const worker = new Worker(${JSON.stringify(worker)});
      worker.once('message', (answer) => { console.log(JSON.stringify(answer)); worker.terminate(); });
      const version = { hash: 'sha256:test', doc };
      worker.postMessage({ id: 7, base: version, candidate: version, assessments });`;
    const { NODE_OPTIONS: _loaders, ...env } = process.env;
    const scriptFile = join(packageRoot, 'score-in-worker.mjs');
    writeFileSync(scriptFile, script);
    const run = spawnSync(process.execPath, [scriptFile, join(root, 'examples', 'appendix-c', 'rubric.json')], { cwd: packageRoot, env, encoding: 'utf8', timeout: 30_000 });
    expect(run.status, run.stderr).toBe(0);
    const answer = JSON.parse(run.stdout) as { id: number; scored: { scored: { base: { score: { tier: string | null } } }[] } };
    const tests = (JSON.parse(rubric) as { tests: { expect: { tier: string } }[] }).tests;
    expect(answer.id).toBe(7);
    expect(answer.scored.scored.map((pair) => pair.base.score.tier)).toEqual(tests.map((t) => t.expect.tier));
  });
});
