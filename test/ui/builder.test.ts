/**
 * The builder UI in Chromium against the real server (fresh data directory, seeded with the
 * examples): an editor changes the Appendix C rubric and publishes it through the UI only; an
 * assessor fills the new version's form, is told about a bad value, corrects it, submits and
 * sees what the engine computes; the form's labels follow the Chinese/English switch. Each main
 * screen passes an axe-core check (no serious or critical violations) and is kept as a screenshot.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fieldLocations } from '../../builder-ui/src/model/assessment.ts';
import { evaluate, type InputValues, loadRubric, type RubricDocument } from '../../engine/index.ts';
import { type Browser, closeSession, control, criterionPointer, openInEditor, openSession, poll, ROOT, type RunningServer, screenshot, seriousViolations, setLanguage, signIn } from './browser.ts';

const RUBRIC = 'binjiang-home-plus';
const NEW_VERSION = '1.1.0';
const NEW_INPUT = 'repairCorner';
const NEW_CRITERION = 'i03.3';
const appendixC = JSON.parse(readFileSync(join(ROOT, 'examples', 'appendix-c', 'rubric.json'), 'utf8')) as RubricDocument;
const demonstration = JSON.parse(readFileSync(join(ROOT, 'examples', 'appendix-c', 'assessments', '01-demonstration.json'), 'utf8')) as { inputs: InputValues };

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

async function expectAccessible(name: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

async function waitForValid(): Promise<void> {
  await page.locator('[data-testid="validity"].ok').waitFor({ timeout: 20_000 });
  await poll(() => page.getByTestId('validity').getAttribute('data-checking')).toBeNull();
}

async function tryItTotal(): Promise<string> {
  return (await page.locator('.try-it [data-testid="score-total"]').textContent())?.trim() ?? '';
}

beforeAll(async () => {
  ({ server, browser, page } = await openSession(pageErrors));
}, 180_000);

afterAll(() => closeSession({ server, browser }));

describe('builder UI in Chromium', () => {
  test('an editor copies the Appendix C rubric, changes points, a tier threshold and adds a yes/no criterion, then publishes', async () => {
    await signIn(page, server.url, 'editor');
    // Written in English: the page's language switched once (it is Chinese by default).
    await setLanguage(page, 'en');
    await page.getByRole('heading', { name: /Rubrics/ }).waitFor();
    await expectAccessible('rubric list');
    await screenshot(page, 'editor-1-rubric-list');

    await page.getByRole('button', { name: `New draft from this: ${RUBRIC} 1.0.0` }).click();
    await page.getByLabel('New version (copy of 1.0.0)').fill(NEW_VERSION);
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.locator('[data-testid="version-status"][data-status="draft"]').waitFor();
    await waitForValid();

    // Try it: open plan = yes scores criterion i03.2's 1 point.
    await page.locator('#preview_basic-setup_i03_openPlan-0').check();
    await poll(tryItTotal, { timeout: 15_000 }).toBe('1');

    // Change i03.2 from 1 to 0.5 points (the criterion's maximum and its rule's award).
    const openPlan = criterionPointer(appendixC, 'i03.2');
    await openInEditor(page, openPlan.criterion);
    await page.locator(control(`${openPlan.criterion}/rules/0/event/params/points`)).fill('0.5');
    await page.locator(control(`${openPlan.criterion}/points`)).fill('0.5');
    // The indicator now declares more than its criteria add up to: the error sits next to its points.
    await poll(() => page.locator(`${control(`${openPlan.indicator}/points`)}-issues`).textContent(), { timeout: 15_000 }).toContain('its criteria add up to 1.5');

    // A new yes/no input and a criterion reading it restore the indicator's 2 points.
    await openInEditor(page, '/inputs');
    await page.getByRole('button', { name: '+ yes / no' }).click();
    const inputIndex = appendixC.inputs.length;
    await page.locator(control(`/inputs/${inputIndex}/id`)).fill(NEW_INPUT);
    await page.locator(control(`/inputs/${inputIndex}/label/zh`)).fill('设有便民维修角');
    await page.locator(control(`/inputs/${inputIndex}/label/en`)).fill('Has a repair corner');
    await openInEditor(page, openPlan.indicator);
    await page.getByRole('button', { name: '+ Criterion' }).click();
    const added = `${openPlan.indicator}/criteria/2`;
    await page.locator(control(`${added}/id`)).fill(NEW_CRITERION);
    await page.locator(control(`${added}/title/zh`)).fill('设有便民维修角得0.5分');
    await page.locator(control(`${added}/title/en`)).fill('0.5 points for a repair corner');
    await page.locator(control(`${added}/points`)).fill('0.5');
    await page.locator(control(`${added}/rules/0/event/params/points`)).fill('0.5');
    await page.locator(`[data-criterion="${NEW_CRITERION}"]`).getByRole('button', { name: '+ Condition' }).click();
    await page.locator(`${control(`${added}/rules/0/conditions/all/0`)}-fact`).selectOption(NEW_INPUT);
    await waitForValid();

    // The preview now asks for the new input and try-it scores the changed points.
    await poll(tryItTotal, { timeout: 15_000 }).toBe('0.5');
    await page.locator(`#preview_basic-setup_i03_${NEW_INPUT}-0`).check();
    await poll(tryItTotal, { timeout: 15_000 }).toBe('1');

    // 示范型 (demonstration) from 0.92 instead of 0.9; the 标准型 upper bound follows.
    await openInEditor(page, '/tiers');
    const demo = appendixC.tiers.findIndex((t) => t.id === 'demonstration');
    await page.locator(control(`/tiers/${demo}/min/value`)).fill('0.92');
    await poll(() => page.locator(control(`/tiers/${demo - 1}/max/value`)).inputValue()).toBe('0.92');
    await waitForValid();
    await expectAccessible('rubric editor');

    // The embedded tests do not know the new input yet: they fail.
    await page.getByRole('button', { name: 'Save and run tests' }).click();
    await page.getByTestId('test-summary').filter({ hasText: 'failed' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);

    // The new question is answered in every test case at once, from the input.
    await openInEditor(page, `/inputs/${inputIndex}`);
    const setIn = page.locator(`[data-input="${NEW_INPUT}"]`).getByTestId('set-input-in-tests');
    await setIn.locator(`#set-in-tests-${NEW_INPUT}`).selectOption('true');
    await setIn.getByRole('button', { name: 'Set this input in every embedded test' }).click();
    await setIn.waitFor({ state: 'detached' });

    // Run again: the draft's results differ from the expectations; each is reviewed and confirmed, none taken silently.
    await page.getByRole('button', { name: 'Save and run tests' }).click();
    await page.getByTestId('test-summary').filter({ hasText: 'failed' }).waitFor({ timeout: 30_000 });
    const review = page.locator('.review-expectations');
    await review.getByRole('button', { name: /Review the expected values/ }).click();
    const apply = review.getByRole('button', { name: /Apply the \d+ confirmed/ });
    await apply.waitFor();
    expect(await apply.isDisabled()).toBe(true);
    for (const box of await review.getByRole('checkbox').all()) await box.check();
    await apply.click();
    await page.getByRole('button', { name: 'Save and run tests' }).click();
    await page.getByTestId('test-summary').filter({ hasText: `✓ ${appendixC.tests.length} passed` }).waitFor({ timeout: 30_000 });

    await page.getByLabel('Changelog note').fill('i03.2 开放式布局 1 → 0.5 分；新增 i03.3 便民维修角 0.5 分；示范型门槛 0.9 → 0.92。');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.locator('[data-testid="version-status"][data-status="published"]').waitFor();
    await poll(() => page.getByRole('note').textContent()).toContain('read-only');
    await openInEditor(page, added);
    expect(await page.locator(control(`${added}/points`)).getAttribute('readonly')).not.toBeNull();
    await screenshot(page, 'editor-2-published');

    const stored = await server.api<{ status: string; document: RubricDocument }>('GET', `/api/rubrics/${RUBRIC}/versions/${NEW_VERSION}`, 'viewer');
    expect(stored.status).toBe('published');
    expect(stored.document.tiers[demo].min.value).toBe(0.92);
    expect(stored.document.inputs.at(-1)?.id).toBe(NEW_INPUT);
    expect(pageErrors).toEqual([]);
  }, 240_000);

  test('an assessor fills the new version, is told about a bad value, corrects it, submits and sees what the engine computes', async () => {
    // In Chinese, the default after signing in: the next test switches the form to English and back.
    await signIn(page, server.url, 'assessor');
    await page.getByRole('heading', { name: '新建评价' }).waitFor();
    await page.getByRole('button', { name: '+ 社区' }).click();
    await page.getByLabel('编号（字母、数字、连字符）').fill('qiaoxi');
    await page.getByLabel('名称', { exact: true }).fill('桥西社区');
    await page.getByLabel('街道', { exact: true }).fill('西兴街道');
    await page.getByRole('button', { name: '添加社区' }).click();
    await poll(() => page.getByLabel('社区', { exact: true }).inputValue()).toBe('qiaoxi');
    await page.getByLabel('细则版本', { exact: true }).selectOption(`${RUBRIC}@${NEW_VERSION}`);
    await page.getByLabel('年度', { exact: true }).fill('2025');
    await page.getByLabel('评价期', { exact: true }).selectOption('final');
    await page.getByLabel('评价人', { exact: true }).fill('测试评价员');
    await expectAccessible('assessments');
    await page.getByRole('button', { name: '开始评价' }).click();
    await page.locator('form.assessment-form').waitFor();

    const published = await server.api<{ document: RubricDocument }>('GET', `/api/rubrics/${RUBRIC}/versions/${NEW_VERSION}`, 'assessor');
    const form = await server.api<{ schema: Record<string, unknown> }>('GET', `/api/rubrics/${RUBRIC}/versions/${NEW_VERSION}/form?lang=zh`, 'assessor');
    const where = fieldLocations(form.schema);
    const fieldId = (input: string): string => `root_${where.get(input)!.path.join('_')}`;
    const inputs: InputValues = { ...demonstration.inputs, [NEW_INPUT]: true };

    // Fill every field of the generated form the way a person would.
    for (const definition of published.document.inputs) {
      const value = inputs[definition.id];
      const id = fieldId(definition.id);
      if (value === undefined) continue;
      switch (definition.type) {
        case 'boolean':
          await page.locator(`#${CSS_escape(id)}-${value ? 0 : 1}`).check();
          break;
        case 'choice':
          await page.locator(`#${CSS_escape(id)}-${definition.options!.findIndex((o) => o.value === value)}`).check();
          break;
        case 'multiChoice':
          for (const chosen of value as string[]) await page.locator(`#${CSS_escape(id)}-${definition.options!.findIndex((o) => o.value === chosen)}`).check();
          break;
        case 'series':
          for (const [i, item] of (value as number[]).entries()) await page.locator(`#${CSS_escape(`${id}_${i}`)}`).fill(String(item));
          break;
        default:
          await page.locator(`#${CSS_escape(id)}`).fill(String(value));
      }
    }

    // A bad value: a negative number of volunteers. Saving is refused and the message sits at the field.
    const volunteers = fieldId('registeredVolunteers');
    await page.locator(`#${CSS_escape(volunteers)}`).fill('-5');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await poll(() => page.locator(`#${CSS_escape(`${volunteers}__error`)}`).textContent(), { timeout: 10_000 }).toContain('实际为 -5');
    await poll(() => page.getByRole('alert').textContent()).toContain(where.get('registeredVolunteers')!.title);
    await screenshot(page, 'assessor-1-bad-value');

    // Corrected: saved as a draft, it is in the list to come back to.
    await page.locator(`#${CSS_escape(volunteers)}`).fill(String(inputs.registeredVolunteers));
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByRole('status').filter({ hasText: '草稿已保存' }).waitFor();
    await poll(() => page.locator(`#${CSS_escape(`${volunteers}__error`)}`).count()).toBe(0);
    await expectAccessible('assessment form');
    await screenshot(page, 'assessor-2-form');
    const assessmentUrl = page.url();
    await page.getByRole('link', { name: /返回列表/ }).click();
    await page.locator('tr', { hasText: '桥西社区' }).getByRole('link').click();
    await poll(() => page.url()).toBe(assessmentUrl);
    await poll(() => page.locator(`#${CSS_escape(volunteers)}`).inputValue()).toBe(String(inputs.registeredVolunteers));

    await page.getByRole('button', { name: '提交评分' }).click();
    await page.getByTestId('score-headline').waitFor({ timeout: 20_000 });

    // What the page shows is what the engine computes for the same inputs.
    const expected = await evaluate(loadRubric(published.document), { inputs }, { requireComplete: true });
    await poll(async () => (await page.getByTestId('score-total').textContent())?.trim()).toBe(String(expected.total));
    const tier = published.document.tiers.find((t) => t.id === expected.tier)!;
    await poll(async () => (await page.getByTestId('score-tier').textContent())?.trim()).toBe(tier.label.zh!);
    await poll(async () => (await page.getByTestId('score-ratio').textContent())?.trim()).toBe(`${(expected.ratio! * 100).toFixed(1)}%`);
    const lines = await page.locator('[data-testid="explanations"] .explanation').allTextContents();
    expect(lines).toEqual(expected.criteria.map((c) => c.explanation.zh));
    await poll(() => page.locator(`[data-criterion="${NEW_CRITERION}"]`).textContent()).toContain(expected.criteria.find((c) => c.id === NEW_CRITERION)!.explanation.zh!);
    await poll(() => page.locator('table.findings tbody tr').count()).toBe(expected.requirements.length);
    await poll(() => page.locator('table.table-c1 tbody tr').count()).toBe(expected.criteria.length);
    await expectAccessible('result');
    await screenshot(page, 'assessor-3-result');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'assessor-4-print');
    await page.emulateMedia({ media: 'screen' });
    expect(pageErrors).toEqual([]);
  }, 240_000);

  test('the Chinese/English switch changes the form labels', async () => {
    await page.getByRole('link', { name: /返回列表/ }).click();
    await page.getByLabel('细则版本', { exact: true }).selectOption(`${RUBRIC}@${NEW_VERSION}`);
    await page.getByLabel('评价期', { exact: true }).selectOption('mid-term');
    await page.getByRole('button', { name: '开始评价' }).click();
    await page.locator('form.assessment-form').waitFor();

    const site = appendixC.inputs.find((i) => i.id === 'siteWellLocated')!;
    const label = page.locator('label[for="root_basic-setup_i01_siteWellLocated"]');
    await poll(() => label.textContent()).toContain(site.label.zh!);
    await page.getByRole('button', { name: '保存草稿' }).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await poll(() => label.textContent()).toContain(site.label.en!);
    await poll(() => label.textContent()).not.toContain(site.label.zh!);
    await page.getByRole('button', { name: 'Save draft' }).waitFor();
    await poll(() => page.locator('#root_basic-setup__title, legend#root_basic-setup__title').first().textContent()).toContain(appendixC.groups[0].title.en!);
    await expectAccessible('assessment form in English');
    await screenshot(page, 'assessor-5-form-english');

    await page.getByRole('button', { name: '中文' }).click();
    await poll(() => label.textContent()).toContain(site.label.zh!);

    // Tablet width: the same screen still lays out (no horizontal overflow of the page).
    await page.setViewportSize({ width: 768, height: 1000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'assessor-6-form-tablet');
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(pageErrors).toEqual([]);
  }, 120_000);
});

/** CSS.escape for ids with dots or leading digits (Node has no CSS global). */
function CSS_escape(id: string): string {
  return id.replace(/([^A-Za-z0-9_-])/g, '\\$1');
}
