/**
 * Refused and forbidden attempts leave a trace (caller, route, reason, address), and a flood of
 * them cannot flood the audit log: per caller and in all, the log takes a bounded number a minute
 * and one summary of what it held back.
 */
import { describe, expect, test, vi } from 'vitest';
import { REFUSAL_LIMITS } from '../../server/refusal-audit.ts';
import type { FastifyInstance } from 'fastify';
import type { AuditEntry } from '../../server/storage/types.ts';
import { call, startApp } from '../server/harness.ts';

const accessEntries = (entries: AuditEntry[]) => entries.filter((e) => e.action.startsWith('access.'));

/** The access entries once `count` of them are written: refusals are answered first and logged after. */
async function accessLog(app: FastifyInstance, count: number): Promise<AuditEntry[]> {
  return vi.waitFor(async () => {
    const entries = accessEntries((await call(app, 'editor', 'GET', '/api/audit')).json());
    expect(entries.length).toBeGreaterThanOrEqual(count);
    return entries;
  });
}

describe('refused attempts in the audit log', () => {
  test('a missing token and a forbidden role are each recorded with caller, route and reason', async () => {
    const app = await startApp();
    await call(app, null, 'GET', '/%61pi/audit');
    await call(app, 'viewer', 'POST', '/api/rubrics', { document: {} });
    const entries = await accessLog(app, 2);
    expect(entries).toEqual([
      expect.objectContaining({ action: 'access.refused', actor: 'anonymous', role: 'anonymous', target: 'route:GET /api/audit', ip: '127.0.0.1', reason: expect.stringContaining('bearer token') }),
      expect.objectContaining({ action: 'access.forbidden', actor: 'local viewer', role: 'viewer', target: 'route:POST /api/rubrics', reason: expect.stringContaining('editor') }),
    ]);
    await app.close();
  });

  test('500 refused requests from one caller leave at most the per-caller limit, then one summary of the rest', async () => {
    const app = await startApp();
    await Promise.all(Array.from({ length: 500 }, () => call(app, null, 'GET', '/api/rubrics', undefined, { headers: { authorization: 'Bearer guessing-a-token' } })));
    const whileOpen = await accessLog(app, REFUSAL_LIMITS.perCaller);
    expect(whileOpen).toHaveLength(REFUSAL_LIMITS.perCaller);
    await app.close();
    const restarted = await startApp({ dataDir: app.dataDir });
    const entries = accessEntries((await call(restarted, 'editor', 'GET', '/api/audit')).json());
    expect(entries.at(-1)).toMatchObject({ action: 'access.suppressed', reason: expect.stringContaining(`${500 - REFUSAL_LIMITS.perCaller} more`) });
    await restarted.close();
  });

  test('many callers together are held to the overall limit', async () => {
    const app = await startApp();
    const callers = Array.from({ length: 50 }, (_, i) => `10.0.${Math.floor(i / 250)}.${i % 250}`);
    // Round after round, so that every caller is among the first hundred.
    const rounds = Array.from({ length: 5 }, () => callers);
    await Promise.all(rounds.flat().map((ip) => app.inject({ method: 'GET', url: '/api/rubrics', remoteAddress: ip })));
    const entries = await accessLog(app, REFUSAL_LIMITS.overall);
    expect(entries).toHaveLength(REFUSAL_LIMITS.overall);
    expect(new Set(entries.map((e) => e.ip)).size).toBe(callers.length);
    await app.close();
  });
});
