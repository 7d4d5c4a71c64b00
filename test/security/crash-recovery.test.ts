/**
 * Threat: the server killed mid-write (kill -9, the OOM killer, a container stopped hard) loses
 * work it had acknowledged, or leaves files that do not load, or its lock keeps the next start
 * out. Writers hit a real server process with creates and submits; it is killed at random
 * moments and restarted at once on the same data directory, and every write answered with 2xx
 * must then be in the data file, in its result file and in the audit log.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, expect, test } from 'vitest';
import { DATA_FILE, RESULTS_DIR } from '../../server/storage/lowdb-storage.ts';
import { assessmentBody, smallRubric } from '../server/harness.ts';
import { allAssessments, api, expectApi, killAllServers, processStat, readLock, type ServerProcess, startServer } from './server-process.ts';

const KILLS = 20;
const WRITERS = 6;
/** How long the writers run before each kill, in ms: long enough for many batched file writes. */
const WRITE_FOR = { min: 30, max: 600 };
/** Set CRASH_SEED to replay the kill moments of a failed run. */
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);

const dataDir = mkdtempSync(join(tmpdir(), 'rubric-studio-crash-'));

afterAll(() => {
  killAllServers();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A write the server answered with 2xx, that is, said it had stored. */
interface AcknowledgedWrite {
  action: string;
  target: string;
}

/** What the server acknowledged, across all kills. */
const acknowledged = {
  writes: [] as AcknowledgedWrite[],
  assessments: new Set<string>(),
  /** The result each submit answered, by assessment id. */
  results: new Map<string, unknown>(),
  communities: new Set<string>(),
};

/** Small, seeded random numbers (mulberry32), so a run can be replayed. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * One writer: creates assessments and submits them (and now and then a community) until the
 * server is killed. Answers that are not 2xx and network failures before the kill are unexpected.
 */
async function writeUntilKilled(url: string, name: string, killed: () => boolean, unexpected: string[]): Promise<void> {
  for (let i = 0; !killed(); i += 1) {
    try {
      if (i % 5 === 4) {
        const id = `${name}-${i}`;
        const community = await api(url, 'assessor', 'POST', '/api/communities', { id, name: `Community ${id}`, street: 'Crash Street' });
        if (community.status !== 201) unexpected.push(`POST /api/communities ${community.status} ${JSON.stringify(community.body)}`);
        else acknowledge('community.create', `community:${id}`, () => acknowledged.communities.add(id));
        continue;
      }
      const created = await api<{ id: string }>(url, 'assessor', 'POST', '/api/assessments', assessmentBody({ assessor: name }));
      if (created.status !== 201) {
        unexpected.push(`POST /api/assessments ${created.status} ${JSON.stringify(created.body)}`);
        continue;
      }
      const { id } = created.body;
      acknowledge('assessment.create', `assessment:${id}`, () => acknowledged.assessments.add(id));
      const submitted = await api<{ result: unknown }>(url, 'assessor', 'POST', `/api/assessments/${id}/submit`);
      if (submitted.status !== 200) unexpected.push(`POST /api/assessments/${id}/submit ${submitted.status} ${JSON.stringify(submitted.body)}`);
      else acknowledge('assessment.submit', `assessment:${id}`, () => acknowledged.results.set(id, submitted.body.result));
    } catch (err) {
      // Refused or reset: the server is gone. Before the kill that is a failure of its own.
      if (!killed()) unexpected.push(`network failure before the kill: ${(err as Error).message}`);
      return;
    }
  }
}

function acknowledge(action: string, target: string, record: () => void): void {
  acknowledged.writes.push({ action, target });
  record();
}

/** Temp files a writer leaves when killed between writing and renaming. */
function tempFiles(): string[] {
  return [dataDir, join(dataDir, RESULTS_DIR)].flatMap((dir) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.tmp')) : []));
}

interface FileCheck {
  corrupt: string[];
  submitted: number;
  /** Result files no entry refers to: written just before a kill that came before the data file. */
  unreferencedResults: number;
}

/** The data file and every result file it refers to must parse; a submitted one must have its file. */
function checkFiles(): FileCheck {
  const corrupt: string[] = [];
  let data: { assessments: { id: string; status: string }[] };
  try {
    data = JSON.parse(readFileSync(join(dataDir, DATA_FILE), 'utf8'));
  } catch (err) {
    return { corrupt: [`${DATA_FILE}: ${(err as Error).message}`], submitted: 0, unreferencedResults: 0 };
  }
  const submitted = data.assessments.filter((a) => a.status === 'submitted');
  for (const { id } of submitted) {
    try {
      JSON.parse(readFileSync(join(dataDir, RESULTS_DIR, `${id}.json`), 'utf8'));
    } catch (err) {
      corrupt.push(`${RESULTS_DIR}/${id}.json: ${(err as Error).message}`);
    }
  }
  const referenced = new Set(submitted.map((a) => `${a.id}.json`));
  const unreferencedResults = readdirSync(join(dataDir, RESULTS_DIR)).filter((name) => name.endsWith('.json') && !referenced.has(name)).length;
  return { corrupt, submitted: submitted.length, unreferencedResults };
}

/** Every acknowledged write, read back through the restarted server and from the result files. */
async function lostWrites(url: string): Promise<string[]> {
  const lost: string[] = [];
  const assessments = new Map((await allAssessments<{ id: string; status: string }>(url)).map((a) => [a.id, a.status]));
  for (const id of acknowledged.assessments) if (!assessments.has(id)) lost.push(`assessment ${id}`);
  for (const [id, result] of acknowledged.results) {
    if (assessments.get(id) !== 'submitted') lost.push(`submission of ${id} (status ${assessments.get(id)})`);
    const path = join(dataDir, RESULTS_DIR, `${id}.json`);
    if (!existsSync(path) || !isDeepStrictEqual(JSON.parse(readFileSync(path, 'utf8')), result)) lost.push(`result file of ${id}`);
  }
  const communities = new Set((await expectApi<{ id: string }[]>(200, url, 'viewer', 'GET', '/api/communities')).map((c) => c.id));
  for (const id of acknowledged.communities) if (!communities.has(id)) lost.push(`community ${id}`);
  const audited = new Set((await expectApi<AcknowledgedWrite[]>(200, url, 'editor', 'GET', '/api/audit')).map((e) => `${e.action} ${e.target}`));
  for (const write of acknowledged.writes) if (!audited.has(`${write.action} ${write.target}`)) lost.push(`audit entry ${write.action} ${write.target}`);
  return lost;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

test(`${KILLS} kill -9 at random moments under concurrent writes lose no acknowledged write and corrupt no file`, { timeout: 110_000 }, async () => {
  const random = randomFrom(SEED);
  // The kill takes the server's parent too, so init reaps it, here up to ~1.5 s later (as when npm
  // or tsx started it); until then it is a zombie, and the restart must not wait for that.
  let server: ServerProcess = startServer(dataDir, { unreaped: true });
  let url = await server.running;
  await expectApi(201, url, 'editor', 'POST', '/api/rubrics', { document: smallRubric() });
  acknowledge('rubric.create', 'rubric:small-rubric@1.0.0', () => undefined);
  await expectApi(200, url, 'editor', 'POST', '/api/rubrics/small-rubric/versions/1.0.0/publish', { changelog: 'First release.' });
  acknowledge('rubric.publish', 'rubric:small-rubric@1.0.0', () => undefined);
  await expectApi(201, url, 'assessor', 'POST', '/api/communities', { id: 'riverside', name: 'Riverside', street: 'East Street' });
  acknowledge('community.create', 'community:riverside', () => undefined);

  const unexpected: string[] = [];
  const lockTakenAfterMs: number[] = [];
  const runningAfterMs: number[] = [];
  let zombieOwners = 0;
  let killedMidWrite = 0;
  let unreferencedResults = 0;
  let lost = 0;
  let corrupt = 0;
  for (let kill = 1; kill <= KILLS; kill += 1) {
    let killed = false;
    const writers = Array.from({ length: WRITERS }, (_, w) => writeUntilKilled(url, `k${kill}-w${w}`, () => killed, unexpected));
    await new Promise((resolve) => setTimeout(resolve, WRITE_FOR.min + random() * (WRITE_FOR.max - WRITE_FOR.min)));

    const owner = readLock(dataDir)!;
    killed = true;
    server.signalGroup('SIGKILL');
    const killedAt = Date.now();
    if (tempFiles().length > 0) killedMidWrite += 1;
    // At once: no wait for the killed process to be reaped.
    const restarted = startServer(dataDir, { unreaped: true });
    await Promise.all(writers);
    const files = checkFiles();
    corrupt += files.corrupt.length;
    expect(files.corrupt, `kill ${kill} (CRASH_SEED=${SEED})`).toEqual([]);

    url = await restarted.running;
    runningAfterMs.push(Date.now() - killedAt);
    lockTakenAfterMs.push(Date.parse(readLock(dataDir)!.startedAt) - killedAt);
    const killedProcess = processStat(owner.pid);
    if (killedProcess?.state === 'Z' && killedProcess.startTime === owner.startTime) zombieOwners += 1;
    server = restarted;

    const lostNow = await lostWrites(url);
    lost += lostNow.length;
    expect(lostNow, `kill ${kill} (CRASH_SEED=${SEED})`).toEqual([]);
    expect(unexpected, `kill ${kill} (CRASH_SEED=${SEED})`).toEqual([]);
    unreferencedResults = files.unreferencedResults;
  }
  server.signalGroup('SIGKILL');

  console.log(
    [
      `crash recovery (CRASH_SEED=${SEED}): ${KILLS} kills, ${acknowledged.writes.length} acknowledged writes checked ` +
        `(${acknowledged.assessments.size} assessments created, ${acknowledged.results.size} submitted, ${acknowledged.communities.size + 1} communities), ${lost} lost, ${corrupt} corrupt files`,
      `kills that left a temp file (mid-write): ${killedMidWrite}; result files without an entry at the end: ${unreferencedResults}`,
      `restart after kill -9: lock taken after ${Math.min(...lockTakenAfterMs)}/${median(lockTakenAfterMs)}/${Math.max(...lockTakenAfterMs)} ms (min/median/max), ` +
        `running after ${Math.min(...runningAfterMs)}/${median(runningAfterMs)}/${Math.max(...runningAfterMs)} ms; the killed owner was still a zombie in ${zombieOwners} of ${KILLS} restarts`,
    ].join('\n'),
  );
  expect(acknowledged.results.size).toBeGreaterThan(KILLS);
});
