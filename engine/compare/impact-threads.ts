/**
 * Impact analysis over several threads. Scoring each assessment under two versions is the whole
 * cost and independent per assessment, so the assessments go out in batches: each batch to a
 * worker thread that is free (engine/compare/impact-worker.ts), and the report is tallied from the
 * batches in the assessments' order (ImpactTally). Given an array, this thread scores a share too;
 * reading a stream (from the database), it only reads: reading is then work enough for one thread,
 * and a batch scored here would hold up the reading while the workers wait.
 * The report is the one `analyzeImpact` gives; test/impact/impact-threads.test.ts compares them.
 * Workers are started on first use, or ahead of it by startImpactWorkers, and kept (unreferenced:
 * they never keep the process alive), so later analyses find their code compiled and their
 * rubrics loaded.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CompiledRubric } from '../scoring/compile.ts';
import type { ImpactAssessment, ImpactFilter, ImpactReport } from '../types.ts';
import { analyzeImpact, IMPACT_BATCH, ImpactTally, inBatches, type ScoredImpact, scoreImpact } from './impact.ts';
import type { ImpactAnswer, ImpactRequest, ImpactVersion } from './impact-worker.ts';

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
  const threads = threadsFor(assessments.length, options);
  if (threads <= 1) return analyzeImpact(base, candidate, assessments, filter);
  // One share per thread: the workers take the first ones, this thread the last.
  const size = Math.ceil(assessments.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => assessments.slice(i * size, (i + 1) * size));
  return tallyInTurns(base, candidate, shares, filter, options.worker, () => threads - 1, new ImpactTally(base, candidate, filter, assessments.length), true);
}

/**
 * `analyzeImpactStream` over threads: batches of `batchSize` are sent to the workers as they are
 * read, and the workers join in only once the stream has proved long enough to share (the same
 * rule as analyzeImpactInThreads, applied to what has been read so far). At most one batch per
 * thread is held at a time, whatever the stream's length.
 */
export async function analyzeImpactStreamInThreads(
  base: CompiledRubric,
  candidate: CompiledRubric,
  assessments: AsyncIterable<ImpactAssessment> | Iterable<ImpactAssessment>,
  filter: ImpactFilter | undefined,
  options: ImpactThreads & { batchSize?: number },
): Promise<ImpactReport> {
  // Every thread's worth of workers, once there is enough to share or when they are already up: this thread reads.
  const started = poolStarted(options);
  const workers = (read: number): number => (started || threadsFor(read, options) > 1 ? threads(options) : 0);
  return tallyInTurns(base, candidate, inBatches(assessments, options.batchSize ?? IMPACT_BATCH), filter, options.worker, workers, new ImpactTally(base, candidate, filter), false);
}

/** Threads worth using for `count` assessments, this one included. */
function threadsFor(count: number, options: ImpactThreads): number {
  return Math.min(threads(options), Math.floor(count / (options.minimumPerThread ?? MINIMUM_PER_THREAD)));
}

const threads = (options: Pick<ImpactThreads, 'threads'>): number => options.threads ?? availableParallelism();

/**
 * Starts the workers a streamed analysis uses (one per thread) now, when an analysis of `stored`
 * assessments would use them: for a server to call as it starts with what it holds. Each compiles
 * the document checks as it starts, and the first analysis then shares its batches from the first
 * one on instead of scoring alone until it has read enough to be worth starting them. A smaller
 * store starts none (starting them costs more than its analyses would gain); they start with the
 * first analysis that grows large enough. Returns whether they were started.
 */
export function startImpactWorkers(options: Omit<ImpactThreads, 'batchSize'>, stored: number): boolean {
  if (threadsFor(stored, options) <= 1) return false;
  for (let n = 0; n < threads(options); n++) pooledWorker(options.worker, n);
  return true;
}

/** Whether every worker a streamed analysis would use is running. */
function poolStarted(options: Pick<ImpactThreads, 'worker' | 'threads'>): boolean {
  const pool = pools.get(options.worker.href);
  return pool !== undefined && Array.from({ length: threads(options) }, (_, n) => pool[n]).every(Boolean);
}

/** A batch on its way: scored in a worker or here, tallied when its turn comes. */
interface Turn {
  batch: ImpactAssessment[];
  scored: Promise<ScoredImpact>;
  settled: boolean;
}

/**
 * Scores the batches, each in a free worker of the first `workers(read)`, and tallies them in
 * order. When every worker is busy, a batch is scored here if `scoreHere`, else it waits for a
 * worker to come free (none at all: here). A batch is read only when fewer than one per thread
 * wait to be tallied, so the batches held stay bounded however many come.
 */
async function tallyInTurns(
  base: CompiledRubric,
  candidate: CompiledRubric,
  batches: AsyncIterable<ImpactAssessment[]> | Iterable<ImpactAssessment[]>,
  filter: ImpactFilter | undefined,
  worker: URL,
  workers: (read: number) => number,
  tally: ImpactTally,
  scoreHere: boolean,
): Promise<ImpactReport> {
  const turns: Turn[] = [];
  const busy = new Set<number>();
  let read = 0;
  const tallyHead = async (): Promise<void> => {
    const turn = turns.shift() as Turn;
    tally.add(turn.batch, await turn.scored);
  };
  for await (const batch of batches) {
    read += batch.length;
    const available = workers(read);
    // The oldest batch is tallied first: its worker is among the busy ones, or it was scored here.
    if (!scoreHere) while (available > 0 && busy.size >= available && turns.length > 0) await tallyHead();
    let free = -1;
    for (let n = 0; n < available && free < 0; n++) if (!busy.has(n)) free = n;
    let scored: Promise<ScoredImpact>;
    if (free >= 0) {
      const n = free;
      busy.add(n);
      scored = scoreInWorker(worker, n, base, candidate, { assessments: batch, filter }).finally(() => busy.delete(n));
    } else {
      scored = Promise.resolve(scoreImpact(base, candidate, batch, filter));
    }
    const turn: Turn = { batch, scored, settled: false };
    // Handled at once, so a worker failing before its turn is not an unhandled rejection; its turn rethrows it.
    const settle = (): void => {
      turn.settled = true;
    };
    scored.then(settle, settle);
    turns.push(turn);
    while (turns.length > 0 && (turns[0].settled || turns.length > available + 1)) await tallyHead();
  }
  while (turns.length > 0) await tallyHead();
  return tally.report();
}

interface PooledWorker {
  thread: Worker;
  waiting: Map<number, { resolve: (answer: ImpactAnswer) => void; reject: (error: Error) => void }>;
  /** Hashes of the versions whose documents this worker was sent: later requests send the hash alone. */
  sent: Set<string>;
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
    const started: PooledWorker = { thread, waiting: new Map(), sent: new Set() };
    thread.on('message', (answer: ImpactAnswer) => {
      const waiter = started.waiting.get(answer.id);
      started.waiting.delete(answer.id);
      waiter?.resolve(answer);
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

/**
 * Scores `request` in the n-th worker. Each version's document goes with the first request that
 * needs it; a worker that has since let a version go says so, and the request is sent again with
 * the documents.
 */
async function scoreInWorker(worker: URL, n: number, base: CompiledRubric, candidate: CompiledRubric, request: Pick<ImpactRequest, 'assessments' | 'filter'>): Promise<ScoredImpact> {
  const pooled = pooledWorker(worker, n);
  const version = (rubric: CompiledRubric): ImpactVersion => (pooled.sent.has(rubric.hash) ? { hash: rubric.hash } : { hash: rubric.hash, doc: rubric.doc });
  let answer = await ask(pooled, { ...request, base: version(base), candidate: version(candidate) });
  if ('unknownVersion' in answer) {
    pooled.sent.clear();
    answer = await ask(pooled, { ...request, base: version(base), candidate: version(candidate) });
  }
  if ('scored' in answer) {
    pooled.sent.add(base.hash).add(candidate.hash);
    return answer.scored;
  }
  throw new Error(`An impact worker failed: ${'error' in answer ? answer.error : 'it no longer kept a version it was just sent'}`);
}

function ask(pooled: PooledWorker, request: Omit<ImpactRequest, 'id'>): Promise<ImpactAnswer> {
  const id = ++requests;
  return new Promise<ImpactAnswer>((resolve, reject) => {
    pooled.waiting.set(id, { resolve, reject });
    pooled.thread.ref();
    pooled.thread.postMessage({ ...request, id });
  }).finally(() => {
    if (pooled.waiting.size === 0) pooled.thread.unref();
  });
}
