/**
 * The compare screen under a profile of buildings by type (test/fixtures/deployments/buildings.json),
 * in Chromium against the real server: the impact filter is one select per attribute of the
 * profile, labelled by the attribute's label in each language and offering the values the
 * buildings have by their option labels; there is no street filter. Filtering by type keeps only
 * the buildings of that type.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DeploymentProfile } from '../../engine/index.ts';
import { type Browser, closeSession, openSession, poll, type RunningServer, setLanguage, signIn } from './browser.ts';

const RUBRIC = 'binjiang-home-plus';
const BUILDINGS = JSON.parse(readFileSync(new URL('../fixtures/deployments/buildings.json', import.meta.url), 'utf8')) as DeploymentProfile;

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  ({ server, browser, page } = await openSession(pageErrors, { deployment: BUILDINGS }));
  // Two offices and a house, each assessed once with the answers of an Appendix C example.
  const example = JSON.parse(readFileSync(new URL('../../examples/appendix-c/assessments/02-standard.json', import.meta.url), 'utf8')) as { inputs: Record<string, unknown> };
  for (const [id, type] of [['tower-a', 'office'], ['house-b', 'residential'], ['tower-c', 'office']]) {
    await server.api('POST', '/api/communities', 'assessor', { id, name: `楼宇 ${id}`, type });
    const draft = await server.api<{ id: string }>('POST', '/api/assessments', 'assessor', {
      communityId: id,
      rubric: { id: RUBRIC, version: '1.0.0' },
      period: { year: 2025, kind: 'annual' },
      assessor: '测试',
      inputs: example.inputs,
    });
    await server.api('POST', `/api/assessments/${draft.id}/submit`, 'assessor');
  }
}, 180_000);

afterAll(() => closeSession({ server, browser }));

describe('compare versions under a profile of buildings by type', () => {
  test('the filter is the building type, by its labels, and no street; filtering keeps the offices', async () => {
    await signIn(page, server.url, 'viewer');
    await page.getByRole('link', { name: '版本对比' }).click();
    await page.getByRole('heading', { name: '版本对比' }).waitFor();
    await page.getByLabel('评价细则').selectOption(RUBRIC);

    expect(await page.getByText('街道').count()).toBe(0);
    const type = page.getByLabel('楼宇类型（可选）');
    await poll(() => type.locator('option').allTextContents()).toEqual(['全部', '住宅', '办公']);
    expect(await page.getByLabel('层数（可选）').locator('option').allTextContents()).toEqual(['全部']);

    await page.getByRole('button', { name: '对比', exact: true }).click();
    await poll(() => page.getByTestId('impact-assessments').locator('tbody tr').count()).toBe(3);
    await type.selectOption('office');
    await page.getByRole('button', { name: '对比', exact: true }).click();
    await poll(() => page.getByTestId('impact-assessments').locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('impact-assessments').textContent()).not.toContain('house-b');

    await setLanguage(page, 'en');
    await poll(() => page.getByLabel('Building type (optional)').locator('option').allTextContents()).toEqual(['All', 'residential', 'office']);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
