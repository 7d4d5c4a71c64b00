/**
 * A consultation revision of the Appendix C rubric made in the builder alone, in Chromium against
 * the real server, counting every user action (click, fill, select, key press): change an
 * option's points, add an input and an indicator reading it, lower another maximum so the total
 * stays, add a gate, add a test, publish — in at most 40 actions. Then: two tabs on one draft get
 * the conflict notice (no lost update), a reload keeps the autosaved draft, undo takes back a
 * confirmed delete, no editor control is covered at 1280×800, no sideways scroll at 768 px, axe
 * finds nothing serious; screenshots at 1280×800, 768 and 320 px go to test/artifacts/.
 * The page's language is Chinese (the default), so controls are found by their Chinese names or ids.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RubricDocument } from '../../engine/index.ts';
import { type Browser, closeSession, collectPageErrors, control, criterionPointer, openInEditor, openSession, poll, ROOT, type RunningServer, screenshot, seriousViolations, signIn } from './browser.ts';

const RUBRIC = 'binjiang-home-plus';
const DRAFT = '1.1.0';
const CONFLICT_DRAFT = '1.0.1';
const appendixC = JSON.parse(readFileSync(join(ROOT, 'examples', 'appendix-c', 'rubric.json'), 'utf8')) as RubricDocument;

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/** Counts what a person does: each click, fill, choice and key press is one action. */
class ActionCounter {
  count = 0;
  async click(target: Locator): Promise<void> {
    this.count++;
    await target.click();
  }
  async fill(target: Locator, value: string): Promise<void> {
    this.count++;
    await target.fill(value);
  }
  async select(target: Locator, value: string): Promise<void> {
    this.count++;
    await target.selectOption(value);
  }
  async check(target: Locator): Promise<void> {
    this.count++;
    await target.check();
  }
  async press(key: string): Promise<void> {
    this.count++;
    await page.keyboard.press(key);
  }
}

const draftUrl = (version: string): string => `${server.url}/#/rubrics/${RUBRIC}/${version}`;
const outlineItem = (p: Page, pointer: string): Locator => p.locator(`[data-outline="${pointer}"]`);
const saveStatus = (p: Page): Locator => p.getByTestId('save-status');

async function openDraft(p: Page, version: string): Promise<void> {
  await p.goto(draftUrl(version));
  await p.locator('[data-testid="version-status"][data-status="draft"]').waitFor();
  await p.locator('#outline-search').waitFor();
}

async function waitForValid(): Promise<void> {
  try {
    await page.locator('[data-testid="validity"].ok').waitFor({ timeout: 20_000 });
  } catch (error) {
    throw new Error(`not valid: ${await page.locator('.issue-summary').textContent()}`, { cause: error });
  }
  await poll(() => page.getByTestId('validity').getAttribute('data-checking')).toBeNull();
}

/** Every visible control of the property panel is the element at its own centre (nothing lies over it). */
async function coveredControls(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const covered: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('.editor-property :is(input, select, textarea, button)')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      element.scrollIntoView({ block: 'center', inline: 'center' });
      const r = element.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!top || !(top === element || element.contains(top) || (top instanceof HTMLLabelElement && top.control === element))) covered.push(`${element.id || element.getAttribute('aria-label') || element.tagName} under ${top?.tagName}.${top?.className}`);
    }
    return covered;
  });
}

/**
 * Puts `text` into a text area as a paste does (one input event). Playwright's fill types a large
 * multi-line text far too slowly (minutes for the 140 kB of Appendix C's JSON), the page does not.
 */
async function paste(target: Locator, text: string): Promise<void> {
  await target.evaluate((element: HTMLTextAreaElement, value: string) => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

async function sideScroll(p: Page): Promise<number> {
  return p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

beforeAll(async () => {
  ({ server, browser, page } = await openSession(pageErrors));
  // Leaving a draft with unsaved edits asks first (leave-guard.ts): a test moving on after a failure says yes.
  page.on('dialog', (dialog) => void dialog.accept());
  // Arrange: the drafts the revision and the conflict start from (creating drafts is the rubric list's, covered by builder.test.ts).
  await server.api('POST', `/api/rubrics/${RUBRIC}/versions`, 'editor', { version: DRAFT, copyFrom: { version: '1.0.0' } });
  await server.api('POST', `/api/rubrics/${RUBRIC}/versions`, 'editor', { version: CONFLICT_DRAFT, copyFrom: { version: '1.0.0' } });
  await signIn(page, server.url, 'editor');
}, 180_000);

afterAll(() => closeSession({ server, browser }));

describe('the builder for a consultation revision', () => {
  test('the whole revision takes at most 40 actions, then publishes', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openDraft(page, DRAFT);
    await waitForValid();
    const act = new ActionCounter();

    // 1. i08.2: "partly" implemented now earns 0.25 instead of 0.5.
    const staffRules = criterionPointer(appendixC, 'i08.2');
    await act.fill(page.locator('#outline-search'), 'i08.2');
    await act.click(outlineItem(page, staffRules.criterion));
    await act.fill(page.locator(control(`${staffRules.criterion}/rules/0/event/params/points/partly`)), '0.25');
    // The option points are labelled by the option's label, not its key.
    expect(await page.locator(`label[for="${control(`${staffRules.criterion}/rules/0/event/params/points/partly`).slice(1)}"]`).textContent()).not.toContain('partly');

    // 2. i10.1 (fire-safety rules) at most 0.5 instead of 1: complete rules earn 0.5; i10 drops from 3 to 2.5.
    const fireRules = criterionPointer(appendixC, 'i10.1');
    await act.fill(page.locator('#outline-search'), 'i10');
    await act.click(outlineItem(page, fireRules.indicator));
    await act.fill(page.locator(control(`${fireRules.criterion}/rules/0/event/params/points/complete`)), '0.5');
    await act.fill(page.locator(control(`${fireRules.criterion}/points`)), '0.5');
    await act.fill(page.locator(control(`${fireRules.indicator}/points`)), '2.5');

    // 3. A new yes/no input: a fire drill held this year.
    const inputAt = appendixC.inputs.length;
    await act.click(outlineItem(page, '/inputs'));
    await act.click(page.getByRole('button', { name: '+ 是否' }));
    await act.fill(page.locator(control(`/inputs/${inputAt}/id`)), 'fireDrillHeld');
    await act.fill(page.locator(control(`/inputs/${inputAt}/label/zh`)), '本年度组织过消防演练');
    // Answered "no" in every embedded test at once, from the input itself.
    await act.select(page.locator('#set-in-tests-fireDrillHeld'), 'false');
    await act.click(page.getByRole('button', { name: '在所有测试用例中设定此输入项' }));

    // 4. A new indicator of 0.5 points in the same sub-group, reading it: the sub-group's total stays.
    const subGroup = fireRules.indicator.replace(/\/indicators\/\d+$/, '');
    const indicatorAt = (appendixC.groups[1].groups?.[0].indicators ?? []).length;
    const added = `${subGroup}/indicators/${indicatorAt}`;
    await act.click(outlineItem(page, subGroup));
    await act.click(page.getByRole('button', { name: '+ 指标' }));
    await act.fill(page.locator(control(`${added}/title/zh`)), '消防演练');
    await act.fill(page.locator(control(`${added}/clause`)), '5.3');
    await act.fill(page.locator(control(`${added}/points`)), '0.5');
    await act.fill(page.locator(control(`${added}/criteria/0/title/zh`)), '组织过消防演练得0.5分');
    await act.fill(page.locator(control(`${added}/criteria/0/points`)), '0.5');
    await act.fill(page.locator(control(`${added}/criteria/0/rules/0/event/params/points`)), '0.5');
    await act.click(page.locator(`[data-pointer="${added}/criteria/0"]`).getByRole('button', { name: '+ 条件', exact: true }));
    await act.select(page.locator(`${control(`${added}/criteria/0/rules/0/conditions/all/0`)}-fact`), 'fireDrillHeld');

    // 5. A gate: without the sign (requirement 4.1) no tier above the lowest (found by its clause).
    await act.fill(page.locator('#outline-search'), '4.1');
    await act.click(outlineItem(page, '/requirements/0'));
    await act.check(page.locator(control('/requirements/0/gate')));
    await act.select(page.locator(control('/requirements/0/gate/capTier')), appendixC.tiers[0].id);
    await waitForValid();

    // 6. A new test: the demonstration test's inputs with a drill held, kept from try-it.
    await act.select(page.locator('#try-source'), 'test:0');
    await act.click(page.getByRole('button', { name: '载入输入' }));
    await poll(async () => (await page.locator('.try-it [data-testid="score-total"]').textContent())?.trim() ?? '').not.toBe('');
    await act.click(page.getByRole('button', { name: '将这些输入保存为测试用例' }));
    await waitForValid();
    await screenshot(page, 'builder-revision-1280-zh');

    // 7. Run the tests; the changed points change some expectations: reviewed, accepted, run again.
    await act.click(page.getByRole('button', { name: '保存并运行测试用例' }));
    const summary = page.getByTestId('test-summary');
    await summary.waitFor({ timeout: 30_000 });
    if ((await summary.getAttribute('class'))?.includes('bad')) {
      const review = page.locator('.review-expectations');
      await act.click(review.getByRole('button', { name: /核对 \d+ 个未通过测试用例的预期值/ }));
      const all = review.locator('#run-review-confirm-all');
      if (await all.count()) await act.check(all);
      else await act.check(review.getByRole('checkbox').first());
      await act.click(review.getByRole('button', { name: /应用已确认的 \d+ 项/ }));
      await act.click(page.getByRole('button', { name: '保存并运行测试用例' }));
    }
    // Green: every embedded test passed (the summary's class, whatever the language says).
    await page.locator('[data-testid="test-summary"].ok').waitFor({ timeout: 30_000 });

    // 8. Publish with the note the comparison suggests (edited only if empty).
    const note = page.getByLabel('变更说明', { exact: true });
    if (!(await note.inputValue()).trim()) await act.fill(note, 'i08.2、i10.1 分值调整；新增消防演练指标；4.1 设为门槛。');
    await act.click(page.getByRole('button', { name: '发布', exact: true }));
    await page.locator('[data-testid="version-status"][data-status="published"]').waitFor();

    console.log(`builder revision: ${act.count} user actions`);
    expect(act.count).toBeLessThanOrEqual(40);
    const stored = await server.api<{ status: string; document: RubricDocument }>('GET', `/api/rubrics/${RUBRIC}/versions/${DRAFT}`, 'viewer');
    expect(stored.status).toBe('published');
    expect(stored.document.inputs.at(-1)?.id).toBe('fireDrillHeld');
    expect(stored.document.requirements[0].gate?.capTier).toBe(appendixC.tiers[0].id);
    expect(stored.document.tests.length).toBe(appendixC.tests.length + 1);
    expect(stored.document.groups.reduce((sum, g) => sum + g.points, 0)).toBe(appendixC.groups.reduce((sum, g) => sum + g.points, 0));
    expect(pageErrors).toEqual([]);
  }, 300_000);

  test('two tabs on one draft: the second save gets the conflict notice and the first save is kept', async () => {
    const other = await browser.context.newPage();
    collectPageErrors(other, pageErrors);
    try {
      await openDraft(page, CONFLICT_DRAFT);
      await openDraft(other, CONFLICT_DRAFT);
      for (const p of [page, other]) await outlineItem(p, '').click();
      await page.locator(control('/title/zh')).fill('第一个标签页的标题');
      await poll(() => saveStatus(page).textContent(), { timeout: 20_000 }).toContain('已自动保存');
      await other.locator(control('/title/zh')).fill('第二个标签页的标题');
      await other.getByText('有人在你打开后修改了这份细则草稿').waitFor({ timeout: 20_000 });
      const stored = await server.api<{ document: RubricDocument }>('GET', `/api/rubrics/${RUBRIC}/versions/${CONFLICT_DRAFT}`, 'viewer');
      expect(stored.document.title.zh).toBe('第一个标签页的标题');
      expect(await other.locator(control('/title/zh')).inputValue()).toBe('第二个标签页的标题');
      await screenshot(other, 'builder-conflict-1280-zh');
    } finally {
      await other.close();
    }
  }, 120_000);

  test('a reload keeps the autosaved draft; a confirmed delete is undone', async () => {
    await openDraft(page, CONFLICT_DRAFT);
    await outlineItem(page, '').click();
    await page.locator(control('/title/zh')).fill('重新加载后仍在');
    await poll(() => saveStatus(page).textContent(), { timeout: 20_000 }).toContain('已自动保存');
    await page.reload();
    await page.locator('#outline-search').waitFor();
    await outlineItem(page, '').click();
    expect(await page.locator(control('/title/zh')).inputValue()).toBe('重新加载后仍在');

    // Delete a requirement: asked first, then undone.
    const count = appendixC.requirements.length;
    await outlineItem(page, '/requirements/1').click();
    await page.getByRole('button', { name: /^删除要求/ }).click();
    await page.getByRole('button', { name: '删除', exact: true }).click();
    await poll(() => page.locator('[data-outline^="/requirements/"]').count()).toBe(count - 1);
    await page.locator('.undo-notice').getByRole('button', { name: '撤销' }).click();
    await poll(() => page.locator('[data-outline^="/requirements/"]').count()).toBe(count);
    // Reorder from the keyboard: Alt+↓ on an outline entry moves the item down, focus follows it.
    const first = (await outlineItem(page, '/requirements/0').locator('.outline-label').textContent()) ?? '';
    await outlineItem(page, '/requirements/0').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await poll(() => outlineItem(page, '/requirements/1').locator('.outline-label').textContent()).toBe(first);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-outline'))).toBe('/requirements/1');
    await page.keyboard.press('Control+z');
    await poll(() => outlineItem(page, '/requirements/0').locator('.outline-label').textContent()).toBe(first);
    // Reorder by dragging: the first requirement dropped on the third takes its place; undo puts it back.
    await outlineItem(page, '/requirements/0').dragTo(outlineItem(page, '/requirements/2'));
    await poll(() => outlineItem(page, '/requirements/2').locator('.outline-label').textContent()).toBe(first);
    expect(await outlineItem(page, '/requirements/0').locator('.outline-label').textContent()).not.toBe(first);
    await page.keyboard.press('Control+z');
    await poll(() => outlineItem(page, '/requirements/0').locator('.outline-label').textContent()).toBe(first);
    // Keyboard undo / redo of typing.
    await outlineItem(page, '').click();
    await page.locator(control('/title/zh')).fill('撤销之前');
    await page.locator(control('/title/zh')).press('Control+z');
    await poll(() => page.locator(control('/title/zh')).inputValue()).toBe('重新加载后仍在');
    await page.locator(control('/title/zh')).press('Control+Shift+Z');
    await poll(() => page.locator(control('/title/zh')).inputValue()).toBe('撤销之前');
  }, 120_000);

  test('edits that cannot be saved yet survive a reload: offered back, restored as one undo step, or discarded', async () => {
    // The draft JSON kept in the browser for this version, or null.
    const kept = (): Promise<string | null> =>
      page.evaluate((key) => {
        const item = localStorage.getItem(key);
        return item === null ? null : (JSON.parse(item) as { json: string }).json;
      }, `rubric-studio.draft-backup.${RUBRIC}@${CONFLICT_DRAFT}`);
    const offer = page.getByTestId('draft-backup');
    // Opened afresh (the last test left this draft open with unsaved typing): that typing is offered back first, and discarded.
    await openDraft(page, CONFLICT_DRAFT);
    await page.reload();
    await page.locator('#outline-search').waitFor();
    if (await offer.isVisible()) await offer.getByRole('button', { name: '丢弃' }).click();
    await outlineItem(page, '').click();
    const zh = page.locator(control('/title/zh'));
    const en = page.locator(control('/title/en'));
    const title = await zh.inputValue();
    expect(title).not.toBe('');
    // A title in neither language: the draft no longer validates, so the server cannot take it.
    await zh.fill('');
    await en.fill('');
    await poll(() => saveStatus(page).textContent(), { timeout: 20_000 }).toContain('修正错误后才能保存');
    await poll(() => kept()).toContain('"title":{}');
    await page.reload();
    await offer.waitFor();
    expect(await offer.textContent()).toContain('未保存的修改');
    await outlineItem(page, '').click();
    expect(await zh.inputValue()).toBe(title);
    await offer.getByRole('button', { name: '恢复这些修改' }).click();
    await poll(() => zh.inputValue()).toBe('');
    expect(await offer.count()).toBe(0);
    // One step: undo takes the restored edits back to the stored draft, redo brings them again.
    await page.getByRole('button', { name: /撤销/ }).first().click();
    await poll(() => zh.inputValue()).toBe(title);
    await page.getByRole('button', { name: /重做/ }).first().click();
    await poll(() => zh.inputValue()).toBe('');
    // Discarded, it is offered no more, and the stored draft is what opens.
    await poll(() => kept()).toContain('"title":{}');
    await page.reload();
    await offer.getByRole('button', { name: '丢弃' }).click();
    expect(await kept()).toBeNull();
    await page.reload();
    await page.locator('#outline-search').waitFor();
    expect(await offer.count()).toBe(0);
    await outlineItem(page, '').click();
    expect(await zh.inputValue()).toBe(title);
  }, 120_000);

  test("a requirement's condition reads a scored result, chosen by its words; a rule's cannot", async () => {
    await openDraft(page, CONFLICT_DRAFT);
    await page.reload();
    await page.locator('#outline-search').waitFor();
    if (await page.getByTestId('draft-backup').isVisible()) await page.getByTestId('draft-backup').getByRole('button', { name: '丢弃' }).click();
    await outlineItem(page, '/requirements/0').click();
    const fact = page.locator(`${control('/requirements/0/conditions/all/0')}-fact`);
    expect(await fact.locator('option[value="@total"]').textContent()).toBe('总分');
    const group = appendixC.groups[0];
    expect(await fact.locator(`option[value="@${group.id}"]`).textContent()).toBe(`${group.id} ${group.title.zh} 的得分`);
    await fact.selectOption({ label: '总分' });
    await page.locator(`${control('/requirements/0/conditions/all/0')}-value`).fill('60');
    await waitForValid();
    expect(await fact.inputValue()).toBe('@total');
    // A rule decides points: its conditions offer inputs only.
    const rule = `${criterionPointer(appendixC, 'i01.1').criterion}/rules/0/conditions/all/0`;
    await openInEditor(page, `${rule}/fact`);
    expect(await page.locator(`${control(rule)}-fact option[value="@total"]`).count()).toBe(0);
    expect(await page.locator(`${control(rule)}-fact option`).count()).toBe(appendixC.inputs.length);
  }, 120_000);

  test('the JSON view is edited with live validation and applies only valid JSON', async () => {
    await openDraft(page, CONFLICT_DRAFT);
    await outlineItem(page, '#json').click();
    const text = page.locator('#json-view');
    const status = page.getByTestId('json-status');
    const apply = page.getByRole('button', { name: '应用 JSON' });
    const original = await text.inputValue();
    await paste(text, `${original.slice(0, -2)},`);
    await poll(() => status.textContent()).toContain('JSON 无法解析');
    expect(await apply.isDisabled()).toBe(true);
    const doc = JSON.parse(original) as RubricDocument;
    await paste(text, JSON.stringify({ ...doc, tiers: [] }, null, 2));
    await poll(() => status.textContent()).toMatch(/✗ \d+ 个错误/);
    expect(await apply.isDisabled()).toBe(true);
    await paste(text, JSON.stringify({ ...doc, title: { ...doc.title, zh: '在 JSON 中改的标题' } }, null, 2));
    await poll(() => status.textContent()).toContain('JSON 有效');
    await apply.click();
    await outlineItem(page, '').click();
    expect(await page.locator(control('/title/zh')).inputValue()).toBe('在 JSON 中改的标题');
  }, 120_000);

  test('layout: nothing covered at 1280×800, no sideways scroll at 768 or 320 px, accessible; keystroke latency', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openDraft(page, CONFLICT_DRAFT);
    const requirement = '/requirements/0';
    for (const pointer of [requirement, criterionPointer(appendixC, 'i10.1').indicator, '']) {
      await outlineItem(page, pointer).click();
      expect(await coveredControls(page), pointer).toEqual([]);
    }
    await outlineItem(page, requirement).click();
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    await screenshot(page, 'builder-requirement-1280-zh');
    for (const width of [768, 320]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await sideScroll(page), `${width} px`).toBeLessThanOrEqual(0);
      await screenshot(page, `builder-requirement-${width}-zh`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });

    // Keystroke latency: the browser's Event Timing of each key press (handlers, React's render and
    // the next paint: what INP measures), in the title field of the Appendix C draft.
    await outlineItem(page, '').click();
    const title = page.locator(control('/title/en'));
    await title.fill('');
    await title.focus();
    await page.evaluate(() => {
      const w = window as unknown as { keyTimes: Map<number, number> };
      w.keyTimes = new Map();
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as PerformanceEventTiming[]) {
          if (entry.interactionId) w.keyTimes.set(entry.interactionId, Math.max(w.keyTimes.get(entry.interactionId) ?? 0, entry.duration));
        }
      }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
    });
    for (const key of 'Revised') {
      await page.keyboard.press(key);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
    }
    const times = await page.evaluate(() => [...(window as unknown as { keyTimes: Map<number, number> }).keyTimes.values()]);
    // Presses faster than 16 ms are not reported (the threshold): they count as 16.
    const all = [...times, ...Array(Math.max(0, 7 - times.length)).fill(16)].sort((a, b) => a - b);
    console.log(`editor keystroke latency (Appendix C draft, title field, Event Timing; 16 = at most 16): median ${all[3]} ms, slowest ${all[6]} ms of 7 keys`);
    expect(await title.inputValue()).toBe('Revised');

    // English, when the app's language switch is wired (the stored choice is read at start).
    await page.evaluate(() => localStorage.setItem('rubric-studio.language', 'en'));
    await page.reload();
    await page.locator('#outline-search').waitFor();
    if ((await page.evaluate(() => document.documentElement.lang)) === 'en') {
      await outlineItem(page, requirement).click();
      for (const [width, height] of [
        [1280, 800],
        [768, 900],
        [320, 900],
      ]) {
        await page.setViewportSize({ width, height });
        await screenshot(page, `builder-requirement-${width}-en`);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
    } else console.log('English screenshots skipped: the app has no language provider yet');
    await page.evaluate(() => localStorage.setItem('rubric-studio.language', 'zh'));
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
