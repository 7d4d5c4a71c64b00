/**
 * The real server as a child process for the crash and lock tests: started the way `npm start`
 * runs it, in its own process group so that every test can kill all it started, and read back
 * through the data directory's lock file and /proc.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCK_FILE, type LockHolder } from '../../server/storage/data-dir-lock.ts';

export const ROOT = new URL('../../', import.meta.url).pathname;

/** The documented local tokens, given through RUBRIC_TOKENS so that no test depends on what the server prints. */
export const TOKENS = { editor: 'editor-local-token', assessor: 'assessor-local-token', viewer: 'viewer-local-token' } as const;
export type Role = keyof typeof TOKENS;

const RUBRIC_TOKENS = Object.entries(TOKENS)
  .map(([role, token]) => `${token}:${role}`)
  .join(',');

export interface ServerProcess {
  /** The process group leader: the server itself, or the shell that started it (see `unreaped`). */
  readonly child: ChildProcess;
  /** Everything the group printed so far. */
  output(): string;
  /** Resolves with the group leader's exit code. */
  readonly exited: Promise<number | null>;
  /** The API base URL once the server says it is running; rejects when the process exits first. */
  readonly running: Promise<string>;
  /** Sends `signal` to the whole group; false when the group is gone. */
  signalGroup(signal: NodeJS.Signals | 0): boolean;
}

/** Every group started by this test file, so that afterAll can end them all. */
const started: ServerProcess[] = [];

/**
 * Starts `node --import tsx server/main.ts` on a free port on `dataDir`.
 * With `unreaped`, a shell starts the server and then becomes `sleep`, which never reaps its
 * children: a server killed alone stays a zombie for as long as the group lives, and one killed
 * with its group is left for init to reap. Either way `kill(pid, 0)` still says it is alive.
 */
export function startServer(dataDir: string, { unreaped = false } = {}): ServerProcess {
  const server = [process.execPath, '--import', 'tsx', 'server/main.ts', '--port', '0', '--no-ui-build', '--data-dir', dataDir];
  const [command, args] = unreaped ? ['sh', ['-c', '"$@" & echo "server pid $!"; exec sleep 600', 'sh', ...server]] : [server[0], server.slice(1)];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, RUBRIC_TOKENS, TOKENS_FILE: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so one kill reaches the server and whatever started it.
    detached: true,
  });
  let output = '';
  const append = (chunk: Buffer): void => {
    output += chunk;
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running = new Promise<string>((resolve, reject) => {
    const settle = (settled: () => void): void => {
      clearInterval(watch);
      settled();
    };
    const fail = (why: string): void => settle(() => reject(new Error(`the server ${why} before it said it was running:\n${output}`)));
    const startedAt = Date.now();
    // Polled, not only on output: under `unreaped`, a server that stops is never seen to exit.
    const watch = setInterval(() => {
      const url = /is running at (http:\/\/\S+)/.exec(output)?.[1];
      const pid = Number(/^server pid (\d+)$/m.exec(output)?.[1]);
      const state = pid ? (processStat(pid)?.state ?? 'gone') : undefined;
      if (url) settle(() => resolve(url.replace('//localhost', '//127.0.0.1')));
      else if (state === 'Z' || state === 'X' || state === 'gone') fail(`stopped (process ${pid}: ${state})`);
      else if (Date.now() - startedAt > 60_000) fail('did not start within 60 s');
    }, 10);
    exited.then((code) => fail(`exited with ${code}`));
  });
  // A test that expects a refusal never awaits `running`.
  running.catch(() => undefined);
  const signalGroup = (signal: NodeJS.Signals | 0): boolean => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
      return true;
    } catch {
      return false;
    }
  };
  const handle: ServerProcess = { child, output: () => output, exited, running, signalGroup };
  started.push(handle);
  return handle;
}

/** Kills every process group this file started; for afterAll. */
export function killAllServers(): void {
  for (const server of started.splice(0)) server.signalGroup('SIGKILL');
}

/** The lock file of `dataDir`, or undefined when there is none. */
export function readLock(dataDir: string): LockHolder | undefined {
  const path = join(dataDir, LOCK_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as LockHolder) : undefined;
}

/** State (R, S, Z, ...) and start time (clock ticks after boot) of `pid` from /proc, or undefined when it is gone. */
export function processStat(pid: number): { state: string; startTime: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses: state is field 3, starttime field 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], startTime: Number(fields[22 - 3]) };
  } catch {
    return undefined;
  }
}

/** Calls the API as `role`; answers the status and the parsed body (undefined when empty). */
export async function api<T = unknown>(url: string, role: Role, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKENS[role]}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Like `api`, but fails with the response when the status is not `status`. */
export async function expectApi<T = unknown>(status: number, url: string, role: Role, method: string, path: string, body?: unknown): Promise<T> {
  const response = await api<T>(url, role, method, path, body);
  if (response.status !== status) throw new Error(`${method} ${path} as ${role}: expected ${status}, got ${response.status}: ${JSON.stringify(response.body).slice(0, 1000)}`);
  return response.body;
}

/** Every assessment the server at `url` lists that `query` matches (e.g. "status=draft"), read page by page as the list serves it. */
export async function allAssessments<T = { id: string }>(url: string, query = ''): Promise<T[]> {
  const all: T[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await expectApi<T[]>(200, url, 'viewer', 'GET', `/api/assessments?limit=500&offset=${offset}${query ? `&${query}` : ''}`);
    all.push(...page);
    if (page.length < 500) return all;
  }
}
