/**
 * Threat: two servers on one data directory (lowdb loses updates or corrupts the file), or a
 * crashed server's lock keeping the service down after a restart. The lock must be taken over
 * at once when its owner is dead, a zombie, or its pid now names another process, and never
 * while its owner lives.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { acquireDataDirLock, LOCK_FILE } from '../../server/storage/data-dir-lock.ts';
import { expectApi, killAllServers, processStat, readLock, startServer } from './server-process.ts';

const HAS_PROC = existsSync('/proc/self/stat');
const dataDirs: string[] = [];
const helpers: ChildProcess[] = [];

function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rubric-studio-lock-'));
  dataDirs.push(dir);
  return dir;
}

/** A process group whose `sleep` leader never reaps: answers the pid of a live child in it. */
async function processNobodyReaps(): Promise<{ pid: number; startTime: number }> {
  const group = spawn('sh', ['-c', 'sleep 600 & echo $!; exec sleep 600'], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  helpers.push(group);
  const pid = await new Promise<number>((resolve) => group.stdout?.once('data', (chunk) => resolve(Number(String(chunk).trim()))));
  return { pid, startTime: processStat(pid)!.startTime };
}

/** Kills `pid`, whose parent never reaps it, and waits until the kernel shows it as a zombie. */
async function makeZombie(pid: number): Promise<void> {
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 200 && processStat(pid)?.state !== 'Z'; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(processStat(pid)?.state).toBe('Z');
}

const writeLock = (dataDir: string, holder: object): void => writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify(holder));

afterAll(() => {
  killAllServers();
  for (const group of helpers) if (group.pid) process.kill(-group.pid, 'SIGKILL');
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!HAS_PROC)('the data directory lock', () => {
  test('records the owner by pid and process start time, and when it was taken', () => {
    const dataDir = freshDataDir();
    const lock = acquireDataDirLock(dataDir);
    expect(readLock(dataDir)).toEqual({ pid: process.pid, startTime: processStat(process.pid)!.startTime, startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    lock.release();
    expect(readLock(dataDir)).toBeUndefined();
  });

  test('a lock whose owner was killed but not yet reaped (a zombie) is taken over at once', async () => {
    const dataDir = freshDataDir();
    const owner = await processNobodyReaps();
    writeLock(dataDir, { pid: owner.pid, startTime: owner.startTime, startedAt: '2024-01-01T00:00:00.000Z' });
    await makeZombie(owner.pid);
    // What the lock used to ask: the kernel still answers for a zombie.
    expect(() => process.kill(owner.pid, 0)).not.toThrow();
    const lock = acquireDataDirLock(dataDir);
    expect(readLock(dataDir)?.pid).toBe(process.pid);
    lock.release();
  });

  test('a lock whose pid now belongs to another live process (another start time) is taken over', async () => {
    const dataDir = freshDataDir();
    const other = await processNobodyReaps();
    writeLock(dataDir, { pid: other.pid, startTime: other.startTime - 1, startedAt: '2024-01-01T00:00:00.000Z' });
    const lock = acquireDataDirLock(dataDir);
    expect(readLock(dataDir)?.pid).toBe(process.pid);
    lock.release();

    writeLock(dataDir, { pid: 1, startTime: processStat(1)!.startTime + 1, startedAt: '2024-01-01T00:00:00.000Z' });
    acquireDataDirLock(dataDir).release();
  });

  test('a lock held by a live process is never taken over', async () => {
    const dataDir = freshDataDir();
    const owner = await processNobodyReaps();
    for (const holder of [
      { pid: owner.pid, startTime: owner.startTime, startedAt: '2024-01-01T00:00:00.000Z' },
      { pid: 1, startTime: processStat(1)!.startTime, startedAt: '2024-01-01T00:00:00.000Z' },
      // Written by a release before start times were recorded: the pid alone decides.
      { pid: owner.pid, startedAt: '2024-01-01T00:00:00.000Z' },
    ]) {
      writeLock(dataDir, holder);
      const before = readFileSync(join(dataDir, LOCK_FILE), 'utf8');
      expect(() => acquireDataDirLock(dataDir)).toThrow(expect.objectContaining({ code: 'DATA_DIR_LOCKED', message: expect.stringContaining(`pid ${holder.pid},`) }));
      expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).toBe(before);
    }
  });
});

describe('real servers on one data directory', () => {
  test('a second server is refused with DATA_DIR_LOCKED while the first runs; the lock stays the first one’s', async () => {
    const dataDir = freshDataDir();
    const first = startServer(dataDir);
    const url = await first.running;
    const held = readLock(dataDir);
    expect(held?.pid).toBe(first.child.pid);

    const second = startServer(dataDir);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toContain('DATA_DIR_LOCKED');
    expect(second.output()).toContain(`pid ${first.child.pid}`);
    expect(readLock(dataDir)).toEqual(held);
    await expectApi(200, url, 'viewer', 'GET', '/api/me');
    first.signalGroup('SIGKILL');
  });

  test.skipIf(!HAS_PROC)('after kill -9 of the first, a new server starts at once, while the killed one is still a zombie', async () => {
    const dataDir = freshDataDir();
    // Its parent never reaps it, so the killed server stays a zombie for the whole restart.
    const first = startServer(dataDir, { unreaped: true });
    await first.running;
    const killed = readLock(dataDir)!.pid;

    process.kill(killed, 'SIGKILL');
    const killedAt = Date.now();
    const second = startServer(dataDir);
    const url = await second.running;
    const lockTakenAfterMs = Date.parse(readLock(dataDir)!.startedAt) - killedAt;
    const runningAfterMs = Date.now() - killedAt;

    expect(processStat(killed)?.state).toBe('Z');
    expect(readLock(dataDir)?.pid).toBe(second.child.pid);
    await expectApi(200, url, 'viewer', 'GET', '/api/me');
    console.log(`restart after kill -9 of a zombie owner: lock taken ${lockTakenAfterMs} ms, server running ${runningAfterMs} ms after the kill`);
    first.signalGroup('SIGKILL');
    second.signalGroup('SIGKILL');
  });

  test.skipIf(!HAS_PROC)('a server takes over a lock whose pid now names another live process', async () => {
    const dataDir = freshDataDir();
    writeLock(dataDir, { pid: 1, startTime: processStat(1)!.startTime + 1, startedAt: '2024-01-01T00:00:00.000Z' });
    const server = startServer(dataDir);
    await server.running;
    expect(readLock(dataDir)?.pid).toBe(server.child.pid);
    server.signalGroup('SIGKILL');
  });
});
