/**
 * The scoring editor in Chromium against the real server: on a draft of the Appendix C rubric an
 * editor turns criterion i13.1 (0.5 per 20 registered volunteers, at most 3) into steps, adds two
 * steps through the fields the `steps` kind declares, saves, and the stored draft holds them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { controlId } from '../../builder-ui/src/model/issues.ts';
import type { RubricDocument } from '../../engine/index.ts';
import { type Browser, closeSession, openInEditor, openSession, type RunningServer, signIn } from './browser.ts';

const RUBRIC = 'binjiang-home-plus';
const DRAFT = '1.2.0';
/** The scoring of criterion i13.1's only rule (perBlock on registeredVolunteers, cap 3). */
const SCORING = '/groups/1/groups/1/indicators/2/criteria/0/rules/0/event/params';

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const control = (pointer: string): string => `#${controlId(pointer)}`;

beforeAll(async () => {
  ({ server, browser, page } = await openSession(pageErrors));
  // Arrange: a draft to edit (the builder's own draft creation is covered by builder.test.ts).
  await server.api('POST', `/api/rubrics/${RUBRIC}/versions`, 'editor', { version: DRAFT, copyFrom: { version: '1.0.0' } });
}, 180_000);

afterAll(() => closeSession({ server, browser }));

describe('scoring kinds in the builder', () => {
  test('an editor changes a rule to steps, adds two steps and saves them', async () => {
    await signIn(page, server.url, 'editor');
    await page.goto(`${server.url}/#/rubrics/${RUBRIC}/${DRAFT}`);
    await page.locator('[data-testid="version-status"][data-status="draft"]').waitFor();
    await openInEditor(page, SCORING);

    await page.locator(`${control(SCORING)}-kind`).selectOption('steps');
    // The input carries over (a count fits steps) and the cap of 3 becomes the first step.
    expect(await page.locator(control(`${SCORING}/input`)).inputValue()).toBe('registeredVolunteers');
    expect(await page.locator(control(`${SCORING}/steps/0/points`)).inputValue()).toBe('3');
    await page.locator(control(`${SCORING}/steps/0/points`)).fill('1');

    const criterion = page.locator('[data-criterion="i13.1"]');
    await criterion.getByRole('button', { name: '+ 档' }).click();
    await criterion.getByRole('button', { name: '+ 档' }).click();
    await page.locator(control(`${SCORING}/steps/1/atLeast`)).fill('20');
    await page.locator(control(`${SCORING}/steps/1/points`)).fill('2');
    await page.locator(control(`${SCORING}/steps/2/atLeast`)).fill('40');
    await page.locator(control(`${SCORING}/steps/2/points`)).fill('3');
    expect(await criterion.getByLabel('档 2：达到（≥）').inputValue()).toBe('20');

    // Saved automatically a moment after the last edit.
    await page.getByTestId('save-status').filter({ hasText: '已自动保存' }).waitFor();

    const { document } = await server.api<{ document: RubricDocument }>('GET', `/api/rubrics/${RUBRIC}/versions/${DRAFT}`, 'viewer');
    const criterionSaved = document.groups[1].groups?.[1].indicators?.[2].criteria[0];
    expect(criterionSaved?.id).toBe('i13.1');
    expect(criterionSaved?.rules[0].event.params).toEqual({
      kind: 'steps',
      input: 'registeredVolunteers',
      steps: [
        { atLeast: 1, points: 1 },
        { atLeast: 20, points: 2 },
        { atLeast: 40, points: 3 },
      ],
    });
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
