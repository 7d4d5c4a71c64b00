/**
 * Many writers at once: 200 concurrent creates, then 200 concurrent submits and 200 concurrent
 * community edits, all stored exactly once with their audit entries, and all still there after
 * a restart on the same data directory.
 */
import { describe, expect, test } from 'vitest';
import type { AuditEntry } from '../../server/storage/types.ts';
import { assessmentBody, call, startApp, startAppWithPublishedRubric } from '../server/harness.ts';

const N = 200;

describe('concurrent writes', () => {
  test(`${N} concurrent creates, submits and edits are each stored once, with an audit entry each, across a restart`, async () => {
    const app = await startAppWithPublishedRubric();
    const created = await Promise.all(Array.from({ length: N }, () => call(app, 'assessor', 'POST', '/api/assessments', assessmentBody())));
    expect(created.map((r) => r.statusCode)).toEqual(Array(N).fill(201));
    const communities = await Promise.all(Array.from({ length: N }, (_, i) => call(app, 'assessor', 'POST', '/api/communities', { id: `c${i}`, name: `C ${i}`, street: 'S' })));
    expect(communities.map((r) => r.statusCode)).toEqual(Array(N).fill(201));
    const [submitted, edited] = await Promise.all([
      Promise.all(created.map((r) => call(app, 'assessor', 'POST', `/api/assessments/${r.json().id}/submit`))),
      Promise.all(Array.from({ length: N }, (_, i) => call(app, 'assessor', 'PUT', `/api/communities/c${i}`, { name: `C ${i} renamed`, street: 'S' }, { headers: { 'if-match': '"1"' } }))),
    ]);
    expect(submitted.map((r) => r.statusCode)).toEqual(Array(N).fill(200));
    expect(edited.map((r) => r.statusCode)).toEqual(Array(N).fill(200));
    await app.close();

    const restarted = await startApp({ dataDir: app.dataDir });
    const stored = (await call(restarted, 'viewer', 'GET', '/api/assessments?status=submitted&limit=500')).json();
    expect(new Set(stored.map((a: { id: string }) => a.id))).toEqual(new Set(created.map((r) => r.json().id)));
    const renamed = (await call(restarted, 'viewer', 'GET', '/api/communities')).json().filter((c: { name: string; revision: number }) => c.name.endsWith('renamed') && c.revision === 2);
    expect(renamed).toHaveLength(N);
    const audit: AuditEntry[] = (await call(restarted, 'editor', 'GET', '/api/audit')).json();
    const count = (action: string) => audit.filter((e) => e.action === action).length;
    expect([count('assessment.create'), count('assessment.submit'), count('community.create'), count('community.update')]).toEqual([N, N, N + 1, N]);
    // Entries are appended in the order the changes were stored.
    expect(audit.map((e) => e.at)).toEqual([...audit.map((e) => e.at)].sort());
    await restarted.close();
  });
});
