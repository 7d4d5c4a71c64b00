/** What an incomplete result can still become, in words (builder-ui/src/model/reachable.ts). */
import { describe, expect, test } from 'vitest';
import type { Reachable } from '../../engine/browser.ts';
import { documentNames, formatRange, reachableLine, reachableParts, tableNames } from '../../builder-ui/src/model/reachable.ts';
import { appendixC } from './documents.ts';

/** The Appendix C demonstration example with the satisfaction rate left out. */
const open: Reachable = {
  total: { min: 72.5, max: 97.5 },
  ratio: { min: 0.725, max: 0.975 },
  tiers: ['basic', 'standard', 'demonstration'],
  determined: null,
  deciding: ['satisfactionRate'],
};
const settled: Reachable = {
  total: { min: 92, max: 95 },
  ratio: { min: 0.92, max: 0.95 },
  tiers: ['demonstration'],
  determined: 'demonstration',
  deciding: [],
};

describe('the reachable line', () => {
  const doc = appendixC();

  test('an open tier names the possible tiers and the deciding input by their labels, in Chinese', () => {
    const label = doc.inputs.find((i) => i.id === 'satisfactionRate')?.label.zh;
    expect(label).toBeTruthy();
    expect(reachableLine(open, 72.5, documentNames(doc, 'zh'), 'zh')).toBe(`目前得分 72.5；可达 72.5–97.5；可能档次：基础型、标准型、示范型；取决于：${label}`);
  });

  test('and in English', () => {
    const line = reachableLine(open, 72.5, documentNames(doc, 'en'), 'en');
    expect(line).toBe('so far 72.5; reachable 72.5–97.5; possible tiers: Basic, Standard, Demonstration; decided by: Resident satisfaction rate (third-party survey)');
  });

  test('a determined tier is marked determined and nothing decides it any more', () => {
    const zh = reachableParts(settled, 92, documentNames(doc, 'zh'), 'zh');
    expect(zh.tier).toBe('档次：示范型（已确定）');
    expect(zh.decidedBy).toBeNull();
    expect(reachableLine(settled, 92, documentNames(doc, 'en'), 'en')).toBe('so far 92; reachable 92–95; tier: Demonstration (determined)');
  });

  test('no id reaches the reader when the rubric has the label; an unknown id is shown as it is', () => {
    const line = reachableLine({ ...open, deciding: ['satisfactionRate', 'nobodyKnows'] }, 72.5, documentNames(doc, 'en'), 'en');
    expect(line).not.toContain('satisfactionRate');
    expect(line).not.toMatch(/\bbasic\b|\bstandard\b/);
    expect(line).toContain('nobodyKnows');
  });

  test('labels from the impact report tables', () => {
    const names = tableNames({ basic: { zh: '基础型', en: 'Basic' } }, { satisfactionRate: { en: 'Satisfaction' } }, 'zh');
    expect(names.tier('basic')).toBe('基础型');
    // The other language when the one asked is missing.
    expect(names.input('satisfactionRate')).toBe('Satisfaction');
    expect(names.tier('toString')).toBe('toString');
  });

  test('ranges trim float noise and collapse when both ends meet', () => {
    expect(formatRange(72.50000000001, 97.5)).toBe('72.5–97.5');
    expect(formatRange(80, 80)).toBe('80');
  });

  test('no tier possible at all is said, not left blank', () => {
    expect(reachableParts({ ...open, tiers: [] }, 10, documentNames(doc, 'en'), 'en').tier).toBe('tier: no tier possible');
  });
});
