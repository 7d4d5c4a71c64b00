/**
 * Moving a district between a data directory and PostgreSQL (server/storage/copy.ts and
 * `npm run storage`): a data directory seeded by the real server, copied into a fresh database of
 * the run's cluster and back into a new directory, everything equal; refusals that leave every
 * store as it was; failures that leave the target empty; and the command itself in a child process.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { ServerError } from '../../server/errors.ts';
import { STORAGE_COMMAND_MESSAGES } from '../../server/messages.ts';
import { copyStorage } from '../../server/storage/copy.ts';
import { DATA_FILE, openLowdbStorage, RESULTS_DIR } from '../../server/storage/lowdb-storage.ts';
import { MIGRATIONS, SCHEMA_VERSION } from '../../server/storage/postgres-migrations.ts';
import { databaseLocation, migrateDatabase, openPostgresStorage } from '../../server/storage/postgres-storage.ts';
import type { AuditDraft, Storage } from '../../server/storage/types.ts';
import { projectRoot } from '../cli-runner.ts';
import { freshDatabase } from '../postgres-cluster.ts';
import { assessmentBody, call, expectStatus, freshDataDir, startApp, startAppWithPublishedRubric } from './harness.ts';

const CJK = /[\u4e00-\u9fff]/;

/** A data directory as the server leaves it: a published rubric, a community changed once, a submitted assessment, a draft, refusals in the audit log. */
async function seededDataDir(): Promise<{ dataDir: string; submittedId: string; answer: unknown }> {
  const app = await startAppWithPublishedRubric();
  try {
    await expectStatus(call(app, 'assessor', 'PUT', '/api/communities/riverside', { name: 'Riverside', street: 'West Street' }, { headers: { 'if-match': '"1"' } }), 200);
    const draft = (await expectStatus(call(app, 'assessor', 'POST', '/api/assessments', assessmentBody()), 201)).json();
    await expectStatus(call(app, 'assessor', 'POST', `/api/assessments/${draft.id}/submit`), 200);
    await expectStatus(call(app, 'assessor', 'POST', '/api/assessments', assessmentBody({ period: { year: 2025, kind: 'mid-term' }, inputs: { hasOffice: false } })), 201);
    await expectStatus(call(app, null, 'GET', '/api/communities'), 401);
    const answer = (await expectStatus(call(app, 'viewer', 'GET', `/api/assessments/${draft.id}`), 200)).json();
    return { dataDir: app.dataDir, submittedId: draft.id, answer };
  } finally {
    await app.close();
  }
}

/** Everything a store holds, read through the Storage interface. */
async function contents(storage: Storage) {
  const assessments = [];
  for await (const record of storage.streamAssessments()) assessments.push(record);
  return {
    rubricVersions: await storage.listRubricVersions(),
    communities: await storage.listCommunities(),
    entries: await storage.listAssessments(),
    assessments,
    audit: await storage.listAudit(),
  };
}

async function contentsOf(store: string): Promise<Awaited<ReturnType<typeof contents>>> {
  const storage = store.startsWith('postgresql://') ? await openPostgresStorage(store) : await openLowdbStorage(store);
  try {
    return await contents(storage);
  } finally {
    await storage.close();
  }
}

/** The error `pending` rejects with, which must be a ServerError said in both languages, each detail too. */
async function refusal(pending: Promise<unknown>): Promise<ServerError> {
  const err = await pending.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(err).toBeInstanceOf(ServerError);
  const refused = err as ServerError;
  for (const said of [refused, ...refused.details]) {
    expect(said.text?.en).toBe(said.message);
    expect(said.text?.zh).toMatch(CJK);
  }
  return refused;
}

describe('copying a district between a data directory and PostgreSQL', () => {
  test('a data directory copied into PostgreSQL and back into a new directory holds the same records, audit log included', async () => {
    const { dataDir, submittedId, answer } = await seededDataDir();
    const source = await contentsOf(dataDir);
    const databaseUrl = await freshDatabase();

    const into = await copyStorage(dataDir, databaseUrl);
    expect(into).toMatchObject({ from: dataDir, to: databaseLocation(databaseUrl), counts: { rubricVersions: 1, communities: 1, assessments: 2, audit: source.audit.length }, resultsVerified: 1 });
    expect(source.audit.length).toBeGreaterThan(5);
    // Same ids, revisions, timestamps and order; optional fields absent stay absent; no entry audited again.
    expect(await contentsOf(databaseUrl)).toStrictEqual(source);

    const back = freshDataDir();
    const out = await copyStorage(databaseUrl, back);
    expect(out).toMatchObject({ counts: into.counts, resultsVerified: 1 });
    expect(await contentsOf(back)).toStrictEqual(source);
    expect(readdirSync(join(back, RESULTS_DIR))).toEqual([`${submittedId}.json`]);

    const onDatabase = await startApp({ databaseUrl });
    try {
      expect((await expectStatus(call(onDatabase, 'viewer', 'GET', `/api/assessments/${submittedId}`), 200)).json()).toEqual(answer);
    } finally {
      await onDatabase.close();
    }
  });

  test('a target that holds records is refused, and nothing changes in it', async () => {
    const { dataDir } = await seededDataDir();
    const databaseUrl = await freshDatabase();
    await copyStorage(dataDir, databaseUrl);
    const before = await contentsOf(databaseUrl);
    const full = await refusal(copyStorage(dataDir, databaseUrl));
    expect(full.code).toBe('STATE_CONFLICT');
    expect(full.message).toContain(databaseLocation(databaseUrl));
    expect(full.text.zh).toContain('已有记录');
    expect(full.details.map((d) => d.path)).toEqual(['--to']);
    expect(await contentsOf(databaseUrl)).toStrictEqual(before);

    const other = (await seededDataDir()).dataDir;
    const otherBefore = await contentsOf(other);
    const withData = await refusal(copyStorage(dataDir, other));
    expect(withData.code).toBe('STATE_CONFLICT');
    expect(withData.message).toContain(`${other} already holds a data file (${DATA_FILE})`);
    expect(await contentsOf(other)).toStrictEqual(otherBefore);
  });

  test('the same store as source and target is refused, however it is spelled', async () => {
    const { dataDir } = await seededDataDir();
    const sameDir = await refusal(copyStorage(dataDir, `${dataDir}/./`));
    expect(sameDir.code).toBe('VALIDATION_FAILED');
    expect(sameDir.details[0].path).toBe('--to');
    const databaseUrl = await freshDatabase();
    const otherUser = new URL(databaseUrl);
    otherUser.username = 'rubric';
    otherUser.password = 'secret';
    const sameDatabase = await refusal(copyStorage(databaseUrl, otherUser.href));
    expect(sameDatabase.code).toBe('VALIDATION_FAILED');
    expect(sameDatabase.message).not.toContain('secret');
  });

  test('a data directory in use by a running server is not read, and says so', async () => {
    const app = await startAppWithPublishedRubric();
    const target = freshDataDir();
    try {
      const locked = await refusal(copyStorage(app.dataDir, target));
      expect(locked.code).toBe('DATA_DIR_LOCKED');
      expect(locked.message).toContain(`The source data directory ${app.dataDir} is in use by a running Rubric Studio server`);
      expect(locked.details[0].text.zh).toBe('请停止使用该数据目录的服务器，然后重新运行复制');
      expect(existsSync(join(target, DATA_FILE))).toBe(false);
    } finally {
      await app.close();
    }
  });

  test('a source without Rubric Studio data is refused and left as it was', async () => {
    const empty = freshDataDir();
    expect((await refusal(copyStorage(empty, await freshDatabase()))).code).toBe('NOT_FOUND');
    expect(readdirSync(empty)).toEqual([]);
    const bare = await freshDatabase();
    expect((await refusal(copyStorage(bare, freshDataDir()))).code).toBe('NOT_FOUND');
    const client = new pg.Client({ connectionString: bare });
    await client.connect();
    try {
      expect((await client.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });

  test('a record PostgreSQL refuses, written last, leaves the database empty: nothing half-written', async () => {
    const { dataDir } = await seededDataDir();
    const storage = await openLowdbStorage(dataDir);
    // A json column keeps \u0000 in a community's name, but jsonb (the audit log) and text refuse it.
    const nul: AuditDraft = { actor: 'anonymous', role: 'anonymous', action: 'access.refused', target: 'route:GET /api/a\u0000b' };
    await storage.appendAudit(nul);
    await storage.close();
    const databaseUrl = await freshDatabase();
    const failed = await refusal(copyStorage(dataDir, databaseUrl));
    expect(failed.code).toBe('INTERNAL');
    expect(failed.message).toMatch(/^Copying into .+ failed: .*22P05.* The target keeps nothing of the copy/);
    expect(await contentsOf(databaseUrl)).toStrictEqual({ rubricVersions: [], communities: [], entries: [], assessments: [], audit: [] });
    // Still an empty target: a good source copies into it.
    const good = (await seededDataDir()).dataDir;
    expect((await copyStorage(good, databaseUrl)).counts.assessments).toBe(2);
  });

  test('a failure while writing a data directory leaves no data file and no result file', async () => {
    const app = await startAppWithPublishedRubric();
    const submitted: string[] = [];
    for (const year of [2024, 2025]) {
      const draft = (await expectStatus(call(app, 'assessor', 'POST', '/api/assessments', assessmentBody({ period: { year, kind: 'final' } })), 201)).json();
      await expectStatus(call(app, 'assessor', 'POST', `/api/assessments/${draft.id}/submit`), 200);
      submitted.push(draft.id);
    }
    await app.close();
    const target = freshDataDir();
    // The second result cannot be written (a directory is in its way) after the first was.
    mkdirSync(join(target, RESULTS_DIR, `${submitted[1]}.json`), { recursive: true });
    const failed = await refusal(copyStorage(app.dataDir, target));
    expect(failed.code).toBe('INTERNAL');
    expect(failed.text.zh).toContain('目标中未留下任何复制的内容');
    expect(existsSync(join(target, DATA_FILE))).toBe(false);
    expect(readdirSync(join(target, RESULTS_DIR))).toEqual([`${submitted[1]}.json`]);
  });

  test('a copy that does not match its source is reported, naming each difference', async () => {
    const { dataDir } = await seededDataDir();
    const databaseUrl = await freshDatabase();
    await migrateDatabase(databaseUrl);
    // A database that changes what it is given: a result altered on the way in, and a community nobody copied.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(`
        CREATE FUNCTION alter_result() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.result IS NOT NULL THEN NEW.result := jsonb_set(NEW.result, '{total}', '0'); END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER alter_result BEFORE INSERT ON assessments FOR EACH ROW EXECUTE FUNCTION alter_result();
        CREATE FUNCTION add_community() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO communities (id, revision, record) VALUES ('stowaway', 1, '{"id":"stowaway"}');
          RETURN NULL;
        END $$;
        CREATE TRIGGER add_community AFTER INSERT ON rubric_versions FOR EACH STATEMENT EXECUTE FUNCTION add_community();`);
    } finally {
      await client.end();
    }
    const differs = await refusal(copyStorage(dataDir, databaseUrl));
    expect(differs.code).toBe('INTERNAL');
    expect(differs.message).toContain('does not match its source in 2 respects');
    expect(differs.details.map((d) => d.message)).toEqual([expect.stringMatching(/^communities: 1 in the source, 2 in the copy$/), expect.stringMatching(/^the result of assessment .+ has another SHA-256 in the copy$/)]);
  });
});

/** Runs `npm run storage -- …` as a child process (node with tsx, as the npm script does). */
async function storageCommand(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/storage-command.ts', ...args], { cwd: projectRoot });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Child processes start slowly on a loaded machine; each test runs a few.
describe('npm run storage', { timeout: 60_000 }, () => {
  test('--help says the commands in both languages', async () => {
    const { code, stdout } = await storageCommand('--help');
    expect(code).toBe(0);
    expect(stdout).toContain(STORAGE_COMMAND_MESSAGES.help(DATA_FILE).zh);
    expect(stdout).toContain(STORAGE_COMMAND_MESSAGES.help(DATA_FILE).en);
  });

  test('migrate applies the schema once, naming the database without its password', async () => {
    const url = new URL(await freshDatabase());
    url.password = 'secret';
    const first = await storageCommand('migrate', '--database-url', url.href);
    expect(first).toMatchObject({ code: 0, stdout: `${STORAGE_COMMAND_MESSAGES.migrated(databaseLocation(url.href), MIGRATIONS.map((m) => m.version), SCHEMA_VERSION).zh}\n` });
    const again = await storageCommand('migrate', '--database-url', url.href, '--lang', 'en');
    expect(again).toMatchObject({ code: 0, stdout: `${STORAGE_COMMAND_MESSAGES.alreadyCurrent(databaseLocation(url.href), SCHEMA_VERSION).en}\n` });
    expect(first.stdout + again.stdout).not.toContain('secret');
  });

  test('copy: 0 with a summary, 1 when the target holds records, in the language asked for', async () => {
    const { dataDir } = await seededDataDir();
    const databaseUrl = await freshDatabase();
    const copied = await storageCommand('copy', '--from', dataDir, '--to', databaseUrl);
    expect(copied.code).toBe(0);
    expect(copied.stdout).toMatch(/^已将 .+ 复制到 .+，用时 [\d.]+ 秒：\n {2}评价细则版本 1 个、社区 1 个、评价 2 份、审计记录 \d+ 条（其中有结果的评价 1 份）。\n已对照源核对/);
    const back = freshDataDir();
    const english = await storageCommand('copy', '--from', databaseUrl, '--to', back, '--lang', 'en');
    expect(english.code).toBe(0);
    expect(english.stdout).toMatch(/^Copied .+ to .+ in [\d.]+ s:\n {2}1 rubric version, 1 community, 2 assessments, \d+ audit entries \(1 of the assessments with a result\)\.\nChecked against the source/);

    const refused = await storageCommand('copy', '--from', dataDir, '--to', databaseUrl);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error STATE_CONFLICT: 目标数据库 .+ 中已有记录/);
    const refusedEn = await storageCommand('copy', '--from', dataDir, '--to', back, '--lang', 'en');
    expect(refusedEn.code).toBe(1);
    expect(refusedEn.stderr).toContain(`error STATE_CONFLICT: The target ${back} already holds a data file`);
    expect(refusedEn.stderr).toContain('  --to: give --to an empty target');
  });

  test('usage errors exit 2, naming the option and how to fix it', async () => {
    const dir = freshDataDir();
    // Each run is a process of its own: started together, they take the time of one.
    const [missingTo, missingFrom, same, missingUrl, notUrl, foreign, unknown, none, extra, badLanguage, unknownOption] = await Promise.all([
      storageCommand('copy', '--from', freshDataDir(), '--lang', 'en'),
      storageCommand('copy', '--to', freshDataDir()),
      storageCommand('copy', '--from', dir, '--to', dir, '--lang', 'en'),
      storageCommand('migrate', '--lang', 'en'),
      storageCommand('migrate', '--database-url', '/var/lib/rubric'),
      storageCommand('migrate', '--from', dir, '--database-url', 'postgresql://x/y'),
      storageCommand('export'),
      storageCommand(),
      storageCommand('copy', 'extra', '--from', dir, '--to', freshDataDir()),
      storageCommand('copy', '--lang', 'fr'),
      storageCommand('copy', '--into', dir),
    ]);
    expect(missingTo).toMatchObject({ code: 2, stderr: expect.stringContaining(STORAGE_COMMAND_MESSAGES.missingTo().en) });
    expect(missingFrom).toMatchObject({ code: 2, stderr: expect.stringContaining(STORAGE_COMMAND_MESSAGES.missingFrom().zh) });
    expect(same).toMatchObject({ code: 2, stderr: expect.stringContaining('--to: give --to another, empty target') });
    expect(missingUrl).toMatchObject({ code: 2, stderr: expect.stringContaining(STORAGE_COMMAND_MESSAGES.missingDatabaseUrl().en) });
    expect(notUrl).toMatchObject({ code: 2, stderr: expect.stringContaining(STORAGE_COMMAND_MESSAGES.notDatabaseUrl().zh) });
    expect(foreign).toMatchObject({ code: 2, stderr: expect.stringContaining(STORAGE_COMMAND_MESSAGES.optionNotOf('--from', 'migrate').zh) });
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining(STORAGE_COMMAND_MESSAGES.unknownCommand('export').zh) });
    expect(none).toMatchObject({ code: 2, stderr: expect.stringContaining(STORAGE_COMMAND_MESSAGES.missingCommand().zh) });
    expect(extra).toMatchObject({ code: 2, stderr: expect.stringContaining(STORAGE_COMMAND_MESSAGES.extraArguments('copy', ['extra']).zh) });
    // The language itself unreadable, or the options: said in both.
    expect(badLanguage.code).toBe(2);
    expect(badLanguage.stderr).toContain(STORAGE_COMMAND_MESSAGES.badLanguage('fr').zh);
    expect(badLanguage.stderr).toContain(STORAGE_COMMAND_MESSAGES.badLanguage('fr').en);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain("Unknown option '--into'");
    expect(unknownOption.stderr).toContain(STORAGE_COMMAND_MESSAGES.seeHelp().zh);
    expect(unknownOption.stderr).toContain(STORAGE_COMMAND_MESSAGES.seeHelp().en);
  });
});
