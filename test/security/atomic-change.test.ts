/**
 * Validate, write, audit, acknowledge as one step: a change whose audit entry cannot be made, or
 * whose file cannot be written, leaves memory and file exactly as they were.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DATA_FILE, openLowdbStorage } from '../../server/storage/lowdb-storage.ts';
import type { AuditDraft, CommunityRecord, NewRecord } from '../../server/storage/types.ts';
import { call, expectStatus, freshDataDir, startAppWithPublishedRubric } from '../server/harness.ts';

const now = new Date().toISOString();
const community: NewRecord<CommunityRecord> = { id: 'one', name: 'One', street: 'S', createdAt: now, updatedAt: now };
const audit: AuditDraft = { actor: 'test', role: 'assessor', action: 'community.create', target: 'community:one' };
const fileOf = (dataDir: string) => readFileSync(join(dataDir, DATA_FILE), 'utf8');

describe('one step or nothing', () => {
  test('an audit entry that cannot be made refuses the change: memory and file stay as they were', async () => {
    const dataDir = freshDataDir();
    const storage = await openLowdbStorage(dataDir);
    await storage.insertCommunity(community, audit);
    const before = fileOf(dataDir);
    const failing = storage.updateCommunity('one', {
      change: (current) => ({ ...current, name: 'Changed' }),
      audit: () => {
        throw new Error('the audit entry cannot be made');
      },
    });
    await expect(failing).rejects.toThrow('the audit entry cannot be made');
    // A later, valid write must not carry the refused change along with it.
    await storage.insertCommunity({ ...community, id: 'two' }, { ...audit, target: 'community:two' });
    expect((await storage.getCommunity('one'))?.name).toBe('One');
    expect((await storage.getCommunity('one'))?.revision).toBe(1);
    await storage.close();
    const after = JSON.parse(fileOf(dataDir));
    expect(after.communities.find((c: CommunityRecord) => c.id === 'one')).toEqual(JSON.parse(before).communities[0]);
    expect(after.audit.map((e: AuditDraft) => e.target)).toEqual(['community:one', 'community:two']);
  });

  test('a data file that cannot be written undoes the whole batch in memory; the next write stores only itself', async () => {
    const dataDir = freshDataDir();
    const storage = await openLowdbStorage(dataDir);
    await storage.insertCommunity(community, audit);
    const before = fileOf(dataDir);
    // The writer renames a temp file over the data file; a directory in its place makes the write fail.
    const temp = join(dataDir, `.${DATA_FILE}.tmp`);
    mkdirSync(temp);
    const results = await Promise.allSettled([
      storage.updateCommunity('one', { ifRevision: 1, change: (c) => ({ ...c, name: 'Lost' }), audit: () => audit }),
      storage.insertCommunity({ ...community, id: 'three' }, audit),
      storage.appendAudit({ ...audit, action: 'access.refused' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(fileOf(dataDir)).toBe(before);
    expect(await storage.listCommunities()).toEqual(JSON.parse(before).communities);
    expect(await storage.listAudit()).toEqual(JSON.parse(before).audit);
    rmSync(temp, { recursive: true });
    const updated = await storage.updateCommunity('one', { ifRevision: 1, change: (c) => ({ ...c, name: 'Kept' }), audit: () => audit });
    expect(updated).toMatchObject({ name: 'Kept', revision: 2 });
    await storage.close();
    const after = JSON.parse(fileOf(dataDir));
    expect(after.communities.map((c: CommunityRecord) => c.name)).toEqual(['Kept']);
    expect(after.audit).toHaveLength(2);
  });

  test('through HTTP: a failed write answers with a storage error, and reading shows the last stored state', async () => {
    const app = await startAppWithPublishedRubric();
    const dataDir = (app as unknown as { dataDir: string }).dataDir;
    const before = (await call(app, 'viewer', 'GET', '/api/communities/riverside')).json();
    const temp = join(dataDir, `.${DATA_FILE}.tmp`);
    mkdirSync(temp);
    const failed = await call(app, 'assessor', 'PUT', '/api/communities/riverside', { name: 'Lost', street: 'S', revision: 1 });
    expect(failed.statusCode).toBe(500);
    expect(failed.json()).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('nothing was stored') });
    expect((await call(app, 'viewer', 'GET', '/api/communities/riverside')).json()).toEqual(before);
    rmSync(temp, { recursive: true });
    await expectStatus(call(app, 'assessor', 'PUT', '/api/communities/riverside', { name: 'Kept', street: 'S', revision: 1 }), 200);
    await app.close();
  });
});
