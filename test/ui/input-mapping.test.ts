/**
 * The input mapping editor in Chromium against the real server (fresh data directory, seeded with
 * the examples): a draft 1.1.0 of the Appendix C rubric reads the satisfaction rate under a new id
 * `satisfactionSurvey`, so every stored assessment lacks it; the editor maps the new input to the old
 * one by its label (读取旧输入), saves, and the saved document declares the mapping and the stored
 * assessments no longer lack the input. The editor then merges two old inputs into it instead
 * (合并多个旧输入, largest of the two) and the saved document declares the merge. Then the tests follow the draft: a new input is set in
 * every embedded test in one step, and of two tests whose expectations the draft contradicts, only
 * the one confirmed takes the draft's values. Screenshots at 1280 wide are kept in test/artifacts/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MissingInputsReport, RubricDocument } from '../../engine/index.ts';
import { ARTIFACTS, type Browser, closeSession, control, openInEditor, openSession, ROOT, type RunningServer, seriousViolations, setLanguage, signIn } from './browser.ts';

const RUBRIC = 'binjiang-home-plus';
const OLD = 'satisfactionRate';
const NEW = 'satisfactionSurvey';
const DRAFT = `/api/rubrics/${RUBRIC}/versions/1.1.0`;

const original = JSON.parse(readFileSync(join(ROOT, 'examples/appendix-c/rubric.json'), 'utf8')) as RubricDocument;
/** The old input as the English page names it: by its English label. */
const oldLabel = (() => {
  const label = original.inputs.find((i) => i.id === OLD)?.label;
  return label?.en ?? OLD;
})();

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  ({ server, browser, page } = await openSession(pageErrors));
  // 1.1.0 copies 1.0.0 and reads the satisfaction rate under a new id (input, criterion, requirement, tests), without a mapping.
  await server.api('POST', `/api/rubrics/${RUBRIC}/versions`, 'editor', { version: '1.1.0', copyFrom: { version: '1.0.0' } });
  const draft = await server.api<{ document: RubricDocument; revision: number }>('GET', DRAFT, 'editor');
  const renamed = JSON.parse(JSON.stringify(draft.document).replaceAll(`"${OLD}"`, `"${NEW}"`)) as RubricDocument;
  await server.api('PUT', DRAFT, 'editor', { document: renamed, revision: draft.revision });
}, 180_000);

afterAll(() => closeSession({ server, browser }));

describe('input mapping editor in Chromium', () => {
  test('the editor maps satisfactionSurvey ← satisfactionRate by label; saved, the stored assessments no longer lack it', async () => {
    const before = await server.api<MissingInputsReport>('GET', `${DRAFT}/missing-inputs`, 'editor');
    expect(before.assessments).toBeGreaterThan(0);
    expect(before.inputs.map((i) => i.input)).toContain(NEW);

    await signIn(page, server.url, 'editor');
    // Written in English: the page's language switched once (it is Chinese by default).
    await setLanguage(page, 'en');
    await page.goto(`${server.url}/#/rubrics/${RUBRIC}/1.1.0`);
    await openInEditor(page, '');
    const editor = page.getByTestId('input-mapping');
    // `from` defaults to the version the draft was copied from.
    await expect.poll(() => editor.getByLabel('Reads from version').inputValue()).toBe('1.0.0');
    const row = editor.locator(`[data-mapping-input="${NEW}"]`);
    await row.waitFor();
    expect(await editor.locator('[data-mapping-input]').count()).toBe(1);
    // The preview (last save) names the lacking input by its label.
    const lacking = editor.getByTestId('missing-preview').locator(`[data-missing-input="${NEW}"]`);
    await expect.poll(() => lacking.textContent()).toContain(`lacking in ${before.inputs.find((i) => i.input === NEW)?.count} of ${before.assessments}`);
    expect(await lacking.textContent()).toContain(oldLabel);

    await row.getByLabel('reads old input').check();
    const select = row.getByRole('combobox', { name: /Old input read by/ });
    await select.selectOption({ label: oldLabel });
    expect(await select.inputValue()).toBe(OLD);
    await page.setViewportSize({ width: 1280, height: 900 });
    await editor.screenshot({ path: join(ARTIFACTS, 'input-mapping-editor-1280.png') });
    expect(await seriousViolations(page), 'axe').toEqual([]);

    // Saved automatically a moment after the last edit.
    await page.getByTestId('save-status').filter({ hasText: 'Saved automatically' }).waitFor();

    const saved = await server.api<{ document: RubricDocument }>('GET', DRAFT, 'editor');
    expect(saved.document.inputMapping?.from).toBe('1.0.0');
    expect(saved.document.inputMapping?.renamed?.[NEW]).toBe(OLD);
    const after = await server.api<MissingInputsReport>('GET', `${DRAFT}/missing-inputs`, 'editor');
    expect(after.inputs.map((i) => i.input)).not.toContain(NEW);
    // The preview follows the save.
    await expect.poll(() => lacking.count()).toBe(0);
    await editor.screenshot({ path: join(ARTIFACTS, 'input-mapping-editor-saved-1280.png') });
    expect(pageErrors).toEqual([]);
  }, 120_000);

  test('the editor merges two old inputs into the new one instead; saved, the rename gives way to the merge', async () => {
    await page.goto(`${server.url}/#/rubrics/${RUBRIC}/1.1.0`);
    await openInEditor(page, '');
    const row = page.getByTestId('input-mapping').locator(`[data-mapping-input="${NEW}"]`);
    await row.getByLabel('merges old inputs').check();
    // Offered: the old input the draft no longer has, ticked, and combinations that give a percentage.
    const merged = row.getByRole('group', { name: /Old inputs merged into/ });
    expect(await merged.getByLabel(oldLabel).isChecked()).toBe(true);
    const by = row.getByLabel('Combined by');
    expect(await by.locator('option').allTextContents()).toEqual(['sum', 'smallest', 'largest']);
    await by.selectOption({ label: 'largest' });
    const ticked = async (): Promise<string[]> => {
      const ids: string[] = [];
      for (const box of await merged.getByRole('checkbox').all()) if (await box.isChecked()) ids.push((await box.getAttribute('id'))?.replace(`mapping-${NEW}-from-`, '') ?? '');
      return ids;
    };
    expect(await ticked()).toHaveLength(2);
    // Two is the least: the ticked boxes cannot be unticked until a third is ticked.
    expect(await merged.getByLabel(oldLabel).isDisabled()).toBe(true);
    await row.screenshot({ path: join(ARTIFACTS, 'input-mapping-merge-1280.png') });
    const chosen = await ticked();

    // Saved automatically a moment after the last edit.
    const mapping = async () => (await server.api<{ document: RubricDocument }>('GET', DRAFT, 'editor')).document.inputMapping;
    await expect.poll(async () => (await mapping())?.combined?.[NEW]?.by).toBe('max');
    const saved = await mapping();
    expect(saved?.renamed).toBeUndefined();
    expect([...(saved?.combined?.[NEW]?.from ?? [])].sort()).toEqual([...chosen].sort());
    expect(chosen).toContain(OLD);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  test('a new input is set in every test at once; of two contradicted expectations only the confirmed one changes', async () => {
    const saved = await server.api<{ document: RubricDocument }>('GET', DRAFT, 'editor');
    const tests = saved.document.tests;
    await page.goto(`${server.url}/#/rubrics/${RUBRIC}/1.1.0`);

    // A new yes/no input: every test lacks it; one value sets it in all of them.
    await openInEditor(page, '/inputs');
    await page.getByRole('button', { name: '+ yes / no' }).click();
    const index = saved.document.inputs.length;
    await page.locator(control(`/inputs/${index}/id`)).fill('repairCorner');
    await page.locator(control(`/inputs/${index}/label/zh`)).fill('设有便民维修角');
    await page.locator(control(`/inputs/${index}/label/en`)).fill('Has a repair corner');
    const setIn = page.locator('[data-input="repairCorner"]').getByTestId('set-input-in-tests');
    expect(await setIn.locator('summary').textContent()).toContain(`${tests.length} of ${tests.length} embedded tests do not set this input`);
    await setIn.locator('#set-in-tests-repairCorner').selectOption('true');
    await setIn.screenshot({ path: join(ARTIFACTS, 'set-input-in-tests-1280.png') });
    await setIn.getByRole('button', { name: 'Set this input in every embedded test' }).click();
    await setIn.waitFor({ state: 'detached' });

    // Two tests expect totals the draft does not give.
    await openInEditor(page, '/tests/0');
    await page.locator(control('/tests/0/expect/total')).fill('1');
    await openInEditor(page, '/tests/1');
    await page.locator(control('/tests/1/expect/total')).fill('2');
    await page.getByRole('button', { name: 'Save and run tests' }).click();
    await page.getByTestId('test-summary').filter({ hasText: '2 failed' }).waitFor({ timeout: 30_000 });
    const stored = await server.api<{ document: RubricDocument }>('GET', DRAFT, 'editor');
    expect(stored.document.tests.every((t) => t.inputs.repairCorner === true)).toBe(true);

    const review = page.locator('.review-expectations');
    await review.getByRole('button', { name: /Review the expected values of the 2 failed/ }).click();
    const apply = review.getByRole('button', { name: /Apply the \d+ confirmed/ });
    await apply.waitFor();
    expect(await apply.isDisabled()).toBe(true);
    const first = review.locator(`[data-review-test="${tests[0].name}"]`);
    expect(await first.textContent()).toContain(`${1}→ ${tests[0].expect.total}`);
    await review.screenshot({ path: join(ARTIFACTS, 'expectation-review-1280.png') });
    await first.getByRole('checkbox').check();
    await apply.click();
    await page.getByRole('button', { name: 'Save and run tests' }).click();
    await page.getByTestId('test-summary').filter({ hasText: '1 failed' }).waitFor({ timeout: 30_000 });
    const after = await server.api<{ document: RubricDocument }>('GET', DRAFT, 'editor');
    expect(after.document.tests[0].expect.total).toBe(tests[0].expect.total);
    expect(after.document.tests[1].expect.total).toBe(2);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
