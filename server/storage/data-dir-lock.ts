/**
 * One server per data directory: lowdb rewrites the whole file, so two processes on one file
 * lose updates or corrupt it. A lock file created with O_EXCL holds the owner's pid; a lock
 * whose process is gone is stale and taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { RubricStudioError } from '../../engine/index.ts';

export const LOCK_FILE = 'rubric-studio.lock';

/** Lock files this process holds, so a pid reused after a container restart is not mistaken for a live owner. */
const heldHere = new Set<string>();

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

interface LockHolder {
  pid: number;
  startedAt: string;
}

/**
 * Takes the data directory for this process.
 * @throws RubricStudioError DATA_DIR_LOCKED when a live process holds it
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() } satisfies LockHolder));
      } finally {
        closeSync(fd);
      }
      heldHere.add(path);
      return { path, release: () => releaseLock(path) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(path);
      if (holder && isLiveOwner(holder.pid, path)) {
        throw new RubricStudioError(
          'DATA_DIR_LOCKED',
          `Data directory ${dataDir} is in use by another Rubric Studio server (pid ${holder.pid}, since ${holder.startedAt}; lock file ${path}). Stop that server, or start this one with another DATA_DIR.`,
          [{ path: dataDir, message: 'stop the other server or choose another data directory' }],
        );
      }
      // Stale: its process is gone. Remove and retry; O_EXCL settles a race with another starter.
      rmSync(path, { force: true });
    }
  }
  throw new RubricStudioError('DATA_DIR_LOCKED', `Could not take the lock file ${path}; another server is starting on ${dataDir}.`);
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    return typeof holder.pid === 'number' ? { pid: holder.pid, startedAt: String(holder.startedAt) } : undefined;
  } catch {
    // Unreadable or half-written: a crash between open and write; treat as stale.
    return undefined;
  }
}

function isLiveOwner(pid: number, path: string): boolean {
  if (pid === process.pid) return heldHere.has(path);
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseLock(path: string): void {
  if (!heldHere.delete(path)) return;
  const holder = readHolder(path);
  if (holder?.pid === process.pid) rmSync(path, { force: true });
}
