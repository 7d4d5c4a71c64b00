/**
 * The promises of the Storage interface (server/storage/types.ts), held by every backend: lowdb
 * in a fresh data directory and PostgreSQL in a fresh database of the run's cluster. Then what
 * only PostgreSQL has: the audit trigger, migrations, several servers on one database.
 */
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterEach, describe, expect, test } from 'vitest';
import type { ScoreResult } from '../../engine/index.ts';
import { ServerError } from '../../server/errors.ts';
import { ASSESSMENT_MESSAGES, COMMUNITY_MESSAGES, REVISION_MESSAGES, RUBRIC_MESSAGES, STORAGE_MESSAGES } from '../../server/messages.ts';
import { openLowdbStorage } from '../../server/storage/lowdb-storage.ts';
import { hasLz4, MIGRATIONS, migrate, SCHEMA_VERSION } from '../../server/storage/postgres-migrations.ts';
import { assessmentColumns, connect, databaseLocation, migrateDatabase, openPostgresStorage, replaceRecord } from '../../server/storage/postgres-storage.ts';
import type { AssessmentFilter, AssessmentRecord, AuditDraft, CommunityRecord, NewRecord, RubricVersionRecord, Storage } from '../../server/storage/types.ts';
import { freshDatabase } from '../postgres-cluster.ts';
import { assessmentBody, call, EXAMPLES, expectStatus, freshDataDir, smallRubric, startApp } from './harness.ts';

/** A backend under test: `open` opens the same store again each time it is called. */
interface Backend {
  name: string;
  fresh: () => Promise<{ open: () => Promise<Storage> }>;
}

const BACKENDS: Backend[] = [
  {
    name: 'lowdb',
    fresh: async () => {
      const dataDir = freshDataDir();
      return { open: () => openLowdbStorage(dataDir) };
    },
  },
  {
    name: 'PostgreSQL',
    fresh: async () => {
      const url = await freshDatabase();
      return { open: () => openPostgresStorage(url) };
    },
  },
];

const opened: Storage[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((storage) => storage.close()));
});

async function freshStorage(backend: Backend): Promise<Storage> {
  const storage = await (await backend.fresh()).open();
  opened.push(storage);
  return storage;
}

const NOW = '2024-05-01T08:30:00.000Z';
const LATER = '2024-05-02T09:45:00.000Z';

const audit = (action: string, target: string): AuditDraft => ({ actor: 'Test Editor', role: 'editor', action, target });

function rubricVersion(overrides: Partial<RubricVersionRecord> = {}): NewRecord<RubricVersionRecord> {
  const document = smallRubric();
  return { id: document.id, version: document.version, status: 'draft', hash: 'sha256:abc', document, warnings: [], createdAt: NOW, updatedAt: NOW, publishedAt: null, retiredAt: null, ...overrides };
}

/** A community without the optional fields: they must stay absent, not come back as null. */
function community(id: string, overrides: Partial<CommunityRecord> = {}): NewRecord<CommunityRecord> {
  return { id, name: `Community ${id}`, street: 'East Street', createdAt: NOW, updatedAt: NOW, ...overrides };
}

function assessment(id: string, overrides: Partial<AssessmentRecord> = {}): NewRecord<AssessmentRecord> {
  return {
    id,
    communityId: 'riverside',
    rubric: { id: 'small-rubric', version: '1.0.0' },
    period: { year: 2024, kind: 'final' },
    assessor: 'Test Assessor',
    status: 'draft',
    inputs: { hasOffice: true, volunteers: 40 },
    notApplicable: {},
    result: null,
    rubricHash: null,
    createdAt: NOW,
    updatedAt: NOW,
    submittedAt: null,
    ...overrides,
  };
}

/** A result as the storage sees it: opaque JSON with a total, a tier and criteria (decimals and Chinese kept exactly). */
function scoreResult(total: number, tier: string): ScoreResult {
  return {
    total,
    tier,
    criteria: [{ id: 'C1', points: 4, awarded: 3.5, explanation: { zh: '有办公场所得4分', en: '4 points with an office' } }],
    groups: [{ id: 'G1', awarded: total, available: 10 }],
  } as unknown as ScoreResult;
}

function submitted(result: ScoreResult) {
  return (current: AssessmentRecord): AssessmentRecord => ({ ...current, status: 'submitted', result, rubricHash: 'sha256:abc', submittedAt: LATER, updatedAt: LATER });
}

/** What a refused change callback throws. */
const refusal = () => new ServerError('STATE_CONFLICT', { en: 'Refused by the test.', zh: '测试拒绝了该更改。' });

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe.each(BACKENDS)('the $name storage', (backend) => {
  test('a rubric document reads back as written, its keys in the author\'s order', async () => {
    const storage = await freshStorage(backend);
    // Keys in reverse, not the order a jsonb column would sort them in (shorter first).
    const written = rubricVersion({ document: Object.fromEntries(Object.entries(smallRubric()).reverse()) as never });
    await storage.insertRubricVersion(written, audit('rubric.create', 'rubric:small-rubric@1.0.0'));
    const read = await storage.getRubricVersion(written.id, written.version);
    expect(JSON.stringify(read?.document)).toBe(JSON.stringify(written.document));
  });

  test('a fresh store is created empty; opened again, it is not created', async () => {
    const { open } = await backend.fresh();
    const first = await open();
    expect(first.created).toBe(true);
    expect(await first.listRubricVersions()).toEqual([]);
    expect(await first.listAudit()).toEqual([]);
    await first.close();
    const again = await open();
    opened.push(again);
    expect(again.created).toBe(false);
  });

  test('rubric versions: inserted at revision 1, read, listed, changed one revision at a time, deleted', async () => {
    const storage = await freshStorage(backend);
    const record = rubricVersion();
    const inserted = await storage.insertRubricVersion(record, audit('rubric.create', 'rubric:small-rubric@1.0.0'));
    expect(inserted).toEqual({ ...record, revision: 1 });
    expect(await storage.getRubricVersion('small-rubric', '1.0.0')).toEqual(inserted);
    expect(await storage.getRubricVersion('small-rubric', '9.9.9')).toBeUndefined();
    await storage.insertRubricVersion(rubricVersion({ version: '1.1.0', document: smallRubric({ version: '1.1.0' }) }), audit('rubric.create', 'rubric:small-rubric@1.1.0'));
    expect((await storage.listRubricVersions()).map((r) => r.version)).toEqual(['1.0.0', '1.1.0']);

    const changed = await storage.updateRubricVersion('small-rubric', '1.0.0', {
      ifRevision: 1,
      change: (current) => ({ ...current, hash: 'sha256:def', updatedAt: LATER }),
      audit: () => audit('rubric.update', 'rubric:small-rubric@1.0.0'),
    });
    expect(changed).toEqual({ ...inserted, hash: 'sha256:def', updatedAt: LATER, revision: 2 });
    expect(await storage.getRubricVersion('small-rubric', '1.0.0')).toEqual(changed);
    // An update keeps the record's place in the list.
    expect((await storage.listRubricVersions()).map((r) => r.version)).toEqual(['1.0.0', '1.1.0']);

    await storage.deleteRubricVersion('small-rubric', '1.0.0', () => undefined, audit('rubric.delete', 'rubric:small-rubric@1.0.0'), 2);
    expect(await storage.getRubricVersion('small-rubric', '1.0.0')).toBeUndefined();
    expect((await storage.listRubricVersions()).map((r) => r.version)).toEqual(['1.1.0']);
    expect((await storage.listAudit()).map((e) => [e.action, e.revision])).toEqual([
      ['rubric.create', 1],
      ['rubric.create', 1],
      ['rubric.update', 2],
      ['rubric.delete', 2],
    ]);
  });

  test('communities: inserted, read, listed and changed; optional fields stay absent', async () => {
    const storage = await freshStorage(backend);
    const bare = { id: 'bare', name: 'Bare', createdAt: NOW, updatedAt: NOW } as NewRecord<CommunityRecord>;
    await storage.insertCommunity(bare, audit('community.create', 'community:bare'));
    const read = await storage.getCommunity('bare');
    expect(read).toEqual({ ...bare, revision: 1 });
    expect(read).not.toHaveProperty('street');
    expect(read).not.toHaveProperty('district');
    // A deployment profile's own attributes are fields of the record (SubjectRecord).
    const building = { ...community('tower'), type: 'office', floors: 12 } as NewRecord<CommunityRecord>;
    await storage.insertCommunity(building, audit('community.create', 'community:tower'));
    expect(await storage.getCommunity('tower')).toEqual({ ...building, revision: 1 });
    expect(await storage.getCommunity('nowhere')).toBeUndefined();

    const renamed = await storage.updateCommunity('bare', { ifRevision: 1, change: (current) => ({ ...current, name: 'Renamed', updatedAt: LATER }), audit: () => audit('community.update', 'community:bare') });
    expect(renamed).toEqual({ ...bare, name: 'Renamed', updatedAt: LATER, revision: 2 });
    expect(await storage.listCommunities()).toEqual([renamed, { ...building, revision: 1 }]);
  });

  test('assessments: a draft has no result; submitted, it is read with its result and listed with its total and tier only', async () => {
    const storage = await freshStorage(backend);
    const draft = assessment('a1', { carriedFrom: undefined });
    delete (draft as Partial<AssessmentRecord>).carriedFrom;
    await storage.insertAssessment(draft, audit('assessment.create', 'assessment:a1'));
    expect(await storage.getAssessment('a1')).toEqual({ ...draft, revision: 1 });
    expect(await storage.listAssessments()).toEqual([{ ...(({ result: _result, ...rest }) => rest)(draft), revision: 1, total: null, tier: null }]);

    const result = scoreResult(7.5, 'good');
    const done = await storage.updateAssessment('a1', { ifRevision: 1, change: submitted(result), audit: () => audit('assessment.submit', 'assessment:a1') });
    expect(done.revision).toBe(2);
    const read = await storage.getAssessment('a1');
    expect(read).toEqual({ ...draft, status: 'submitted', result, rubricHash: 'sha256:abc', submittedAt: LATER, updatedAt: LATER, revision: 2 });
    expect(read).not.toHaveProperty('carriedFrom');
    const [entry] = await storage.listAssessments();
    expect(entry).toMatchObject({ id: 'a1', status: 'submitted', total: 7.5, tier: 'good', revision: 2 });
    expect(entry).not.toHaveProperty('result');
    expect(await storage.getAssessment('nowhere')).toBeUndefined();
  });

  test('a change names the record it misses: NOT_FOUND as the catalogue words it', async () => {
    const storage = await freshStorage(backend);
    const change = { change: <T>(current: T) => current, audit: () => audit('x', 'y') };
    await expect(storage.updateCommunity('nowhere', change)).rejects.toMatchObject({ code: 'NOT_FOUND', message: COMMUNITY_MESSAGES.noCommunity('nowhere').en });
    await expect(storage.updateAssessment('nowhere', change)).rejects.toMatchObject({ code: 'NOT_FOUND', message: ASSESSMENT_MESSAGES.noAssessment('nowhere').en });
    await expect(storage.updateRubricVersion('r', '1.0.0', change)).rejects.toMatchObject({ code: 'NOT_FOUND', message: RUBRIC_MESSAGES.noVersion('r', '1.0.0').en });
    await expect(storage.deleteRubricVersion('r', '1.0.0', () => undefined, audit('x', 'y'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await storage.listAudit()).toEqual([]);
  });

  test('a stale write is refused with STALE_REVISION naming the latest revision, and nothing changes', async () => {
    const storage = await freshStorage(backend);
    await storage.insertCommunity(community('riverside'), audit('community.create', 'community:riverside'));
    await storage.updateCommunity('riverside', { ifRevision: 1, change: (c) => ({ ...c, name: 'Second' }), audit: () => audit('community.update', 'community:riverside') });
    // Lists are shared with the store (read-only): keep a copy of what was there.
    const before = structuredClone({ community: await storage.getCommunity('riverside'), audit: await storage.listAudit() });
    const stale = storage.updateCommunity('riverside', { ifRevision: 1, change: (c) => ({ ...c, name: 'Lost' }), audit: () => audit('community.update', 'community:riverside') });
    await expect(stale).rejects.toMatchObject({ code: 'STALE_REVISION', currentRevision: 2, message: expect.stringContaining('community riverside') });
    await storage.insertRubricVersion(rubricVersion(), audit('rubric.create', 'rubric:small-rubric@1.0.0'));
    await expect(storage.deleteRubricVersion('small-rubric', '1.0.0', () => undefined, audit('rubric.delete', 'x'), 7)).rejects.toMatchObject({ code: 'STALE_REVISION', currentRevision: 1 });
    expect(await storage.getCommunity('riverside')).toEqual(before.community);
    expect(await storage.getRubricVersion('small-rubric', '1.0.0')).toBeDefined();
    expect((await storage.listAudit()).length).toBe(before.audit.length + 1);
  });

  test('a duplicate insert is refused with ALREADY_EXISTS as the catalogue words it, and writes no audit line', async () => {
    const storage = await freshStorage(backend);
    await storage.insertRubricVersion(rubricVersion(), audit('rubric.create', 'r'));
    await storage.insertCommunity(community('riverside'), audit('community.create', 'c'));
    await storage.insertAssessment(assessment('a1'), audit('assessment.create', 'a'));
    await expect(storage.insertRubricVersion(rubricVersion(), audit('rubric.create', 'r'))).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
      message: RUBRIC_MESSAGES.versionExists('small-rubric', '1.0.0').en,
      details: [{ path: '/version', message: RUBRIC_MESSAGES.chooseUnusedVersion().en }],
    });
    await expect(storage.insertCommunity(community('riverside', { name: 'Other' }), audit('community.create', 'c'))).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
      message: COMMUNITY_MESSAGES.communityExists('riverside').en,
    });
    await expect(storage.insertAssessment(assessment('a1'), audit('assessment.create', 'a'))).rejects.toMatchObject({ code: 'ALREADY_EXISTS', message: ASSESSMENT_MESSAGES.assessmentExists('a1').en });
    expect((await storage.getCommunity('riverside'))?.name).toBe('Community riverside');
    expect(await storage.listAudit()).toHaveLength(3);
  });

  test('a change its callback refuses leaves nothing written, not even an audit line; later changes go through', async () => {
    const storage = await freshStorage(backend);
    await storage.insertAssessment(assessment('a1'), audit('assessment.create', 'a'));
    await storage.insertRubricVersion(rubricVersion(), audit('rubric.create', 'r'));
    const before = structuredClone({ assessment: await storage.getAssessment('a1'), audit: await storage.listAudit() });
    await expect(
      storage.updateAssessment('a1', {
        change: () => {
          throw refusal();
        },
        audit: () => audit('assessment.update', 'a'),
      }),
    ).rejects.toMatchObject({ code: 'STATE_CONFLICT' });
    // A refusal from the audit callback, after the change was made, undoes it too.
    await expect(
      storage.updateAssessment('a1', {
        change: (current) => ({ ...current, assessor: 'Someone Else' }),
        audit: () => {
          throw refusal();
        },
      }),
    ).rejects.toMatchObject({ code: 'STATE_CONFLICT' });
    await expect(
      storage.deleteRubricVersion(
        'small-rubric',
        '1.0.0',
        () => {
          throw refusal();
        },
        audit('rubric.delete', 'r'),
      ),
    ).rejects.toMatchObject({ code: 'STATE_CONFLICT' });
    expect(await storage.getAssessment('a1')).toEqual(before.assessment);
    expect(await storage.getRubricVersion('small-rubric', '1.0.0')).toBeDefined();
    expect(await storage.listAudit()).toEqual(before.audit);
    const next = await storage.updateAssessment('a1', { ifRevision: 1, change: (current) => ({ ...current, assessor: 'Second' }), audit: () => audit('assessment.update', 'a') });
    expect(next.revision).toBe(2);
  });

  test('the audit log keeps every entry in order, each with the revision it left and the time of the write', async () => {
    const storage = await freshStorage(backend);
    const started = Date.now();
    await storage.insertCommunity(community('riverside'), audit('community.create', 'community:riverside'));
    await storage.appendAudit({ actor: 'anonymous', role: 'anonymous', action: 'access.refused', target: 'route:GET /api/audit', reason: 'no token', ip: '127.0.0.1' });
    for (let i = 0; i < 3; i++) {
      await storage.updateCommunity('riverside', { change: (c) => ({ ...c, name: `Name ${i}` }), audit: () => audit('community.update', 'community:riverside') });
    }
    const entries = await storage.listAudit();
    expect(entries.map((e) => [e.action, e.revision])).toEqual([
      ['community.create', 1],
      ['access.refused', undefined],
      ['community.update', 2],
      ['community.update', 3],
      ['community.update', 4],
    ]);
    expect(entries[1]).toEqual({ at: expect.any(String), actor: 'anonymous', role: 'anonymous', action: 'access.refused', target: 'route:GET /api/audit', reason: 'no token', ip: '127.0.0.1' });
    for (const entry of entries) {
      expect(new Date(entry.at).toISOString()).toBe(entry.at);
      expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(started - 1000);
    }
  });

  test('the audit log: its last entries when asked for them, and the whole of it streamed, oldest first', async () => {
    const storage = await freshStorage(backend);
    for (const id of ['c1', 'c2', 'c3', 'c4']) await storage.insertCommunity(community(id), audit('community.create', `community:${id}`));
    const targets = (entries: { target: string }[]) => entries.map((e) => e.target);
    expect(targets(await storage.listAudit())).toEqual(['community:c1', 'community:c2', 'community:c3', 'community:c4']);
    expect(targets(await storage.listAudit(2))).toEqual(['community:c3', 'community:c4']);
    expect(targets(await storage.listAudit(9))).toEqual(['community:c1', 'community:c2', 'community:c3', 'community:c4']);
    expect(await collect(storage.streamAudit())).toEqual(await storage.listAudit());
  });

  test('the assessment list filters by each field, and by all given together', async () => {
    const storage = await freshStorage(backend);
    const a = audit('assessment.create', 'a');
    await storage.insertAssessment(assessment('a1'), a);
    await storage.insertAssessment(assessment('a2', { communityId: 'hillside', period: { year: 2025, kind: 'mid-term' } }), a);
    await storage.insertAssessment(assessment('a3', { rubric: { id: 'small-rubric', version: '2.0.0' } }), a);
    await storage.insertAssessment(assessment('a4', { rubric: { id: 'other-rubric', version: '1.0.0' }, communityId: 'hillside' }), a);
    await storage.updateAssessment('a1', { change: submitted(scoreResult(8, 'good')), audit: () => a });
    await storage.updateAssessment('a3', { change: submitted(scoreResult(3, 'poor')), audit: () => a });
    const ids = async (filter: Parameters<Storage['listAssessments']>[0]) => (await storage.listAssessments(filter)).map((e) => e.id);
    expect(await ids({})).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(await ids({ communityIds: ['hillside'] })).toEqual(['a2', 'a4']);
    expect(await ids({ communityIds: ['riverside', 'hillside'] })).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(await ids({ communityIds: [] })).toEqual([]);
    expect(await ids({ rubricId: 'other-rubric' })).toEqual(['a4']);
    expect(await ids({ version: '2.0.0' })).toEqual(['a3']);
    expect(await ids({ rubricId: 'small-rubric', version: '1.0.0' })).toEqual(['a1', 'a2']);
    expect(await ids({ year: 2025 })).toEqual(['a2']);
    expect(await ids({ kind: 'final' })).toEqual(['a1', 'a3', 'a4']);
    expect(await ids({ status: 'submitted' })).toEqual(['a1', 'a3']);
    expect(await ids({ status: 'draft' })).toEqual(['a2', 'a4']);
    expect(await ids({ tier: 'good' })).toEqual(['a1']);
    expect(await ids({ communityIds: ['riverside'], year: 2024, kind: 'final', status: 'submitted', tier: 'poor', rubricId: 'small-rubric', version: '2.0.0' })).toEqual(['a3']);
  });

  test('pages of assessments come the most recently changed first, then by id; the total counts every match', async () => {
    const storage = await freshStorage(backend);
    const a = audit('assessment.create', 'a');
    // Changed at three times; b1/b2 and c1/c2 share theirs, so the id decides between them.
    const at = (minute: number) => `2024-05-01T08:${String(minute).padStart(2, '0')}:00.000Z`;
    for (const [id, minute, status] of [['c2', 30, 'draft'], ['a1', 10, 'draft'], ['c1', 30, 'draft'], ['b2', 20, 'draft'], ['b1', 20, 'draft'], ['Z9', 10, 'draft']] as const) {
      await storage.insertAssessment(assessment(id, { updatedAt: at(minute), status }), a);
    }
    // A change moves an assessment up: b2 is now the latest.
    await storage.updateAssessment('b2', { change: (current) => ({ ...current, updatedAt: at(40) }), audit: () => a });
    const page = async (filter: AssessmentFilter, limit: number, offset: number) => {
      const { total, entries } = await storage.pageAssessments(filter, { limit, offset });
      return [total, entries.map((e) => e.id)];
    };
    expect(await page({}, 10, 0)).toEqual([6, ['b2', 'c1', 'c2', 'b1', 'Z9', 'a1']]);
    expect(await page({}, 2, 0)).toEqual([6, ['b2', 'c1']]);
    expect(await page({}, 2, 2)).toEqual([6, ['c2', 'b1']]);
    expect(await page({}, 2, 4)).toEqual([6, ['Z9', 'a1']]);
    expect(await page({}, 2, 6)).toEqual([6, []]);
    await storage.updateAssessment('a1', { change: submitted(scoreResult(8, 'good')), audit: () => a });
    expect(await page({ status: 'draft' }, 3, 0)).toEqual([5, ['b2', 'c1', 'c2']]);
    expect(await page({ status: 'submitted' }, 3, 0)).toEqual([1, ['a1']]);
    expect(await page({ communityIds: [] }, 3, 0)).toEqual([0, []]);
    // An entry of a page is the entry the list gives: total and tier beside the record, no result.
    const [first] = (await storage.pageAssessments({ status: 'submitted' }, { limit: 1, offset: 0 })).entries;
    expect(first).toEqual((await storage.listAssessments({ status: 'submitted' }))[0]);
    expect(first).toMatchObject({ total: 8, tier: 'good' });
  });

  test('of many concurrent changes naming the same revision, exactly one wins; the others are stale', async () => {
    const storage = await freshStorage(backend);
    await storage.insertCommunity(community('riverside'), audit('community.create', 'c'));
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => storage.updateCommunity('riverside', { ifRevision: 1, change: (c) => ({ ...c, name: `Writer ${i}` }), audit: () => audit('community.update', 'c') })),
    );
    const won = attempts.filter((a) => a.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const lost of attempts.filter((a) => a.status === 'rejected')) expect(lost.reason).toMatchObject({ code: 'STALE_REVISION', currentRevision: 2 });
    const latest = await storage.getCommunity('riverside');
    expect(latest).toEqual((won[0] as PromiseFulfilledResult<CommunityRecord>).value);
    expect(latest?.revision).toBe(2);
    expect(await storage.listAudit()).toHaveLength(2);
  });

  test('concurrent changes without a revision each see the one before: none is lost', async () => {
    const storage = await freshStorage(backend);
    await storage.insertAssessment(assessment('a1', { inputs: { volunteers: 0 } }), audit('assessment.create', 'a'));
    await Promise.all(
      Array.from({ length: 20 }, () =>
        storage.updateAssessment('a1', { change: (current) => ({ ...current, inputs: { volunteers: (current.inputs.volunteers as number) + 1 } }), audit: () => audit('assessment.update', 'a') }),
      ),
    );
    const latest = await storage.getAssessment('a1');
    expect(latest?.inputs).toEqual({ volunteers: 20 });
    expect(latest?.revision).toBe(21);
    expect((await storage.listAudit()).map((e) => e.revision)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });

  test('50 concurrent inserts all land, each with its audit line', async () => {
    const storage = await freshStorage(backend);
    await Promise.all(Array.from({ length: 50 }, (_, i) => storage.insertCommunity(community(`c${i}`), audit('community.create', `community:c${i}`))));
    const communities = await storage.listCommunities();
    expect(communities).toHaveLength(50);
    expect(new Set(communities.map((c) => c.id)).size).toBe(50);
    const entries = await storage.listAudit();
    expect(entries.length).toBeGreaterThanOrEqual(50);
    expect(new Set(entries.map((e) => e.target))).toEqual(new Set(communities.map((c) => `community:${c.id}`)));
  });

  test('streamAssessments yields the filtered assessments in list order, each with its result', async () => {
    const storage = await freshStorage(backend);
    const a = audit('assessment.create', 'a');
    for (let i = 0; i < 7; i++) await storage.insertAssessment(assessment(`a${i}`, { communityId: i % 2 ? 'hillside' : 'riverside' }), a);
    for (let i = 0; i < 5; i++) await storage.updateAssessment(`a${i}`, { change: submitted(scoreResult(i + 0.5, i < 3 ? 'good' : 'poor')), audit: () => a });
    const streamed = await collect(storage.streamAssessments({ status: 'submitted' }));
    expect(streamed.map((r) => r.id)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
    for (const record of streamed) expect(record).toEqual(await storage.getAssessment(record.id));
    expect(streamed[2].result).toEqual(scoreResult(2.5, 'good'));
    expect((await collect(storage.streamAssessments({ status: 'submitted', communityIds: ['hillside'], tier: 'poor' }))).map((r) => r.id)).toEqual(['a3']);
    const all = await collect(storage.streamAssessments());
    expect(all.map((r) => r.result === null)).toEqual([false, false, false, false, false, true, true]);
  });

  test('a closed store refuses changes in both languages', async () => {
    const { open } = await backend.fresh();
    const storage = await open();
    await storage.close();
    await expect(storage.insertCommunity(community('late'), audit('community.create', 'c'))).rejects.toMatchObject({ code: 'INTERNAL', text: STORAGE_MESSAGES.closed() });
  });
});

describe('PostgreSQL only', () => {
  const withClient = async <T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await use(client);
    } finally {
      await client.end();
    }
  };

  test('a guarded write that matched no row (a writer bypassing the lock) is refused as stale, or as missing once the row is gone, and audits nothing', async () => {
    const missing = () => new ServerError('NOT_FOUND', COMMUNITY_MESSAGES.noCommunity('riverside'));
    const what = { zh: '社区 riverside', en: 'community riverside' };
    const appended: unknown[] = [];
    // No statement runs on this transaction unless the write went through (the audit entry).
    const trx = { insertInto: () => appended.push('audit') } as never;
    const change = { change: (c: CommunityRecord) => ({ ...c, name: 'Renamed' }), audit: () => audit('community.update', 'c') };
    const row = (latest: number | undefined) => ({ what, missing, read: async () => ({ ...community('riverside'), revision: 3 }), write: async () => false, latest: async () => latest });
    await expect(replaceRecord(trx, change, row(5))).rejects.toMatchObject({ code: 'STALE_REVISION', currentRevision: 5, text: REVISION_MESSAGES.stale(what, 3, 5) });
    await expect(replaceRecord(trx, change, row(undefined))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(appended).toEqual([]);
  });

  test('the audit log refuses UPDATE, DELETE and TRUNCATE, even from raw SQL', async () => {
    const url = await freshDatabase();
    const storage = await openPostgresStorage(url);
    opened.push(storage);
    await storage.appendAudit(audit('community.create', 'community:riverside'));
    await withClient(url, async (client) => {
      await expect(client.query(`UPDATE audit SET entry = '{}'`)).rejects.toThrow(/append-only: UPDATE on audit is refused/);
      await expect(client.query('DELETE FROM audit')).rejects.toThrow(/append-only: DELETE on audit is refused/);
      await expect(client.query('TRUNCATE audit')).rejects.toThrow(/append-only: TRUNCATE on audit is refused/);
    });
    expect(await storage.listAudit()).toEqual([expect.objectContaining({ action: 'community.create' })]);
  });

  test("a rubric version one instance read is read afresh once another changed it, or deleted and made it again", async () => {
    const url = await freshDatabase();
    const [one, other] = await Promise.all([openPostgresStorage(url), openPostgresStorage(url)]);
    opened.push(one, other);
    const first = rubricVersion();
    await one.insertRubricVersion(first, audit('rubric.create', 'rubric:small-rubric@1.0.0'));
    expect((await one.getRubricVersion(first.id, first.version))?.document.title).toEqual(first.document.title);
    expect(await one.listRubricVersions()).toHaveLength(1);

    const retitled = { zh: '改过的标题', en: 'Retitled' };
    await other.updateRubricVersion(first.id, first.version, { change: (current) => ({ ...current, document: { ...current.document, title: retitled } }), audit: () => audit('rubric.save', 'rubric:small-rubric@1.0.0') });
    expect((await one.getRubricVersion(first.id, first.version))?.document.title).toEqual(retitled);
    expect((await one.listRubricVersions())[0].document.title).toEqual(retitled);

    // Deleted and made again: revision 1 once more (as when `one` read it), another document.
    const second = rubricVersion({ version: '1.1.0', document: { ...smallRubric(), version: '1.1.0' } });
    await other.insertRubricVersion(second, audit('rubric.create', 'rubric:small-rubric@1.1.0'));
    expect((await one.getRubricVersion(second.id, '1.1.0'))?.revision).toBe(1);
    await other.deleteRubricVersion(second.id, '1.1.0', () => undefined, audit('rubric.delete', 'rubric:small-rubric@1.1.0'));
    const again = { zh: '重新起草', en: 'Drafted again' };
    await other.insertRubricVersion({ ...second, document: { ...second.document, title: again } }, audit('rubric.create', 'rubric:small-rubric@1.1.0'));
    expect((await one.getRubricVersion(second.id, '1.1.0'))?.document.title).toEqual(again);
    expect((await one.listRubricVersions()).map((r) => r.document.title)).toEqual([retitled, again]);
  });

  test('migrations are recorded, run once, and two servers opening at once both succeed with one of them creating', async () => {
    const url = await freshDatabase();
    const [first, second] = await Promise.all([openPostgresStorage(url), openPostgresStorage(url)]);
    opened.push(first, second);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    const recorded = () => withClient(url, async (client) => (await client.query('SELECT version, name, applied_at FROM schema_migrations ORDER BY version')).rows);
    const before = await recorded();
    expect(before.map((row) => [row.version, row.name])).toEqual(MIGRATIONS.map((m) => [m.version, m.name]));
    expect(before.at(-1)?.version).toBe(SCHEMA_VERSION);
    const third = await openPostgresStorage(url);
    opened.push(third);
    expect(third.created).toBe(false);
    expect(await migrateDatabase(url)).toEqual([]);
    expect(await recorded()).toEqual(before);
  });

  test('a migration command brings an empty database to the current schema; the first server then seeds nothing it did not create', async () => {
    const url = await freshDatabase();
    expect(await migrateDatabase(url)).toEqual(MIGRATIONS.map((m) => m.version));
    const storage = await openPostgresStorage(url);
    opened.push(storage);
    expect(storage.created).toBe(false);
  });

  test('a database at schema 1 is brought to the current one: a result stored before reads back unchanged, large values written after are compressed with lz4', async () => {
    const url = await freshDatabase();
    // ~60 kB of result, as a submitted Appendix C assessment has: stored compressed, not inline.
    const large = (total: number): ScoreResult => ({ ...scoreResult(total, 'good'), criteria: Array.from({ length: 300 }, (_, i) => ({ id: `C${i}`, points: 4, awarded: 3.5, explanation: { zh: `第${i}项：有办公场所得4分，志愿者人数达标`, en: `criterion ${i}: 4 points with an office and enough volunteers` } })) }) as unknown as ScoreResult;
    const compression = (id: string) => withClient(url, async (client) => (await client.query('SELECT pg_column_compression(result) AS method FROM assessments WHERE id = $1', [id])).rows[0].method);
    const db = connect(url);
    try {
      expect((await migrate(db, 'test', 1)).map((m) => m.version)).toEqual([1]);
      expect(await hasLz4(db)).toBe(true); // Debian's PostgreSQL is built with lz4
      const old: AssessmentRecord = { ...assessment('old'), revision: 2, status: 'submitted', result: large(7), rubricHash: 'sha256:abc', submittedAt: LATER };
      // As schema 1 stored it: no column for the list's order yet (migration 3 fills it from the record).
      const { updated_at: _notInSchema1, ...columns } = assessmentColumns(old);
      await db.insertInto('assessments').values({ id: 'old', ...columns } as never).execute();
    } finally {
      await db.destroy();
    }
    expect(await compression('old')).toBe('pglz');

    const storage = await openPostgresStorage(url);
    opened.push(storage);
    expect(storage.created).toBe(false);
    const columns = await withClient(url, async (client) => (await client.query("SELECT attrelid::regclass::text || '.' || attname AS name, attcompression FROM pg_attribute WHERE attname IN ('record', 'result') AND attrelid::regclass::text IN ('assessments', 'rubric_versions', 'communities') ORDER BY 1")).rows);
    expect(columns).toEqual(['assessments.record', 'assessments.result', 'communities.record', 'rubric_versions.record'].map((name) => ({ name, attcompression: 'l' })));
    expect((await storage.getAssessment('old'))?.result).toEqual(large(7));
    await storage.insertAssessment(assessment('new'), audit('assessment.create', 'assessment:new'));
    await storage.updateAssessment('new', { change: submitted(large(8)), audit: () => audit('assessment.submit', 'assessment:new') });
    expect(await compression('new')).toBe('lz4');
    expect((await storage.getAssessment('new'))?.result).toEqual(large(8));
    // The row from before has its place in the list by its latest change: 'new' was changed LATER.
    expect((await storage.pageAssessments({}, { limit: 10, offset: 0 })).entries.map((e) => [e.id, e.updatedAt])).toEqual([
      ['new', LATER],
      ['old', NOW],
    ]);
  });

  test('a database with a newer schema is refused, in both languages', async () => {
    const url = await freshDatabase();
    await migrateDatabase(url);
    await withClient(url, (client) => client.query(`INSERT INTO schema_migrations (version, name) VALUES (${SCHEMA_VERSION + 1}, 'from the future')`));
    await expect(openPostgresStorage(url)).rejects.toMatchObject({ code: 'INTERNAL', text: STORAGE_MESSAGES.databaseNewer(databaseLocation(url), SCHEMA_VERSION + 1, SCHEMA_VERSION) });
  });

  test('an unreachable database is said in both languages, without the password', async () => {
    const url = 'postgresql://rubric:secret-password@127.0.0.1:1/rubric';
    const refused = await openPostgresStorage(url).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ServerError);
    expect(refused).toMatchObject({ code: 'INTERNAL', details: [{ text: STORAGE_MESSAGES.checkDatabase() }] });
    expect((refused as ServerError).text.en).toContain('cannot be reached');
    expect((refused as ServerError).text.zh).toContain('无法连接数据库 postgresql://rubric@127.0.0.1:1/rubric');
    expect(JSON.stringify(refused)).not.toContain('secret-password');
  });

  test('what PostgreSQL reads back deep-equals what lowdb returns for the same changes', async () => {
    const stores = [await freshStorage(BACKENDS[0]), await freshStorage(BACKENDS[1])];
    for (const storage of stores) {
      await storage.insertRubricVersion(rubricVersion(), audit('rubric.create', 'r'));
      await storage.insertCommunity(community('riverside', { district: 'North' }), audit('community.create', 'c'));
      await storage.insertAssessment(assessment('a1', { assessedOn: '2024-04-30', versionChoice: { inForce: '1.0.0', reason: null } }), audit('assessment.create', 'a'));
      await storage.updateAssessment('a1', { change: submitted(scoreResult(9.25, 'excellent')), audit: () => audit('assessment.submit', 'a') });
    }
    const [lowdb, postgres] = await Promise.all(
      stores.map(async (storage) => ({
        rubrics: await storage.listRubricVersions(),
        communities: await storage.listCommunities(),
        list: await storage.listAssessments(),
        assessment: await storage.getAssessment('a1'),
        streamed: await collect(storage.streamAssessments()),
        audit: (await storage.listAudit()).map(({ at: _at, ...entry }) => entry),
      })),
    );
    expect(postgres).toEqual(lowdb);
    // toEqual treats an undefined property as absent; the JSON must agree too.
    expect(JSON.parse(JSON.stringify(postgres))).toEqual(JSON.parse(JSON.stringify(lowdb)));
  });
});

describe('the server on PostgreSQL', () => {
  const apps: FastifyInstance[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  test('two servers starting at once on an empty database seed it once; an assessment made on one is read back after a restart', async () => {
    const databaseUrl = await freshDatabase();
    const started = await Promise.all([startApp({ databaseUrl, seedFrom: EXAMPLES }), startApp({ databaseUrl, seedFrom: EXAMPLES })]);
    apps.push(...started);
    const [first, second] = started;
    const seeded = (await expectStatus(call(first, 'viewer', 'GET', '/api/assessments'), 200)).json();
    expect(seeded).toEqual([expect.objectContaining({ communityId: 'riverside', status: 'submitted', total: 8, tier: 'good' })]);
    expect((await call(second, 'viewer', 'GET', '/api/rubrics')).json()).toHaveLength(1);

    const draft = (await expectStatus(call(second, 'assessor', 'POST', '/api/assessments', assessmentBody({ period: { year: 2025, kind: 'final' } })), 201)).json();
    const done = (await expectStatus(call(first, 'assessor', 'POST', `/api/assessments/${draft.id}/submit`), 200)).json();
    await Promise.all(apps.splice(0).map((app) => app.close()));

    const restarted = await startApp({ databaseUrl, seedFrom: EXAMPLES });
    apps.push(restarted);
    const read = (await expectStatus(call(restarted, 'viewer', 'GET', `/api/assessments/${draft.id}`), 200)).json();
    expect(read).toEqual(done);
    expect((await call(restarted, 'viewer', 'GET', '/api/assessments')).json()).toHaveLength(2);
    // Seeded once: no record was seeded twice, and the audit log says so.
    const seedings = (await call(restarted, 'editor', 'GET', '/api/audit')).json().filter((e: { actor: string }) => e.actor === 'seed');
    expect(seedings.length).toBeGreaterThan(0);
    expect(new Set(seedings.map((e: { action: string; target: string }) => `${e.action} ${e.target}`)).size).toBe(seedings.length);
  });
});
