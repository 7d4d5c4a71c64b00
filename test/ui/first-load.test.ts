/**
 * Opening an assessment by its address, signed in, in Chromium against the real server: the
 * requests the page needs first leave from the script inlined in index.html (allowed by its hash
 * in the Content Security Policy, no console refusal) and the app takes their answers instead of
 * asking again, so each is asked exactly once; the form is the first thing the app renders. Without
 * the inline script (a server started before the UI was rebuilt refuses it) the app asks itself.
 */
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Browser, closeSession, openSession, type RunningServer, signIn } from './browser.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let assessmentId: string;

beforeAll(async () => {
  ({ server, browser, page } = await openSession(pageErrors));
  await server.api('POST', '/api/communities', 'assessor', { id: 'first-load', name: '首载社区（测试）', street: '西兴街道' });
  const created = await server.api<{ id: string }>('POST', '/api/assessments', 'assessor', {
    communityId: 'first-load',
    rubric: { id: 'binjiang-home-plus', version: '1.0.0' },
    period: { year: 2025, kind: 'final' },
    assessor: '测试评价员',
    inputs: {},
  });
  assessmentId = created.id;
  await signIn(page, server.url, 'assessor');
}, 180_000);

afterAll(() => closeSession({ server, browser }));

/** Loads the assessment's address afresh; returns the paths of the API requests made, in order. */
async function openAssessment(): Promise<string[]> {
  const asked: string[] = [];
  const onRequest = (request: Request): void => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) asked.push(url.pathname + url.search);
  };
  page.on('request', onRequest);
  try {
    await page.goto(`${server.url}/#/assessments/${assessmentId}`);
    await page.getByTestId('live-total').waitFor();
    asked.length = 0;
    await page.reload();
    await page.locator('form.assessment-form input').first().waitFor();
    // The live score and the rubric document follow the form; let them go out before counting.
    await page.getByTestId('live-total').waitFor();
    return asked;
  } finally {
    page.off('request', onRequest);
  }
}

const count = (asked: string[], path: string): number => asked.filter((a) => a === path).length;

/** What the inline script left for the app: undefined without it, else the paths it asked that the app has not taken. */
const untaken = (): Promise<string[] | undefined> =>
  page.evaluate(() => {
    const early = Reflect.get(window, '__rubricStudioEarly') as { responses: Map<string, unknown> } | undefined;
    return early && [...early.responses.keys()];
  });

describe('the first load of an assessment', () => {
  test('the page’s first requests leave from index.html and are each asked once', async () => {
    const asked = await openAssessment();
    const first = ['/api/me', '/api/deployment', '/api/communities', `/api/assessments/${assessmentId}`, `/api/assessments/${assessmentId}/form?lang=zh`];
    for (const path of first) expect(count(asked, path), `${path} in ${asked.join(', ')}`).toBe(1);
    // The inline script asked them (before the app's scripts had even arrived) and the app took every answer.
    expect(await untaken()).toEqual([]);
    expect(asked.slice(0, first.length).sort()).toEqual([...first].sort());
    expect(pageErrors).toEqual([]);
  });

  test('without the inline script the app asks for the same, once each', async () => {
    // index.html as a server with another UI build would serve it: its inline script refused, here removed.
    await page.route(`${server.url}/`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/<script>[\s\S]*?<\/script>/, '');
      await route.fulfill({ response, body: html, headers: { ...response.headers(), 'content-encoding': 'identity' } });
    });
    try {
      const asked = await openAssessment();
      expect(await untaken()).toBeUndefined();
      for (const path of ['/api/me', '/api/deployment', '/api/communities', `/api/assessments/${assessmentId}`, `/api/assessments/${assessmentId}/form?lang=zh`]) {
        expect(count(asked, path), path).toBe(1);
      }
      expect(pageErrors).toEqual([]);
    } finally {
      await page.unroute(`${server.url}/`);
    }
  });
});
