/**
 * Every screen in both languages, in Chromium against the real server (fresh data directory,
 * seeded with the Appendix C examples; a draft 1.1.0 asks one new question so the supplements
 * section has something to show). For each screen, in Chinese and in English:
 * - <html lang> is zh-CN / en;
 * - in English no visible text holds Chinese, except data people typed (community and street
 *   names, assessors) and rubric content that has no English (clause references such as
 *   "附录C 表C.1 选址科学", names such as “一滨办” inside the English labels), and text marked with
 *   another `lang` (the 中文 button);
 * - in Chinese no visible text holds an English word, except names that stay as they are (CSV,
 *   XLSX, HTML, README, Rubric Studio), Latin words of the rubric's own Chinese text (HOME+,
 *   GB 50763), text in <code>, ids and version numbers, and text marked `lang="en"` (the English button);
 * - axe-core finds no serious violation; a screenshot is kept as test/artifacts/languages-<screen>-<lang>.png.
 * The rubric editor is checked part by part (languages-editor-<part>-<lang>.png), signed in as an
 * editor: the published 1.0.0 read-only, and a draft copy 1.0.1 with its checks, test run and
 * publish panel. Text areas hold typed data (titles in both languages, the JSON document) and are left out like input values.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RubricDocument } from '../../engine/index.ts';
import { type Browser, closeSession, criterionPointer, openInEditor, openSession, type RunningServer, screenshot, seriousViolations, setLanguage, signIn } from './browser.ts';

const RUBRIC = 'binjiang-home-plus';
type Lang = 'zh' | 'en';

/** Names that are the same in every language. */
const KEEP_AS_IS = ['Rubric Studio', 'CSV', 'XLSX', 'HTML', 'JSON', 'README', 'UTF-8', 'English'];

let server: RunningServer;
let browser: Browser;
let page: Page;
let submitted: string;
let draft: string;
/** The published rubric, for the pointers of the editor's parts. */
let published: RubricDocument;
/** A draft copy of 1.0.0 as it is: its embedded tests run and pass, so the publish panel shows its checks. */
const DRAFT_COPY = '1.0.1';
/** Data people typed (names, streets, assessors, sources) and ids: left out of both checks. */
let data: string[] = [];
/** Rubric content in the other language: Chinese inside the English texts and in untranslated fields; Latin words of the Chinese texts. */
const rubricContent = { en: new Set<string>(), zh: new Set<string>() };

/** Walks a rubric document: each `{zh, en}` text and each plain string (clauses, ids). */
function collectContent(value: unknown, inLocalized: Lang | null = null): void {
  if (typeof value === 'string') {
    const han = value.match(/[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e“”]+/g) ?? [];
    if (inLocalized !== 'zh') for (const run of han) rubricContent.en.add(run);
    if (inLocalized !== 'en') for (const word of value.match(/[A-Za-z][A-Za-z+]{2,}/g) ?? []) rubricContent.zh.add(word);
    return;
  }
  if (Array.isArray(value)) for (const item of value) collectContent(item);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) collectContent(item, key === 'zh' || key === 'en' ? key : null);
}
const pageErrors: string[] = [];

/** 1.1.0 asks one new yes/no question worth 2 points (satisfaction 25 → 23), so submitted assessments lack an answer. */
function askingSomethingNew(base: RubricDocument): RubricDocument {
  const next = structuredClone(base);
  next.inputs.push({ id: 'onlineBooking', type: 'boolean', label: { zh: '提供线上预约服务', en: 'Online booking offered' } });
  const satisfaction = next.groups[2].groups?.[1]?.indicators?.[0];
  if (satisfaction?.id !== 'i18') throw new Error('fixture changed');
  satisfaction.points = 23;
  satisfaction.criteria[0].points = 23;
  satisfaction.criteria[0].title = { zh: '该项总分23分，实际得分按照满意率折算', en: '23 points, converted by the satisfaction rate' };
  satisfaction.criteria[0].rules[0] = { conditions: { all: [] }, event: { type: 'award', params: { kind: 'proportional', input: 'satisfactionRate', fullAt: 100, points: 23 } } };
  next.groups[2].groups?.[1]?.indicators?.push({
    id: 'i22',
    title: { zh: '线上服务', en: 'Online services' },
    points: 2,
    clause: 'C.x',
    criteria: [{ id: 'i22.1', title: { zh: '提供线上预约得2分', en: 'Online booking: 2' }, points: 2, rules: [{ conditions: { all: [{ fact: 'onlineBooking', operator: 'equal', value: true }] }, event: { type: 'award', params: { kind: 'fixed', points: 2 } } }] }],
  });
  next.tests = [];
  return next;
}

beforeAll(async () => {
  ({ server, browser, page } = await openSession(pageErrors));
  await server.api('POST', `/api/rubrics/${RUBRIC}/versions`, 'editor', { version: '1.1.0', copyFrom: { version: '1.0.0' } });
  const next = await server.api<{ document: RubricDocument; revision: number }>('GET', `/api/rubrics/${RUBRIC}/versions/1.1.0`, 'editor');
  await server.api('PUT', `/api/rubrics/${RUBRIC}/versions/1.1.0`, 'editor', { document: askingSomethingNew(next.document), revision: next.revision });
  await server.api('POST', `/api/rubrics/${RUBRIC}/versions`, 'editor', { version: DRAFT_COPY, copyFrom: { version: '1.0.0' } });
  const listed = await server.api<{ id: string; communityId: string; status: string; assessor: string; rubric: { id: string } }[]>('GET', '/api/assessments', 'viewer');
  const first = listed.find((a) => a.status === 'submitted' && a.rubric.id === RUBRIC);
  if (!first) throw new Error('the seed changed: no submitted assessment');
  submitted = first.id;
  const created = await server.api<{ id: string }>('POST', '/api/assessments', 'assessor', {
    communityId: first.communityId,
    rubric: { id: RUBRIC, version: '1.0.0' },
    period: { year: 2026, kind: 'mid-term' },
    assessor: '语言测试评价员',
    inputs: { siteWellLocated: true },
  });
  draft = created.id;
  const communities = await server.api<{ id: string; name: string; street: string }[]>('GET', '/api/communities', 'viewer');
  const assessments = await server.api<{ id: string; assessor: string }[]>('GET', '/api/assessments', 'viewer');
  for (const version of ['1.0.0', '1.1.0']) collectContent((await server.api<{ document: RubricDocument }>('GET', `/api/rubrics/${RUBRIC}/versions/${version}`, 'viewer')).document);
  published = (await server.api<{ document: RubricDocument }>('GET', `/api/rubrics/${RUBRIC}/versions/1.0.0`, 'viewer')).document;
  data = [...communities.flatMap((c) => [c.name, c.street, c.id]), ...assessments.flatMap((a) => [a.assessor, a.id]), RUBRIC].filter(Boolean).sort((a, b) => b.length - a.length);
}, 180_000);

afterAll(() => closeSession({ server, browser }));

/**
 * Every piece of text a reader meets on the page: visible text nodes, the chosen option of each
 * visible select, placeholders and aria-labels. Text inside an element whose `lang` differs from
 * the page's is left out (it says which language it is), and so are text in <code> and the values of
 * text areas (typed data, like an input's value).
 */
async function readableTexts(p: Page): Promise<{ text: string; where: string }[]> {
  return p.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const foreign = (el: Element | null): boolean => {
      const marked = el?.closest('[lang]');
      return !!marked && marked !== document.documentElement && marked.getAttribute('lang') !== pageLang.slice(0, 2);
    };
    const visible = (el: Element): boolean => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const texts: { text: string; where: string }[] = [];
    // Where a text sits, to tell which component shows it: the nearest test id, id or class.
    const where = (el: Element): string => {
      const marked = el.closest('[data-testid], [id], [class]');
      return marked?.getAttribute('data-testid') ?? (marked?.id || marked?.getAttribute('class')?.split(' ')[0] || el.tagName.toLowerCase());
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      // A text area's text is its value, typed data like an input's (the JSON view: the document itself), not the interface's words.
      if (!text || !parent || parent.closest('script, style, option, code, textarea') || foreign(parent) || !visible(parent)) continue;
      texts.push({ text, where: where(parent) });
    }
    for (const select of document.querySelectorAll('select')) {
      if (!visible(select) || foreign(select)) continue;
      for (const option of select.options) if (option.text.trim()) texts.push({ text: option.text.trim(), where: where(select) });
    }
    for (const el of document.querySelectorAll('[placeholder], [aria-label]')) {
      if (!visible(el) || foreign(el)) continue;
      for (const name of ['placeholder', 'aria-label']) {
        const value = el.getAttribute(name)?.trim();
        if (value) texts.push({ text: value, where: `${where(el)}[${name}]` });
      }
    }
    return texts;
  });
}

/** Data, ids and the rubric's own content taken out of a text, so only the interface's words are judged. */
function withoutData(text: string, lang: Lang): string {
  let rest = text;
  // Longest first across all three: a test named after a community (示范型:江晖社区终期评估) goes whole, not the community's name alone.
  const known = [...data, ...KEEP_AS_IS, ...rubricContent[lang]].sort((a, b) => b.length - a.length);
  for (const item of known) rest = rest.split(item).join(' ');
  return rest;
}

/** The texts in the wrong language: Chinese in English; English words in Chinese (not ids, versions, hashes or kept names). */
function untranslated(texts: { text: string; where: string }[], lang: Lang): string[] {
  const wrong = texts.filter(({ text }) => {
    const rest = withoutData(text, lang);
    if (lang === 'en') return /[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]/.test(rest);
    // Ids and keys (i01, i12.1, binjiang-home-plus, 1.0.0, mid-term) are not words.
    const words = rest.split(/[^A-Za-z0-9.\-_]+/).filter((w) => /^[A-Za-z]{3,}$/.test(w));
    return words.length > 0;
  });
  return [...new Set(wrong.map(({ text, where }) => `${where}: ${text.length > 160 ? `${text.slice(0, 160)}…` : text}`))];
}

/** Checks the current screen in `lang`: html lang, untranslated text, axe; keeps a screenshot. */
async function checkScreen(name: string, lang: Lang): Promise<void> {
  expect(await page.locator('html').getAttribute('lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
  await screenshot(page, `languages-${name}-${lang}`);
  const wrong = untranslated(await readableTexts(page), lang);
  const violations = await seriousViolations(page);
  expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  expect(wrong, `${name} in ${lang}: text in the other language`).toEqual([]);
}

/** Opens a hash route and waits for what marks it loaded. */
async function open(route: string, ready: string): Promise<void> {
  await page.goto(`${server.url}/#/${route}`);
  await page.locator(ready).first().waitFor({ timeout: 20_000 });
  // Lazy chunks, tier labels and rescoring arrive after the first paint.
  await page.waitForLoadState('networkidle');
}

/** Each screen: its route, what marks it loaded, and what to do before reading it. */
const SCREENS: { name: string; route: () => string; ready: string; prepare?: () => Promise<void> }[] = [
  { name: 'rubric-list', route: () => 'rubrics', ready: '.rubric-list table' },
  { name: 'assessments', route: () => 'assessments', ready: '.assessor-home table.list' },
  {
    name: 'new-assessment',
    route: () => 'assessments',
    ready: '.new-assessment',
    // With the new-community fields open.
    prepare: async () => {
      await page.locator('.new-assessment button[aria-expanded]').click();
      await page.locator('#new-community-id').waitFor();
    },
  },
  { name: 'draft-form', route: () => `assessments/${encodeURIComponent(draft)}`, ready: 'form.rjsf, form' },
  { name: 'result', route: () => `assessments/${encodeURIComponent(submitted)}`, ready: '[data-testid="supplements-rescored"]' },
  {
    name: 'print',
    route: () => `assessments/${encodeURIComponent(submitted)}`,
    ready: 'table.table-c1',
    prepare: async () => {
      await page.emulateMedia({ media: 'print' });
    },
  },
  {
    name: 'compare',
    route: () => 'compare',
    ready: '.compare-form select',
    prepare: async () => {
      await page.locator('.compare-form select').nth(1).selectOption('1.0.0');
      await page.locator('.compare-form select').nth(2).selectOption('1.1.0');
      await page.locator('.compare-form button[type="submit"]').click();
      await page.getByTestId('impact-assessments').waitFor({ timeout: 30_000 });
    },
  },
];

/** A criterion with two rules and their conditions (a deduction, then fixed points), and one priced by options. */
const CONDITIONS_CRITERION = 'i10.3';
const CHOICE_CRITERION = 'i08.2';

/** The first choice input: its options are listed in the input editor. */
const choiceInput = (): string => `/inputs/${published.inputs.findIndex((input) => input.type === 'choice')}`;

/** Parts of the editor: the version opened, the outline entry selected, what marks its editor shown, and what to do before reading it. */
const EDITOR_PARTS: { name: string; version: string; pointer: () => string; ready: string; prepare?: () => Promise<void> }[] = [
  { name: 'published-metadata', version: '1.0.0', pointer: () => '', ready: '#editor-panel .metadata' },
  { name: 'published-criterion', version: '1.0.0', pointer: () => criterionPointer(published, CONDITIONS_CRITERION).criterion, ready: '#editor-panel .rule .condition-row' },
  { name: 'published-requirement', version: '1.0.0', pointer: () => '/requirements/0', ready: '#editor-panel section.requirement' },
  { name: 'published-test', version: '1.0.0', pointer: () => '/tests/0', ready: '#editor-panel .test-case' },
  { name: 'published-json', version: '1.0.0', pointer: () => '#json', ready: '#json-view' },
  // The draft that asks a new question: the input mapping has a row to choose its source.
  { name: 'draft-mapping', version: '1.1.0', pointer: () => '', ready: '[data-testid="input-mapping"] .mapping-row' },
  // The rules' deduction list as a table, their conditions as rows.
  { name: 'draft-criterion', version: DRAFT_COPY, pointer: () => criterionPointer(published, CONDITIONS_CRITERION).criterion, ready: '#editor-panel .rule .condition-row' },
  { name: 'draft-choice-criterion', version: DRAFT_COPY, pointer: () => criterionPointer(published, CHOICE_CRITERION).criterion, ready: '#editor-panel table.option-points' },
  { name: 'draft-input', version: DRAFT_COPY, pointer: choiceInput, ready: '#editor-panel section.input' },
  { name: 'draft-tiers', version: DRAFT_COPY, pointer: () => '/tiers', ready: '#editor-panel [data-tier]' },
  { name: 'draft-requirement', version: DRAFT_COPY, pointer: () => '/requirements/0', ready: '#editor-panel section.requirement' },
  {
    name: 'draft-test',
    version: DRAFT_COPY,
    pointer: () => '/tests/0',
    ready: '#editor-panel .test-case',
    // Run the embedded tests and open the test's details: the run's summary, every expected-value field.
    prepare: async () => {
      await page.locator('.test-run .item-header button').click();
      await page.getByTestId('test-summary').waitFor({ timeout: 30_000 });
      for (const summary of await page.locator('#editor-panel .test-case details > summary').all()) await summary.click();
    },
  },
  { name: 'draft-json', version: DRAFT_COPY, pointer: () => '#json', ready: '#json-view' },
];

describe.each(['zh', 'en'] as const)('every screen in %s', (lang) => {
  test('the sign-in screen', async () => {
    await page.goto(`${server.url}/#/`);
    await page.locator('#token, [data-testid="role"]').first().waitFor();
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.locator('#token').waitFor();
    await setLanguage(page, lang);
    await checkScreen('sign-in', lang);
    // The choice outlives signing in: the app opens in the language chosen on the sign-in screen.
    await page.locator('#token').fill('assessor-local-token');
    await page.locator('main.sign-in button[type="submit"]').click();
    await page.locator('[data-testid="role"][data-role="assessor"]').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
  }, 60_000);

  for (const screen of SCREENS) {
    test(screen.name, async () => {
      if (!(await page.locator('[data-testid="role"][data-role="assessor"]').count())) await signIn(page, server.url, 'assessor');
      await setLanguage(page, lang);
      try {
        await open(screen.route(), screen.ready);
        await screen.prepare?.();
        await checkScreen(screen.name, lang);
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
    }, 90_000);
  }

  for (const part of EDITOR_PARTS) {
    test(`the editor: ${part.name}`, async () => {
      if (!(await page.locator('[data-testid="role"][data-role="editor"]').count())) await signIn(page, server.url, 'editor');
      // Before the editor opens: its try-it preview has a language switch of its own.
      await open('rubrics', '.rubric-list table');
      await setLanguage(page, lang);
      await open(`rubrics/${RUBRIC}/${part.version}`, '.rubric-editor .editor-layout');
      await openInEditor(page, part.pointer());
      await page.locator(part.ready).first().waitFor({ timeout: 20_000 });
      await part.prepare?.();
      await page.waitForLoadState('networkidle');
      await checkScreen(`editor-${part.name}`, lang);
    }, 90_000);
  }

  test('no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
