/**
 * Delivery figures: the bytes a first load transfers (bodies as the server sends them: brotli,
 * gzip, or plain) for an assessor (index.html, its stylesheet and the scripts it loads at once) and
 * for an editor (that plus the rubric editor's chunks), and the time until the Appendix C form is
 * interactive in headless Chromium (cold cache, from navigation start to its first enabled field;
 * median of 5), and the editor's keystroke latency: keys typed into a title field of an Appendix C
 * draft in the builder, each key's Event Timing duration (handlers, React's render and the next
 * paint, as INP measures it). The UI is built first as `npm run build` builds it; the server is the built one.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildUi } from '../../server/build.ts';
import { LOCAL_TOKENS } from '../../server/tokens.ts';
import { startServer } from './http.ts';
import { median } from './measure.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const UI_DIR = join(ROOT, 'builder-ui', 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = 5;

type Encoding = 'br' | 'gzip' | 'identity';
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz', identity: '' };

/** Bytes of `file` (relative to dist) as sent with `encoding`: its precompressed sibling when there is one. */
function sentBytes(file: string, encoding: Encoding): number {
  const path = join(UI_DIR, file + SUFFIX[encoding]);
  return statSync(existsSync(path) ? path : join(UI_DIR, file)).size;
}

/** `file` and every chunk it imports statically, recursively (vite's chunks import each other as ./name.js). */
function withStaticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(UI_DIR, file), 'utf8');
  for (const match of code.matchAll(/\b(?:import|from)\s*["']\.\/([\w.-]+\.js)["']/g)) withStaticImports(`assets/${match[1]}`, seen);
  return seen;
}

/** What a first load fetches: index.html, its stylesheets and scripts (module and modulepreload) with their static imports. */
function firstLoad(): string[] {
  const html = readFileSync(join(UI_DIR, 'index.html'), 'utf8');
  const files = new Set(['index.html']);
  for (const [, path] of html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)) {
    if (path.endsWith('.css')) files.add(path);
    else withStaticImports(path, files);
  }
  return [...files];
}

/** Kilobytes of 1,000 bytes, as the budgets are stated. */
const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

function reportBytes(label: string, files: string[]): void {
  const total = (encoding: Encoding, only: (f: string) => boolean = () => true): number => files.filter(only).reduce((sum, f) => sum + sentBytes(f, encoding), 0);
  const js = (f: string): boolean => f.endsWith('.js');
  console.log(
    `  ${label.padEnd(34)} brotli ${kB(total('br')).padStart(9)}   gzip ${kB(total('gzip')).padStart(9)} (JavaScript ${kB(total('gzip', js))})   plain ${kB(total('identity')).padStart(9)}   ${files.length} files`,
  );
}

/**
 * Milliseconds from navigation start until the assessment form at `url` has an enabled field
 * (interactive), and until every section is there (the form renders its first section at once and
 * the rest straight after, marking its section list aria-busy until then), in a fresh browser (cold cache).
 */
async function formInteractiveMs(url: string, token: string, { browserRunning = false } = {}): Promise<{ interactive: number; complete: number }> {
  const profile = mkdtempSync(join(tmpdir(), 'rubric-studio-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    // Signed in already (the token stored as the sign-in screen stores it), and a watcher that notes the
    // moments the form's first enabled field exists (React attaches its handlers as it renders it) and
    // its sections are all there. A string, not a function: tsx would compile helpers into a function
    // that do not exist in the page.
    await context.addInitScript(`
      localStorage.setItem('rubric-studio.token', ${JSON.stringify(token)});
      new MutationObserver((records, observer) => {
        if (!('formInteractiveAt' in window) && document.querySelector('form.assessment-form :is(input, select, textarea):not([disabled])')) window.formInteractiveAt = performance.now();
        if (!document.querySelector('form.assessment-form .form-sections[aria-busy="false"]')) return;
        window.formCompleteAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
    `);
    const page = context.pages()[0] ?? (await context.newPage());
    // A browser already running, as a user's is: its processes started and settled on an empty page first.
    // The HTTP cache stays cold either way (a fresh profile).
    if (browserRunning) {
      await page.goto('about:blank');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    await page.goto(url);
    await page.waitForFunction(() => 'formCompleteAt' in window, undefined, { timeout: 30_000 });
    return await page.evaluate(() => ({ interactive: Number(Reflect.get(window, 'formInteractiveAt')), complete: Number(Reflect.get(window, 'formCompleteAt')) }));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Keys typed per keystroke measurement. */
const KEYS = 'Consultation revision';
/** Event Timing reports nothing shorter than this (its minimum threshold): such keys count as this. */
const EVENT_TIMING_FLOOR_MS = 16;

/** Per key, ms from the key press to the next paint in the builder's title field (Event Timing), signed in as `token`. */
async function editorKeystrokeMs(url: string, token: string): Promise<number[]> {
  const profile = mkdtempSync(join(tmpdir(), 'rubric-studio-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await context.addInitScript(`localStorage.setItem('rubric-studio.token', ${JSON.stringify(token)});`);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    // The metadata (the outline's first entry) holds the title.
    await page.locator('[data-outline=""]').click();
    const title = page.locator('#f-title-en');
    await title.fill('');
    await title.focus();
    await page.evaluate(`
      window.keyTimes = new Map();
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (entry.interactionId) window.keyTimes.set(entry.interactionId, Math.max(window.keyTimes.get(entry.interactionId) ?? 0, entry.duration));
      }).observe({ type: 'event', durationThreshold: ${EVENT_TIMING_FLOOR_MS} });
    `);
    for (const key of KEYS) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      // Let the frame and React's deferred render (outline, side panel) finish before the next key.
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)))');
    }
    const slow = (await page.evaluate('[...window.keyTimes.values()]')) as number[];
    return [...slow, ...Array<number>(Math.max(0, KEYS.length - slow.length)).fill(EVENT_TIMING_FLOOR_MS)];
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function runDeliveryBench(): Promise<void> {
  console.log('Delivery — first-load bytes of the built UI as the server sends them, and the Appendix C form in headless Chromium');
  await buildUi();
  const assessor = firstLoad();
  reportBytes('assessor (sign-in to the form)', assessor);
  const editor = editorChunks();
  reportBytes(editor.length > 0 ? 'editor (plus the rubric editor)' : 'editor (the same: no chunk of its own)', [...new Set([...assessor, ...editor])]);

  if (!existsSync(CHROMIUM)) {
    console.log(`  form interactive: not measured, no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'rubric-studio-bench-'));
  const server = await startServer(dataDir, {});
  try {
    const token = LOCAL_TOKENS.find((t) => t.role === 'assessor')?.token ?? '';
    const api = async (method: string, path: string, body?: unknown): Promise<unknown> => {
      const response = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    };
    const appendixC = JSON.parse(readFileSync(join(ROOT, 'examples', 'appendix-c', 'rubric.json'), 'utf8')) as { id: string; version: string };
    const [community] = (await api('GET', '/api/communities')) as { id: string }[];
    const draft = (await api('POST', '/api/assessments', { communityId: community.id, rubric: { id: appendixC.id, version: appendixC.version }, period: { year: 2025, kind: 'final' }, assessor: 'bench', inputs: {} })) as { id: string };
    const loads: { interactive: number; complete: number }[] = [];
    for (let i = 0; i < RUNS; i++) loads.push(await formInteractiveMs(`${server.url}/#/assessments/${encodeURIComponent(draft.id)}`, token));
    const times = loads.map((l) => l.interactive);
    const complete = loads.map((l) => l.complete);
    console.log(`  Appendix C form interactive       ${median(times).toFixed(0)} ms median of ${RUNS} (${times.map((t) => t.toFixed(0)).join(', ')}), cold cache, loopback, browser started for each load`);
    console.log(`  … every section rendered          ${median(complete).toFixed(0)} ms median (${complete.map((t) => t.toFixed(0)).join(', ')})`);
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) warm.push((await formInteractiveMs(`${server.url}/#/assessments/${encodeURIComponent(draft.id)}`, token, { browserRunning: true })).interactive);
    console.log(`  … in a browser already running    ${median(warm).toFixed(0)} ms median of ${RUNS} (${warm.map((t) => t.toFixed(0)).join(', ')}), cold cache; goal ≤ 300 ms`);

    const editorToken = LOCAL_TOKENS.find((t) => t.role === 'editor')?.token ?? '';
    const draftVersion = '1.0.1';
    const created = await fetch(`${server.url}/api/rubrics/${appendixC.id}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${editorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ version: draftVersion, copyFrom: { version: appendixC.version } }),
    });
    if (!created.ok) throw new Error(`creating the draft: ${created.status} ${await created.text()}`);
    const keys = await editorKeystrokeMs(`${server.url}/#/rubrics/${appendixC.id}/${draftVersion}`, editorToken);
    const shown = (ms: number): string => (ms <= EVENT_TIMING_FLOOR_MS ? `≤ ${EVENT_TIMING_FLOOR_MS}` : ms.toFixed(0));
    console.log(`  editor keystroke (title, App. C)  ${shown(median(keys))} ms median, ${shown(Math.max(...keys))} ms slowest of ${keys.length} keys (Event Timing: key to next paint)`);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The rubric editor's chunk (vite names a lazy chunk after its module) with what it imports statically; none when it is not split off. */
function editorChunks(): string[] {
  const html = readFileSync(join(UI_DIR, 'index.html'), 'utf8');
  const entry = /src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('builder-ui/dist/index.html loads no module script.');
  const code = readFileSync(join(UI_DIR, entry), 'utf8');
  // import(`./RubricEditor-<hash>.js`): the minifier picks the quotes.
  const chunk = /["'`]\.\/(RubricEditor-[\w-]+\.js)["'`]/.exec(code)?.[1];
  return chunk ? [...withStaticImports(`assets/${chunk}`)] : [];
}
