/**
 * The impact analysis, the results export and the missing-inputs report read the stored
 * assessments with a cursor, never as one list, and the audit log is sent as it is read: the same
 * answers from the lowdb file and from PostgreSQL, at any impact batch size; a database failure before the first byte is answered as a
 * catalogued error, and one after it aborts the download instead of ending it as if complete.
 */
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { RubricDocument } from '../../engine/index.ts';
import { LowdbStorage } from '../../server/storage/lowdb-storage.ts';
import { PostgresStorage } from '../../server/storage/postgres-storage.ts';
import type { AssessmentFilter, AssessmentRecord } from '../../server/storage/types.ts';
import { freshDatabase } from '../postgres-cluster.ts';
import { call, expectStatus, startApp, tokenOf } from './harness.ts';

const examples = new URL('../../examples/', import.meta.url).pathname;
const impactBody = { base: { id: 'binjiang-home-plus', version: '1.0.0' }, candidate: { id: 'binjiang-home-plus', version: '1.1.0' } };
type App = Awaited<ReturnType<typeof startApp>>;

/** The seeded examples and the reviewer's draft of comparisons.test.ts: 示范型 from 0.92, and 7.1.1 gating the tier at 标准型. */
async function seeded(options: Parameters<typeof startApp>[0]): Promise<App> {
  const app = await startApp({ seedFrom: examples, ...options });
  await expectStatus(call(app, 'editor', 'POST', '/api/rubrics/binjiang-home-plus/versions', { version: '1.1.0', copyFrom: { version: '1.0.0' } }), 201);
  const doc = ((await call(app, 'editor', 'GET', '/api/rubrics/binjiang-home-plus/versions/1.1.0')).json() as { document: RubricDocument }).document;
  const standard = doc.tiers.find((t) => t.id === 'standard');
  const demonstration = doc.tiers.find((t) => t.id === 'demonstration');
  const satisfaction = doc.requirements.find((r) => r.clause === '7.1.1');
  if (!standard || !demonstration || !satisfaction) throw new Error('the seeded rubric changed');
  standard.max.value = 0.92;
  demonstration.min.value = 0.92;
  satisfaction.gate = { capTier: 'standard' };
  await expectStatus(call(app, 'editor', 'PUT', '/api/rubrics/binjiang-home-plus/versions/1.1.0', { document: doc, revision: 1 }), 200);
  return app;
}

/** A report with each assessment id replaced by its place in the rows: ids are random per store. */
function withoutIds(report: { assessments: { id: string }[] }): unknown {
  let text = JSON.stringify(report);
  report.assessments.forEach((row, n) => {
    text = text.replaceAll(row.id, `#${n}`);
  });
  return JSON.parse(text);
}

async function workbookCells(payload: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

let databaseUrl: string;
let lowdb: App;
let postgres: App;
let smallBatches: App;

beforeAll(async () => {
  databaseUrl = await freshDatabase();
  lowdb = await seeded({});
  postgres = await seeded({ databaseUrl });
  // Three assessments a batch: the eight seeded ones take three batches, the last one short.
  smallBatches = await seeded({ impactBatch: 3 });
}, 60_000);

afterAll(async () => {
  await Promise.all([lowdb?.close(), postgres?.close(), smallBatches?.close()]);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('reads with a cursor', () => {
  test('the impact report is the same from lowdb, from PostgreSQL and in batches of three, and matches the hand count', async () => {
    const reports = await Promise.all([lowdb, postgres, smallBatches].map(async (app) => (await expectStatus(call(app, 'viewer', 'POST', '/api/impact', impactBody), 200)).json()));
    // The hand count of comparisons.test.ts: only 闻涛社区 at exactly 90.00 falls from 示范型 to 标准型.
    expect(reports[0].summary).toMatchObject({ assessments: 8, tierChanged: 1, down: 1, up: 0, meanDelta: 0 });
    expect(reports[0].tierChanges[0]).toMatchObject({ communityName: '闻涛社区' });
    expect(withoutIds(reports[1])).toEqual(withoutIds(reports[0]));
    expect(withoutIds(reports[2])).toEqual(withoutIds(reports[0]));
  });

  test('the results export is the same file content from lowdb and from PostgreSQL, CSV and XLSX', async () => {
    const csv = await Promise.all([lowdb, postgres].map((app) => expectStatus(call(app, 'viewer', 'GET', '/api/exports/assessments?format=csv&rubric=binjiang-home-plus'), 200)));
    for (const response of csv) {
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe('attachment; filename="assessments.csv"');
    }
    expect(csv[1].body).toBe(csv[0].body);
    expect(csv[0].body).toContain('95.93');
    expect(csv[0].body.split('\r\n').filter(Boolean)).toHaveLength(9);
    const xlsx = await Promise.all([lowdb, postgres].map((app) => expectStatus(call(app, 'viewer', 'GET', '/api/exports/assessments?format=xlsx&lang=en'), 200)));
    expect(xlsx[0].headers['content-disposition']).toBe('attachment; filename="assessments.xlsx"');
    const cells = await workbookCells(xlsx[0].rawPayload);
    expect(cells).toHaveLength(9);
    expect(await workbookCells(xlsx[1].rawPayload)).toEqual(cells);
  });

  test.each([
    ['lowdb', LowdbStorage, () => lowdb],
    ['PostgreSQL', PostgresStorage, () => postgres],
  ] as const)('with %s, impact, exports and missing inputs never read the whole list', async (_name, Storage, app) => {
    const listed = vi.spyOn(Storage.prototype, 'listAssessments');
    const streamed = vi.spyOn(Storage.prototype, 'streamAssessmentEntries');
    const withResults = vi.spyOn(Storage.prototype, 'streamAssessments');
    await expectStatus(call(app(), 'viewer', 'POST', '/api/impact', impactBody), 200);
    await expectStatus(call(app(), 'viewer', 'POST', '/api/impact?format=csv', impactBody), 200);
    await expectStatus(call(app(), 'viewer', 'GET', '/api/exports/assessments?format=csv'), 200);
    await expectStatus(call(app(), 'viewer', 'GET', '/api/exports/assessments?format=xlsx'), 200);
    await expectStatus(call(app(), 'viewer', 'GET', '/api/rubrics/binjiang-home-plus/versions/1.1.0/missing-inputs'), 200);
    if (Storage === PostgresStorage) expect(listed).not.toHaveBeenCalled();
    // lowdb's streams walk its in-memory list (listAssessments) by design; nothing else calls it.
    else expect(listed).toHaveBeenCalledTimes(streamed.mock.calls.length + withResults.mock.calls.length);
    // Impact twice, each export's first pass, missing inputs; the exports' rows with their results.
    expect(streamed).toHaveBeenCalledTimes(5);
    expect(withResults).toHaveBeenCalledTimes(2);
  });

  test.each([
    ['lowdb', LowdbStorage, () => lowdb],
    ['PostgreSQL', PostgresStorage, () => postgres],
  ] as const)('with %s, the audit log is sent as it is read, never held whole; its last entries are read alone', async (_name, Storage, app) => {
    // More entries than one chunk of the answer (500) and one fetch of the cursor (1,000).
    for (let n = 0; n < 1_100; n++) await expectStatus(call(app(), 'assessor', 'POST', '/api/communities', { id: `audit-${n}`, name: `社区 ${n}`, street: 'East Street' }), 201);
    const whole = vi.spyOn(Storage.prototype, 'listAudit');
    const streamed = vi.spyOn(Storage.prototype, 'streamAudit');
    const all = await expectStatus(call(app(), 'editor', 'GET', '/api/audit'), 200);
    expect(all.headers['content-type']).toBe('application/json; charset=utf-8');
    const entries = all.json() as { action: string; target: string; revision: number }[];
    expect(streamed).toHaveBeenCalledTimes(1);
    expect(whole).not.toHaveBeenCalled();
    expect(entries.filter((e) => e.action === 'community.create' && e.target.startsWith('community:audit-')).map((e) => e.target)).toEqual(Array.from({ length: 1_100 }, (_, n) => `community:audit-${n}`));
    const last = (await expectStatus(call(app(), 'editor', 'GET', '/api/audit?limit=3'), 200)).json();
    // Nothing was audited in between (reads are not): the last three of the whole log.
    expect(last).toEqual(entries.slice(-3));
    expect(whole).toHaveBeenCalledWith(3);
  }, 60_000);
});

describe('a database failure while exporting', () => {
  let databaseUrl: string;
  let postgres: App;

  // More submitted assessments than a cursor fetches at once (50), so the stream goes back to the database mid-file.
  beforeAll(async () => {
    databaseUrl = await freshDatabase();
    postgres = await seeded({ databaseUrl });
    const [first] = (await call(postgres, 'viewer', 'GET', '/api/assessments?status=submitted&rubric=binjiang-home-plus')).json() as { id: string }[];
    const model = (await call(postgres, 'viewer', 'GET', `/api/assessments/${first.id}`)).json() as { communityId: string; rubric: unknown; inputs: unknown; notApplicable: unknown };
    for (let n = 0; n < 60; n++) {
      const body = { communityId: model.communityId, rubric: model.rubric, period: { year: 2030 + n, kind: 'final' }, assessor: 'Load', inputs: model.inputs, notApplicable: model.notApplicable };
      const created = (await expectStatus(call(postgres, 'assessor', 'POST', '/api/assessments', body), 201)).json() as { id: string };
      await expectStatus(call(postgres, 'assessor', 'POST', `/api/assessments/${created.id}/submit`), 200);
    }
  }, 120_000);

  afterAll(async () => {
    await postgres?.close();
  });

  /** A client of the cluster's own database, to stop and restore connections to the test database. */
  async function admin<T>(use: (client: pg.Client, name: string) => Promise<T>): Promise<T> {
    const url = new URL(databaseUrl);
    const name = url.pathname.slice(1);
    url.pathname = '/postgres';
    const client = new pg.Client({ connectionString: url.href });
    await client.connect();
    try {
      return await use(client, name);
    } finally {
      await client.end();
    }
  }
  const cutConnections = (refuseNew: boolean): Promise<void> =>
    admin(async (client, name) => {
      if (refuseNew) await client.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await client.query('SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    });
  const allowConnections = (): Promise<void> => admin((client, name) => client.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`).then(() => undefined));

  /** streamAssessments as stored, with the connections cut after `after` records (before the first read for 0). */
  function cutAfter(after: number, refuseNew: boolean): void {
    const original = PostgresStorage.prototype.streamAssessments;
    vi.spyOn(PostgresStorage.prototype, 'streamAssessments').mockImplementation(async function* (this: PostgresStorage, filter?: AssessmentFilter): AsyncGenerator<AssessmentRecord> {
      if (after === 0) await cutConnections(refuseNew);
      let yielded = 0;
      for await (const record of original.call(this, filter)) {
        yield record;
        yielded += 1;
        if (yielded === after) await cutConnections(refuseNew);
      }
    });
  }

  test('the audit log: a database failure before the first byte is the catalogued error as JSON', async () => {
    const original = PostgresStorage.prototype.streamAudit;
    vi.spyOn(PostgresStorage.prototype, 'streamAudit').mockImplementation(async function* (this: PostgresStorage) {
      await cutConnections(true);
      yield* original.call(this);
    });
    try {
      const response = await call(postgres, 'editor', 'GET', '/api/audit');
      expect(response.statusCode).toBe(500);
      expect(response.json()).toMatchObject({ statusCode: 500, code: 'INTERNAL' });
      expect(response.json().text.en).toContain('postgres@127.0.0.1');
    } finally {
      await allowConnections();
    }
  });

  test.each(['csv', 'xlsx'])('before the first byte: the catalogued error as JSON (%s)', async (format) => {
    cutAfter(0, true);
    try {
      const response = await call(postgres, 'viewer', 'GET', `/api/exports/assessments?format=${format}`);
      expect(response.statusCode).toBe(500);
      expect(response.headers['content-type']).toContain('application/json');
      const body = response.json();
      expect(body).toMatchObject({ statusCode: 500, code: 'INTERNAL' });
      // Both languages name the database (without its password).
      expect(body.text.en).toContain('postgres@127.0.0.1');
      expect(body.text.zh).toContain('postgres@127.0.0.1');
      expect(body.text.zh).not.toBe(body.text.en);
    } finally {
      await allowConnections();
    }
  });

  test.each(['csv', 'xlsx'])('after the first byte: the download is aborted, not ended (%s)', async (format) => {
    cutAfter(1, false);
    if (!postgres.server.listening) await postgres.listen({ port: 0, host: '127.0.0.1' });
    const { port } = postgres.server.address() as AddressInfo;
    const outcome = await new Promise<{ status?: number; complete: boolean; failed: boolean; bytes: number }>((resolve) => {
      const request = get({ host: '127.0.0.1', port, path: `/api/exports/assessments?format=${format}`, headers: { authorization: `Bearer ${tokenOf('viewer')}` } }, (response) => {
        let bytes = 0;
        let failed = false;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        response.on('error', () => {
          failed = true;
        });
        response.on('close', () => resolve({ status: response.statusCode, complete: response.complete, failed, bytes }));
      });
      request.on('error', () => resolve({ complete: false, failed: true, bytes: 0 }));
    });
    expect(outcome).toMatchObject({ status: 200, complete: false, failed: true });
    expect(outcome.bytes).toBeGreaterThan(0);
    // The pool recovers: the next export is whole.
    vi.restoreAllMocks();
    await expectStatus(call(postgres, 'viewer', 'GET', `/api/exports/assessments?format=${format}`), 200);
  });
});
