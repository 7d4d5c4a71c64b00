/**
 * One server per data directory: lowdb rewrites the whole file, so two processes on one file
 * lose updates or corrupt it. A lock file created with O_EXCL holds the owner's pid and the
 * time the kernel started that process; a lock whose process is gone, is a zombie, or whose
 * pid now belongs to another process is stale and taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { issue } from '../../engine/index.ts';
import { ServerError } from '../errors.ts';
import { STORAGE_MESSAGES } from '../messages.ts';

export const LOCK_FILE = 'rubric-studio.lock';

/** Lock files this process holds, so a pid reused after a container restart is not mistaken for a live owner. */
const heldHere = new Set<string>();

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

/** What the lock file holds. */
export interface LockHolder {
  pid: number;
  /** Field 22 of /proc/<pid>/stat (clock ticks after boot): with the pid, names one process; absent without /proc. */
  startTime?: number;
  /** When the lock was taken, for people reading the file or the DATA_DIR_LOCKED message. */
  startedAt: string;
}

/**
 * Takes the data directory for this process.
 * @throws ServerError DATA_DIR_LOCKED when a live process holds it
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      try {
        const holder: LockHolder = { pid: process.pid, startTime: readProcessStat(process.pid)?.startTime, startedAt: new Date().toISOString() };
        writeSync(fd, JSON.stringify(holder));
      } finally {
        closeSync(fd);
      }
      heldHere.add(path);
      return { path, release: () => releaseLock(path) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(path);
      if (holder && isLiveOwner(holder, path)) {
        throw new ServerError(
          'DATA_DIR_LOCKED',
          STORAGE_MESSAGES.dataDirInUse(dataDir, holder.pid, holder.startedAt, path),
          [issue(dataDir, STORAGE_MESSAGES.stopOtherServer())],
        );
      }
      // Stale: its process is gone. Remove and retry; O_EXCL settles a race with another starter.
      rmSync(path, { force: true });
    }
  }
  throw new ServerError('DATA_DIR_LOCKED', STORAGE_MESSAGES.lockRace(path, dataDir));
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (typeof holder.pid !== 'number') return undefined;
    // A lock from a release before start times, or from a host without /proc, has none.
    return { pid: holder.pid, startedAt: String(holder.startedAt), ...(typeof holder.startTime === 'number' && { startTime: holder.startTime }) };
  } catch {
    // Unreadable or half-written: a crash between open and write; treat as stale.
    return undefined;
  }
}

function isLiveOwner(holder: LockHolder, path: string): boolean {
  if (holder.pid === process.pid) return heldHere.has(path);
  const stat = readProcessStat(holder.pid);
  // No entry: the process is gone, or there is no /proc (macOS), or it hides other users'
  // processes (hidepid); kill(pid, 0) tells these apart.
  if (!stat) return processExists(holder.pid);
  // A killed process stays a zombie until its parent reaps it, which may take seconds; it writes nothing.
  if (stat.state === 'Z' || stat.state === 'X') return false;
  // The pid was reused by another process since the lock was taken.
  return holder.startTime === undefined || holder.startTime === stat.startTime;
}

/** kill(pid, 0): true also for a zombie, so used only where /proc cannot say more. */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** State (field 3) and start time (field 22) from /proc/<pid>/stat (Linux); undefined when there is no such entry. */
function readProcessStat(pid: number): { state: string; startTime: number } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Field 2 is the command name in parentheses and may itself contain spaces and ")".
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0], startTime: Number(fields[22 - 3]) };
}

function releaseLock(path: string): void {
  if (!heldHere.delete(path)) return;
  const holder = readHolder(path);
  if (holder?.pid === process.pid) rmSync(path, { force: true });
}
