/**
 * The compare screen in Chromium against the real server (fresh data directory, seeded with the
 * examples): an editor's draft 1.1.0 of the Appendix C rubric moves 示范型 from 0.9 to 0.92 (made
 * through the API); a viewer compares 1.0.0 with 1.1.0 in the UI and sees the tier change in the
 * diff, the one assessment (闻涛社区 at exactly 90.00) moving 示范型 → 标准型 in the transition
 * matrix and in the list of tier changes, and can download the CSV. The screen passes axe-core
 * and is kept as a screenshot.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Browser, closeSession, openSession, poll, proposeStricterDemonstration, type RunningServer, screenshot, seriousViolations, signIn } from './browser.ts';

const RUBRIC = 'binjiang-home-plus';

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  ({ server, browser, page } = await openSession(pageErrors));
  await proposeStricterDemonstration(server, RUBRIC);
}, 180_000);

afterAll(() => closeSession({ server, browser }));

describe('compare versions in Chromium', () => {
  test('a viewer compares 1.0.0 with the draft 1.1.0 and sees 闻涛社区 fall from 示范型 to 标准型', async () => {
    await signIn(page, server.url, 'viewer');
    await page.getByRole('link', { name: '版本对比' }).click();
    await page.getByRole('heading', { name: '版本对比' }).waitFor();

    await page.getByLabel('评价细则').selectOption(RUBRIC);
    await page.getByLabel('基准版本').selectOption('1.0.0');
    await page.getByLabel('候选版本').selectOption('1.1.0');
    await page.getByRole('button', { name: '对比', exact: true }).click();

    // The diff lists both changed tier bounds, before → after.
    const diff = page.getByTestId('diff-table');
    await diff.waitFor();
    const demoRow = diff.locator('tr[data-target="tier"][data-id="demonstration"][data-field="min"]');
    await expect.poll(() => demoRow.textContent()).toContain('0.92');
    expect(await demoRow.textContent()).toContain('档次');
    // Bounds read as people write them, not as JSON.
    expect(await demoRow.locator('td').allTextContents()).toEqual(expect.arrayContaining(['≥ 0.9', '≥ 0.92']));
    expect(await diff.locator('tr[data-target="tier"][data-id="standard"][data-field="max"] td').allTextContents()).toEqual(expect.arrayContaining(['< 0.9', '< 0.92']));
    expect(await diff.textContent()).not.toContain('inclusive');
    expect(await diff.locator('tr[data-target="tier"][data-id="standard"][data-field="max"]').count()).toBe(1);

    // The transition matrix: one assessment from 示范型 (rows) to 标准型 (columns).
    const matrix = page.getByTestId('transition-matrix');
    expect((await matrix.locator('td[data-from="demonstration"][data-to="standard"]').textContent())?.trim()).toBe('1');
    expect((await matrix.locator('td[data-from="demonstration"][data-to="demonstration"]').textContent())?.trim()).toBe('2');
    expect(await matrix.locator('thead th').allTextContents()).toEqual(expect.arrayContaining(['示范型', '标准型']));
    expect(await matrix.locator('tbody th').allTextContents()).toEqual(expect.arrayContaining(['示范型', '标准型']));

    // The tier changes name 闻涛社区; the summary counts it; the per-assessment table shows its 90 points.
    const changes = page.getByTestId('tier-changes');
    expect(await changes.locator('li').count()).toBe(1);
    expect(await changes.textContent()).toContain('闻涛社区');
    expect(await changes.textContent()).toContain('示范型 → 标准型');
    const wentao = page.getByTestId('impact-assessments').locator('tr', { hasText: '闻涛社区' });
    expect(await wentao.locator('td').allTextContents()).toEqual(expect.arrayContaining(['90', '示范型', '标准型']));
    expect(await page.getByTestId('histogram').locator('.hist-row').count()).toBeGreaterThanOrEqual(10);

    // One filter per attribute of the profile (Appendix C: the street), offering the streets the communities have.
    const street = page.getByLabel('街道（可选）');
    expect(await street.locator('option').allTextContents()).toEqual(['全部', '浦沿街道', '西兴街道', '长河街道']);
    await street.selectOption('西兴街道');
    await page.getByRole('button', { name: '对比', exact: true }).click();
    await poll(() => page.getByTestId('impact-assessments').locator('tbody tr').count()).toBe(3);
    expect(await changes.textContent()).toContain('闻涛社区 (西兴街道)');
    await street.selectOption('');
    await page.getByRole('button', { name: '对比', exact: true }).click();
    await poll(() => page.getByTestId('impact-assessments').locator('tbody tr').count()).toBe(8);

    // The CSV export arrives as a download (fetched with the viewer's token).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);

    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    await screenshot(page, 'viewer-compare-versions');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
