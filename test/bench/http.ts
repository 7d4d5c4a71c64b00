/**
 * HTTP figures: requests/s and p50/p99 latency of score preview and of submit (the server in a
 * child process, autocannon on a loopback port, 10 connections, 5 s each), and lowdb write latency at 1k and 5k stored
 * assessments (each write rewrites the whole file).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { evaluate, loadRubric } from '../../engine/index.ts';
import { buildServer } from '../../server/build.ts';
import { DATA_FILE, openLowdbStorage } from '../../server/storage/lowdb-storage.ts';
import type { AssessmentRecord, AuditDraft, NewRecord } from '../../server/storage/types.ts';
import { LOCAL_TOKENS } from '../../server/tokens.ts';
import { seededRandom, syntheticAssessment } from './appendix-c-inputs.ts';
import { median, timeRuns } from './measure.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const EXAMPLES = join(ROOT, 'examples');
const DURATION_S = 5;
const CONNECTIONS = 10;
/** Drafts to submit: more than 5 s of submits use up (a 404 once they run out is not a submit). */
const DRAFTS = 4000;

/** The Authorization header of a documented local token; a fresh data directory; milliseconds as the figures print them. */
export const bearer = (role: string): string => `Bearer ${LOCAL_TOKENS.find((t) => t.role === role)?.token}`;
export const freshDir = (): string => mkdtempSync(join(tmpdir(), 'rubric-studio-bench-'));
export const ms = (value: number): string => `${value.toFixed(1)} ms`;

/**
 * Runs the HTTP and storage benchmarks and prints their figures. BENCH_ONLY=http skips the
 * storage figures, BENCH_ONLY=submit measures submit alone; BENCH_CPU_PROF=<dir> writes a CPU
 * profile of the server process into <dir> when it stops. The server measured is the built one
 * that production runs (`npm run build`'s dist/server/main.js, rebuilt first); BENCH_SERVER=source
 * measures `npm start`'s instead (node with tsx, which wraps every closure and so runs slower).
 */
export async function runHttpBench({ only = process.env.BENCH_ONLY }: { only?: string } = {}): Promise<void> {
  const submitOnly = only === 'submit';
  console.log(`\nHTTP — Appendix C, server in its own process on a loopback port (autocannon, ${CONNECTIONS} connections, ${DURATION_S} s each)`);
  const serverDir = freshDir();
  const server = await startServer(serverDir, { fromSource: process.env.BENCH_SERVER === 'source', cpuProfileDir: process.env.BENCH_CPU_PROF });
  console.log(`  server measured: ${server.description}`);
  try {
    const api = async (method: string, path: string, role: string, body?: unknown): Promise<unknown> => {
      const response = await fetch(`${server.url}${path}`, { method, headers: { authorization: bearer(role), ...(body !== undefined && { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    };
    const [rubric] = (await api('GET', '/api/rubrics', 'viewer')) as { id: string; versions: { version: string }[] }[];
    const ref = { id: rubric.id, version: rubric.versions[0].version };
    const [community] = (await api('GET', '/api/communities', 'viewer')) as { id: string }[];
    const random = seededRandom(7);

    const drafts: string[] = [];
    while (drafts.length < DRAFTS) {
      const batch = await Promise.all(
        Array.from({ length: 50 }, () => api('POST', '/api/assessments', 'assessor', { communityId: community.id, rubric: ref, period: { year: 2024, kind: 'final' }, assessor: 'bench', inputs: syntheticAssessment(random) })),
      );
      drafts.push(...batch.map((draft) => (draft as { id: string }).id));
    }

    if (!submitOnly) {
      const preview = await autocannon({
        url: `${server.url}/api/rubrics/${ref.id}/versions/${ref.version}/score`,
        connections: CONNECTIONS,
        duration: DURATION_S,
        method: 'POST',
        headers: { authorization: bearer('viewer'), 'content-type': 'application/json' },
        body: JSON.stringify({ inputs: syntheticAssessment(random) }),
      });
      report('score preview', preview);
    }

    const submit = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: DURATION_S,
      headers: { authorization: bearer('assessor') },
      requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, path: `/api/assessments/${drafts.pop() ?? 'none-left'}/submit` }) }],
    });
    report('submit', submit);
    console.log(`  (submits into a store of ${DRAFTS.toLocaleString('en')} draft assessments${drafts.length === 0 ? '; all were used, later submits answered 404' : ''})`);
  } finally {
    await server.stop();
    rmSync(serverDir, { recursive: true, force: true });
  }
  if (only === undefined) await runStorageBench();
}

/**
 * The server in a child process, so that autocannon does not share its event loop: the production
 * build (`npm run start:prod`'s node dist/server/main.js, built here as `npm run build` builds the
 * server into the gitignored dist/), or with `fromSource` `npm start`'s (node with tsx).
 */
export async function startServer(
  dataDir: string,
  { fromSource = false, cpuProfileDir, databaseUrl, built = false }: { fromSource?: boolean; cpuProfileDir?: string; databaseUrl?: string; built?: boolean },
): Promise<{ url: string; description: string; pid: number | undefined; stop: () => Promise<void> }> {
  const profile = cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir] : [];
  // `built`: dist/ was built earlier in this run, so several servers do not rebuild it each.
  if (!fromSource && !built) await buildServer();
  const database = databaseUrl ? ['--database-url', databaseUrl] : [];
  const entry = fromSource ? ['--import', 'tsx', 'server/main.ts'] : ['--enable-source-maps', 'dist/server/main.js'];
  const description = fromSource ? 'node --import tsx server/main.ts (npm start, from source)' : 'node dist/server/main.js (npm run start:prod, built just now by server/build.ts)';
  const child = spawn(process.execPath, [...profile, ...entry, '--port', '0', '--data-dir', dataDir, ...database, '--no-ui-build'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', RUBRIC_TOKENS: '', TOKENS_FILE: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${output}`)));
  });
  return {
    url,
    description,
    pid: child.pid,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export function report(name: string, result: Result): void {
  const failures = result.non2xx + result.errors + result.timeouts;
  console.log(
    `  ${name.padEnd(14)} ${Math.round(result.requests.average).toLocaleString('en')} requests/s   p50 ${ms(result.latency.p50)}   p99 ${ms(result.latency.p99)}   (${result.requests.total.toLocaleString('en')} requests${failures ? `, ${failures} failed` : ''})`,
  );
}

/** Median latency of one write (an assessment appended, the whole file rewritten) at 1k and 5k stored submitted assessments. */
async function runStorageBench(): Promise<void> {
  console.log('\nlowdb — latency of one write with N submitted Appendix C assessments stored (median of 7 writes)');
  const rubric = loadRubric(readFileSync(join(EXAMPLES, 'appendix-c', 'rubric.json'), 'utf8'));
  const inputs = syntheticAssessment(seededRandom(11));
  const result = await evaluate(rubric, { inputs }, { requireComplete: true });
  const audit: AuditDraft = { actor: 'bench', role: 'assessor', action: 'assessment.submit', target: 'assessment:bench' };
  const dataDir = freshDir();
  const storage = await openLowdbStorage(dataDir);
  let stored = 0;
  const record = (): NewRecord<AssessmentRecord> => {
    stored += 1;
    const now = new Date().toISOString();
    return {
      id: `bench-${stored}`,
      communityId: 'bench',
      rubric: { id: rubric.doc.id, version: rubric.doc.version },
      period: { year: 2024, kind: 'final' },
      assessor: 'bench',
      status: 'submitted',
      inputs,
      notApplicable: {},
      // Shared by reference: the file holds a full copy each time, as a real store would.
      result,
      rubricHash: rubric.hash,
      createdAt: now,
      updatedAt: now,
      submittedAt: now,
    };
  };
  try {
    for (const target of [1000, 5000]) {
      // Filled concurrently: the writer batches them into a few file writes.
      while (stored < target - 7) await Promise.all(Array.from({ length: Math.min(1000, target - 7 - stored) }, () => storage.insertAssessment(record(), audit)));
      const times = await timeRuns(7, () => storage.insertAssessment(record(), audit).then(() => undefined));
      const size = statSync(join(dataDir, DATA_FILE)).size;
      console.log(`  ${target.toLocaleString('en').padStart(5)} stored: ${ms(median(times))} per write   (data file ${(size / 1024 / 1024).toFixed(0)} MB)`);
    }
  } finally {
    await storage.close();
    // Thousands of result files: do not leave them in the temp folder.
    rmSync(dataDir, { recursive: true, force: true });
  }
}
