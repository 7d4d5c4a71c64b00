/**
 * Storage figures, lowdb and PostgreSQL side by side: latency of one assessment change through
 * the HTTP API with 1,000 / 10,000 / 100,000 submitted Appendix C assessments stored, submit
 * requests/s of one and of two server instances on one database, and an impact analysis over
 * 100,000 submitted assessments read from PostgreSQL. Servers are the built ones (dist/, as
 * production runs them) in child processes; PostgreSQL is a throw-away cluster started here.
 * Run alone with `BENCH_ONLY=storage npm run bench`.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { evaluate, loadRubric, type RubricDocument, type ScoreResult } from '../../engine/index.ts';
import { buildServer } from '../../server/build.ts';
import { scoreResultJson } from '../../server/score-result-json.ts';
import { DATA_FILE, type DataFile, RESULTS_DIR } from '../../server/storage/lowdb-storage.ts';
import { openPostgresStorage } from '../../server/storage/postgres-storage.ts';
import type { AssessmentEntry, AssessmentRecord, AuditEntry, NewRecord } from '../../server/storage/types.ts';
import { appendixCRevision } from '../impact/revision.ts';
import { startPostgresCluster } from '../postgres-cluster.ts';
import { seededRandom, syntheticAssessment } from './appendix-c-inputs.ts';
import { bearer, freshDir, ms, startServer } from './http.ts';
import { median } from './measure.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const SIZES = [1_000, 10_000, 100_000];
/** Distinct synthetic assessments; the stored ones are copies of these under other ids (scoring them all would take minutes). */
const TEMPLATES = 100;
/** Writes timed per size: enough for a p99 on PostgreSQL; lowdb stops earlier at WRITE_BUDGET_MS. */
const WRITES = 200;
const WRITE_BUDGET_MS = 15_000;
/** lowdb at the next size is measured only when its projected cost per write stays under this (a write rewrites the whole file). */
const LOWDB_PROJECTED_LIMIT_MS = 3_000;
const SUBMIT_DURATION_S = 5;
const SUBMIT_WARM_UP_S = 2;
const SUBMIT_CONNECTIONS = 10;
const SUBMIT_DRAFTS = 30_000;

const count = (n: number): string => n.toLocaleString('en');

type Server = Awaited<ReturnType<typeof startServer>>;

/** p-th percentile (nearest rank) of `values`. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function call<T>(url: string, method: string, path: string, role: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, { method, headers: { authorization: bearer(role), ...(body !== undefined && { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${(await response.text()).slice(0, 500)}`);
  return (await response.json()) as T;
}

/** The Appendix C rubric, TEMPLATES synthetic assessments of it and their results (scored once, here). */
async function templates(): Promise<{ doc: RubricDocument; hash: string; records: (NewRecord<AssessmentRecord> & { result: ScoreResult })[] }> {
  const doc = JSON.parse(readFileSync(join(ROOT, 'examples', 'appendix-c', 'rubric.json'), 'utf8')) as RubricDocument;
  const rubric = loadRubric(doc);
  const random = seededRandom(11);
  const records: (NewRecord<AssessmentRecord> & { result: ScoreResult })[] = [];
  for (let i = 0; i < TEMPLATES; i++) {
    const inputs = syntheticAssessment(random);
    const result = await evaluate(rubric, { inputs }, { requireComplete: true });
    const at = new Date().toISOString();
    records.push({
      id: `bench-t${String(i).padStart(3, '0')}`,
      communityId: 'bench',
      rubric: { id: doc.id, version: doc.version },
      period: { year: 2021 + (i % 3), kind: 'final' },
      assessor: 'bench',
      status: 'submitted',
      inputs,
      notApplicable: {},
      result,
      rubricHash: rubric.hash,
      createdAt: at,
      updatedAt: at,
      submittedAt: at,
    });
  }
  return { doc, hash: rubric.hash, records };
}

/**
 * Latency of one change of a draft (PUT /api/assessments/:id with the revision just read), one at
 * a time: the first write after start is left out (lowdb encodes the whole file once then), the
 * rest timed until WRITES or WRITE_BUDGET_MS.
 */
async function writeLatency(url: string, ref: { id: string; version: string }, communityId: string): Promise<number[]> {
  const random = seededRandom(23);
  const draft = await call<{ id: string; revision: number }>(url, 'POST', '/api/assessments', 'assessor', { communityId, rubric: ref, period: { year: 2024, kind: 'final' }, assessor: 'bench', inputs: syntheticAssessment(random) });
  let revision = draft.revision;
  const change = async (): Promise<void> => {
    revision = (await call<{ revision: number }>(url, 'PUT', `/api/assessments/${draft.id}`, 'assessor', { inputs: syntheticAssessment(random), revision })).revision;
  };
  await change();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < WRITES && (times.length < 5 || performance.now() - started < WRITE_BUDGET_MS)) {
    const start = performance.now();
    await change();
    times.push(performance.now() - start);
  }
  return times;
}

/** An impact analysis and the assessment list's first page over everything a server holds. */
interface LargeReads {
  impact: { seconds: number[]; firstByte: number[]; megabytes: number; assessments: number; tierChanged: number } | { failed: string };
  list: { ms: number[]; total: number };
}

/**
 * The impact of a revision of the seeded rubric (made as an editor makes one) over every submitted
 * assessment the server at `url` holds, three times: the median of three, the first on a server that
 * has not yet run an analysis; then the assessment list's first page, as the page asks for it.
 */
async function largeReads(url: string, doc: RubricDocument): Promise<LargeReads> {
  const ref = { id: doc.id, version: doc.version };
  const revision = appendixCRevision(doc);
  const draft = await call<{ revision: number }>(url, 'POST', `/api/rubrics/${doc.id}/versions`, 'editor', { version: revision.version, copyFrom: { version: doc.version } });
  await call(url, 'PUT', `/api/rubrics/${doc.id}/versions/${revision.version}`, 'editor', { document: revision, revision: draft.revision });
  const candidate = { id: doc.id, version: revision.version };
  const seconds: number[] = [];
  const firstByte: number[] = [];
  let impact: LargeReads['impact'];
  const began = performance.now();
  try {
    let report: { summary: { assessments: number; tierChanged: number } } | undefined;
    let megabytes = 0;
    for (let run = 0; run < 3; run++) {
      const runStarted = performance.now();
      // The server's part ends with the first byte of its answer; the rest is moving and parsing a report of one row per assessment.
      const response = await fetch(`${url}/api/impact`, { method: 'POST', headers: { authorization: bearer('viewer'), 'content-type': 'application/json' }, body: JSON.stringify({ base: ref, candidate }) });
      firstByte.push((performance.now() - runStarted) / 1000);
      const text = await response.text();
      if (!response.ok) throw new Error(`POST /api/impact: ${response.status} ${text.slice(0, 500)}`);
      report = JSON.parse(text);
      megabytes = text.length / 1e6;
      seconds.push((performance.now() - runStarted) / 1000);
    }
    impact = { seconds, firstByte, megabytes, assessments: report?.summary.assessments ?? 0, tierChanged: report?.summary.tierChanged ?? 0 };
  } catch (err) {
    // A failed analysis is a finding to print, not a reason to lose the other figures.
    impact = { failed: `${(err as Error).message} (${(err as { cause?: Error }).cause?.message ?? 'no cause'}) after ${((performance.now() - began) / 1000).toFixed(1)} s` };
  }
  const list = { ms: [] as number[], total: 0 };
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    const response = await fetch(`${url}/api/assessments?limit=50`, { headers: { authorization: bearer('viewer') } });
    await response.arrayBuffer();
    list.ms.push(performance.now() - started);
    list.total = Number(response.headers.get('x-total-count'));
  }
  return { impact, list };
}

function printLargeReads(store: string, { impact, list }: LargeReads): void {
  const head = `impact from ${store}:`.padEnd(26);
  if ('failed' in impact) console.log(`\n  ${head}failed: ${impact.failed}; target ≤ 10 s`);
  else {
    console.log(
      `\n  ${head}${median(impact.seconds).toFixed(2)} s for ${count(impact.assessments)} submitted assessments (POST /api/impact, median of ${impact.seconds.length}: ${impact.seconds.map((s) => s.toFixed(2)).join(', ')} s, the first the server's first analysis; ${count(impact.tierChanged)} change tier); target ≤ 10 s\n` +
        `${' '.repeat(28)}of which the server's analysis until its first byte ${median(impact.firstByte).toFixed(2)} s; then ${impact.megabytes.toFixed(1)} MB of report moved and parsed`,
    );
  }
  console.log(`  ${`list from ${store}:`.padEnd(26)}the latest 50 of ${count(list.total)} assessments in ${ms(median(list.ms))} (GET /api/assessments?limit=50, median of ${list.ms.length})`);
}

/** What one measurement gave, for the table. */
type Cell = { p50: number; p99: number; writes: number; note?: string } | { skipped: string };

/** PostgreSQL: the templates stored through PostgresStorage itself, then copied in SQL under new ids until `target` are stored. */
class PostgresFiller {
  #copies = 0;
  constructor(
    readonly databaseUrl: string,
    readonly sql: pg.Client,
  ) {}

  /** Inserts the templates through the storage's own insert, so the copies have exactly the row shape it writes. */
  async storeTemplates(records: NewRecord<AssessmentRecord>[]): Promise<void> {
    const storage = await openPostgresStorage(this.databaseUrl);
    try {
      for (const record of records) await storage.insertAssessment(record, { actor: 'bench', role: 'assessor', action: 'assessment.create', target: `assessment:${record.id}` });
    } finally {
      await storage.close();
    }
  }

  /** Multi-row INSERT … SELECT of the template rows (and one audit entry each) until `target` bench assessments are stored. */
  async fillTo(target: number): Promise<void> {
    const copies = target / TEMPLATES - 1;
    for (let from = this.#copies + 1; from <= copies; from += 100) {
      const to = Math.min(copies, from + 99);
      await this.sql.query(
        `INSERT INTO assessments (id, community_id, rubric_id, rubric_version, period_year, period_kind, status, tier, total, revision, updated_at, record, result)
         SELECT t.id || '-' || g, community_id, rubric_id, rubric_version, period_year, period_kind, status, tier, total, revision, updated_at,
                replace(record::text, '"id":"' || t.id || '"', '"id":"' || t.id || '-' || g || '"')::json, result
         FROM assessments t CROSS JOIN generate_series($1::int, $2::int) g WHERE t.id LIKE 'bench-t%' AND t.id NOT LIKE '%-%-%' ORDER BY g, t.seq`,
        [from, to],
      );
      await this.sql.query(
        `INSERT INTO audit (at, entry)
         SELECT now(), jsonb_build_object('at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'actor', 'bench', 'role', 'assessor', 'action', 'assessment.create', 'target', 'assessment:' || t.id || '-' || g, 'revision', 1)
         FROM assessments t CROSS JOIN generate_series($1::int, $2::int) g WHERE t.id LIKE 'bench-t%' AND t.id NOT LIKE '%-%-%'`,
        [from, to],
      );
    }
    this.#copies = Math.max(this.#copies, copies);
    await this.sql.query('VACUUM ANALYZE assessments');
  }
}

/**
 * lowdb: the data file and result files as lowdb-storage.ts writes them (the data file is
 * `JSON.stringify` of DataFile; results/<id>.json the submit's JSON), generated while no server
 * holds the directory. Copies of one template share its result file through hard links: the
 * bytes on disk are the same, and a change of a draft never reads them.
 */
class LowdbFiller {
  #stored = 0;
  constructor(
    readonly dataDir: string,
    readonly records: NewRecord<AssessmentRecord>[],
  ) {
    mkdirSync(join(dataDir, 'bench-templates'), { recursive: true });
    for (const record of records) if (record.result) writeFileSync(join(dataDir, 'bench-templates', `${record.id}.json`), scoreResultJson(record.result));
  }

  fillTo(target: number): void {
    const path = join(this.dataDir, DATA_FILE);
    const data = JSON.parse(readFileSync(path, 'utf8')) as DataFile;
    const at = new Date().toISOString();
    for (let n = this.#stored; n < target; n++) {
      const { result, ...template } = this.records[n % TEMPLATES];
      const id = `${template.id}-${n}`;
      const entry: AssessmentEntry = { ...template, id, revision: 1, total: result?.total ?? null, tier: result?.tier ?? null };
      data.assessments.push(entry);
      data.audit.push({ at, actor: 'bench', role: 'assessor', action: 'assessment.create', target: `assessment:${id}`, revision: 1 } satisfies AuditEntry);
      // A draft has no result file.
      if (result) linkSync(join(this.dataDir, 'bench-templates', `${template.id}.json`), join(this.dataDir, RESULTS_DIR, `${id}.json`));
    }
    this.#stored = target;
    writeFileSync(path, JSON.stringify(data));
  }
}

/** CPU seconds (user + system) each process of `pids` has used so far, from /proc; none for one that is gone. */
function cpuSeconds(pids: number[]): Map<number, number> {
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      // Fields 14 and 15 (utime, stime) after the command name, in clock ticks of 1/100 s.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      used.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // gone meanwhile
    }
  }
  return used;
}

/** CPU seconds used between two readings; a process that started in between counts whole. */
function cpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, seconds] of after) sum += seconds - (before.get(pid) ?? 0);
  return sum;
}

/** CPU seconds the whole machine has spent busy (all but idle and iowait), from /proc/stat. */
function machineBusySeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  // user nice system idle iowait irq softirq steal …, in clock ticks of 1/100 s.
  const busy = ticks.slice(0, 8).reduce((sum, t) => sum + t, 0) - ticks[3] - ticks[4];
  return busy / 100;
}

/** The PostgreSQL server processes (postmaster and backends) running now. */
function postgresPids(): number[] {
  if (!existsSync('/proc')) return [];
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return readFileSync(`/proc/${entry}/cmdline`, 'utf8').startsWith('postgres');
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Requests/s of submits spread over `urls` (the connections split between them), all at once for `seconds`. */
async function submitThroughput(urls: string[], drafts: string[], seconds = SUBMIT_DURATION_S): Promise<{ perSecond: number; total: number; failed: number; p50: number; p99: number }> {
  const results: Result[] = await Promise.all(
    urls.map((url) =>
      autocannon({
        url,
        connections: SUBMIT_CONNECTIONS / urls.length,
        duration: seconds,
        headers: { authorization: bearer('assessor') },
        requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, path: `/api/assessments/${drafts.pop() ?? 'none-left'}/submit` }) }],
      }),
    ),
  );
  return {
    perSecond: results.reduce((sum, r) => sum + r.requests.average, 0),
    total: results.reduce((sum, r) => sum + r.requests.total, 0),
    failed: results.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
  };
}

export async function runStorageBackendsBench(): Promise<void> {
  const benchStarted = performance.now();
  console.log('Storage — lowdb and PostgreSQL (throw-away local cluster, as the tests start it: fsync off), servers built (dist/) in their own processes');
  await buildServer();
  const cluster = await startPostgresCluster();
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  const database = async (name: string): Promise<string> => {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(cluster.url);
    url.pathname = `/${name}`;
    return url.href;
  };
  const dirs: string[] = [];
  const servers: Server[] = [];
  const start = async (dataDir: string, databaseUrl?: string): Promise<Server> => {
    const server = await startServer(dataDir, { built: true, databaseUrl });
    servers.push(server);
    return server;
  };
  const stop = async (server: Server): Promise<void> => {
    servers.splice(servers.indexOf(server), 1);
    await server.stop();
  };
  const dir = (): string => {
    const made = freshDir();
    dirs.push(made);
    return made;
  };
  try {
    const { doc, records } = await templates();
    const ref = { id: doc.id, version: doc.version };
    const cells: { postgres: Cell[]; lowdb: Cell[] } = { postgres: [], lowdb: [] };
    const reads: { postgres?: LargeReads; lowdb?: LargeReads } = {};

    // PostgreSQL: one database grown from 1,000 to 100,000; the impact analysis runs at 100,000.
    const latencyUrl = await database('bench_latency');
    const pgServer = await start(dir(), latencyUrl);
    const sql = new pg.Client({ connectionString: latencyUrl });
    await sql.connect();
    try {
      const [community] = await call<{ id: string }[]>(pgServer.url, 'GET', '/api/communities', 'viewer');
      const filler = new PostgresFiller(latencyUrl, sql);
      await filler.storeTemplates(records.map((r) => ({ ...r, communityId: community.id })));
      for (const size of SIZES) {
        await filler.fillTo(size);
        const times = await writeLatency(pgServer.url, ref, community.id);
        cells.postgres.push({ p50: percentile(times, 50), p99: percentile(times, 99), writes: times.length });
      }
      reads.postgres = await largeReads(pgServer.url, doc);
    } finally {
      await sql.end();
      await stop(pgServer);
    }

    // lowdb: the same stored assessments, written as files between server starts.
    const lowdbDir = dir();
    const seeding = await start(lowdbDir);
    const [lowdbCommunity] = await call<{ id: string }[]>(seeding.url, 'GET', '/api/communities', 'viewer');
    await stop(seeding);
    const lowdbFiller = new LowdbFiller(lowdbDir, records.map((r) => ({ ...r, communityId: lowdbCommunity.id })));
    let lastMedian = 0;
    let lastSize = 0;
    for (const size of SIZES) {
      const projected = lastSize ? lastMedian * (size / lastSize) : 0;
      if (projected > LOWDB_PROJECTED_LIMIT_MS) {
        cells.lowdb.push({ skipped: `not measured: ${(lastMedian / 1000).toFixed(2)} s per write at ${count(lastSize)} (~${(projected / 1000).toFixed(0)} s projected)` });
        continue;
      }
      lowdbFiller.fillTo(size);
      const began = performance.now();
      const server = await start(lowdbDir);
      const startup = performance.now() - began;
      try {
        const times = await writeLatency(server.url, ref, lowdbCommunity.id);
        if (size === SIZES.at(-1)) reads.lowdb = await largeReads(server.url, doc);
        const megabytes = statSync(join(lowdbDir, DATA_FILE)).size / 1024 / 1024;
        cells.lowdb.push({ p50: percentile(times, 50), p99: percentile(times, 99), writes: times.length, note: `file ${megabytes.toFixed(0)} MB, start ${(startup / 1000).toFixed(1)} s` });
        lastMedian = median(times);
        lastSize = size;
      } finally {
        await stop(server);
      }
    }

    console.log(`\n  one assessment change (PUT /api/assessments/:id through the HTTP API, one at a time), N submitted Appendix C assessments stored:`);
    console.log(`  ${'stored'.padEnd(10)} ${'PostgreSQL p50 / p99'.padEnd(34)} lowdb p50 / p99`);
    SIZES.forEach((size, i) => {
      const show = (cell: Cell): string => ('skipped' in cell ? cell.skipped : `${ms(cell.p50)} / ${ms(cell.p99)}  (${cell.writes} writes${cell.note ? `; ${cell.note}` : ''})`);
      console.log(`  ${count(size).padEnd(10)} ${show(cells.postgres[i]).padEnd(34)} ${show(cells.lowdb[i])}`);
    });
    console.log('  (plus the 8 example assessments seeded on first start; the first write after a start is not timed)');

    for (const [name, figures] of [['PostgreSQL', reads.postgres], ['lowdb', reads.lowdb]] as const) if (figures) printLargeReads(name, figures);

    // Submit throughput: one instance, then two on the same database with the connections split between them.
    const submitUrl = await database('bench_submit');
    const first = await start(dir(), submitUrl);
    const second = await start(dir(), submitUrl);
    const submitSql = new pg.Client({ connectionString: submitUrl });
    await submitSql.connect();
    try {
      const [community] = await call<{ id: string }[]>(first.url, 'GET', '/api/communities', 'viewer');
      const draftFiller = new PostgresFiller(submitUrl, submitSql);
      await draftFiller.storeTemplates(records.map(({ result: _result, ...r }) => ({ ...r, communityId: community.id, status: 'draft', result: null, rubricHash: null, submittedAt: null })));
      await draftFiller.fillTo(SUBMIT_DRAFTS);
      const drafts = (await submitSql.query<{ id: string }>(`SELECT id FROM assessments WHERE status = 'draft' ORDER BY seq DESC`)).rows.map((row) => row.id);
      // Each instance warmed up alone first, as the one measured alone was: a server's first seconds run unoptimised code.
      for (const instance of [first, second]) await submitThroughput([instance.url], drafts, SUBMIT_WARM_UP_S);
      // Where the cores go while one instance is loaded: what a second instance could still use on this machine.
      // PostgreSQL forks a backend per new connection: those that start during the run count whole.
      const server = [first.pid ?? 0];
      const before = { server: cpuSeconds(server), postgres: cpuSeconds(postgresPids()), load: process.cpuUsage(), machine: machineBusySeconds() };
      const oneStarted = performance.now();
      const one = await submitThroughput([first.url], drafts);
      const wall = (performance.now() - oneStarted) / 1000;
      const load = process.cpuUsage(before.load);
      const busy = { server: cpuSince(before.server, cpuSeconds(server)) / wall, postgres: cpuSince(before.postgres, cpuSeconds(postgresPids())) / wall, load: (load.user + load.system) / 1e6 / wall, machine: (machineBusySeconds() - before.machine) / wall };
      const two = await submitThroughput([first.url, second.url], drafts);
      await Promise.all([stop(first), stop(second)]);

      // lowdb on as many drafts: one instance only, since a data directory admits one server process.
      const lowdbDrafts = dir();
      const seedingDrafts = await start(lowdbDrafts);
      const [draftCommunity] = await call<{ id: string }[]>(seedingDrafts.url, 'GET', '/api/communities', 'viewer');
      await stop(seedingDrafts);
      const draftTemplates = records.map(({ result: _result, ...r }) => ({ ...r, communityId: draftCommunity.id, status: 'draft' as const, result: null, rubricHash: null, submittedAt: null }));
      new LowdbFiller(lowdbDrafts, draftTemplates).fillTo(SUBMIT_DRAFTS);
      const lowdbIds = Array.from({ length: SUBMIT_DRAFTS }, (_, n) => `${draftTemplates[n % TEMPLATES].id}-${n}`);
      const lowdbServer = await start(lowdbDrafts);
      await submitThroughput([lowdbServer.url], lowdbIds, SUBMIT_WARM_UP_S);
      const lowdbOne = await submitThroughput([lowdbServer.url], lowdbIds);
      await stop(lowdbServer);

      const line = (name: string, r: typeof one): string =>
        `  ${name.padEnd(26)}${Math.round(r.perSecond).toLocaleString('en')} requests/s   p50 ${ms(r.p50)}   p99 ${ms(r.p99)}   (${count(r.total)} requests${r.failed ? `, ${r.failed} failed` : ''})`;
      console.log(`\n  submit (autocannon, ${SUBMIT_CONNECTIONS} connections in all, ${SUBMIT_DURATION_S} s after ${SUBMIT_WARM_UP_S} s of warming up, ${count(SUBMIT_DRAFTS)} drafts stored):`);
      console.log(line('PostgreSQL, one instance:', one));
      console.log(line('PostgreSQL, two, one db:', two));
      console.log(`${line('lowdb, one instance:', lowdbOne)}; a second cannot open the same data directory`);
      console.log(`  ratio two / one:          ${(two.perSecond / one.perSecond).toFixed(2)}×; goal ≥ 1.4×${drafts.length === 0 ? ' (all drafts were used; later submits answered 404)' : ''}`);
      const cores = availableParallelism();
      const used = busy.server + busy.postgres + busy.load;
      // What a second instance can add depends on what the first leaves idle.
      const others = Math.max(0, busy.machine - used);
      console.log(`  cores busy with one instance: server ${busy.server.toFixed(2)}, PostgreSQL ${busy.postgres.toFixed(2)}, load generator ${busy.load.toFixed(2)} = ${used.toFixed(2)} of ${cores}${others >= 0.05 ? `; other processes ${others.toFixed(2)} (figures not comparable)` : ''}`);
      // Two instances do the same work per submit: the cores left to this work carry at most (cores - others) / used of one instance's rate.
      console.log(`  so two instances can reach at most ${(cores - others).toFixed(2)} / ${used.toFixed(2)} = ${((cores - others) / used).toFixed(2)}× here, the load generator and PostgreSQL sharing the cores`);
    } finally {
      await submitSql.end();
    }
    console.log(`\n  (storage bench took ${((performance.now() - benchStarted) / 1000).toFixed(0)} s)`);
  } finally {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
    await admin.end();
    cluster.stop();
    for (const made of dirs) rmSync(made, { recursive: true, force: true });
  }
}
