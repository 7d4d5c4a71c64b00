/**
 * The assessor's list in pages, in Chromium against the real server (the Appendix C seed plus 120
 * assessments of one community made through the API, a third of them submitted):
 * - the first page shows the 50 most recently changed with "Showing 50 of N", N the API's
 *   X-Total-Count, numbers formatted for the language;
 * - "Show more" appends the next 50, then the rest, and is gone once all are shown; while a page
 *   loads it is disabled and says so; the rows are in the API's own order;
 * - a page that fails shows the error and keeps the rows shown;
 * - the status filter shows only drafts (or submitted) with their count, from the first page;
 * - the same in English;
 * - the builder's try-it offers the newest 100 of the rubric's assessments, saying how many there are.
 * Screenshots (1280×800, 768 and 320 px wide, zh and en) go to /tmp/shots/ (SHOTS_DIR).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Browser, closeSession, expectWithinWidth, openSession, poll, type RunningServer, SCREEN_SIZES as SIZES, SHOTS, seriousViolations, setLanguage, signIn, TOKENS } from './browser.ts';

const RUBRIC = 'binjiang-home-plus';
const COMMUNITY = 'paged-list';
const MADE = 120;
const PAGE_SIZE = 50;

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/** The API's own answer to a list query: the ids in its order and its X-Total-Count. */
async function listed(query: Record<string, string>): Promise<{ ids: string[]; total: number }> {
  const response = await fetch(`${server.url}/api/assessments?${new URLSearchParams({ limit: '500', ...query })}`, { headers: { authorization: `Bearer ${TOKENS.viewer}` } });
  if (!response.ok) throw new Error(`GET /api/assessments → ${response.status}: ${await response.text()}`);
  const header = response.headers.get('x-total-count');
  if (header === null) throw new Error('the server sends no X-Total-Count');
  const entries = (await response.json()) as { id: string }[];
  return { ids: entries.map((a) => a.id), total: Number(header) };
}

const rows = (): Promise<string[]> => page.locator('tr[data-assessment]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-assessment') ?? ''));
const countLine = () => page.getByTestId('assessment-count');
const showMore = () => page.getByTestId('show-more');

/** Holds the list pages asked with an offset until `release` is called. */
async function holdNextPages(): Promise<{ release: () => void; stop: () => Promise<void> }> {
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const handler = async (route: Route): Promise<void> => {
    await held;
    await route.continue();
  };
  await page.route(/\/api\/assessments\?.*offset=/, handler);
  return { release, stop: () => page.unroute(/\/api\/assessments\?.*offset=/, handler) };
}

/** Opens the assessor home afresh and waits for its first page. */
async function openList(): Promise<void> {
  await page.goto(`${server.url}/#/assessments`);
  await page.reload();
  await countLine().waitFor();
}

beforeAll(async () => {
  ({ server, browser, page } = await openSession(pageErrors));
  // Complete inputs to submit with: those of a seeded submitted assessment.
  const seeded = await server.api<{ id: string; status: string; rubric: { id: string; version: string } }[]>('GET', '/api/assessments?limit=500', 'viewer');
  const model = seeded.find((a) => a.status === 'submitted' && a.rubric.id === RUBRIC);
  if (!model) throw new Error('the seed changed: no submitted assessment');
  const { inputs, rubric } = await server.api<{ inputs: Record<string, unknown>; rubric: { id: string; version: string } }>('GET', `/api/assessments/${model.id}`, 'viewer');
  await server.api('POST', '/api/communities', 'assessor', { id: COMMUNITY, name: '分页社区（测试）', street: '西兴街道' });
  for (let i = 0; i < MADE; i++) {
    const created = await server.api<{ id: string }>('POST', '/api/assessments', 'assessor', {
      communityId: COMMUNITY,
      rubric,
      period: { year: 2025, kind: 'final' },
      assessor: `分页评价员 ${i + 1}`,
      inputs: i % 3 === 0 ? inputs : {},
    });
    if (i % 3 === 0) await server.api('POST', `/api/assessments/${created.id}/submit`, 'assessor', {});
  }
  await signIn(page, server.url, 'assessor');
}, 300_000);

afterAll(() => closeSession({ server, browser }));

describe('the assessment list in pages', () => {
  test('50 newest first with the total; "show more" appends the next 50, then the rest, then is gone', async () => {
    const all = await listed({});
    expect(all.total).toBeGreaterThanOrEqual(MADE);
    expect(all.ids).toHaveLength(all.total);
    await openList();

    expect(await rows()).toEqual(all.ids.slice(0, PAGE_SIZE));
    expect(await countLine().textContent()).toBe(`显示 50 条，共 ${all.total.toLocaleString('zh-CN')} 条`);
    expect(await showMore().textContent()).toBe('再显示 50 条');

    // While the next page is on its way the button is disabled and says so.
    const hold = await holdNextPages();
    await showMore().click();
    await poll(() => showMore().textContent()).toBe('正在加载更多…');
    expect(await showMore().isDisabled()).toBe(true);
    hold.release();
    await poll(() => rows().then((r) => r.length)).toBe(2 * PAGE_SIZE);
    await hold.stop();
    expect(await rows()).toEqual(all.ids.slice(0, 2 * PAGE_SIZE));
    expect(await countLine().textContent()).toBe(`显示 100 条，共 ${all.total.toLocaleString('zh-CN')} 条`);

    const rest = all.total - 2 * PAGE_SIZE;
    expect(rest).toBeLessThan(PAGE_SIZE);
    expect(await showMore().textContent()).toBe(`再显示 ${rest} 条`);
    await showMore().click();
    await poll(() => rows().then((r) => r.length)).toBe(all.total);
    expect(await rows()).toEqual(all.ids);
    expect(await showMore().count()).toBe(0);
    expect(await countLine().textContent()).toBe(`显示 ${all.total} 条，共 ${all.total} 条`);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  test('a page that fails shows the error and keeps the rows shown', async () => {
    await openList();
    const first = await rows();
    expect(first).toHaveLength(PAGE_SIZE);
    const fail = (route: Route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ statusCode: 400, code: 'VALIDATION_FAILED', error: 'Bad Request', message: 'offset must be >= 0', text: { zh: '分页位置无效', en: 'offset must be >= 0' } }),
      });
    await page.route(/\/api\/assessments\?.*offset=/, fail);
    await showMore().click();
    await poll(() => page.getByRole('alert').textContent()).toContain('分页位置无效');
    expect(await rows()).toEqual(first);
    expect(await showMore().isEnabled()).toBe(true);
    await page.unroute(/\/api\/assessments\?.*offset=/, fail);
    // Asking again works and clears the error.
    await showMore().click();
    await poll(() => rows().then((r) => r.length)).toBe(2 * PAGE_SIZE);
    expect(await page.getByRole('alert').count()).toBe(0);
  }, 60_000);

  test('the total comes formatted for the language', async () => {
    const large = async (route: Route): Promise<void> => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'x-total-count': '100008' } });
    };
    await page.route(/\/api\/assessments\?/, large);
    await openList();
    expect(await countLine().textContent()).toBe('显示 50 条，共 100,008 条');
    expect(await showMore().textContent()).toBe('再显示 50 条');
    await setLanguage(page, 'en');
    await poll(() => countLine().textContent()).toBe('Showing 50 of 100,008');
    expect(await showMore().textContent()).toBe('Show 50 more');
    await page.unroute(/\/api\/assessments\?/, large);
    await setLanguage(page, 'zh');
  }, 60_000);

  test('the status filter shows only drafts, with their count, from the first page; then all again', async () => {
    const drafts = await listed({ status: 'draft' });
    const all = await listed({});
    expect(drafts.total).toBeGreaterThan(PAGE_SIZE);
    expect(drafts.total).toBeLessThan(all.total);
    await openList();
    await showMore().click();
    await poll(() => rows().then((r) => r.length)).toBe(2 * PAGE_SIZE);

    const filter = page.getByLabel('状态', { exact: true });
    expect(await filter.locator('option').allTextContents()).toEqual(['全部', '草稿', '已提交']);
    await filter.selectOption({ label: '草稿' });
    await poll(() => countLine().textContent()).toBe(`显示 50 条，共 ${drafts.total} 条`);
    expect(await rows()).toEqual(drafts.ids.slice(0, PAGE_SIZE));
    expect(await page.locator('tr[data-assessment] .status-submitted').count()).toBe(0);
    expect(await page.locator('tr[data-assessment] .status-draft').count()).toBe(PAGE_SIZE);
    await showMore().click();
    await poll(() => rows().then((r) => r.length)).toBe(Math.min(drafts.total, 2 * PAGE_SIZE));
    expect(await rows()).toEqual(drafts.ids.slice(0, 2 * PAGE_SIZE));

    await filter.selectOption({ label: '全部' });
    await poll(() => countLine().textContent()).toBe(`显示 50 条，共 ${all.total} 条`);
    expect(await rows()).toEqual(all.ids.slice(0, PAGE_SIZE));
    expect(pageErrors).toEqual([]);
  }, 60_000);

  test('in English: the filter, the count and the button in English; Submitted shows only submitted', async () => {
    const submitted = await listed({ status: 'submitted' });
    const all = await listed({});
    await openList();
    await setLanguage(page, 'en');
    await poll(() => countLine().textContent()).toBe(`Showing 50 of ${all.total.toLocaleString('en-GB')}`);
    expect(await showMore().textContent()).toBe('Show 50 more');
    const filter = page.getByLabel('Status', { exact: true });
    expect(await filter.locator('option').allTextContents()).toEqual(['All', 'Drafts', 'Submitted']);
    await filter.selectOption({ label: 'Submitted' });
    const shown = Math.min(submitted.total, PAGE_SIZE);
    await poll(() => countLine().textContent()).toBe(`Showing ${shown} of ${submitted.total}`);
    expect(await rows()).toEqual(submitted.ids.slice(0, shown));
    expect(await page.locator('tr[data-assessment] .status-draft').count()).toBe(0);
    expect(await page.locator('tr[data-assessment] .status-submitted').count()).toBe(shown);
    // Submitted results name their tier as the rubric does, never by id.
    const tiers = await page.getByTestId('assessment-tier').allTextContents();
    expect(tiers.some((text) => /Demonstration|Standard|Basic/.test(text)), tiers.slice(0, 3).join(' | ')).toBe(true);
    await filter.selectOption({ label: 'All' });
    await poll(() => countLine().textContent()).toBe(`Showing 50 of ${all.total}`);
    expect(await seriousViolations(page), 'axe').toEqual([]);
    await setLanguage(page, 'zh');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  test("the builder's try-it offers the newest 100 of the rubric's assessments and says how many there are", async () => {
    const ofRubric = await listed({ rubric: RUBRIC });
    expect(ofRubric.total).toBeGreaterThan(100);
    await signIn(page, server.url, 'editor');
    await page.goto(`${server.url}/#/rubrics/${RUBRIC}/1.0.0`);
    const stored = page.locator('#try-source optgroup').first();
    await poll(() => stored.getAttribute('label')).toBe(`已存评价（最近更新的 100 条，共 ${ofRubric.total} 条）`);
    const offered = await stored.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(ofRubric.ids.slice(0, 100).map((id) => `assessment:${id}`));
    await signIn(page, server.url, 'assessor');
  }, 60_000);

  test('screenshots: the list, its count, filter and button fit at 1280, 768 and 320 px, in both languages', async () => {
    mkdirSync(SHOTS, { recursive: true });
    await openList();
    for (const lang of ['zh', 'en'] as const) {
      await setLanguage(page, lang);
      for (const size of SIZES) {
        await page.setViewportSize({ width: size.width, height: size.height });
        // Neither the page nor the list scrolls sideways: no column hides off the right edge.
        await expectWithinWidth(page, [countLine(), showMore(), page.locator('#assessment-status')], size.width, `${lang} at ${size.name}px`);
        const scroll = page.locator('.assessor-home .table-scroll');
        expect(await scroll.evaluate((box) => box.scrollWidth - box.clientWidth), `the list ${lang} at ${size.name}px`).toBeLessThanOrEqual(0);
        await page.locator('#list-heading').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, `assessment-list-${lang}-${size.name}.png`) });
        await showMore().scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, `assessment-list-more-${lang}-${size.name}.png`) });
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await setLanguage(page, 'zh');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
