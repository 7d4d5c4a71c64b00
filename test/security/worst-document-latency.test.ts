/**
 * Threat: one editor request that holds the event loop blocks every other user. While the
 * server validates the worst many-error document the limits allow, a health probe sent by
 * another client must still be answered soon, and the validation answer must be a well-formed,
 * capped error list. Timings here are generous bounds; `npm run bench` measures the speed.
 */
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { MAX_REPORTED_ISSUES } from '../../engine/document/issues.ts';
import { startApp, tokenOf } from '../server/harness.ts';
import { MOST_ENTRIES, shapelessConditions } from './worst-documents.ts';

/** Another client, on its own thread: it keeps time while the server's thread is busy. */
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
parentPort.on('message', async () => {
  const sent = performance.now();
  try {
    const response = await fetch(workerData.origin + '/api/health');
    parentPort.postMessage({ status: response.status, body: await response.json(), elapsedMs: performance.now() - sent });
  } catch (err) {
    parentPort.postMessage({ error: String(err) });
  }
});`;

interface ProbeResult {
  status?: number;
  body?: unknown;
  elapsedMs?: number;
  error?: string;
}

let app: FastifyInstance;
let probe: Worker;
let origin: string;

beforeAll(async () => {
  app = await startApp();
  // Once the validation request has been read and is about to be handled, the probe is sent.
  app.addHook('preHandler', async (request) => {
    if (request.routeOptions.url === '/api/preview/validate') probe.postMessage('send');
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  probe = new Worker(PROBE, { eval: true, workerData: { origin } });
});
afterAll(async () => {
  await probe?.terminate();
  await app.close();
});

test('a health probe sent while the worst many-error document is validated is answered, and the errors come back capped', async () => {
  // The most errors per value we know of: every empty condition fails six ways (~585,000 errors).
  const document = shapelessConditions(MOST_ENTRIES);
  const probed = new Promise<ProbeResult>((resolve) => probe.once('message', resolve));
  const validation = await fetch(`${origin}/api/preview/validate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokenOf('editor')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ document }),
  });

  const health = await probed;
  expect(health.error).toBeUndefined();
  expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
  expect(health.elapsedMs).toBeLessThan(5_000);

  expect(validation.status).toBe(200);
  const report = (await validation.json()) as { valid: boolean; errors: { path: string; message: string }[]; warnings: unknown[] };
  expect(report.valid).toBe(false);
  expect(report.warnings).toEqual([]);
  expect(report.errors).toHaveLength(MAX_REPORTED_ISSUES + 1);
  for (const issue of report.errors.slice(0, MAX_REPORTED_ISSUES)) {
    expect(issue.path).toMatch(/^\/groups\/0\/indicators\/0\/criteria\/0\/rules\/0\/conditions\/all(\/\d+)?$/);
    expect(issue.message).toMatch(/: add it$|maximum|must NOT have more than/);
  }
  const more = report.errors.at(-1) as { path: string; message: string };
  expect(more.path).toBe('');
  const left = Number(/^… and ([\d,]+) more errors of the same kinds: fix these first and validate again$/.exec(more.message)?.[1].replaceAll(',', ''));
  expect(left).toBeGreaterThanOrEqual(MOST_ENTRIES * 6 - MAX_REPORTED_ISSUES);
});
