import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ScoreResult } from '../../engine/index.ts';
import { ServerError } from '../../server/errors.ts';
import { LOCK_FILE } from '../../server/storage/data-dir-lock.ts';
import { DATA_FILE, DATA_SCHEMA_VERSION, openLowdbStorage, RESULTS_DIR } from '../../server/storage/lowdb-storage.ts';
import type { AssessmentRecord, NewRecord } from '../../server/storage/types.ts';
import { assessmentBody, call, EXAMPLES, expectStatus, freshDataDir, startApp, startAppWithPublishedRubric } from './harness.ts';

const readDataFile = (dataDir: string) => JSON.parse(readFileSync(join(dataDir, DATA_FILE), 'utf8'));

describe('storage', () => {
  test('a submitted result is kept in its own write-once file; the data file holds its total and tier', async () => {
    const app = await startAppWithPublishedRubric();
    const { id } = (await expectStatus(call(app, 'assessor', 'POST', '/api/assessments', assessmentBody()), 201)).json();
    const submitted = (await expectStatus(call(app, 'assessor', 'POST', `/api/assessments/${id}/submit`), 200)).json();
    await app.close();
    const entry = readDataFile(app.dataDir).assessments[0];
    expect(entry).toMatchObject({ id, status: 'submitted', total: 8, tier: 'good' });
    expect(entry).not.toHaveProperty('result');
    expect(JSON.parse(readFileSync(join(app.dataDir, RESULTS_DIR, `${id}.json`), 'utf8'))).toEqual(submitted.result);
  });

  test('an assessment read while its submission is being written already has its result', async () => {
    const storage = await openLowdbStorage(freshDataDir());
    const now = new Date().toISOString();
    const draft: NewRecord<AssessmentRecord> = { id: 'a1', communityId: 'c', rubric: { id: 'r', version: '1.0.0' }, period: { year: 2024, kind: 'final' }, assessor: 'A', status: 'draft', inputs: {}, notApplicable: {}, result: null, rubricHash: null, createdAt: now, updatedAt: now, submittedAt: null };
    const audit = { actor: 'test', role: 'assessor' as const, action: 'assessment.submit', target: 'assessment:a1' };
    await storage.insertAssessment(draft, audit);
    const result = { total: 8, tier: 'good' } as ScoreResult;
    const submitting = storage.updateAssessment('a1', { change: (current) => ({ ...current, status: 'submitted', result, rubricHash: 'sha256:x', submittedAt: now }), audit: () => audit });
    // The change is applied at once; its files are still being written.
    expect((await storage.getAssessment('a1'))?.result).toEqual(result);
    await submitting;
    expect((await storage.getAssessment('a1'))?.result).toEqual(result);
    await storage.close();
  });

  test('a refused change neither blocks later writes nor closing', async () => {
    const storage = await openLowdbStorage(freshDataDir());
    const now = new Date().toISOString();
    const community = { id: 'one', name: 'One', street: 'S', createdAt: now, updatedAt: now };
    const audit = { actor: 'test', role: 'editor' as const, action: 'community.create', target: 'community:one' };
    await storage.insertCommunity(community, audit);
    await expect(storage.insertCommunity(community, audit)).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    await storage.insertCommunity({ ...community, id: 'two' }, audit);
    expect(await storage.listCommunities()).toHaveLength(2);
    await storage.close();
  });

  test('the data file carries its schema version', async () => {
    const app = await startApp();
    await app.close();
    expect(readDataFile(app.dataDir)).toMatchObject({ schemaVersion: DATA_SCHEMA_VERSION, rubricVersions: [], assessments: [], audit: [] });
  });

  test('a data file from a newer release is refused, not overwritten', async () => {
    const dataDir = freshDataDir();
    const future = JSON.stringify({ schemaVersion: DATA_SCHEMA_VERSION + 1, rubricVersions: [] });
    writeFileSync(join(dataDir, DATA_FILE), future);
    await expect(startApp({ dataDir })).rejects.toThrow(/newer than this release/);
    expect(readFileSync(join(dataDir, DATA_FILE), 'utf8')).toBe(future);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  test('temp files a killed writer left behind are removed at start; the data stays', async () => {
    const app = await startAppWithPublishedRubric();
    await app.close();
    const stale = join(app.dataDir, `.${DATA_FILE}.tmp`);
    writeFileSync(stale, '{"half": ');
    const restarted = await startApp({ dataDir: app.dataDir });
    expect(existsSync(stale)).toBe(false);
    expect((await call(restarted, 'viewer', 'GET', '/api/communities')).json()).toHaveLength(1);
    await restarted.close();
  });

  test('a second app on the same data directory is refused with DATA_DIR_LOCKED until the first closes', async () => {
    const first = await startApp();
    const second = startApp({ dataDir: first.dataDir });
    await expect(second).rejects.toBeInstanceOf(ServerError);
    await expect(second).rejects.toMatchObject({ code: 'DATA_DIR_LOCKED', message: expect.stringContaining(`pid ${process.pid}`) });
    await first.close();
    expect(existsSync(join(first.dataDir, LOCK_FILE))).toBe(false);
    const third = await startApp({ dataDir: first.dataDir });
    await third.close();
  });

  test('a lock left by a process that is gone is taken over', async () => {
    const dataDir = freshDataDir();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: gone, startedAt: '2020-01-01T00:00:00.000Z' }));
    const app = await startApp({ dataDir });
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await app.close();
  });

  test('the first start seeds the examples: rubrics published, assessments submitted with their communities', async () => {
    const app = await startApp({ seedFrom: EXAMPLES });
    const rubrics = (await call(app, 'viewer', 'GET', '/api/rubrics')).json();
    expect(rubrics).toEqual([expect.objectContaining({ id: 'small-rubric', versions: [expect.objectContaining({ status: 'published' })] })]);
    const assessments = (await call(app, 'viewer', 'GET', '/api/assessments')).json();
    expect(assessments).toEqual([expect.objectContaining({ communityId: 'riverside', status: 'submitted', total: 8, tier: 'good' })]);
    expect((await call(app, 'viewer', 'GET', '/api/communities/riverside')).json().street).toBe('East Street');
    expect((await call(app, 'editor', 'GET', '/api/audit')).json()[0]).toMatchObject({ actor: 'seed', role: 'system' });
    await app.close();
  });

  test('later starts keep what is there and seed nothing again', async () => {
    const app = await startApp({ seedFrom: EXAMPLES });
    const seeded = (await call(app, 'viewer', 'GET', '/api/assessments')).json()[0];
    await expectStatus(call(app, 'assessor', 'PUT', '/api/communities/riverside', { name: 'Riverside Renamed', street: 'East Street', revision: 1 }), 200);
    await app.close();
    const restarted = await startApp({ dataDir: app.dataDir, seedFrom: EXAMPLES });
    expect((await call(restarted, 'viewer', 'GET', '/api/assessments')).json()).toEqual([seeded]);
    expect((await call(restarted, 'viewer', 'GET', '/api/communities/riverside')).json().name).toBe('Riverside Renamed');
    await restarted.close();
  });
});
