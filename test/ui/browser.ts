/**
 * What every browser test needs: the real server as a child process on a free loopback port with
 * a fresh data directory (the UI built first), Debian's Chromium driven by playwright-core, an
 * axe-core check and screenshots kept in test/artifacts/.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { controlId } from '../../builder-ui/src/model/issues.ts';
import { ownerOf } from '../../builder-ui/src/model/outline.ts';
import type { DeploymentProfile, RubricDocument } from '../../engine/index.ts';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const TOKENS = { editor: 'editor-local-token', assessor: 'assessor-local-token', viewer: 'viewer-local-token' } as const;

/** A port the OS says is free right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Builds the UI once per test run (the build is fast and keeps the tests on the current source). */
export function buildUi(): void {
  const result = spawnSync('npx', ['vite', 'build', '--config', 'builder-ui/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}

export interface RunningServer {
  url: string;
  dataDir: string;
  stop: () => Promise<void>;
  /** Calls the API directly (for reading what the UI did, never for doing the UI's work). */
  api: <T>(method: string, path: string, role: keyof typeof TOKENS, body?: unknown) => Promise<T>;
}

export type Tokens = { readonly [role in keyof typeof TOKENS]: string };

/** What a test server starts with: only `tokens` when given (RUBRIC_TOKENS), and `deployment` as its deployment.json (Appendix C's without it). */
export interface ServerOptions {
  tokens?: Tokens;
  deployment?: DeploymentProfile;
}

/**
 * Starts `npx tsx server/main.ts` on a free port with a fresh data directory; resolves once it
 * listens. It accepts the documented local tokens, or only `tokens` when given (RUBRIC_TOKENS).
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const tokens = options.tokens ?? TOKENS;
  const rubricTokens = options.tokens ? Object.entries(options.tokens).map(([role, token]) => `${token}:${role}`).join(',') : '';
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'rubric-studio-ui-'));
  if (options.deployment) writeFileSync(join(dataDir, 'deployment.json'), JSON.stringify(options.deployment));
  const child: ChildProcess = spawn('npx', ['tsx', 'server/main.ts', '--port', String(port), '--data-dir', dataDir, '--no-ui-build'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', RUBRIC_TOKENS: rubricTokens, TOKENS_FILE: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: npx starts tsx, which starts node; stop() ends the whole group.
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${tokens.viewer}` } });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const api = async <T>(method: string, path: string, role: keyof typeof TOKENS, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[role]}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const stop = async (): Promise<void> => {
    const group = (signal: NodeJS.Signals | 0): boolean => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
        return true;
      } catch {
        return false; // the group is gone
      }
    };
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      group('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    // npx may exit before tsx and node do: wait for the group, then make sure it is gone.
    for (let i = 0; i < 25 && group(0); i++) await new Promise((r) => setTimeout(r, 200));
    group('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, dataDir, stop, api };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/** Debian's Chromium, headless, with the launch flags verified on this kind of machine (STACK.md). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (.ci/run does this)`);
  const profile = mkdtempSync(join(tmpdir(), 'rubric-studio-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in through the sign-in screen with one of the documented local tokens (or the given one). */
/**
 * Records into `errors` every uncaught page error and console error: a Content Security Policy
 * refusal shows only in the console. Failed resource loads are left out: the UI handles the
 * 4xx answers it asks for (a 409 on a stale save, a 404 it expects).
 */
export function collectPageErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
}

export async function signIn(page: Page, url: string, role: keyof typeof TOKENS, token: string = TOKENS[role]): Promise<void> {
  await page.goto(`${url}/#/`);
  // Once the app has settled: a sign-in still in flight would store its token again after the clear.
  await page.locator('#token, [data-testid="role"]').first().waitFor();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  // By id, not by words: the sign-in screen speaks the page language (Chinese until switched).
  await page.locator('#token').fill(token);
  await page.locator('main.sign-in button[type="submit"]').click();
  await page.locator(`[data-testid="role"][data-role="${role}"]`).waitFor();
}

/** Switches the whole app's language with the switch in the header (or on the sign-in screen); waits for <html lang>. */
export async function setLanguage(page: Page, lang: 'zh' | 'en'): Promise<void> {
  await page.getByTestId('language-switch').getByRole('button', { name: lang === 'zh' ? '中文' : 'English' }).click();
  await page.locator(`html[lang="${lang === 'zh' ? 'zh-CN' : 'en'}"]`).waitFor({ state: 'attached' });
}

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page and returns serious and critical violations. The script is evaluated
 * through the DevTools protocol, so the server's Content Security Policy stays as it is.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Where the screenshots people look at go: SHOTS_DIR, else /tmp/shots. */
export const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots';

/** The widths a screen is looked at: a laptop, a tablet, the narrowest phone. */
export const SCREEN_SIZES = [
  { name: '1280', width: 1280, height: 800 },
  { name: '768', width: 768, height: 800 },
  { name: '320', width: 320, height: 800 },
] as const;

/**
 * Each of `parts`, scrolled into view, lies within the window's `width`, and the page does not
 * scroll sideways: nothing is cut off at the right edge. `at` names the language and size in failures.
 */
export async function expectWithinWidth(page: Page, parts: Locator[], width: number, at: string): Promise<void> {
  for (const part of parts) {
    await part.scrollIntoViewIfNeeded();
    const box = await part.boundingBox();
    expect(box, at).not.toBeNull();
    expect(box?.x, at).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0), at).toBeLessThanOrEqual(width);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth), at).toBeLessThanOrEqual(width);
}

/**
 * The reviewer's proposal the compare tests use, made through the API as an editor makes it:
 * draft 1.1.0 of `rubric`, 示范型 from 0.92 instead of 0.9 and 标准型 up to 0.92.
 */
export async function proposeStricterDemonstration(server: RunningServer, rubric: string): Promise<void> {
  await server.api('POST', `/api/rubrics/${rubric}/versions`, 'editor', { version: '1.1.0', copyFrom: { version: '1.0.0' } });
  const { document: doc } = await server.api<{ document: RubricDocument }>('GET', `/api/rubrics/${rubric}/versions/1.1.0`, 'editor');
  const demonstration = doc.tiers.find((t) => t.id === 'demonstration');
  const standard = doc.tiers.find((t) => t.id === 'standard');
  if (!demonstration || !standard) throw new Error('tier ids changed');
  demonstration.min.value = 0.92;
  standard.max.value = 0.92;
  await server.api('PUT', `/api/rubrics/${rubric}/versions/1.1.0`, 'editor', { document: doc, revision: 1 });
}

/** Saves a full-page screenshot of the current screen to test/artifacts/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** JSON pointer of a criterion of the Appendix C document (its position is what the editor's control ids use). */
export function criterionPointer(doc: RubricDocument, id: string): { criterion: string; indicator: string } {
  const search = (groups: RubricDocument['groups'], at: string): { criterion: string; indicator: string } | null => {
    for (const [g, group] of groups.entries()) {
      for (const [i, indicator] of (group.indicators ?? []).entries()) {
        const c = indicator.criteria.findIndex((x) => x.id === id);
        if (c >= 0) return { indicator: `${at}/${g}/indicators/${i}`, criterion: `${at}/${g}/indicators/${i}/criteria/${c}` };
      }
      const found = search(group.groups ?? [], `${at}/${g}/groups`);
      if (found) return found;
    }
    return null;
  };
  const found = search(doc.groups, '/groups');
  if (!found) throw new Error(`criterion ${id} not in the document`);
  return found;
}

export const control = (pointer: string): string => `#${controlId(pointer)}`;

/**
 * Opens, in the builder, the item holding the control for a pointer: clicks its entry in the
 * outline (the property panel renders only the selected item). Clears a search that hides it.
 */
export async function openInEditor(page: Page, pointer: string): Promise<void> {
  const entry = page.locator(`[data-outline="${ownerOf(pointer)}"]`);
  if ((await entry.count()) === 0 && (await page.locator('#outline-search').inputValue())) await page.locator('#outline-search').fill('');
  await entry.click();
}

/** expect.poll with a wait fit for a browser round trip to the server (vitest's default is 1 s). */
export const poll = <T>(read: () => T | Promise<T>, options: { timeout?: number } = {}) => expect.poll(read, { timeout: 15_000, interval: 150, ...options });

/** What a browser test works with: the real server, Chromium and its page. */
export interface BrowserSession {
  server: RunningServer;
  browser: Browser;
  page: Page;
}

/**
 * The UI built, the server started on a fresh data directory, Chromium launched; page errors
 * (uncaught exceptions, console errors) collect into `pageErrors` for the tests to assert empty.
 */
export async function openSession(pageErrors: string[], options: ServerOptions = {}): Promise<BrowserSession> {
  buildUi();
  const server = await startServer(options);
  const browser = await launchBrowser();
  collectPageErrors(browser.page, pageErrors);
  return { server, browser, page: browser.page };
}

/** Closes what `openSession` opened; safe when it failed half-way. */
export async function closeSession(session: Partial<Omit<BrowserSession, 'page'>>): Promise<void> {
  await session.browser?.close();
  await session.server?.stop();
}
