/**
 * The engine modules the builder UI imports must run in the browser: nothing they reach may import
 * a node: module (vite would externalize it and the page would fail at run time).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const UI_SOURCE = join(ROOT, 'builder-ui/src');

/** Declared browser-safe besides what the UI imports today: the UI's entry, and the meta-schema (for in-browser validation). */
const DECLARED = ['engine/browser.ts', 'engine/document/canonical-json.ts', 'engine/document/meta-schema.ts'];

// Type-only imports and re-exports vanish when compiled: they cannot pull a module into the bundle.
const STATIC = /(?:^|[\n;])\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const NODE_BUILTINS = new Set(builtinModules);

/** The specifiers a module really loads at run time. */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(STATIC)].filter((m) => !m[1]).map((m) => m[2]!);
  return [...specifiers, ...[...source.matchAll(DYNAMIC)].map((m) => m[1]!)];
}

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]!);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => ['.ts', '.tsx'].includes(extname(name)))
    .map((name) => join(dir, name));
}

/** Engine modules the UI imports for their code (not only their types). */
function engineModulesImportedByUi(): string[] {
  const modules = new Set<string>();
  for (const file of sourceFiles(UI_SOURCE)) {
    for (const specifier of runtimeImports(file)) {
      const target = resolve(dirname(file), specifier);
      if (specifier.startsWith('.') && relative(ROOT, target).startsWith('engine/')) modules.add(relative(ROOT, target));
    }
  }
  return [...modules];
}

/** Every node: import reachable from `entries` through relative imports, with the chain that reaches it. */
function nodeImportsReachableFrom(entries: string[]): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const here = [...chain, relative(ROOT, file)];
    for (const specifier of runtimeImports(file)) {
      if (isNodeBuiltin(specifier)) found.push(`${here.join(' → ')} imports ${specifier}`);
      else if (specifier.startsWith('.') && ['.ts', '.tsx'].includes(extname(specifier))) walk(resolve(dirname(file), specifier), here);
    }
  };
  for (const entry of entries) walk(join(ROOT, entry), []);
  return found;
}

describe('browser-safe engine modules', () => {
  test('nothing the UI imports, nor any declared browser-safe module, reaches a node: module', () => {
    const entries = [...new Set([...DECLARED, ...engineModulesImportedByUi()])];
    expect(nodeImportsReachableFrom(entries)).toEqual([]);
  });

  test('the walk finds a node: import when there is one (engine/index.ts reaches node:crypto)', () => {
    expect(nodeImportsReachableFrom(['engine/index.ts']).some((line) => line.endsWith('imports node:crypto'))).toBe(true);
  });

  test('the UI bundle builds without externalizing any module for browser compatibility', () => {
    // The real build command, in its own process (inside vitest, vite skips this warning), into a scratch folder.
    const outDir = mkdtempSync(join(tmpdir(), 'builder-ui-dist-'));
    try {
      const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'builder-ui/vite.config.ts', '--outDir', outDir, '--emptyOutDir'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production' },
      });
      expect(run.status, run.stderr).toBe(0);
      expect(`${run.stdout}${run.stderr}`).not.toContain('externalized for browser compatibility');
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
