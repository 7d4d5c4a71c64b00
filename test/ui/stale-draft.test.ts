/**
 * Two tabs, one draft, in Chromium against the real server: the builder never overwrites
 * silently. Tab 1 saves an edit; tab 2, still on the revision it read, saves its own edit and is
 * refused (409 STALE_REVISION) with a notice in the page's language offering Reload, Compare and
 * Keep mine; Compare names the field both changed, Reload shows tab 1's value, Keep mine saves tab
 * 2's document over tab 1's (the revision goes up by one). The same for a draft assessment (its
 * autosave is the save refused). While the server accepts the published local tokens, every
 * screen shows a warning banner. Screenshots of the notice and the banner (1280×800 and 320 px
 * wide, zh and en) go to /tmp/shots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fieldLocations } from '../../builder-ui/src/model/assessment.ts';
import { controlId } from '../../builder-ui/src/model/issues.ts';
import type { RubricDocument } from '../../engine/index.ts';
import { type Browser, buildUi, collectPageErrors, launchBrowser, type RunningServer, SHOTS, seriousViolations, setLanguage, signIn, startServer, type Tokens } from './browser.ts';

const RUBRIC = 'binjiang-home-plus';
const DRAFT = '1.0.1';
const SIZES = [
  { name: '1280', width: 1280, height: 800 },
  { name: '320', width: 320, height: 800 },
] as const;

/** What the conflict notice says, in each language (ConflictNotice.tsx). */
const NOTICE = {
  rubric: { zh: '有人在你打开后修改了这份细则草稿', en: 'Someone else changed this draft after you opened it' },
  assessment: { zh: '有人在你打开后修改了这份评价草稿', en: 'Someone else changed this draft assessment after you opened it' },
  body: { zh: '你的修改还没有保存，也没有覆盖对方的修改', en: 'Your edits are not saved yet and have not overwritten theirs' },
};
const BANNER = { zh: '服务器仍接受公开的默认令牌', en: 'This server still accepts the published default tokens' };

/** What every stored record carries (server contract): 1 on create, +1 on every change. */
interface WithRevision {
  revision: number;
}

let server: RunningServer;
let browser: Browser;
let tab1: Page;
let tab2: Page;
const pageErrors: string[] = [];

/** expect.poll with a wait fit for a browser round trip to the server (vitest's default is 1 s). */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 150 });

const titleZh = `#${controlId('/title/zh')}`;
const draftUrl = (): string => `${server.url}/#/rubrics/${RUBRIC}/${DRAFT}`;
const notice = (page: Page): Locator => page.getByTestId('conflict-notice');

/** Screenshots of what the person sees (the viewport, not the whole page) at each width, scrolled to `target`. */
async function shots(page: Page, name: string, target: Locator): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await target.scrollIntoViewIfNeeded();
    // Nothing of the notice or banner may stick out of a narrow screen.
    const box = await target.boundingBox();
    expect(box, name).not.toBeNull();
    expect(box!.x, `${name} at ${size.name}px`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${name} at ${size.name}px`).toBeLessThanOrEqual(size.width + 1);
    await page.screenshot({ path: join(SHOTS, `${name}-${size.name}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Opens the draft in a tab on its metadata (the outline's first entry), ready to edit. */
async function openDraft(page: Page): Promise<void> {
  await page.goto(draftUrl());
  await page.locator('[data-testid="version-status"][data-status="draft"]').waitFor();
  await page.locator('[data-outline=""]').click();
  await page.locator(titleZh).waitFor();
}

/** The builder saves a valid draft a moment after the last edit: waits until it has tried (saved, or met a conflict). */
async function save(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 20_000, interval: 150 }).not.toMatch(/稍后自动保存|正在保存/);
}

async function storedDraft(): Promise<{ revision: number; document: RubricDocument }> {
  return server.api('GET', `/api/rubrics/${RUBRIC}/versions/${DRAFT}`, 'viewer');
}

function watch(page: Page): void {
  collectPageErrors(page, pageErrors);
}

beforeAll(async () => {
  buildUi();
  server = await startServer();
  browser = await launchBrowser();
  tab1 = browser.page;
  tab2 = await browser.context.newPage();
  tab2.setDefaultTimeout(15_000);
  watch(tab1);
  watch(tab2);
  // Arrange: a draft to quarrel over (the builder's own draft creation is covered by builder.test.ts).
  await server.api('POST', `/api/rubrics/${RUBRIC}/versions`, 'editor', { version: DRAFT, copyFrom: { version: '1.0.0' } });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the default-tokens warning', () => {
  test('a server with its own tokens shows no warning, before or after signing in', async () => {
    const own: Tokens = { editor: 'editor-own-secret-1', assessor: 'assessor-own-secret-1', viewer: 'viewer-own-secret-1' };
    const guarded = await startServer({ tokens: own });
    const page = await browser.context.newPage();
    try {
      const health = await fetch(`${guarded.url}/api/health`).then((r) => r.json() as Promise<{ defaultTokens: boolean }>);
      expect(health.defaultTokens).toBe(false);
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/health'));
      await page.goto(`${guarded.url}/#/`);
      await answered;
      await page.locator('#token').waitFor();
      expect(await page.getByTestId('default-tokens-banner').count()).toBe(0);
      await signIn(page, guarded.url, 'editor', own.editor);
      await page.getByRole('heading', { name: '评价细则' }).waitFor();
      expect(await page.getByTestId('default-tokens-banner').count()).toBe(0);
    } finally {
      await page.close();
      await guarded.stop();
    }
  }, 120_000);
});

describe('stale drafts in two tabs', () => {
  test('while the server accepts the published local tokens, the sign-in screen and every screen warn about it', async () => {
    const health = await fetch(`${server.url}/api/health`).then((r) => r.json() as Promise<{ defaultTokens: boolean }>);
    expect(health.defaultTokens).toBe(true);

    await tab1.goto(`${server.url}/#/`);
    await tab1.evaluate(() => localStorage.clear());
    await tab1.reload();
    const banner = tab1.getByTestId('default-tokens-banner');
    await banner.waitFor();
    // In the page language: Chinese first, English once switched; the names to type stay as they are.
    expect(await banner.textContent()).toContain(BANNER.zh);
    expect(await banner.textContent()).toContain('RUBRIC_TOKENS');
    expect(await banner.textContent()).toContain('tokens.json');
    await setLanguage(tab1, 'en');
    expect(await banner.textContent()).toContain(BANNER.en);
    expect(await banner.textContent()).not.toContain(BANNER.zh);
    await setLanguage(tab1, 'zh');
    await shots(tab1, 'banner-sign-in', banner);

    await signIn(tab1, server.url, 'editor');
    await banner.waitFor();
    await tab1.getByRole('heading', { name: '评价细则' }).waitFor();
    await shots(tab1, 'banner-rubric-list', banner);
    await tab1.getByRole('link', { name: '版本对比' }).click();
    await banner.waitFor();
    const violations = await seriousViolations(tab1);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  }, 120_000);

  test('tab 2 saving over tab 1 is refused with a notice; Compare names the field, Reload shows tab 1’s value', async () => {
    await openDraft(tab1);
    await openDraft(tab2);
    const before = await storedDraft();

    await tab1.locator(titleZh).fill('滨江标题（甲）');
    await save(tab1);
    await tab1.getByRole('status').filter({ hasText: '已自动保存' }).waitFor();
    await poll(async () => (await storedDraft()).revision).toBe(before.revision + 1);

    await tab2.locator(titleZh).fill('滨江标题（乙）');
    await save(tab2);
    // The page's language is Chinese (the default): the notice says so in Chinese.
    await notice(tab2).waitFor();
    await poll(() => notice(tab2).getByRole('heading', { level: 2 }).textContent()).toContain(NOTICE.rubric.zh);
    expect(await notice(tab2).textContent()).toContain(NOTICE.body.zh);
    // Nothing was overwritten: the server still holds tab 1's title.
    expect((await storedDraft()).document.title.zh).toBe('滨江标题（甲）');
    expect(await tab2.getByRole('button', { name: '保存', exact: true }).isDisabled()).toBe(true);

    // Compare: the title, theirs (甲) against mine (乙).
    await notice(tab2).getByRole('button', { name: '对比差异' }).click();
    const row = tab2.getByTestId('conflict-changes').locator('tr[data-target="rubric"][data-field="title"]');
    await row.waitFor();
    const cells = row.locator('td');
    expect(await cells.nth(5).textContent()).toContain('滨江标题（甲）');
    expect(await cells.nth(6).textContent()).toContain('滨江标题（乙）');
    expect(await tab2.getByTestId('conflict-changes').locator('thead').textContent()).toContain('对方（已保存）');
    const violations = await seriousViolations(tab2);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    await shots(tab2, 'conflict-rubric-zh', notice(tab2));

    // The notice follows the page's language switch: English.
    await notice(tab2).getByRole('button', { name: 'English' }).click();
    await poll(() => notice(tab2).getByRole('heading', { level: 2 }).textContent()).toContain(NOTICE.rubric.en);
    expect(await notice(tab2).textContent()).toContain(NOTICE.body.en);
    expect(await notice(tab2).textContent()).not.toMatch(/有人|对比差异|保留我的/);
    expect(await tab2.getByTestId('conflict-changes').locator('thead').textContent()).toContain('Theirs (saved)');
    await shots(tab2, 'conflict-rubric-en', notice(tab2));
    await notice(tab2).getByRole('button', { name: '中文' }).click();

    // Reload: tab 1's value, and nothing left unsaved.
    await notice(tab2).getByRole('button', { name: /重新加载/ }).click();
    await notice(tab2).waitFor({ state: 'detached' });
    await poll(() => tab2.locator(titleZh).inputValue()).toBe('滨江标题（甲）');
    await tab2.getByRole('status').filter({ hasText: '已加载对方保存的版本' }).waitFor();
    expect(await tab2.getByRole('button', { name: '保存', exact: true }).isDisabled()).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  test('choosing Keep mine saves tab 2’s document over tab 1’s, one revision later; unsaved edits ask before leaving', async () => {
    await tab1.locator(titleZh).fill('滨江标题（丙）');
    await save(tab1);
    await tab1.getByRole('status').filter({ hasText: '已自动保存' }).waitFor();
    await poll(async () => (await storedDraft()).document.title.zh).toBe('滨江标题（丙）');
    const theirs = await storedDraft();

    await tab2.locator(titleZh).fill('滨江标题（丁）');
    await save(tab2);
    await notice(tab2).waitFor();
    await notice(tab2).getByRole('button', { name: /保留我的/ }).click();
    await notice(tab2).waitFor({ state: 'detached' });
    await tab2.getByRole('status').filter({ hasText: '已保存你的版本' }).waitFor();

    const stored = await storedDraft();
    expect(stored.document.title.zh).toBe('滨江标题（丁）');
    expect(stored.revision).toBe(theirs.revision + 1);

    // Tab 1 is now the stale one: its next save is refused too, never silently.
    await tab1.locator(titleZh).fill('滨江标题（戊）');
    await save(tab1);
    await notice(tab1).waitFor();
    expect((await storedDraft()).document.title.zh).toBe('滨江标题（丁）');

    // Leaving with unsaved edits asks first (beforeunload).
    const asked = new Promise<string>((resolve) =>
      tab1.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.accept();
      }),
    );
    await tab1.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    tab1 = await browser.context.newPage();
    watch(tab1);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  test('a draft assessment saved in another tab meanwhile is not overwritten either', async () => {
    await server.api('POST', '/api/communities', 'assessor', { id: 'wentao-stale', name: '闻涛社区（测试）', street: '西兴街道' });
    const created = await server.api<{ id: string } & WithRevision>('POST', '/api/assessments', 'assessor', {
      communityId: 'wentao-stale',
      rubric: { id: RUBRIC, version: '1.0.0' },
      period: { year: 2025, kind: 'quarterly' },
      assessor: '测试评价员',
      inputs: {},
    });
    const form = await server.api<{ schema: Record<string, unknown> }>('GET', `/api/rubrics/${RUBRIC}/versions/1.0.0/form?lang=zh`, 'assessor');
    const where = fieldLocations(form.schema).get('registeredVolunteers')!;
    const field = `[id="root_${where.path.join('_')}"]`;
    const assessmentUrl = `${server.url}/#/assessments/${created.id}`;

    await signIn(tab1, server.url, 'assessor');
    for (const tab of [tab1, tab2]) {
      await tab.goto(assessmentUrl);
      // A reload, so the tab starts as the assessor (the token is shared through localStorage).
      await tab.reload();
      await tab.locator(field).waitFor();
    }
    await tab1.locator(field).fill('40');
    await tab1.getByRole('button', { name: '保存草稿' }).click();
    await tab1.getByRole('status').filter({ hasText: '草稿已保存' }).waitFor();

    await tab2.getByRole('button', { name: 'English' }).first().click();
    // The draft saves itself shortly after the edit (AssessmentPage's autosave, If-Match included):
    // that save is the one refused, however long the test takes to get here.
    await tab2.locator(field).fill('55');
    await poll(() => notice(tab2).getByRole('heading', { level: 2 }).textContent()).toContain(NOTICE.assessment.en);
    await notice(tab2).getByRole('button', { name: 'Compare' }).click();
    const row = tab2.getByTestId('conflict-fields').locator('tr[data-input="registeredVolunteers"]');
    expect(await row.locator('td').nth(1).textContent()).toBe('40');
    expect(await row.locator('td').nth(2).textContent()).toBe('55');
    await shots(tab2, 'conflict-assessment-en', notice(tab2));
    const stored = await server.api<{ inputs: Record<string, unknown> } & WithRevision>('GET', `/api/assessments/${created.id}`, 'viewer');
    expect(stored.inputs.registeredVolunteers).toBe(40);

    await notice(tab2).getByRole('button', { name: /Keep mine/ }).click();
    await tab2.getByRole('status').filter({ hasText: 'Saved your answers' }).waitFor();
    const kept = await server.api<{ inputs: Record<string, unknown> } & WithRevision>('GET', `/api/assessments/${created.id}`, 'viewer');
    expect(kept.inputs.registeredVolunteers).toBe(55);
    expect(kept.revision).toBe(stored.revision + 1);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
