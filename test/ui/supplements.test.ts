/**
 * Supplementary answers and carry-forward in Chromium against the real server (fresh data
 * directory, seeded with the Appendix C examples):
 * - a draft 1.1.0 asks something new (a yes/no question read by a new 2-point criterion;
 *   satisfaction lowered from 25 to 23 points), so every stored assessment lacks that answer;
 * - an assessor opens a submitted assessment, records the answer under 1.1.0 with its source, sees
 *   it listed with who and where from, and the result rescored under 1.1.0 complete;
 * - a viewer comparing 1.0.0 with 1.1.0 no longer finds that assessment missing the answer;
 * - once 1.1.0 is published, the assessor starts the next assessment from a submitted one and the
 *   new draft lists the new and changed criteria by title, with the flag in words.
 * Screenshots at 1280 wide are kept in test/artifacts/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ImpactReport, RubricDocument } from '../../engine/index.ts';
import { ARTIFACTS, type Browser, closeSession, openSession, type RunningServer, seriousViolations, setLanguage, signIn } from './browser.ts';

const RUBRIC = 'binjiang-home-plus';
const NEW_INPUT = 'digitalServices';
const NEW_LABEL = { zh: '提供线上预约服务', en: 'Online booking offered' };
const NEW_CRITERION = { zh: '提供线上预约得2分', en: 'Online booking: 2' };
const SOURCE = '2025年社区服务台账';

/** 1.1.0 as a district would revise it: a new yes/no question worth 2 points, satisfaction 25 → 23. */
function askingSomethingNew(base: RubricDocument): RubricDocument {
  const next = structuredClone(base);
  next.inputs.push({ id: NEW_INPUT, type: 'boolean', label: NEW_LABEL });
  const group = next.groups[2].groups?.[1];
  const satisfaction = group?.indicators?.[0];
  if (!group?.indicators || satisfaction?.id !== 'i18') throw new Error('fixture changed');
  satisfaction.points = 23;
  satisfaction.criteria[0].points = 23;
  satisfaction.criteria[0].title = { zh: '该项总分23分,实际得分按照满意率折算', en: '23 points, converted by the satisfaction rate' };
  satisfaction.criteria[0].rules[0] = { name: '23 × satisfaction rate', conditions: { all: [] }, event: { type: 'award', params: { kind: 'proportional', input: 'satisfactionRate', fullAt: 100, points: 23 } } };
  group.indicators.push({
    id: 'i22',
    title: { zh: '线上服务', en: 'Online services' },
    points: 2,
    clause: 'C.x',
    criteria: [{ id: 'i22.1', title: NEW_CRITERION, points: 2, rules: [{ conditions: { all: [{ fact: NEW_INPUT, operator: 'equal', value: true }] }, event: { type: 'award', params: { kind: 'fixed', points: 2 } } }] }],
  });
  next.tests = [];
  return next;
}

let server: RunningServer;
let browser: Browser;
let page: Page;
let chosen: { id: string; communityId: string };
const pageErrors: string[] = [];

beforeAll(async () => {
  ({ server, browser, page } = await openSession(pageErrors));
  await server.api('POST', `/api/rubrics/${RUBRIC}/versions`, 'editor', { version: '1.1.0', copyFrom: { version: '1.0.0' } });
  const draft = await server.api<{ document: RubricDocument; revision: number }>('GET', `/api/rubrics/${RUBRIC}/versions/1.1.0`, 'editor');
  await server.api('PUT', `/api/rubrics/${RUBRIC}/versions/1.1.0`, 'editor', { document: askingSomethingNew(draft.document), revision: draft.revision });
  const listed = await server.api<{ id: string; communityId: string; status: string; rubric: { id: string } }[]>('GET', '/api/assessments', 'viewer');
  const submitted = listed.filter((a) => a.status === 'submitted' && a.rubric.id === RUBRIC);
  if (submitted.length < 2) throw new Error('the seed changed: fewer than two submitted assessments');
  chosen = submitted[0];
}, 180_000);

afterAll(() => closeSession({ server, browser }));

describe('supplementary answers', () => {
  test('an assessor records the new answer under 1.1.0 with its source; it is listed and the rescored result is complete', async () => {
    const me = await server.api<{ actor: string }>('GET', '/api/me', 'assessor');
    await signIn(page, server.url, 'assessor');
    await page.goto(`${server.url}/#/assessments/${encodeURIComponent(chosen.id)}`);
    const section = page.getByTestId('supplements');
    // Exactly: the heading of the rescored result below also contains 补充答案.
    await section.getByRole('heading', { name: '补充答案', exact: true }).waitFor();
    await expect.poll(() => page.getByLabel('按哪个新版本补充').inputValue()).toBe('1.1.0');
    // Before: the question by its label, and the result under 1.1.0 open.
    const open = section.locator(`li[data-input="${NEW_INPUT}"]`);
    await open.getByRole('group', { name: NEW_LABEL.zh }).waitFor();
    expect(await open.textContent()).not.toContain(NEW_INPUT);
    await section.locator('[data-testid="supplements-rescored"][data-complete="false"]').waitFor();

    await section.screenshot({ path: join(ARTIFACTS, 'supplements-section-open-zh.png') });
    await open.getByLabel('是').check();
    await open.getByLabel('来源').fill(SOURCE);
    await open.getByRole('button', { name: '记录答案' }).click();

    const row = section.getByTestId('supplements-list').locator(`tr[data-input="${NEW_INPUT}"]`);
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(NEW_LABEL.zh);
    expect(text).toContain('是');
    expect(text).toContain(SOURCE);
    expect(text).toContain(me.actor);
    await section.locator('[data-testid="supplements-rescored"][data-complete="true"]').waitFor();
    expect(await section.getByTestId('supplements-rescored').textContent()).toContain('结果完整');
    expect(await section.getByTestId('supplements-none-open').count()).toBe(1);

    const stored = await server.api<{ supplements: Record<string, { value: unknown; source: string; version: string }> }>('GET', `/api/assessments/${chosen.id}`, 'viewer');
    expect(stored.supplements[NEW_INPUT]).toMatchObject({ value: true, source: SOURCE, version: '1.1.0' });

    expect(await seriousViolations(page), 'axe').toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await page.setViewportSize({ width: 1280, height: 900 });
    await section.screenshot({ path: join(ARTIFACTS, 'supplements-section-zh.png') });
    await setLanguage(page, 'en');
    await section.getByRole('heading', { name: 'Supplementary answers' }).waitFor();
    expect(await row.textContent()).toContain('yes');
    await section.screenshot({ path: join(ARTIFACTS, 'supplements-section-en.png') });
    expect(pageErrors).toEqual([]);
  }, 120_000);

  test('a viewer comparing 1.0.0 with 1.1.0 no longer finds that assessment missing the answer', async () => {
    const report = await server.api<ImpactReport>('POST', '/api/impact', 'viewer', { base: { id: RUBRIC, version: '1.0.0' }, candidate: { id: RUBRIC, version: '1.1.0' } });
    expect(report.assessments.find((a) => a.id === chosen.id)?.candidate.missing ?? []).toEqual([]);

    await signIn(page, server.url, 'viewer');
    await page.getByRole('link', { name: '版本对比' }).click();
    await page.getByLabel('评价细则').selectOption(RUBRIC);
    await page.getByLabel('基准版本').selectOption('1.0.0');
    await page.getByLabel('候选版本').selectOption('1.1.0');
    await page.getByRole('button', { name: '对比', exact: true }).click();
    await page.getByTestId('impact-assessments').waitFor();
    const supplied = page.locator(`tr[data-assessment="${chosen.id}"]`).getByTestId('missing-answers');
    expect(await supplied.textContent()).not.toContain(NEW_LABEL.zh);
    // The others still lack it, by its label.
    const others = page.locator(`tr[data-assessment]:not([data-assessment="${chosen.id}"])`).getByTestId('missing-answers');
    expect(await others.count()).toBeGreaterThan(0);
    for (const cell of await others.allTextContents()) expect(cell).toContain(NEW_LABEL.zh);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  test('once 1.1.0 is published, the next assessment started from a submitted one flags the new and changed criteria', async () => {
    await server.api('POST', `/api/rubrics/${RUBRIC}/versions/1.1.0/publish`, 'editor', { changelog: '新增线上服务；满意率改为23分。' });
    await signIn(page, server.url, 'assessor');
    await page.goto(`${server.url}/#/assessments/${encodeURIComponent(chosen.id)}`);
    await page.getByRole('button', { name: '以此为基础开始下一次评价' }).click();
    await page.getByLabel('年度').fill('2026');
    await page.getByLabel('评价期').selectOption('mid-term');
    await page.getByLabel('评价人').fill('王评');
    await page.getByRole('button', { name: '开始新草稿' }).click();

    const notice = page.getByTestId('carried-from');
    await notice.waitFor();
    expect(page.url()).not.toContain(chosen.id);
    const added = notice.locator('li[data-criterion="i22.1"]');
    expect(await added.textContent()).toContain('新增');
    expect(await added.textContent()).toContain(NEW_CRITERION.zh);
    expect(await notice.locator('li[data-criterion="i18.1"]').textContent()).toContain('评分已改');
    expect(await notice.textContent()).toContain(`${RUBRIC} 1.0.0`);
    await setLanguage(page, 'en');
    expect(await added.textContent()).toContain('added');
    expect(await added.textContent()).toContain(NEW_CRITERION.en);
    await notice.screenshot({ path: join(ARTIFACTS, 'carry-forward-notice-en.png') });
    expect(pageErrors).toEqual([]);
  }, 120_000);

  test('an assessor uploads answers from a CSV on the home page: a bad row is named and nothing is stored, then the corrected file is', async () => {
    const listed = await server.api<{ id: string; communityId: string; status: string; rubric: { id: string }; period: { year: number; kind: string } }[]>('GET', '/api/assessments', 'viewer');
    const other = listed.find((a) => a.status === 'submitted' && a.rubric.id === RUBRIC && a.id !== chosen.id);
    if (!other) throw new Error('the seed changed: no second submitted assessment');
    const period = `${other.period.year} ${other.period.kind}`;
    await signIn(page, server.url, 'assessor');
    await page.goto(`${server.url}/#/assessments`);
    const upload = page.locator('.supplement-upload');
    await upload.getByLabel('评价细则').selectOption(RUBRIC);
    await upload.getByLabel('版本').selectOption('1.1.0');
    const send = async (text: string): Promise<void> => {
      await upload.getByLabel('文件（.csv、.xlsx）').setInputFiles({ name: 'answers.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
      await upload.getByRole('button', { name: '上传' }).click();
    };
    await send(`community,period,input,value,source\n${other.communityId},${period},${NEW_INPUT},maybe,street survey\n`);
    await expect.poll(() => upload.getByTestId('upload-errors').textContent()).toContain('第 2 行');
    expect(await upload.getByTestId('upload-errors').textContent()).toContain(NEW_INPUT);
    expect((await server.api<{ supplements?: unknown }>('GET', `/api/assessments/${other.id}`, 'viewer')).supplements).toBeUndefined();
    await send(`community,period,input,value,source\n${other.communityId},${period},${NEW_INPUT},yes,street survey\n`);
    await expect.poll(() => upload.getByTestId('upload-result').textContent()).toContain('已保存 1 条补充答案');
    const stored = await server.api<{ supplements: Record<string, { value: unknown; source: string }> }>('GET', `/api/assessments/${other.id}`, 'viewer');
    expect(stored.supplements[NEW_INPUT]).toMatchObject({ value: true, source: 'street survey' });
    expect(pageErrors).toEqual([]);
  }, 90_000);
});

