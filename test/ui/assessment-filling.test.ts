/**
 * Filling in the Appendix C form in Chromium against the real server: the section navigator
 * counts answers per section, the live score and tier follow the answers, the hall's floor and
 * walls turn "not needed" (and stop being required) once there is no hall, the draft saves itself
 * and a reload brings the answers back; an autosave over a draft changed elsewhere meanwhile is
 * refused, the conflict notice shows and the other change stays. Screenshots of the form at
 * 1280×800, 768 and 320 px wide, in Chinese and English, go to test/artifacts/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fieldLocations } from '../../builder-ui/src/model/assessment.ts';
import { ARTIFACTS, type Browser, closeSession, openSession, type RunningServer, seriousViolations, signIn } from './browser.ts';

const RUBRIC = 'binjiang-home-plus';
const SIZES = [
  { name: '1280', width: 1280, height: 800 },
  { name: '768', width: 768, height: 1000 },
  { name: '320', width: 320, height: 800 },
] as const;

interface Stored {
  revision: number;
  inputs: Record<string, unknown>;
}

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
/** Input id → the rjsf id of its field (`root_<section>_<indicator>_<input>`). */
let fieldId: (input: string) => string;

/** expect.poll with a wait fit for a debounce, a round trip and an autosave (vitest's default is 1 s). */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 150 });

/** Answers a yes/no question: option 0 is 是/Yes, option 1 否/No (inputFieldSchema's order). */
const answer = (input: string, yes: boolean) => page.locator(`[id="${fieldId(input)}-${yes ? 0 : 1}"]`).check();
const progress = (section: string) => page.getByTestId(`progress-${section}`).textContent();
const fieldOf = (input: string) => page.locator('.form-group').filter({ has: page.locator(`[id="${fieldId(input)}"]`) }).last();

beforeAll(async () => {
  ({ server, browser, page } = await openSession(pageErrors));
  const form = await server.api<{ schema: Record<string, unknown> }>('GET', `/api/rubrics/${RUBRIC}/versions/1.0.0/form?lang=zh`, 'viewer');
  const locations = fieldLocations(form.schema);
  fieldId = (input) => `root_${locations.get(input)!.path.join('_')}`;
}, 180_000);

afterAll(() => closeSession({ server, browser }));

/**
 * Screenshots at each width with the hall's questions in view: nothing wider than the screen, and
 * the sticky bar of score and sections (above the form on narrow screens) covering no part of them.
 */
async function shots(name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.locator(`[id="${fieldId('deliberationHall')}"]`).evaluate((element) => element.scrollIntoView({ block: 'center' }));
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${size.name}px`).toBeLessThanOrEqual(size.width);
    const side = (await page.locator('.assessment-side').boundingBox())!;
    const field = (await fieldOf('hallWallsNotWoodOrMarble').boundingBox())!;
    expect(side.x + side.width, `${name} at ${size.name}px`).toBeLessThanOrEqual(size.width);
    const beside = side.x + side.width <= field.x;
    expect(beside || side.y + side.height <= field.y, `${name} at ${size.name}px: the sticky bar covers the hall's questions`).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${size.name}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('filling in a draft assessment', () => {
  test('progress, live score, questions not needed, autosave and reload', async () => {
    await server.api('POST', '/api/communities', 'assessor', { id: 'guanlan-fill', name: '观澜社区（测试）', street: '西兴街道' });
    const created = await server.api<{ id: string } & Stored>('POST', '/api/assessments', 'assessor', {
      communityId: 'guanlan-fill',
      rubric: { id: RUBRIC, version: '1.0.0' },
      period: { year: 2025, kind: 'mid-term' },
      assessor: '测试评价员',
      inputs: {},
    });
    await signIn(page, server.url, 'assessor');
    await page.goto(`${server.url}/#/assessments/${created.id}`);
    await page.reload();
    await page.getByTestId('section-nav').waitFor();

    // Nothing answered: every section at 0, the score at 0 with every tier still possible.
    const [, basicTotal] = (await progress('basic-setup'))!.split('/').map(Number);
    expect(await progress('basic-setup')).toBe(`0/${basicTotal}`);
    await poll(() => page.getByTestId('live-total').textContent()).toBe('0 / 100');
    expect(await page.getByTestId('live-tier').textContent()).toBe('基础型、标准型、示范型');

    await answer('siteWellLocated', true);
    await answer('signInstalled', true);
    await poll(() => progress('basic-setup')).toBe(`2/${basicTotal}`);
    await poll(() => page.getByTestId('live-total').textContent()).toBe('4 / 100');
    expect(await page.getByTestId('live-next').textContent()).toBe('标准型还差 76 分');
    // 4 so far, plus the point the training-hours item (i11.2: 2, at most 2 blocks of 0.5 off) keeps whatever the answer.
    expect(await page.getByTestId('live-range').textContent()).toBe('5–100');

    // The hall's extras count only with a hall: once it is answered no, they are not needed.
    expect(await fieldOf('hallFloorTiles').getAttribute('class')).not.toContain('not-needed');
    expect(await page.locator(`[id="${fieldId('hallFloorTiles')}-0"]`).getAttribute('required')).not.toBeNull();
    await answer('deliberationHall', false);
    await poll(() => fieldOf('hallFloorTiles').getAttribute('class')).toContain('not-needed');
    expect(await fieldOf('hallFloorTiles').textContent()).toContain('不需要回答');
    expect(await fieldOf('hallWallsNotWoodOrMarble').getAttribute('class')).toContain('not-needed');
    expect(await page.locator(`[id="${fieldId('hallFloorTiles')}-0"]`).getAttribute('required')).toBeNull();
    // Two questions leave the section's total; the hall's own answer joins the answered.
    await poll(() => progress('basic-setup')).toBe(`3/${basicTotal - 2}`);

    // The draft saves itself: the status says when, and the server holds the answers.
    await poll(() => page.getByTestId('autosave-status').textContent()).toMatch(/^已自动保存 \d\d:\d\d$/);
    const saved = await server.api<Stored>('GET', `/api/assessments/${created.id}`, 'viewer');
    expect(saved.inputs).toEqual({ siteWellLocated: true, signInstalled: true, deliberationHall: false });

    await shots('assessment-filling-zh');
    await page.getByRole('button', { name: 'English' }).first().click();
    await poll(() => page.getByTestId('live-next').textContent()).toBe('76 points to Standard');
    expect(await fieldOf('hallFloorTiles').textContent()).toContain('not needed');
    expect(await page.getByTestId('autosave-status').textContent()).toMatch(/^Saved automatically at \d\d:\d\d$/);
    await shots('assessment-filling-en');
    expect(await seriousViolations(page)).toEqual([]);

    // A reload returns to the saved answers.
    await page.reload();
    await page.getByTestId('section-nav').waitFor();
    await poll(() => page.locator(`[id="${fieldId('deliberationHall')}-1"]`).isChecked()).toBe(true);
    expect(await page.locator(`[id="${fieldId('siteWellLocated')}-0"]`).isChecked()).toBe(true);
    await poll(() => progress('basic-setup')).toBe(`3/${basicTotal - 2}`);

    // The navigator jumps to a section: its heading lands in view, below the sticky bar where there is one.
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.locator('[data-section="effectiveness"]').click();
      const heading = page.locator('[id="root_effectiveness__title"]');
      await poll(async () => {
        const box = (await heading.boundingBox())!;
        const side = (await page.locator('.assessment-side').boundingBox())!;
        const clear = side.x + side.width <= box.x || side.y + side.height <= box.y;
        return { size: size.name, inView: clear && box.y + box.height <= size.height, box, side };
      }).toMatchObject({ size: size.name, inView: true });
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(pageErrors).toEqual([]);
  }, 180_000);

  test('an autosave over a draft changed elsewhere is refused: the conflict notice shows and nothing is overwritten', async () => {
    await server.api('POST', '/api/communities', 'assessor', { id: 'guanlan-stale', name: '观澜社区（冲突测试）', street: '西兴街道' });
    const created = await server.api<{ id: string } & Stored>('POST', '/api/assessments', 'assessor', {
      communityId: 'guanlan-stale',
      rubric: { id: RUBRIC, version: '1.0.0' },
      period: { year: 2025, kind: 'final' },
      assessor: '测试评价员',
      inputs: { siteWellLocated: true },
    });
    await page.goto(`${server.url}/#/assessments/${created.id}`);
    await page.reload();
    await page.getByTestId('section-nav').waitFor();
    // The page language is kept across pages: back to Chinese after the English of the first test.
    await page.getByRole('button', { name: '中文' }).first().click();
    await page.locator(`[id="${fieldId('siteWellLocated')}-0"]`).waitFor();

    // Someone else saves the draft after this page read it.
    const theirs = await server.api<Stored>('PUT', `/api/assessments/${created.id}`, 'assessor', { inputs: { siteWellLocated: false, signInstalled: false }, revision: created.revision });
    await answer('zonesSeparated', true);
    await poll(() => page.getByTestId('conflict-notice').isVisible()).toBe(true);
    expect(await page.getByTestId('conflict-notice').textContent()).toContain('有人在你打开后修改了这份评价草稿');
    expect(await page.getByTestId('autosave-status').textContent()).toBe('未保存的更改');
    const stored = await server.api<Stored>('GET', `/api/assessments/${created.id}`, 'viewer');
    expect(stored).toMatchObject({ revision: theirs.revision, inputs: { siteWellLocated: false, signInstalled: false } });
    expect(stored.inputs).not.toHaveProperty('zonesSeparated');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
