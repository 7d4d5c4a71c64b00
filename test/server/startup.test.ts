import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { LOCK_FILE } from '../../server/storage/data-dir-lock.ts';
import { freshDatabase } from '../postgres-cluster.ts';
import { freshDataDir } from './harness.ts';

const root = new URL('../..', import.meta.url).pathname;
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const children: ChildProcess[] = [];

/** Starts `npm start`'s command on a free port; resolves with the process and everything it printed so far. */
function startServer(dataDir: string, extraEnv: NodeJS.ProcessEnv = {}): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const env = { ...process.env, DATABASE_URL: '', RUBRIC_TOKENS: '', TOKENS_FILE: '', LOG_LEVEL: 'warn', ...extraEnv };
  // Its own process group: tsx runs the server as a child, and afterAll must end both.
  const child = spawn(tsx, ['server/main.ts', '--port', '0', '--data-dir', dataDir, '--no-ui-build'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

afterAll(() => {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group is gone already.
    }
  }
});

describe('starting the real server', () => {
  test('it listens, serves the API and its docs, refuses a second server on the same data directory, and stops cleanly', async () => {
    const dataDir = freshDataDir();
    const first = startServer(dataDir);
    const url = await waitFor(() => /running at (http:\/\/\S+)/.exec(first.output())?.[1], `the URL in:\n${first.output()}`);
    // The published defaults are loudly flagged, on stderr: a pipe of its own, whose lines may come after the URL's on stdout.
    await waitFor(() => (first.output().includes('WARNING: the published default tokens are active') ? true : undefined), `the default tokens' warning in:\n${first.output()}`, 5_000);
    // Tokens are never printed.
    expect(first.output()).not.toContain('editor-local-token');
    const health = await fetch(`${url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', defaultTokens: true });

    const openapi = await fetch(`${url}/openapi.json`);
    expect(openapi.status).toBe(200);
    const me = await fetch(`${url}/api/me`, { headers: { authorization: 'Bearer viewer-local-token' } });
    expect(await me.json()).toMatchObject({ role: 'viewer' });
    const rubrics = (await (await fetch(`${url}/api/rubrics`, { headers: { authorization: 'Bearer viewer-local-token' } })).json()) as unknown[];
    if (existsSync(join(root, 'examples', 'appendix-c', 'rubric.json'))) expect(rubrics.length).toBeGreaterThan(0);

    const second = startServer(dataDir);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toContain('DATA_DIR_LOCKED');
    expect(second.output()).toContain('is in use by another Rubric Studio server');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  test('with DATABASE_URL, two servers share one database (no data-directory lock) and neither prints the password', async () => {
    // The test cluster trusts every connection, so the password is only there to be hidden.
    const url = new URL(await freshDatabase());
    url.password = 'not-to-be-printed';
    const servers = [startServer(freshDataDir(), { DATABASE_URL: url.href, LOG_LEVEL: 'info' }), startServer(freshDataDir(), { DATABASE_URL: url.href, LOG_LEVEL: 'info' })];
    const urls = await Promise.all(servers.map((server) => waitFor(() => /running at (http:\/\/\S+)/.exec(server.output())?.[1], `the URL in:\n${server.output()}`)));
    const headers = { authorization: 'Bearer assessor-local-token', 'content-type': 'application/json' };
    const created = await fetch(`${urls[0]}/api/communities`, { method: 'POST', headers, body: JSON.stringify({ id: 'shared', name: 'Shared', street: 'East Street' }) });
    expect(created.status).toBe(201);
    const read = await fetch(`${urls[1]}/api/communities/shared`, { headers });
    expect(await read.json()).toMatchObject({ id: 'shared', revision: 1 });
    for (const server of servers) {
      expect(server.output()).toContain('storage opened');
      expect(server.output()).toContain(url.pathname.slice(1));
      expect(server.output()).not.toContain('not-to-be-printed');
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  });
});
