/**
 * Threat: two servers on one PostgreSQL database (DATABASE_URL) behind a reverse proxy lose an
 * update one of them acknowledged, store a change twice, let a submit or publish happen twice,
 * or leave a record without its audit entry when one of them is killed mid-write. Two real
 * server processes, each with its own data directory (tokens, deployment) and the same fresh
 * database, take concurrent writes; everything is then counted through the API and in SQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AuditEntry } from '../../server/storage/types.ts';
import { freshDatabase } from '../postgres-cluster.ts';
import { assessmentBody, COMPLETE_INPUTS, smallRubric } from '../server/harness.ts';
import { allAssessments, api, expectApi, killAllServers, type ServerProcess, startServer } from './server-process.ts';

const N = 200;

const dirs: string[] = [];
const clients: pg.Client[] = [];

afterAll(async () => {
  killAllServers();
  await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A data directory of its own for each instance: tokens and deployment stay per server, records go to the database. */
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rubric-studio-instance-'));
  dirs.push(dir);
  return dir;
}

/** A server process on `databaseUrl`, started as `npm start` runs it (main.ts reads DATABASE_URL as --database-url). */
function startInstance(databaseUrl: string, dataDir = freshDir()): ServerProcess & { dataDir: string } {
  // startServer hands this process's environment to the child at spawn time.
  process.env.DATABASE_URL = databaseUrl;
  try {
    return Object.assign(startServer(dataDir), { dataDir });
  } finally {
    delete process.env.DATABASE_URL;
  }
}

/** A direct connection to the database, to count what is stored without going through a server. */
async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  clients.push(client);
  return client;
}

/** The audit log in the order it was written (seq), read straight from the table. */
async function auditRows(sql: pg.Client): Promise<AuditEntry[]> {
  return (await sql.query<{ entry: AuditEntry }>('SELECT entry FROM audit ORDER BY seq')).rows.map((row) => row.entry);
}

/**
 * What must hold for every assessment and community in the database: its audit entries carry
 * revisions 1..n in the order written, n being the record's revision, once each; and no audit
 * entry names a record that is not there. Returns what breaks it.
 */
async function auditTrailFaults(sql: pg.Client): Promise<string[]> {
  const records = new Map<string, number>();
  for (const table of ['assessments', 'communities'] as const) {
    const prefix = table === 'assessments' ? 'assessment' : 'community';
    for (const row of (await sql.query<{ id: string; revision: number }>(`SELECT id, revision FROM ${table}`)).rows) records.set(`${prefix}:${row.id}`, row.revision);
  }
  const revisions = new Map<string, number[]>();
  for (const entry of await auditRows(sql)) {
    if (!/^(assessment|community):/.test(entry.target) || entry.revision === undefined) continue;
    revisions.set(entry.target, [...(revisions.get(entry.target) ?? []), entry.revision]);
  }
  const faults: string[] = [];
  for (const [target, revision] of records) {
    const audited = revisions.get(target) ?? [];
    const expected = Array.from({ length: revision }, (_, i) => i + 1);
    if (audited.join() !== expected.join()) faults.push(`${target} at revision ${revision} has audit revisions [${audited.join(', ')}]`);
  }
  for (const target of revisions.keys()) if (!records.has(target)) faults.push(`audit entries for ${target}, which is not stored`);
  return faults;
}

/** The small rubric published and the community "riverside", through `url`. */
async function publishSmallRubric(url: string): Promise<void> {
  await expectApi(201, url, 'editor', 'POST', '/api/rubrics', { document: smallRubric() });
  await expectApi(200, url, 'editor', 'POST', '/api/rubrics/small-rubric/versions/1.0.0/publish', { changelog: 'First release.' });
  await expectApi(201, url, 'assessor', 'POST', '/api/communities', { id: 'riverside', name: 'Riverside', street: 'East Street' });
}

/** Inputs that score differently from COMPLETE_INPUTS, so that each update really changes the record. */
const inputsFor = (step: number): Record<string, unknown> => ({ ...COMPLETE_INPUTS, volunteers: 10 + step });

describe('two server instances on one database', () => {
  let sql: pg.Client;
  let urls: [string, string];

  beforeAll(async () => {
    const databaseUrl = await freshDatabase();
    // Started together on the empty database: the migration lock lets one create the schema and seed it.
    const instances = [startInstance(databaseUrl), startInstance(databaseUrl)];
    urls = (await Promise.all(instances.map((instance) => instance.running))) as [string, string];
    sql = await connect(databaseUrl);
    await publishSmallRubric(urls[0]);
  });

  test(`${N} concurrent creates spread over both instances are each stored once, with one audit entry each`, { timeout: 50_000 }, async () => {
    const before = (await auditRows(sql)).length;
    // The examples seeded on the first start are there already; only what this test writes is counted.
    const seededAssessments = new Set((await allAssessments(urls[0])).map((a) => a.id));
    const seededCommunities = new Set((await expectApi<{ id: string }[]>(200, urls[0], 'viewer', 'GET', '/api/communities')).map((c) => c.id));
    // All in flight together, half to each instance: assessments (ids made by the server) and communities (ids chosen here).
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        i % 4 < 2
          ? api<{ id: string }>(urls[i % 2], 'assessor', 'POST', '/api/assessments', assessmentBody({ assessor: `Writer ${i}` }))
          : api<{ id: string }>(urls[i % 2], 'assessor', 'POST', '/api/communities', { id: `c${i}`, name: `Community ${i}`, street: 'West Street' }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(N).fill(201));
    const assessmentIds = new Set(answers.filter((_, i) => i % 4 < 2).map((a) => a.body.id));
    const communityIds = new Set(answers.filter((_, i) => i % 4 >= 2).map((a) => a.body.id));
    expect(assessmentIds.size + communityIds.size).toBe(N);

    // Through the API, each instance sees every record, whichever instance stored it.
    for (const url of urls) {
      const assessments = await allAssessments(url);
      const communities = await expectApi<{ id: string }[]>(200, url, 'viewer', 'GET', '/api/communities');
      expect(new Set(assessments.map((a) => a.id).filter((id) => !seededAssessments.has(id)))).toEqual(assessmentIds);
      expect(new Set(communities.map((c) => c.id).filter((id) => !seededCommunities.has(id)))).toEqual(communityIds);
    }
    // In the database: exactly these rows, and exactly one audit entry per acknowledged create.
    const counted = await sql.query<{ assessments: string; communities: string }>(
      `SELECT (SELECT count(*) FROM assessments WHERE NOT (id = ANY($1))) AS assessments, (SELECT count(*) FROM communities WHERE NOT (id = ANY($2))) AS communities`,
      [[...seededAssessments], [...seededCommunities]],
    );
    expect(Number(counted.rows[0].assessments) + Number(counted.rows[0].communities)).toBe(N);
    const written = (await auditRows(sql)).slice(before);
    expect(written).toHaveLength(N);
    expect(written.map((e) => `${e.action} ${e.target} ${e.revision}`).sort()).toEqual(
      [...[...assessmentIds].map((id) => `assessment.create assessment:${id} 1`), ...[...communityIds].map((id) => `community.create community:${id} 1`)].sort(),
    );
    expect(await auditTrailFaults(sql)).toEqual([]);
  });

  test('changes to each record alternate between the instances and give revisions 1..n in order, each audited once', { timeout: 50_000 }, async () => {
    const drafts = await expectApi<{ id: string }[]>(200, urls[0], 'viewer', 'GET', '/api/assessments?status=draft');
    const lanes = drafts.slice(0, 50);
    expect(lanes).toHaveLength(50);
    // Every record has its own lane of writes, each naming the revision the previous answer gave;
    // all lanes run at once and each write goes to the other instance than the one before it.
    const acknowledged = await Promise.all(
      lanes.map(async ({ id }, lane) => {
        let revision = 1;
        for (let step = 0; step < 3; step += 1) {
          const url = urls[(lane + step) % 2];
          const answer =
            step < 2
              ? await api<{ revision: number }>(url, 'assessor', 'PUT', `/api/assessments/${id}`, { inputs: inputsFor(step), revision })
              : await api<{ revision: number }>(url, 'assessor', 'POST', `/api/assessments/${id}/submit`, undefined);
          if (answer.status !== 200) throw new Error(`step ${step} of ${id}: ${answer.status} ${JSON.stringify(answer.body)}`);
          expect(answer.body.revision).toBe(revision + 1);
          revision = answer.body.revision;
        }
        return revision;
      }),
    );
    expect(acknowledged).toEqual(Array(lanes.length).fill(4));
    const audit = await auditRows(sql);
    for (const { id } of lanes) {
      const trail = audit.filter((e) => e.target === `assessment:${id}`).map((e) => `${e.action} ${e.revision}`);
      expect(trail).toEqual(['assessment.create 1', 'assessment.update 2', 'assessment.update 3', 'assessment.submit 4']);
    }
    const stored = await sql.query<{ id: string; revision: number; status: string }>('SELECT id, revision, status FROM assessments WHERE id = ANY($1)', [lanes.map((l) => l.id)]);
    expect(stored.rows.every((row) => row.revision === 4 && row.status === 'submitted')).toBe(true);
    expect(await auditTrailFaults(sql)).toEqual([]);
  });

  test('the same update raced on both instances with the same revision is stored once; the other gets STALE_REVISION', async () => {
    const [{ id }] = await expectApi<{ id: string }[]>(200, urls[1], 'viewer', 'GET', '/api/assessments?status=draft');
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => api<{ code?: string }>(urls[i % 2], 'assessor', 'PUT', `/api/assessments/${id}`, { inputs: inputsFor(i), revision: 1 })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 200).map((a) => [a.status, a.body.code])).toEqual(Array(5).fill([409, 'STALE_REVISION']));
    expect((await auditRows(sql)).filter((e) => e.target === `assessment:${id}` && e.action === 'assessment.update')).toHaveLength(1);
  });

  test('a submit raced on both instances happens exactly once: one 200, the others 409 with a catalogued code, one audit entry', async () => {
    const draft = await expectApi<{ id: string }>(201, urls[0], 'assessor', 'POST', '/api/assessments', assessmentBody({ assessor: 'Racer' }));
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => api<{ code?: string }>(urls[i % 2], 'assessor', 'POST', `/api/assessments/${draft.id}/submit`)));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 200)) {
      // STALE_REVISION when it read the draft before the winner stored it, ASSESSMENT_FROZEN after.
      expect([refused.status, ['STALE_REVISION', 'ASSESSMENT_FROZEN'].includes(refused.body.code ?? '')]).toEqual([409, true]);
    }
    expect((await auditRows(sql)).filter((e) => e.target === `assessment:${draft.id}` && e.action === 'assessment.submit')).toHaveLength(1);
    const row = await sql.query<{ revision: number; status: string }>('SELECT revision, status FROM assessments WHERE id = $1', [draft.id]);
    expect(row.rows).toEqual([{ revision: 2, status: 'submitted' }]);
  });

  test('a publish raced on both instances happens exactly once: one 200, the others 409 with a catalogued code, one audit entry', async () => {
    await expectApi(201, urls[1], 'editor', 'POST', '/api/rubrics/small-rubric/versions', { version: '1.1.0', copyFrom: { version: '1.0.0' } });
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => api<{ code?: string }>(urls[i % 2], 'editor', 'POST', '/api/rubrics/small-rubric/versions/1.1.0/publish', { changelog: `Release from writer ${i}.` })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 200)) {
      // STALE_REVISION when it read the draft before the winner stored it, VERSION_IMMUTABLE after.
      expect([refused.status, ['STALE_REVISION', 'VERSION_IMMUTABLE'].includes(refused.body.code ?? '')]).toEqual([409, true]);
    }
    const published = (await auditRows(sql)).filter((e) => e.target === 'rubric:small-rubric@1.1.0' && e.action === 'rubric.publish');
    expect(published).toHaveLength(1);
    const row = await sql.query<{ revision: number; status: string }>(`SELECT revision, record->>'status' AS status FROM rubric_versions WHERE id = 'small-rubric' AND version = '1.1.0'`);
    expect(row.rows).toEqual([{ revision: 2, status: 'published' }]);
  });
});

describe('one of two instances killed with kill -9 mid-write', () => {
  test('loses no acknowledged write, leaves no record without its audit entry, and the killed one restarts on the same database', { timeout: 55_000 }, async () => {
    const databaseUrl = await freshDatabase();
    const a = startInstance(databaseUrl);
    const aUrl = await a.running;
    const b = startInstance(databaseUrl);
    const bUrl = await b.running;
    const sql = await connect(databaseUrl);
    await publishSmallRubric(bUrl);
    const seeded = await sql.query<{ id: string }>('SELECT id FROM assessments UNION ALL SELECT id FROM communities');
    const existing = new Set(seeded.rows.map((row) => row.id));

    /** Writes instance A answered with 2xx; every other attempt is in `attempted` only. */
    const acknowledged = { assessments: new Set<string>(), submitted: new Set<string>(), communities: new Set<string>() };
    const attempted = { assessors: new Set<string>(), communities: new Set<string>() };
    const unexpected: string[] = [];
    let killed = false;
    const writer = async (name: string): Promise<void> => {
      for (let i = 0; !killed; i += 1) {
        try {
          if (i % 3 === 2) {
            const id = `${name}-${i}`;
            attempted.communities.add(id);
            const created = await api(aUrl, 'assessor', 'POST', '/api/communities', { id, name: `Community ${id}`, street: 'Kill Street' });
            if (created.status === 201) acknowledged.communities.add(id);
            else unexpected.push(`POST /api/communities ${created.status}`);
            continue;
          }
          // The assessor name marks each attempt, so that an unacknowledged create can be found in the database.
          const assessor = `${name}-${i}`;
          attempted.assessors.add(assessor);
          const created = await api<{ id: string }>(aUrl, 'assessor', 'POST', '/api/assessments', assessmentBody({ assessor }));
          if (created.status !== 201) {
            unexpected.push(`POST /api/assessments ${created.status}`);
            continue;
          }
          acknowledged.assessments.add(created.body.id);
          const submitted = await api(aUrl, 'assessor', 'POST', `/api/assessments/${created.body.id}/submit`);
          if (submitted.status === 200) acknowledged.submitted.add(created.body.id);
          else unexpected.push(`submit ${submitted.status}`);
        } catch (err) {
          // Refused or reset: A is gone. Before the kill that is a failure of its own.
          if (!killed) unexpected.push(`network failure before the kill: ${(err as Error).message}`);
          return;
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_, i) => writer(`w${i}`));
    // Killed once it has acknowledged a fair number, with 8 writes in flight.
    await expect.poll(() => acknowledged.assessments.size + acknowledged.communities.size, { timeout: 30_000, interval: 5 }).toBeGreaterThanOrEqual(60);
    killed = true;
    a.signalGroup('SIGKILL');
    await Promise.all(writers);
    await a.exited;
    expect(unexpected).toEqual([]);

    // Through B: every write A acknowledged is there, with its audit entry.
    const assessments = new Map((await allAssessments<{ id: string; status: string; assessor: string }>(bUrl)).map((x) => [x.id, x]));
    const communities = new Set((await expectApi<{ id: string }[]>(200, bUrl, 'viewer', 'GET', '/api/communities')).map((c) => c.id));
    const audited = new Set((await expectApi<AuditEntry[]>(200, bUrl, 'editor', 'GET', '/api/audit')).map((e) => `${e.action} ${e.target}`));
    const lost: string[] = [];
    for (const id of acknowledged.assessments) {
      if (!assessments.has(id)) lost.push(`assessment ${id}`);
      if (!audited.has(`assessment.create assessment:${id}`)) lost.push(`create audit of ${id}`);
    }
    for (const id of acknowledged.submitted) {
      if (assessments.get(id)?.status !== 'submitted') lost.push(`submission of ${id}`);
      if (!audited.has(`assessment.submit assessment:${id}`)) lost.push(`submit audit of ${id}`);
    }
    for (const id of acknowledged.communities) {
      if (!communities.has(id)) lost.push(`community ${id}`);
      if (!audited.has(`community.create community:${id}`)) lost.push(`create audit of community ${id}`);
    }
    expect(lost).toEqual([]);

    // Writes not acknowledged: stored whole (record and audit) or not at all; nothing stored that nobody attempted.
    const stored = (await sql.query<{ id: string; assessor: string }>(`SELECT id, record->>'assessor' AS assessor FROM assessments`)).rows;
    const written = stored.filter((row) => !existing.has(row.id));
    expect(written.filter((row) => !attempted.assessors.has(row.assessor)).map((row) => row.assessor)).toEqual([]);
    const storedCommunities = await sql.query<{ id: string }>('SELECT id FROM communities');
    expect(storedCommunities.rows.filter((row) => !existing.has(row.id) && !attempted.communities.has(row.id))).toEqual([]);
    expect(await auditTrailFaults(sql)).toEqual([]);
    expect(written.length).toBeGreaterThanOrEqual(acknowledged.assessments.size);
    const beforeRestart = stored.length;

    // A starts again on the same database and data directory, sees what B sees, and takes writes.
    const restarted = startInstance(databaseUrl, a.dataDir);
    const restartedUrl = await restarted.running;
    expect((await allAssessments(restartedUrl)).length).toBe(beforeRestart);
    const draft = await expectApi<{ id: string }>(201, restartedUrl, 'assessor', 'POST', '/api/assessments', assessmentBody({ assessor: 'After the restart' }));
    await expectApi(200, bUrl, 'assessor', 'POST', `/api/assessments/${draft.id}/submit`);
    expect(await auditTrailFaults(sql)).toEqual([]);
  });
});
