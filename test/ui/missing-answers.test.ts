/**
 * Missing answers in Chromium against the real server (fresh data directory, seeded with the
 * examples), never a silent zero:
 * - an editor fills the try-it form of the Appendix C rubric 1.0.0 with the demonstration example's
 *   answers but the satisfaction rate; the headline reads the total so far, the reachable range and
 *   the possible tiers by label, and what decides them, in Chinese and in English, as the score
 *   route (partial) computes them;
 * - a draft 1.1.0 renames the satisfaction input (no mapping), so under it every stored assessment
 *   lacks that answer; a viewer compares 1.0.0 with 1.1.0 and reads the missing answer by its label,
 *   the open tiers, the undetermined count, each change's effect and the suggested version step;
 * - the editor opening that draft finds the publish note drafted from the diff against 1.0.0 (not
 *   1.0.0's own note, copied along) and the suggested next version.
 * Screenshots at 1280×800 and 768 wide are kept in test/artifacts/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ImpactReport, InputValues, RubricDiff, RubricDocument, ScoreResult } from '../../engine/index.ts';
import { ARTIFACTS, type Browser, closeSession, openSession, ROOT, type RunningServer, screenshot, seriousViolations, setLanguage, signIn } from './browser.ts';

const RUBRIC = 'binjiang-home-plus';
const LEFT_OUT = 'satisfactionRate';
const RENAMED = 'satisfactionSurvey';

const doc = JSON.parse(readFileSync(join(ROOT, 'examples/appendix-c/rubric.json'), 'utf8')) as RubricDocument;
const example = JSON.parse(readFileSync(join(ROOT, 'examples/appendix-c/assessments/01-demonstration.json'), 'utf8')) as { inputs: InputValues };
const answers = Object.fromEntries(Object.entries(example.inputs).filter(([id]) => id !== LEFT_OUT));
const tierLabel = (id: string, lang: 'zh' | 'en'): string => doc.tiers.find((t) => t.id === id)?.label[lang] ?? `missing tier ${id}`;
const inputLabel = (id: string, lang: 'zh' | 'en'): string => doc.inputs.find((i) => i.id === id)?.label[lang] ?? `missing input ${id}`;

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  ({ server, browser, page } = await openSession(pageErrors));
  // 1.1.0 reads the satisfaction rate under a new id, without a mapping: every old assessment lacks it.
  await server.api('POST', `/api/rubrics/${RUBRIC}/versions`, 'editor', {
    version: '1.1.0',
    copyFrom: { version: '1.0.0' },
  });
  const draft = await server.api<{
    document: RubricDocument;
    revision: number;
  }>('GET', `/api/rubrics/${RUBRIC}/versions/1.1.0`, 'editor');
  const renamed = JSON.parse(JSON.stringify(draft.document).replaceAll(`"${LEFT_OUT}"`, `"${RENAMED}"`)) as RubricDocument;
  await server.api('PUT', `/api/rubrics/${RUBRIC}/versions/1.1.0`, 'editor', {
    document: renamed,
    revision: draft.revision,
  });
}, 180_000);

afterAll(() => closeSession({ server, browser }));

/** Answers one input of the preview form (ids `preview_<section>_<indicator>_<input>`) as an assessor would. */
async function answer(id: string, value: InputValues[string]): Promise<void> {
  const definition = doc.inputs.find((i) => i.id === id);
  if (!definition) throw new Error(`no input ${id}`);
  const control = (suffix: string) => page.locator(`[id^="preview_"][id$="_${id}${suffix}"]`).first();
  const option = (v: string): number => definition.options?.findIndex((o) => o.value === v) ?? -1;
  switch (definition.type) {
    case 'boolean':
      await control(value ? '-0' : '-1').check();
      return;
    case 'choice':
      await control(`-${option(String(value))}`).check();
      return;
    case 'multiChoice':
      for (const v of value as string[]) await control(`-${option(v)}`).check();
      return;
    case 'series':
      for (const [i, v] of (value as number[]).entries()) await control(`_${i}`).fill(String(v));
      return;
    default:
      await control('').fill(String(value));
  }
}

async function shoot(name: string, target: ReturnType<Page['locator']> | null, width: number, height = 800): Promise<void> {
  await page.setViewportSize({ width, height });
  if (target) await target.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`) });
  else await screenshot(page, `${name}-${width}`);
}

describe('missing answers in Chromium', () => {
  test('the try-it headline shows the total so far, the reachable range and the possible tiers by label, in zh and en', async () => {
    const expected = await server.api<ScoreResult>('POST', `/api/rubrics/${RUBRIC}/versions/1.0.0/score`, 'editor', { inputs: answers, partial: true });
    expect(expected.complete).toBe(false);
    const reachable = expected.reachable;
    if (!reachable) throw new Error('an incomplete result without reachable');
    expect(reachable.deciding).toContain(LEFT_OUT);
    const range = `${reachable.total.min}–${reachable.total.max}`;

    await signIn(page, server.url, 'editor');
    await page.goto(`${server.url}/#/rubrics/${RUBRIC}/1.0.0`);
    await page.locator('[id^="preview_"][id$="_openPlan-0"]').waitFor();
    for (const [id, value] of Object.entries(answers)) await answer(id, value);

    const headline = page.locator('.try-it [data-testid="score-headline"]');
    const line = headline.getByTestId('score-reachable');
    await expect.poll(() => line.textContent(), { timeout: 15_000 }).toContain(`可达 ${range}`);
    const zh = (await line.textContent()) ?? '';
    expect(zh).toContain(`目前得分 ${expected.total}`);
    expect(zh).toContain(`可能档次：${reachable.tiers.map((t) => tierLabel(t, 'zh')).join('、')}`);
    expect(zh).toContain(`取决于：${inputLabel(LEFT_OUT, 'zh')}`);
    expect(zh).not.toContain(LEFT_OUT);
    expect((await headline.getByTestId('score-total').textContent())?.trim()).toBe(String(expected.total));
    await shoot('missing-answers-headline-zh', page.locator('.try-it'), 1280);
    await shoot('missing-answers-headline-zh', page.locator('.try-it'), 768, 1024);
    await page.setViewportSize({ width: 1280, height: 800 });

    await setLanguage(page, 'en');
    await expect.poll(() => line.textContent()).toContain(`reachable ${range}`);
    const en = (await line.textContent()) ?? '';
    expect(en).toContain(`so far ${expected.total}`);
    expect(en).toContain(`possible tiers: ${reachable.tiers.map((t) => tierLabel(t, 'en')).join(', ')}`);
    expect(en).toContain(`decided by: ${inputLabel(LEFT_OUT, 'en')}`);
    await shoot('missing-answers-headline-en', page.locator('.try-it'), 1280);
    await shoot('missing-answers-headline-en', page.locator('.try-it'), 768, 1024);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(pageErrors).toEqual([]);
  }, 120_000);

  test('the compare page names the missing answer by label, the open tiers, the undetermined count and each change’s effect', async () => {
    const body = {
      base: { id: RUBRIC, version: '1.0.0' },
      candidate: { id: RUBRIC, version: '1.1.0' },
    };
    const report = await server.api<ImpactReport>('POST', '/api/impact', 'viewer', body);
    const diff = await server.api<RubricDiff>('GET', `/api/rubrics/${RUBRIC}/diff?from=1.0.0&to=1.1.0`, 'viewer');
    expect(report.summary.incomplete.candidate).toBeGreaterThan(0);
    const open = report.assessments.find((a) => a.candidate.status === 'incomplete' && a.candidate.tier === null);

    await signIn(page, server.url, 'viewer');
    await page.getByRole('link', { name: '版本对比' }).click();
    await page.getByLabel('评价细则').selectOption(RUBRIC);
    await page.getByLabel('基准版本').selectOption('1.0.0');
    await page.getByLabel('候选版本').selectOption('1.1.0');
    await page.getByRole('button', { name: '对比', exact: true }).click();
    await page.getByTestId('impact-assessments').waitFor();

    // The summary counts the open tiers next to the other counts.
    const undetermined = page.getByTestId('impact-summary').locator('[data-stat="undetermined"]');
    expect(await undetermined.textContent()).toContain(`${report.summary.undetermined.base} / ${report.summary.undetermined.candidate}`);
    expect(await undetermined.textContent()).toContain('档次未定');

    // Every row lacking the renamed input says so by its label, never by its id.
    const missing = page.getByTestId('missing-answers');
    expect(await missing.count()).toBe(report.assessments.length);
    for (const text of await missing.allTextContents()) {
      expect(text).toContain(inputLabel(LEFT_OUT, 'zh'));
      expect(text).not.toContain(RENAMED);
    }
    if (open?.candidate.reachable) {
      const cell = page.locator(`tr[data-assessment="${open.id}"] td[data-side="candidate"]`);
      expect(await cell.textContent()).toBe(`可能档次：${open.candidate.reachable.tiers.map((t) => tierLabel(t, 'zh')).join('、')}`);
    }

    // The diff: each change's effect, and the suggested step and version above the table.
    expect(await page.getByTestId('diff-suggestion').textContent()).toContain(diff.suggestedVersion ?? 'no suggested version');
    expect(await page.getByTestId('diff-table').locator('tr[data-effect="score"]').first().textContent()).toContain('影响得分');
    expect(await seriousViolations(page), 'axe').toEqual([]);
    await shoot('missing-answers-compare-zh', null, 1280);
    await shoot('missing-answers-compare-zh', null, 768);

    await setLanguage(page, 'en');
    await expect.poll(() => undetermined.textContent()).toContain('Tier still open');
    expect(await missing.first().textContent()).toContain(inputLabel(LEFT_OUT, 'en'));
    expect(await page.getByTestId('diff-suggestion').textContent()).toContain('Suggested step');
    expect(await page.getByTestId('diff-table').locator('tr[data-effect="score"]').first().textContent()).toContain('Changes scores');
    if (open?.candidate.reachable) {
      const cell = page.locator(`tr[data-assessment="${open.id}"] td[data-side="candidate"]`);
      expect(await cell.textContent()).toBe(`possible tiers: ${open.candidate.reachable.tiers.map((t) => tierLabel(t, 'en')).join(', ')}`);
    }
    await shoot('missing-answers-compare-en', null, 1280);
    await shoot('missing-answers-compare-en', null, 768);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(pageErrors).toEqual([]);
  }, 120_000);

  test('the publish note of the draft starts from the diff, not from the previous version’s note', async () => {
    const diff = await server.api<RubricDiff>('GET', `/api/rubrics/${RUBRIC}/diff?from=1.0.0&to=1.1.0`, 'editor');
    await signIn(page, server.url, 'editor');
    await page.goto(`${server.url}/#/rubrics/${RUBRIC}/1.1.0`);
    // By id: the label follows the page language, which this test switches.
    const note = page.locator('#publish-changelog');
    // The base version and the diff load after the page: wait for them as a person would.
    await expect.poll(() => note.inputValue(), { timeout: 15_000 }).toBe(diff.changelogDraft.zh);
    expect(await note.inputValue()).not.toContain(doc.changelog.slice(0, 20));
    expect(await page.getByTestId('publish-suggestion').textContent()).toContain(`与已发布版本 1.0.0 相比：建议升主版本：${diff.suggestedVersion}`);

    // The note follows the language until the editor types; what they type stays.
    await setLanguage(page, 'en');
    await expect.poll(() => note.inputValue(), { timeout: 15_000 }).toBe(diff.changelogDraft.en);
    expect(await page.getByTestId('publish-suggestion').textContent()).toContain(`Suggested step: major → ${diff.suggestedVersion}`);
    await note.fill('1.1.0: the satisfaction rate is read as satisfactionSurvey.');
    await setLanguage(page, 'zh');
    expect(await note.inputValue()).toBe('1.1.0: the satisfaction rate is read as satisfactionSurvey.');
    await shoot('missing-answers-publish', page.locator('.panel.publish'), 1280);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
