import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadRubric } from '../../engine/index.ts';

/** The rubric document is the only place Appendix C's numbers, names and clauses live. */
const root = new URL('../..', import.meta.url).pathname;
const rubric = loadRubric(readFileSync(join(root, 'examples/appendix-c/rubric.json'), 'utf8'));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|css|html)$/.test(name) ? [path] : [];
  });
}

const productCode = ['engine', 'server', 'builder-ui'].flatMap((dir) => sourceFiles(join(root, dir))).map((path) => ({ path: path.slice(root.length), text: readFileSync(path, 'utf8') }));

describe('product code knows no rubric', () => {
  test('there is product code to check', () => {
    expect(productCode.length).toBeGreaterThan(20);
  });

  test('no Appendix C input id, indicator or requirement clause appears in engine/, server/ or builder-ui/', () => {
    const doc = rubric.doc;
    const names = [
      ...doc.inputs.map((i) => i.id),
      ...rubric.index.indicators.map((e) => e.indicator.title.zh as string),
      ...doc.requirements.map((r) => r.clause).filter((clause) => /^\d+\.\d+\.\d+$/.test(clause)),
      '表C.1',
      '示范型',
    ];
    // Short names only count as string literals; longer ones anywhere, comments included.
    const appears = (text: string, name: string): boolean => (name.length > 3 ? text.includes(name) : text.includes(`'${name}'`) || text.includes(`"${name}"`));
    const found = productCode.flatMap(({ path, text }) => names.filter((name) => appears(text, name)).map((name) => `${path}: ${name}`));
    expect(found).toEqual([]);
  });

  test('no tier threshold of Appendix A is written into product code', () => {
    const thresholds = rubric.doc.tiers.flatMap((t) => [t.min.value, t.max.value]).filter((v) => v > 0 && v < 1);
    const found = productCode.flatMap(({ path, text }) => thresholds.filter((v) => new RegExp(`(?<![\\d.])${String(v).replace('.', '\\.')}(?![\\d])`).test(text)).map((v) => `${path}: ${v}`));
    expect(found).toEqual([]);
  });
});
