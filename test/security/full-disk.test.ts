/**
 * Threat: the data directory's disk fills up or turns read-only (a remount after I/O errors).
 * A write must then be refused with a code that says why (507 STORAGE_FULL, 503
 * STORAGE_READ_ONLY), leave the data file and what the server lists exactly as they were, and
 * succeed unchanged once the disk is usable again. The disk is a small tmpfs mounted for the test.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, fstatSync, mkdtempSync, openSync, readFileSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DATA_FILE } from '../../server/storage/lowdb-storage.ts';
import { assessmentBody, call, expectStatus, smallRubric, startApp } from '../server/harness.ts';

const DISK_SIZE = '4m';
/** Room left on the full disk: far less than the data file, which every write rewrites whole. */
const LEFT_FREE = 4096;

/** Mounts a small tmpfs on a fresh directory; answers why not when this machine does not allow it. */
function mountSmallDisk(): { dir: string } | { reason: string } {
  if (process.platform !== 'linux') return { reason: `needs Linux to mount a tmpfs (this is ${process.platform})` };
  const dir = mkdtempSync(join(tmpdir(), 'rubric-studio-disk-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${DISK_SIZE}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status === 0) return { dir };
  rmSync(dir, { recursive: true, force: true });
  const why = mounted.error?.message ?? mounted.stderr.trim();
  return { reason: `cannot mount a tmpfs (uid ${process.getuid?.()}: ${why}); run as root on a machine that allows mount` };
}

const disk = mountSmallDisk();
const dir = 'dir' in disk ? disk.dir : '';
const skipped = 'reason' in disk ? ` [skipped: ${disk.reason}]` : '';
if (skipped) console.warn(`full-disk tests${skipped}`);

function mount(...options: string[]): void {
  const result = spawnSync('mount', [...options, dir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`mount ${options.join(' ')} ${dir} failed: ${result.stderr}`);
}

const FILLER = join(dir, 'filler');

/** Fills the disk to the last block, then gives back LEFT_FREE bytes. */
function fillDisk(): void {
  const fd = openSync(FILLER, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
    ftruncateSync(fd, Math.max(0, fstatSync(fd).size - LEFT_FREE));
  } finally {
    closeSync(fd);
  }
}

const freeBytes = (): number => {
  const stats = statfsSync(dir);
  return stats.bavail * stats.bsize;
};

let app: FastifyInstance;

/** Everything a refused write must leave as it was: the file, and what the server answers. */
interface Stored {
  dataFile: string;
  parsed: unknown;
  assessments: { id: string; status: string }[];
  communities: { id: string }[];
  audit: unknown[];
}

async function stored(): Promise<Stored> {
  const dataFile = readFileSync(join(dir, DATA_FILE), 'utf8');
  return {
    dataFile,
    parsed: JSON.parse(dataFile),
    assessments: (await call(app, 'viewer', 'GET', '/api/assessments')).json(),
    communities: (await call(app, 'viewer', 'GET', '/api/communities')).json(),
    audit: (await call(app, 'editor', 'GET', '/api/audit')).json(),
  };
}

/** The writes each scenario tries: one of each kind of change, including a submission with its result file. */
async function writes(draftId: string, communityId: string) {
  return {
    community: await call(app, 'assessor', 'POST', '/api/communities', { id: communityId, name: 'Hilltop', street: 'North Street' }),
    assessment: await call(app, 'assessor', 'POST', '/api/assessments', assessmentBody({ assessor: 'Disk Tester' })),
    submission: await call(app, 'assessor', 'POST', `/api/assessments/${draftId}/submit`),
  };
}

const newDraft = async (): Promise<string> => (await expectStatus(call(app, 'assessor', 'POST', '/api/assessments', assessmentBody()), 201)).json().id;

beforeAll(async () => {
  if (skipped) return;
  app = await startApp({ dataDir: dir });
  await expectStatus(call(app, 'editor', 'POST', '/api/rubrics', { document: smallRubric() }), 201);
  await expectStatus(call(app, 'editor', 'POST', '/api/rubrics/small-rubric/versions/1.0.0/publish', { changelog: 'First release.' }), 200);
  await expectStatus(call(app, 'assessor', 'POST', '/api/communities', { id: 'riverside', name: 'Riverside', street: 'East Street' }), 201);
  // The data file is compact JSON: a few more records make it clearly larger than the room left.
  for (let i = 0; i < 20; i += 1) await expectStatus(call(app, 'assessor', 'POST', '/api/communities', { id: `filler-${i}`, name: `Filler ${i}`, street: 'West Street' }), 201);
});

afterAll(async () => {
  if (skipped) return;
  try {
    // Whatever a failed test left: writable again, so that closing can remove the lock file.
    spawnSync('mount', ['-o', 'remount,rw', dir]);
    await app?.close();
  } finally {
    spawnSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

describe(`a full data disk${skipped}`, () => {
  let draftId: string;

  test.skipIf(skipped)('a write is refused with 507 STORAGE_FULL, and nothing is half-written', async () => {
    draftId = await newDraft();
    const before = await stored();
    fillDisk();
    expect(freeBytes()).toBeLessThan(before.dataFile.length);

    const refused = await writes(draftId, 'hilltop');
    for (const [write, response] of Object.entries(refused)) {
      // The contract: soft, so that what was stored is checked even while the code is not there yet.
      expect.soft({ write, status: response.statusCode, code: response.json().code }).toEqual({ write, status: 507, code: 'STORAGE_FULL' });
    }
    expect(await stored()).toEqual(before);
    expect((await call(app, 'viewer', 'GET', `/api/assessments/${draftId}`)).json()).toMatchObject({ status: 'draft', result: null });
  });

  test.skipIf(skipped)('once space is freed, the same writes succeed', async () => {
    rmSync(FILLER);
    const accepted = await writes(draftId, 'hilltop');
    expect([accepted.community.statusCode, accepted.assessment.statusCode, accepted.submission.statusCode]).toEqual([201, 201, 200]);
    const after = await stored();
    expect(after.communities.map((c) => c.id)).toContain('hilltop');
    expect(after.assessments).toContainEqual(expect.objectContaining({ id: accepted.assessment.json().id }));
    expect(after.assessments).toContainEqual(expect.objectContaining({ id: draftId, status: 'submitted' }));
  });
});

describe(`a read-only data disk${skipped}`, () => {
  let draftId: string;

  test.skipIf(skipped)('a write is refused with 503 STORAGE_READ_ONLY, and nothing changes', async () => {
    draftId = await newDraft();
    const before = await stored();
    mount('-o', 'remount,ro');

    const refused = await writes(draftId, 'lakeside');
    for (const [write, response] of Object.entries(refused)) {
      expect.soft({ write, status: response.statusCode, code: response.json().code }).toEqual({ write, status: 503, code: 'STORAGE_READ_ONLY' });
    }
    expect(await stored()).toEqual(before);
  });

  test.skipIf(skipped)('once writable again, the same writes succeed', async () => {
    mount('-o', 'remount,rw');
    const accepted = await writes(draftId, 'lakeside');
    expect([accepted.community.statusCode, accepted.assessment.statusCode, accepted.submission.statusCode]).toEqual([201, 201, 200]);
    const after = await stored();
    expect(after.communities.map((c) => c.id)).toContain('lakeside');
    expect(after.assessments).toContainEqual(expect.objectContaining({ id: draftId, status: 'submitted' }));
  });
});
