/**
 * Group commit: changes that arrive while the data file is being written are checked in order
 * and stored by one later write. Each caller is answered only after the write that holds its
 * change; a failed write refuses every change of its group and leaves the store as it was
 * after the previous write; a stale revision inside a group is refused while the rest land.
 * The data file is compact JSON that rewrites only what changed, and still reads as before.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ScoreResult } from '../../engine/index.ts';
import { DATA_FILE, openLowdbStorage, RESULTS_DIR } from '../../server/storage/lowdb-storage.ts';
import type { AssessmentRecord, AuditDraft, CommunityRecord, NewRecord } from '../../server/storage/types.ts';
import { assessmentBody, call, expectStatus, freshDataDir, startApp, startAppWithPublishedRubric } from '../server/harness.ts';

const now = new Date().toISOString();
const community = (id: string): NewRecord<CommunityRecord> => ({ id, name: `Community ${id}`, street: 'S', createdAt: now, updatedAt: now });
const draft = (id: string): NewRecord<AssessmentRecord> => ({
  id,
  communityId: 'c',
  rubric: { id: 'r', version: '1.0.0' },
  period: { year: 2024, kind: 'final' },
  assessor: 'A',
  status: 'draft',
  inputs: { volunteers: 40 },
  notApplicable: {},
  result: null,
  rubricHash: null,
  createdAt: now,
  updatedAt: now,
  submittedAt: null,
});
const audit = (target: string): AuditDraft => ({ actor: 'test', role: 'assessor', action: 'test.change', target });
const fileOf = (dataDir: string): string => readFileSync(join(dataDir, DATA_FILE), 'utf8');

describe('group commit', () => {
  test('concurrent changes are stored by fewer file writes, each acknowledged, and all there after a restart', async () => {
    const dataDir = freshDataDir();
    const storage = await openLowdbStorage(dataDir);
    const before = storage.fileWrites;
    const ids = Array.from({ length: 50 }, (_, i) => `a${i}`);
    const stored = await Promise.all(ids.map((id) => storage.insertAssessment(draft(id), audit(`assessment:${id}`))));
    expect(stored.map((a) => a.revision)).toEqual(ids.map(() => 1));
    // The first starts a write at once; the 49 that arrive during it share the next one.
    expect(storage.fileWrites - before).toBe(2);
    await storage.close();

    const reopened = await openLowdbStorage(dataDir);
    expect((await reopened.listAssessments()).map((a) => a.id)).toEqual(ids);
    expect((await reopened.listAudit()).map((e) => e.target)).toEqual(ids.map((id) => `assessment:${id}`));
    await reopened.close();
  });

  test('through HTTP: concurrent submits are all answered 200 and all stored with their results across a restart', async () => {
    const app = await startAppWithPublishedRubric();
    const drafts = await Promise.all(Array.from({ length: 30 }, () => expectStatus(call(app, 'assessor', 'POST', '/api/assessments', assessmentBody()), 201)));
    const ids = drafts.map((r) => r.json().id as string);
    const submitted = await Promise.all(ids.map((id) => call(app, 'assessor', 'POST', `/api/assessments/${id}/submit`)));
    expect(submitted.map((r) => r.statusCode)).toEqual(ids.map(() => 200));
    await app.close();

    const restarted = await startApp({ dataDir: app.dataDir });
    for (const [at, id] of ids.entries()) {
      const stored = (await expectStatus(call(restarted, 'viewer', 'GET', `/api/assessments/${id}`), 200)).json();
      expect(stored).toMatchObject({ status: 'submitted', revision: 2, result: submitted[at].json().result });
    }
    const entries: { action: string; target: string }[] = (await call(restarted, 'editor', 'GET', '/api/audit')).json();
    expect(entries.filter((e) => e.action === 'assessment.submit').map((e) => e.target).sort()).toEqual(ids.map((id) => `assessment:${id}`).sort());
    await restarted.close();
  });

  test('a failed grouped write refuses every change in the group; the store stays as the previous write left it', async () => {
    const dataDir = freshDataDir();
    const storage = await openLowdbStorage(dataDir);
    await storage.insertCommunity(community('one'), audit('community:one'));
    await storage.insertAssessment(draft('x'), audit('assessment:x'));
    // The submission's result file cannot be written: a directory stands where its temp file goes.
    mkdirSync(join(dataDir, RESULTS_DIR, 'x.json.tmp'));
    const writesBefore = storage.fileWrites;

    // "first" is written alone at once; the other three arrive during that write and form one group.
    const first = storage.insertCommunity(community('first'), audit('community:first'));
    const group = [
      storage.updateCommunity('one', { ifRevision: 1, change: (c) => ({ ...c, name: 'Lost' }), audit: () => audit('community:one') }),
      storage.insertCommunity(community('lost'), audit('community:lost')),
      storage.updateAssessment('x', { change: (a) => ({ ...a, status: 'submitted', result: { total: 8, tier: 'good' } as ScoreResult, submittedAt: now }), audit: () => audit('assessment:x') }),
    ];
    await expect(first).resolves.toMatchObject({ id: 'first', revision: 1 });
    const afterFirst = fileOf(dataDir);
    const outcomes = await Promise.allSettled(group);
    expect(storage.fileWrites - writesBefore).toBe(2);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const outcome of outcomes) expect((outcome as PromiseRejectedResult).reason).toMatchObject({ message: expect.stringContaining('nothing was stored') });

    expect(fileOf(dataDir)).toBe(afterFirst);
    const inFile = JSON.parse(afterFirst);
    expect(await storage.listCommunities()).toEqual(inFile.communities);
    expect(await storage.listAssessments()).toEqual(inFile.assessments);
    expect(await storage.listAudit()).toEqual(inFile.audit);
    expect((await storage.getAssessment('x'))?.status).toBe('draft');
    expect(existsSync(join(dataDir, RESULTS_DIR, 'x.json'))).toBe(false);

    // Nothing of the failed group rides along with the next write.
    await storage.insertCommunity(community('next'), audit('community:next'));
    await storage.close();
    const after = JSON.parse(fileOf(dataDir));
    expect(after.communities.map((c: CommunityRecord) => [c.id, c.name, c.revision])).toEqual([
      ['one', 'Community one', 1],
      ['first', 'Community first', 1],
      ['next', 'Community next', 1],
    ]);
    expect(after.audit.map((e: AuditDraft) => e.target)).toEqual(['community:one', 'assessment:x', 'community:first', 'community:next']);
  });

  test('a stale revision inside a group is refused while the other changes of the group land', async () => {
    const dataDir = freshDataDir();
    const storage = await openLowdbStorage(dataDir);
    await storage.insertCommunity(community('one'), audit('community:one'));
    const writesBefore = storage.fileWrites;
    const rename = (name: string) => ({ ifRevision: 1, change: (c: CommunityRecord) => ({ ...c, name }), audit: () => audit(`community:one:${name}`) });

    const first = storage.insertCommunity(community('first'), audit('community:first'));
    // One group: the second rename read revision 1 too, but the first rename has made it 2.
    const outcomes = await Promise.allSettled([storage.updateCommunity('one', rename('Kept')), storage.updateCommunity('one', rename('Stale')), storage.insertCommunity(community('two'), audit('community:two'))]);
    await first;
    expect(storage.fileWrites - writesBefore).toBe(2);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'STALE_REVISION', currentRevision: 2 });
    await storage.close();

    const reopened = await openLowdbStorage(dataDir);
    expect((await reopened.listCommunities()).map((c) => [c.id, c.name, c.revision])).toEqual([
      ['one', 'Kept', 2],
      ['first', 'Community first', 1],
      ['two', 'Community two', 1],
    ]);
    expect((await reopened.listAudit()).map((e) => e.target)).toEqual(['community:one', 'community:first', 'community:one:Kept', 'community:two']);
    await reopened.close();
  });
});

describe('the data file', () => {
  test('is exactly JSON.stringify of the data: compact, and rewritten correctly where records changed', async () => {
    const dataDir = freshDataDir();
    const storage = await openLowdbStorage(dataDir);
    // More records than one cached run of the writer, changed at both ends and in the middle.
    await Promise.all(Array.from({ length: 300 }, (_, i) => storage.insertCommunity(community(`c${i}`), audit(`community:c${i}`))));
    for (const id of ['c0', 'c150', 'c299']) await storage.updateCommunity(id, { change: (c) => ({ ...c, name: `${c.name} renamed`, district: '区' }), audit: () => audit(`community:${id}`) });
    const text = fileOf(dataDir);
    const data = JSON.parse(text);
    expect(text).toBe(JSON.stringify(data));
    expect(data.communities).toEqual(await storage.listCommunities());
    expect(data.audit).toEqual(await storage.listAudit());
    expect(data.communities.filter((c: CommunityRecord) => c.name.endsWith('renamed')).map((c: CommunityRecord) => c.id)).toEqual(['c0', 'c150', 'c299']);
    await storage.close();
  });

  test('a pretty-printed data file, as earlier releases wrote it, still opens and is then written compactly', async () => {
    const dataDir = freshDataDir();
    const storage = await openLowdbStorage(dataDir);
    await storage.insertCommunity(community('one'), audit('community:one'));
    await storage.close();
    const pretty = JSON.stringify(JSON.parse(fileOf(dataDir)), null, 2);
    writeFileSync(join(dataDir, DATA_FILE), pretty);

    const reopened = await openLowdbStorage(dataDir);
    expect((await reopened.listCommunities()).map((c) => c.id)).toEqual(['one']);
    await reopened.insertCommunity(community('two'), audit('community:two'));
    await reopened.close();
    const text = fileOf(dataDir);
    expect(text).toBe(JSON.stringify(JSON.parse(text)));
    expect(JSON.parse(text).communities.map((c: CommunityRecord) => c.id)).toEqual(['one', 'two']);
  });
});
