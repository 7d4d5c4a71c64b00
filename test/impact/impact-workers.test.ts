/**
 * The impact workers' protocol: a version's document goes to a worker once, later requests carry
 * its hash alone; a worker asked for a version it does not keep says so instead of failing, and is
 * sent the document again; workers started ahead (as the server starts them) take a stream's
 * batches from the first one, and every report is the one thread's.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { analyzeImpact, analyzeImpactStreamInThreads, type ImpactAssessment, loadRubric, type RubricDocument, startImpactWorkers } from '../../engine/index.ts';
import { scoreImpact } from '../../engine/compare/impact.ts';
import type { ImpactAnswer, ImpactRequest } from '../../engine/compare/impact-worker.ts';
import { seededRandom, syntheticAssessment } from '../bench/appendix-c-inputs.ts';
import { COMPLETE_INPUTS, smallRubric } from '../server/harness.ts';
import { appendixCRevision } from './revision.ts';

const doc = JSON.parse(readFileSync(new URL('../../examples/appendix-c/rubric.json', import.meta.url), 'utf8')) as RubricDocument;
const base = loadRubric(doc);
const candidate = loadRubric(appendixCRevision(doc));
const worker = new URL('../../engine/compare/impact-worker.ts', import.meta.url);
const random = seededRandom(5);
const assessments: ImpactAssessment[] = Array.from({ length: 60 }, (_, i) => ({ id: `a${i}`, communityId: `c${i}`, period: '2024 final', inputs: syntheticAssessment(random) }));

async function* stream<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

/** The requests sent to impact workers while `run` runs. */
async function requestsDuring(run: () => Promise<unknown>): Promise<Omit<ImpactRequest, 'id'>[]> {
  const post = vi.spyOn(Worker.prototype, 'postMessage');
  try {
    await run();
    return post.mock.calls.map(([request]) => request as ImpactRequest);
  } finally {
    post.mockRestore();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('an impact worker', () => {
  test('answers a version sent by its hash alone once it was sent its document, and says when it does not know one', async () => {
    const thread = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(worker.href)}); });`, { eval: true });
    try {
      let next = 0;
      const ask = (request: Omit<ImpactRequest, 'id'>): Promise<ImpactAnswer> =>
        new Promise((resolve) => {
          const id = ++next;
          const listen = (answer: ImpactAnswer): void => {
            if (answer.id !== id) return;
            thread.off('message', listen);
            resolve(answer);
          };
          thread.on('message', listen);
          thread.postMessage({ ...request, id });
        });
      const batch = assessments.slice(0, 5);
      const expected = JSON.parse(JSON.stringify(scoreImpact(base, candidate, batch)));
      expect(await ask({ base: { hash: base.hash }, candidate: { hash: candidate.hash }, assessments: batch })).toEqual({ id: 1, unknownVersion: true });
      expect(await ask({ base: { hash: base.hash, doc: base.doc }, candidate: { hash: candidate.hash, doc: candidate.doc }, assessments: batch })).toEqual({ id: 2, scored: expected });
      expect(await ask({ base: { hash: base.hash }, candidate: { hash: candidate.hash }, assessments: batch })).toEqual({ id: 3, scored: expected });
    } finally {
      await thread.terminate();
    }
  }, 60_000);
});

describe('impact workers started ahead', () => {
  const options = { worker, threads: 2, batchSize: 10 };

  test('are not started for a store too small to need them', () => {
    expect(startImpactWorkers({ worker: new URL('file:///nonexistent-worker.js'), threads: 2 }, 19_999)).toBe(false);
    expect(startImpactWorkers({ worker: new URL('file:///nonexistent-worker.js'), threads: 2, minimumPerThread: 10_000 }, 0)).toBe(false);
  });

  test('take a short stream from its first batch; each is sent the documents once', async () => {
    expect(startImpactWorkers(options, 20_000)).toBe(true);
    let report: unknown;
    const requests = await requestsDuring(async () => {
      report = await analyzeImpactStreamInThreads(base, candidate, stream(assessments), undefined, options);
    });
    expect(report).toEqual(analyzeImpact(base, candidate, assessments));
    // 60 assessments in batches of 10, all scored in the two workers: none here.
    expect(requests.map((r) => r.assessments.length)).toEqual([10, 10, 10, 10, 10, 10]);
    const withDocuments = requests.filter((r) => r.base.doc !== undefined || r.candidate.doc !== undefined);
    expect(withDocuments.length).toBe(2);
    expect(withDocuments.every((r) => r.base.doc === base.doc && r.candidate.doc === candidate.doc)).toBe(true);
    expect(requests.slice(2).every((r) => r.base.doc === undefined && r.candidate.doc === undefined)).toBe(true);

    // A second analysis of the same versions sends no document.
    const again = await requestsDuring(() => analyzeImpactStreamInThreads(base, candidate, stream(assessments), undefined, options));
    expect(again.length).toBe(6);
    expect(again.every((r) => r.base.doc === undefined && r.candidate.doc === undefined)).toBe(true);
  }, 60_000);

  test('send the documents again to a worker that has let the versions go since', async () => {
    startImpactWorkers(options, 20_000);
    const one = [assessments[0]];
    await analyzeImpactStreamInThreads(base, candidate, stream(one), undefined, options);
    // More versions than a worker keeps (64) go through the same first worker, one assessment each.
    for (let i = 0; i < 33; i++) {
      const small = (n: number) => loadRubric(smallRubric({ version: `9.${i}.${n}` }));
      const smallOne: ImpactAssessment[] = [{ id: 's', communityId: 'c', period: '2024 final', inputs: COMPLETE_INPUTS }];
      await analyzeImpactStreamInThreads(small(0), small(1), stream(smallOne), undefined, options);
    }
    let report: unknown;
    const requests = await requestsDuring(async () => {
      report = await analyzeImpactStreamInThreads(base, candidate, stream(one), undefined, options);
    });
    expect(report).toEqual(analyzeImpact(base, candidate, one));
    expect(requests.map((r) => [r.base.doc === undefined, r.candidate.doc === undefined])).toEqual([
      [true, true],
      [false, false],
    ]);
  }, 60_000);
});
