/**
 * Impact analysis over several threads. Scoring each assessment under two versions is the whole
 * cost and independent per assessment, so the assessments are cut into one share per core: the
 * first share is scored here, the others in worker threads (engine/compare/impact-worker.ts),
 * and the summary is drawn once from all of them in the assessments' order. The report is the
 * one `analyzeImpact` gives; test/impact/impact-threads.test.ts compares them. Workers are
 * started on first use and kept (unreferenced: they never keep the process alive), so later
 * analyses find their code compiled and their rubrics loaded.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CompiledRubric } from '../scoring/compile.ts';
import type { ImpactAssessment, ImpactFilter, ImpactReport } from '../types.ts';
import { analyzeImpact, type ScoredImpact, scoreImpact, summarizeImpact } from './impact.ts';
import type { ImpactRequest } from './impact-worker.ts';

export interface ImpactThreads {
  /** The worker module: engine/compare/impact-worker.ts, or its built JavaScript beside the bundle. */
  worker: URL;
  /** Threads in all, this one included; the machine's cores by default. */
  threads?: number;
  /** Below this many assessments one thread is quicker than starting workers. */
  minimumPerThread?: number;
}

const MINIMUM_PER_THREAD = 10_000;

/** `analyzeImpact`, with the scoring spread over threads when there is enough to share. */
export async function analyzeImpactInThreads(base: CompiledRubric, candidate: CompiledRubric, assessments: ImpactAssessment[], filter: ImpactFilter | undefined, options: ImpactThreads): Promise<ImpactReport> {
  const threads = Math.min(options.threads ?? availableParallelism(), Math.floor(assessments.length / (options.minimumPerThread ?? MINIMUM_PER_THREAD)));
  if (threads <= 1) return analyzeImpact(base, candidate, assessments, filter);
  const size = Math.ceil(assessments.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => assessments.slice(i * size, (i + 1) * size));
  // Workers first, so that they start while this thread scores the first share.
  const others = shares.slice(1).map((share, n) => scoreInWorker(options.worker, n, { base: base.doc, candidate: candidate.doc, assessments: share, filter }));
  const first = scoreImpact(base, candidate, shares[0], filter);
  const parts = [first, ...(await Promise.all(others))];
  return summarizeImpact(base, candidate, assessments, mergeScored(parts), filter);
}

interface PooledWorker {
  thread: Worker;
  waiting: Map<number, { resolve: (scored: ScoredImpact) => void; reject: (error: Error) => void }>;
}

const pools = new Map<string, (PooledWorker | undefined)[]>();
let requests = 0;

/** The n-th worker of the pool for this module, started when first needed. */
function pooledWorker(worker: URL, n: number): PooledWorker {
  let pool = pools.get(worker.href);
  if (!pool) {
    pool = [];
    pools.set(worker.href, pool);
  }
  let pooled = pool[n];
  if (!pooled) {
    // A source module (development, tests) needs the TypeScript loader registered in its thread
    // first; a built one runs as it is.
    const thread = worker.pathname.endsWith('.ts')
      ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(worker.href)}); });`, { eval: true })
      : new Worker(worker);
    thread.unref();
    const started: PooledWorker = { thread, waiting: new Map() };
    thread.on('message', (answer: { id: number; scored?: ScoredImpact; error?: string }) => {
      const waiter = started.waiting.get(answer.id);
      started.waiting.delete(answer.id);
      if (answer.scored) waiter?.resolve(answer.scored);
      else waiter?.reject(new Error(`An impact worker failed: ${answer.error}`));
    });
    const fail = (error: Error): void => {
      // A worker that died is replaced on next use; whatever it was doing is refused, not lost silently.
      if (pool?.[n] === started) pool[n] = undefined;
      for (const waiter of started.waiting.values()) waiter.reject(error);
      started.waiting.clear();
    };
    thread.on('error', fail);
    thread.on('exit', (code) => fail(new Error(`An impact worker stopped (exit code ${code}).`)));
    pool[n] = started;
    pooled = started;
  }
  return pooled;
}

function scoreInWorker(worker: URL, n: number, request: Omit<ImpactRequest, 'id'>): Promise<ScoredImpact> {
  const pooled = pooledWorker(worker, n);
  const id = ++requests;
  return new Promise((resolve, reject) => {
    pooled.waiting.set(id, { resolve, reject });
    pooled.thread.ref();
    pooled.thread.postMessage({ ...request, id });
  }).finally(() => {
    if (pooled.waiting.size === 0) pooled.thread.unref();
  }) as Promise<ScoredImpact>;
}

/** The shares' figures end to end, and every input the candidate renamed, merged, defaulted or dropped in any share. */
function mergeScored(parts: ScoredImpact[]): ScoredImpact {
  const renamed = new Map<string, string>();
  const combined = new Map<string, ScoredImpact['mapping']['combined'][number]>();
  const defaulted = new Set<string>();
  const dropped = new Set<string>();
  for (const { mapping } of parts) {
    for (const r of mapping.renamed) renamed.set(r.to, r.from);
    for (const c of mapping.combined) combined.set(c.to, c);
    for (const id of mapping.defaulted) defaulted.add(id);
    for (const id of mapping.dropped) dropped.add(id);
  }
  return {
    scored: parts.flatMap((p) => p.scored),
    mapping: { mapping: parts[0].mapping.mapping, renamed: [...renamed].map(([to, from]) => ({ to, from })), combined: [...combined.values()], defaulted: [...defaulted], dropped: [...dropped] },
  };
}
