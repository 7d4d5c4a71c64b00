/**
 * The compare screen over more than 100 assessments, in Chromium against the real server (the
 * Appendix C seed plus assessments made and submitted through the API under 1.0.0: copies of the
 * one at exactly 90.00, which falls from 示范型 to 标准型 under a draft 1.1.0 that raises 示范型 to
 * 0.92, and copies of one that keeps its tier):
 * - the per-assessment table shows the report's first 100 rows, "Showing 100 of N" with N the
 *   API's own count, and "Show N-100 more", which adds the rest and is then gone; the rows that
 *   change tier keep their highlight;
 * - the tier changes likewise: the first 100 of more than 100, then the rest;
 * - a new comparison shows both from their first 100 again;
 * - in English, the count lines and buttons are in English;
 * - screenshots (1280×800, 768 and 320 px wide, zh and en) go to /tmp/shots/ (SHOTS_DIR), and
 *   the count lines and buttons fit the width.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ImpactReport } from '../../engine/index.ts';
import { type Browser, closeSession, expectWithinWidth, openSession, poll, proposeStricterDemonstration, type RunningServer, SCREEN_SIZES as SIZES, SHOTS, seriousViolations, setLanguage, signIn } from './browser.ts';

const RUBRIC = 'binjiang-home-plus';
/** Assessments made: every sixth a copy of one that keeps its tier, the other 110 copies of the one that falls (more than a page of tier changes). */
const MADE = 132;
const PAGE = 100;

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const COMPARED = { base: { id: RUBRIC, version: '1.0.0' }, candidate: { id: RUBRIC, version: '1.1.0' } };
/** The API's own answer to the comparison the screen makes. */
const impact = (): Promise<ImpactReport> => server.api<ImpactReport>('POST', '/api/impact', 'viewer', COMPARED);

const table = () => page.getByTestId('impact-assessments');
const tableRows = (): Promise<string[]> => table().locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-assessment') ?? ''));
const highlighted = (): Promise<string[]> => table().locator('tbody tr.tier-changed').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-assessment') ?? ''));
const tableCount = () => page.getByTestId('impact-assessments-count');
const tableMore = () => page.getByTestId('impact-assessments-more');
const changes = (): Promise<string[]> => page.getByTestId('tier-changes').locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-assessment') ?? ''));
const changesCount = () => page.getByTestId('tier-changes-count');
const changesMore = () => page.getByTestId('tier-changes-more');

/** Opens the compare screen and compares 1.0.0 with 1.1.0 through its form. */
async function compareInUi(): Promise<void> {
  await page.goto(`${server.url}/#/compare`);
  await page.reload();
  await page.locator('.compare-form select').nth(0).selectOption(RUBRIC);
  await page.locator('.compare-form select').nth(1).selectOption('1.0.0');
  await page.locator('.compare-form select').nth(2).selectOption('1.1.0');
  await page.locator('.compare-form button[type="submit"]').click();
  await tableCount().waitFor({ timeout: 30_000 });
}

beforeAll(async () => {
  ({ server, browser, page } = await openSession(pageErrors));
  await proposeStricterDemonstration(server, RUBRIC);

  // The seed's one tier change, and a complete result that keeps its tier, as models to copy.
  const seeded = await impact();
  const falling = seeded.tierChanges[0]?.id;
  const staying = seeded.assessments.find((a) => !a.tierChanged && a.base.status === 'complete' && a.base.tier !== null)?.id;
  if (!falling || !staying) throw new Error('the seed changed: no tier change or no steady result');
  type Stored = { inputs: Record<string, unknown>; notApplicable?: unknown; period: unknown };
  const models = { falling: await server.api<Stored>('GET', `/api/assessments/${falling}`, 'viewer'), staying: await server.api<Stored>('GET', `/api/assessments/${staying}`, 'viewer') };
  await server.api('POST', '/api/communities', 'assessor', { id: 'many-falling', name: '降档社区（测试）', street: '西兴街道' });
  await server.api('POST', '/api/communities', 'assessor', { id: 'many-staying', name: '稳档社区（测试）', street: '长河街道' });
  for (let i = 0; i < MADE; i++) {
    // Interleaved, so that the first page of the report holds rows of both kinds.
    const kind = i % 6 === 5 ? 'staying' : 'falling';
    const model = models[kind];
    const created = await server.api<{ id: string }>('POST', '/api/assessments', 'assessor', {
      communityId: `many-${kind}`,
      rubric: COMPARED.base,
      period: model.period,
      assessor: `对比评价员 ${i + 1}`,
      inputs: model.inputs,
      ...(model.notApplicable !== undefined && { notApplicable: model.notApplicable }),
    });
    await server.api('POST', `/api/assessments/${created.id}/submit`, 'assessor', {});
  }
  await signIn(page, server.url, 'viewer');
}, 300_000);

afterAll(() => closeSession({ server, browser }));

describe('the compare screen over more than 100 assessments', () => {
  test('the table and the tier changes show 100 each with the total; "show more" adds the rest; highlights stay', async () => {
    const report = await impact();
    const total = report.summary.assessments;
    expect(report.assessments).toHaveLength(total);
    expect(total).toBeGreaterThan(PAGE);
    expect(total - PAGE).toBeLessThan(PAGE);
    expect(report.tierChanges.length).toBeGreaterThan(PAGE);
    await compareInUi();

    // The table: the report's first 100, in its order.
    expect(await tableRows()).toEqual(report.assessments.slice(0, PAGE).map((a) => a.id));
    expect(await tableCount().textContent()).toBe(`显示 100 条，共 ${total.toLocaleString('zh-CN')} 条`);
    expect(await tableMore().textContent()).toBe(`再显示 ${total - PAGE} 条`);
    const changedOnFirstPage = report.assessments.slice(0, PAGE).filter((a) => a.tierChanged).map((a) => a.id);
    expect(changedOnFirstPage.length).toBeGreaterThan(0);
    expect(changedOnFirstPage.length).toBeLessThan(PAGE);
    expect(await highlighted()).toEqual(changedOnFirstPage);

    // The tier changes: the first 100 of them, their tiers named.
    const changeIds = report.tierChanges.map((c) => c.id);
    expect(await changes()).toEqual(changeIds.slice(0, PAGE));
    expect(await changesCount().textContent()).toBe(`显示 100 条，共 ${changeIds.length} 条`);
    expect(await changesMore().textContent()).toBe(`再显示 ${changeIds.length - PAGE} 条`);
    expect(await page.getByTestId('tier-changes').locator(`li[data-assessment="${changeIds[0]}"]`).textContent()).toContain('示范型 → 标准型');

    await tableMore().click();
    await poll(() => tableRows().then((ids) => ids.length)).toBe(total);
    expect(await tableRows()).toEqual(report.assessments.map((a) => a.id));
    expect(await highlighted()).toEqual(report.assessments.filter((a) => a.tierChanged).map((a) => a.id));
    expect(await tableMore().count()).toBe(0);
    expect(await tableCount().textContent()).toBe(`显示 ${total} 条，共 ${total} 条`);
    // The tier changes did not move with the table.
    expect(await changes()).toHaveLength(PAGE);

    await changesMore().click();
    await poll(() => changes().then((ids) => ids.length)).toBe(changeIds.length);
    expect(await changes()).toEqual(changeIds);
    expect(await changesMore().count()).toBe(0);
    expect(await changesCount().textContent()).toBe(`显示 ${changeIds.length} 条，共 ${changeIds.length} 条`);

    // A new comparison starts both from their first 100.
    await page.locator('.compare-form button[type="submit"]').click();
    await poll(() => tableRows().then((ids) => ids.length)).toBe(PAGE);
    expect(await changes()).toHaveLength(PAGE);
    expect(await tableMore().isVisible()).toBe(true);
    expect(await changesMore().isVisible()).toBe(true);

    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  test('in English: the count lines and the buttons in English', async () => {
    const report = await impact();
    const total = report.summary.assessments;
    const changed = report.tierChanges.length;
    await compareInUi();
    await setLanguage(page, 'en');
    await poll(() => tableCount().textContent()).toBe(`Showing 100 of ${total.toLocaleString('en-GB')}`);
    expect(await tableMore().textContent()).toBe(`Show ${total - PAGE} more`);
    expect(await changesCount().textContent()).toBe(`Showing 100 of ${changed}`);
    expect(await changesMore().textContent()).toBe(`Show ${changed - PAGE} more`);
    expect(await page.locator('#impact-assessments-heading').textContent()).toBe('Assessments');
    await tableMore().click();
    await poll(() => tableCount().textContent()).toBe(`Showing ${total} of ${total}`);
    expect(await tableMore().count()).toBe(0);
    await setLanguage(page, 'zh');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  test('a table box that scrolls sideways is a named region the keyboard reaches and scrolls; one that fits adds no tab stop', async () => {
    await compareInUi();
    const box = () => page.getByTestId('impact-assessments').locator('xpath=..');
    const state = () => box().evaluate((el) => ({ tabIndex: el.getAttribute('tabindex'), role: el.getAttribute('role'), name: el.getAttribute('aria-label'), scrolls: el.scrollWidth > el.clientWidth + 1 }));
    await page.setViewportSize({ width: 1280, height: 900 });
    await poll(state).toEqual({ tabIndex: null, role: null, name: null, scrolls: false });
    await page.setViewportSize({ width: 320, height: 800 });
    await poll(state).toEqual({ tabIndex: '0', role: 'region', name: '逐项评价', scrolls: true });
    await setLanguage(page, 'en');
    await poll(state).toMatchObject({ name: 'Assessments' });
    // Focused, the arrow keys scroll it.
    await box().focus();
    expect(await box().evaluate((el) => el.scrollLeft)).toBe(0);
    for (let n = 0; n < 5; n++) await page.keyboard.press('ArrowRight');
    await poll(() => box().evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    await poll(state).toMatchObject({ tabIndex: null, scrolls: false });
    await setLanguage(page, 'zh');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  test('screenshots: the count lines and buttons fit at 1280, 768 and 320 px, in both languages', async () => {
    mkdirSync(SHOTS, { recursive: true });
    await compareInUi();
    for (const lang of ['zh', 'en'] as const) {
      await setLanguage(page, lang);
      for (const size of SIZES) {
        await page.setViewportSize({ width: size.width, height: size.height });
        // The page does not scroll sideways: the wide table scrolls in its own box.
        await expectWithinWidth(page, [changesCount(), changesMore(), tableCount(), tableMore()], size.width, `${lang} at ${size.name}px`);
        await page.locator('#compare-impact').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, `compare-many-summary-${lang}-${size.name}.png`) });
        await changesCount().scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, `compare-many-changes-${lang}-${size.name}.png`) });
        await changesMore().scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, `compare-many-changes-more-${lang}-${size.name}.png`) });
        await page.locator('#impact-assessments-heading').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, `compare-many-table-${lang}-${size.name}.png`) });
        await tableMore().scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, `compare-many-table-more-${lang}-${size.name}.png`) });
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await setLanguage(page, 'zh');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
