/**
 * The deployment profile (DATA_DIR/deployment.json): what is assessed and in which period kinds.
 * Every test runs the real app on a real data directory.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, test } from 'vitest';
import { APPENDIX_C_DEPLOYMENT, type DeploymentProfile } from '../../engine/index.ts';
import { DEPLOYMENT_FILE } from '../../server/deployment.ts';
import { ServerError } from '../../server/errors.ts';
import { LOCK_FILE } from '../../server/storage/data-dir-lock.ts';
import { DATA_FILE } from '../../server/storage/lowdb-storage.ts';
import { assessmentBody, call, COMPLETE_INPUTS, EXAMPLES, expectStatus, freshDataDir, smallRubric, startApp } from './harness.ts';

/** Another rating system: buildings by their type, assessed every year and at re-certification. */
const BUILDINGS = JSON.parse(readFileSync(new URL('../fixtures/deployments/buildings.json', import.meta.url), 'utf8')) as DeploymentProfile;

const apps: FastifyInstance[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function started(options: Parameters<typeof startApp>[0] = {}) {
  const app = await startApp(options);
  apps.push(app);
  return app;
}

/** A data directory holding `profile` as its deployment.json, before the first start. */
function dataDirWith(profile: unknown): string {
  const dataDir = freshDataDir();
  writeFileSync(join(dataDir, DEPLOYMENT_FILE), typeof profile === 'string' ? profile : JSON.stringify(profile, null, 2));
  return dataDir;
}

/** Publishes the small rubric, so assessments can be made. */
async function publishSmallRubric(app: FastifyInstance): Promise<void> {
  await expectStatus(call(app, 'editor', 'POST', '/api/rubrics', { document: smallRubric() }), 201);
  await expectStatus(call(app, 'editor', 'POST', '/api/rubrics/small-rubric/versions/1.0.0/publish', { changelog: 'First release.' }), 200);
}

/** The starting error of buildApp on `dataDir`. */
async function startError(dataDir: string): Promise<ServerError> {
  const error = await startApp({ dataDir }).then(
    (app) => {
      apps.push(app);
      return undefined;
    },
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(ServerError);
  return error as ServerError;
}

describe('the deployment profile', () => {
  test('a new data directory gets the Appendix C profile in deployment.json, and every role reads it', async () => {
    const app = await started();
    const stored = JSON.parse(readFileSync(join(app.dataDir, DEPLOYMENT_FILE), 'utf8'));
    expect(stored).toEqual(APPENDIX_C_DEPLOYMENT);
    expect(stored.subject.attributes).toEqual([{ id: 'street', label: { zh: '街道', en: 'street' }, required: true, type: 'text' }]);
    expect(stored.periodKinds.map((k: { id: string; label: { zh: string } }) => `${k.id} ${k.label.zh}`)).toEqual(['mid-term 中期', 'final 终期', 'quarterly 季度']);
    for (const role of ['editor', 'assessor', 'viewer'] as const) {
      expect((await expectStatus(call(app, role, 'GET', '/api/deployment'), 200)).json()).toEqual(APPENDIX_C_DEPLOYMENT);
    }
    expect((await call(app, null, 'GET', '/api/deployment')).statusCode).toBe(401);
  });

  test('a data directory from before profiles keeps its communities and assessments, and gets the Appendix C profile', async () => {
    const first = await started();
    await publishSmallRubric(first);
    await expectStatus(call(first, 'assessor', 'POST', '/api/communities', { id: 'riverside', name: 'Riverside', street: 'East Street' }), 201);
    const draft = (await expectStatus(call(first, 'assessor', 'POST', '/api/assessments', assessmentBody({ period: { year: 2025, kind: 'quarterly' } })), 201)).json();
    await first.close();
    apps.splice(apps.indexOf(first), 1);
    rmSync(join(first.dataDir, DEPLOYMENT_FILE));

    const again = await started({ dataDir: first.dataDir });
    expect(JSON.parse(readFileSync(join(again.dataDir, DEPLOYMENT_FILE), 'utf8'))).toEqual(APPENDIX_C_DEPLOYMENT);
    expect((await call(again, 'viewer', 'GET', '/api/communities/riverside')).json()).toMatchObject({ street: 'East Street', revision: 1 });
    expect((await call(again, 'viewer', 'GET', `/api/assessments/${draft.id}`)).json().period).toEqual({ year: 2025, kind: 'quarterly' });
    expect((await call(again, 'viewer', 'GET', '/api/assessments?kind=quarterly')).json().map((a: { id: string }) => a.id)).toEqual([draft.id]);
  });

  test('under Appendix C a community still needs its street, and a period kind outside the profile is refused with the kinds allowed', async () => {
    const app = await started();
    await publishSmallRubric(app);
    const streetless = (await expectStatus(call(app, 'assessor', 'POST', '/api/communities', { id: 'x', name: 'X' }), 400)).json();
    expect(streetless.details).toContainEqual(expect.objectContaining({ path: '/body/street', message: 'is required' }));
    await expectStatus(call(app, 'assessor', 'POST', '/api/communities', { id: 'riverside', name: 'Riverside', street: 'East Street' }), 201);
    const yearly = (await expectStatus(call(app, 'assessor', 'POST', '/api/assessments', assessmentBody({ period: { year: 2025, kind: 'annual' } })), 400)).json();
    expect(yearly.details).toContainEqual({
      path: '/body/period/kind',
      message: 'must be one of: mid-term, final, quarterly',
      text: { en: 'must be one of: mid-term, final, quarterly', zh: '须为以下之一：mid-term、final、quarterly' },
    });
  });

  test('a custom profile (buildings with a type; annual and re-certification periods) changes what the API accepts and refuses, naming the field', async () => {
    const app = await started({ dataDir: dataDirWith(BUILDINGS) });
    expect((await expectStatus(call(app, 'viewer', 'GET', '/api/deployment'), 200)).json()).toEqual(BUILDINGS);
    await publishSmallRubric(app);

    // Subjects: the street of Appendix C is now unknown, the building type required and one of its options.
    const asCommunity = (await expectStatus(call(app, 'assessor', 'POST', '/api/communities', { id: 'tower-a', name: 'Tower A', street: 'East Street' }), 400)).json();
    expect(asCommunity.code).toBe('VALIDATION_FAILED');
    expect(asCommunity.details.map((d: { path: string; text: { en: string } }) => [d.path, d.text.en])).toEqual(
      expect.arrayContaining([
        ['/body/street', 'unknown field "street": remove it'],
        ['/body/type', 'is required'],
      ]),
    );
    const badType = (await expectStatus(call(app, 'assessor', 'POST', '/api/communities', { id: 'tower-a', name: 'Tower A', type: 'castle' }), 400)).json();
    expect(badType.details).toContainEqual(expect.objectContaining({ path: '/body/type', message: 'must be one of: residential, office' }));
    const tower = (await expectStatus(call(app, 'assessor', 'POST', '/api/communities', { id: 'tower-a', name: 'Tower A', type: 'office', floors: '32' }), 201)).json();
    expect(tower).toMatchObject({ id: 'tower-a', name: 'Tower A', type: 'office', floors: '32', revision: 1 });
    expect(tower).not.toHaveProperty('street');
    expect((await call(app, 'viewer', 'GET', '/api/communities/tower-a')).json()).toMatchObject({ type: 'office', floors: '32' });
    const renamed = (await expectStatus(call(app, 'assessor', 'PUT', '/api/communities/tower-a', { name: 'Tower A East', street: 'S', revision: 1 }), 400)).json();
    expect(renamed.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['/body/street', '/body/type']));
    await expectStatus(call(app, 'assessor', 'PUT', '/api/communities/tower-a', { name: 'Tower A East', type: 'residential', revision: 1 }), 200);

    // Period kinds: Appendix C's are refused on create, update, carry-forward and the list filter, each listing the profile's.
    const allowed = 'must be one of: annual, recertification';
    const final = (await expectStatus(call(app, 'assessor', 'POST', '/api/assessments', assessmentBody({ communityId: 'tower-a', period: { year: 2025, kind: 'final' } })), 400)).json();
    expect(final.details).toContainEqual(expect.objectContaining({ path: '/body/period/kind', message: allowed }));
    expect(final.details.find((d: { path: string }) => d.path === '/body/period/kind').text.zh).toBe('须为以下之一：annual、recertification');
    const body = assessmentBody({ communityId: 'tower-a', period: { year: 2025, kind: 'annual' }, inputs: COMPLETE_INPUTS });
    const annual = (await expectStatus(call(app, 'assessor', 'POST', '/api/assessments', body), 201)).json();
    expect(annual.period).toEqual({ year: 2025, kind: 'annual' });
    const update = (await expectStatus(call(app, 'assessor', 'PUT', `/api/assessments/${annual.id}`, { revision: 1, inputs: COMPLETE_INPUTS, period: { year: 2025, kind: 'quarterly' } }), 400)).json();
    expect(update.details).toContainEqual(expect.objectContaining({ path: '/body/period/kind', message: allowed }));
    await expectStatus(call(app, 'assessor', 'POST', `/api/assessments/${annual.id}/submit`), 200);
    const carryFinal = (await expectStatus(call(app, 'assessor', 'POST', `/api/assessments/${annual.id}/carry-forward`, { period: { year: 2026, kind: 'final' }, assessor: 'B' }), 400)).json();
    expect(carryFinal.details).toContainEqual(expect.objectContaining({ path: '/body/period/kind', message: allowed }));
    const next = (await expectStatus(call(app, 'assessor', 'POST', `/api/assessments/${annual.id}/carry-forward`, { period: { year: 2026, kind: 'recertification' }, assessor: 'B' }), 201)).json();
    expect(next.period).toEqual({ year: 2026, kind: 'recertification' });
    const filter = (await expectStatus(call(app, 'viewer', 'GET', '/api/assessments?kind=mid-term'), 400)).json();
    expect(filter.details).toContainEqual(expect.objectContaining({ path: '/querystring/kind', message: allowed }));
    expect((await call(app, 'viewer', 'GET', '/api/assessments?kind=recertification')).json().map((a: { id: string }) => a.id)).toEqual([next.id]);

    // Exports name the subject, its attributes (a choice by its option's label) and the period kinds by the profile's labels, in each language.
    const zh = (await expectStatus(call(app, 'viewer', 'GET', '/api/exports/assessments?format=csv&lang=zh'), 200)).body;
    expect(zh).toContain('楼宇编号,楼宇,楼宇类型,层数,评价期');
    expect(zh).toContain('tower-a,Tower A East,住宅,,2025 年度评价');
    expect(zh).not.toContain('街道');
    const en = (await expectStatus(call(app, 'viewer', 'GET', '/api/exports/assessments?format=csv&lang=en'), 200)).body;
    expect(en).toContain('Building id,Building,Building type,Floors,Period');
    expect(en).toContain('tower-a,Tower A East,residential,,2025 annual');
    const impact = await expectStatus(
      call(app, 'viewer', 'POST', '/api/impact?format=csv&lang=zh', { base: { id: 'small-rubric', version: '1.0.0' }, candidate: { id: 'small-rubric', version: '1.0.0' } }),
      200,
    );
    expect(impact.body).toContain('楼宇编号,楼宇,楼宇类型,层数,评价期');
    expect(impact.body).toContain('2025 年度评价');
  });

  test("refusals about subjects name them as the profile does, in both languages", async () => {
    const app = await started({ dataDir: dataDirWith(BUILDINGS) });
    const missing = (await expectStatus(call(app, 'viewer', 'GET', '/api/communities/tower-z'), 404)).json();
    expect(missing.text).toEqual({ en: 'There is no building tower-z.', zh: '不存在楼宇 tower-z。' });
    await expectStatus(call(app, 'assessor', 'POST', '/api/communities', { id: 'tower-a', name: 'Tower A', type: 'office' }), 201);
    const twice = (await expectStatus(call(app, 'assessor', 'POST', '/api/communities', { id: 'tower-a', name: 'Tower A', type: 'office' }), 409)).json();
    expect(twice.text.en).toBe('A building with id tower-a already exists.');
    expect(twice.details[0].text.zh).toBe('请另选标识，或修改现有楼宇');
    await publishSmallRubric(app);
    const noSubject = (await expectStatus(call(app, 'assessor', 'POST', '/api/assessments', { ...assessmentBody({ communityId: 'tower-z' }), period: { year: 2026, kind: 'annual' } }), 400)).json();
    expect(noSubject.details[0].text.en).toBe('add the building first (POST /api/communities)');
  });

  test('examples that do not fit the profile are not seeded; the rubrics are', async () => {
    const app = await started({ dataDir: dataDirWith(BUILDINGS), seedFrom: EXAMPLES });
    expect((await call(app, 'viewer', 'GET', '/api/rubrics')).json().map((r: { id: string }) => r.id)).toEqual(['small-rubric']);
    expect((await call(app, 'viewer', 'GET', '/api/communities')).json()).toEqual([]);
    expect((await call(app, 'viewer', 'GET', '/api/assessments')).json()).toEqual([]);
  });

  test('a bad deployment.json refuses the start, names the field in both languages, and leaves the data as it was', async () => {
    const first = await started();
    await expectStatus(call(first, 'assessor', 'POST', '/api/communities', { id: 'riverside', name: 'Riverside', street: 'East Street' }), 201);
    await first.close();
    apps.splice(apps.indexOf(first), 1);
    const { dataDir } = first;
    const dataFile = readFileSync(join(dataDir, DATA_FILE));
    const files = readdirSync(dataDir).sort();

    const cases: { profile: unknown; path: string; en: RegExp; zh: RegExp }[] = [
      // A period kind twice.
      { profile: { ...BUILDINGS, periodKinds: [...BUILDINGS.periodKinds, { id: 'annual', label: { zh: '年度', en: 'yearly' } }] }, path: '/periodKinds/2/id', en: /"annual" is used twice/, zh: /"annual" 重复使用/ },
      // A subject label without its English.
      { profile: { ...BUILDINGS, subject: { ...BUILDINGS.subject, label: { zh: '楼宇' } } }, path: '/subject/label', en: /missing property "en"/, zh: /缺少属性 "en"/ },
      // An attribute that would overwrite the record's own name.
      { profile: { ...BUILDINGS, subject: { ...BUILDINGS.subject, attributes: [{ id: 'name', label: { zh: '名', en: 'name' }, required: true, type: 'text' }] } }, path: '/subject/attributes/0/id', en: /"name" is a field every subject has/, zh: /每个评价对象都有的字段/ },
      // A period kind id with a space (it could not be read back from "2025 final year").
      { profile: { ...BUILDINGS, periodKinds: [{ id: 'final year', label: { zh: '终期', en: 'final' } }] }, path: '/periodKinds/0/id', en: /"final year" is not allowed: use a letter, then up to 39 letters/, zh: /"final year" 不符合要求：请使用以字母开头/ },
      // A default kind that is not a kind.
      { profile: { ...BUILDINGS, defaultPeriodKind: 'final' }, path: '/defaultPeriodKind', en: /"final" is not one of the period kinds \(annual, recertification\)/, zh: /不是所列评价期类型/ },
      // A choice without options.
      { profile: { ...BUILDINGS, subject: { ...BUILDINGS.subject, attributes: [{ id: 'type', label: { zh: '类型', en: 'type' }, required: true, type: 'choice' }] } }, path: '/subject/attributes/0/options', en: /needs its options/, zh: /须列出选项/ },
      // Not JSON at all.
      { profile: '{ "format": "deployment/1", ', path: '', en: /fix the JSON syntax/, zh: /JSON 语法/ },
    ];
    for (const bad of cases) {
      writeFileSync(join(dataDir, DEPLOYMENT_FILE), typeof bad.profile === 'string' ? bad.profile : JSON.stringify(bad.profile));
      const error = await startError(dataDir);
      expect(error.code).toBe('DEPLOYMENT_INVALID');
      expect(error.details[0].path).toBe(bad.path);
      expect(error.details[0].text.en).toMatch(bad.en);
      expect(error.details[0].text.zh).toMatch(bad.zh);
      expect(error.text.en).toContain(join(dataDir, DEPLOYMENT_FILE));
      expect(error.text.en).toContain(bad.path ? `invalid at ${bad.path}` : 'is not valid JSON');
      expect(error.text.en).toContain('nothing in the data directory was changed');
      expect(error.text.zh).toContain('数据目录未作任何修改');
      // Untouched: the data file byte for byte, no new file, and no lock left behind.
      expect(readFileSync(join(dataDir, DATA_FILE)).equals(dataFile)).toBe(true);
      expect(readdirSync(dataDir).sort()).toEqual(files);
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    }

    // Corrected, it starts, and the data is all there.
    writeFileSync(join(dataDir, DEPLOYMENT_FILE), JSON.stringify(APPENDIX_C_DEPLOYMENT));
    const fixed = await started({ dataDir });
    expect((await call(fixed, 'viewer', 'GET', '/api/communities/riverside')).json()).toMatchObject({ street: 'East Street' });
  });

  test('the server process stops at a bad deployment.json with a bilingual message naming the field', async () => {
    const root = new URL('../..', import.meta.url).pathname;
    const dataDir = dataDirWith({ ...BUILDINGS, periodKinds: [] });
    const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['server/main.ts', '--port', '0', '--data-dir', dataDir, '--no-ui-build'], {
      cwd: root,
      env: { ...process.env, RUBRIC_TOKENS: '', TOKENS_FILE: '', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain('error DEPLOYMENT_INVALID: The deployment profile');
    expect(output).toContain('invalid at /periodKinds');
    expect(output).toContain('错误 DEPLOYMENT_INVALID：部署配置文件');
    expect(output).toMatch(/\/periodKinds: "periodKinds" must NOT have fewer than 1 items \/ "periodKinds" 须至少有 1 项/);
    expect(existsSync(join(dataDir, DATA_FILE))).toBe(false);
  }, 60_000);
});
