/** Result page data (builder-ui/src/model/result.ts). */
import { describe, expect, test } from 'vitest';
import type { ScoreResult } from '../../engine/browser.ts';
import { walkHierarchy } from '../../builder-ui/src/model/document.ts';
import { formatRatio, percent, tableRows, tierLabel } from '../../builder-ui/src/model/result.ts';
import { appendixC, venueAccessibility } from './documents.ts';

describe('tier names', () => {
  const doc = venueAccessibility();

  test('the tier label in the language asked, the id when the tier is unknown', () => {
    expect(tierLabel(doc, 'gold', 'en')).toBe(doc.tiers[3].label.en);
    expect(tierLabel(appendixC(), 'standard', 'zh')).toBe(appendixC().tiers[1].label.zh);
    expect(tierLabel(doc, 'platinum', 'en')).toBe('platinum');
    expect(tierLabel(undefined, 'gold', 'en')).toBe('gold');
  });

  test('no tier means the assessment is incomplete, in both languages', () => {
    expect(tierLabel(doc, null, 'zh')).toBe('档次未定（未评完）');
    expect(tierLabel(doc, null, 'en')).toBe('No tier (incomplete)');
  });
});

describe('numbers', () => {
  test.each([
    [5, 10, 50],
    [0, 10, 0],
    [12, 10, 100],
    [-1, 10, 0],
    [3, 0, 0],
  ])('percent(%d, %d) = %d', (points, max, expected) => {
    expect(percent(points, max)).toBe(expected);
  });

  test('formatRatio shows one decimal, or a dash when there is no ratio', () => {
    expect(formatRatio(0.9593)).toBe('95.9%');
    expect(formatRatio(1)).toBe('100.0%');
    expect(formatRatio(null)).toBe('—');
  });
});

describe('Table C.1 rows', () => {
  const doc = appendixC();
  const criteria = walkHierarchy(doc).criteria;
  // Points of a finished assessment: each criterion's maximum, except i01.1 at 0 and i03.2 not scored.
  const result = {
    criteria: criteria.filter((c) => c.id !== 'i03.2').map((c) => ({ id: c.id, points: c.id === 'i01.1' ? 0 : c.points })),
  } as unknown as ScoreResult;
  const rows = tableRows(doc, result, 'zh');

  test('one row per criterion, in document order, with its maximum and points', () => {
    expect(rows).toHaveLength(criteria.length);
    expect(rows.map((r) => r.max)).toEqual(criteria.map((c) => c.points));
    expect(rows[0].points).toBe(0);
    expect(rows[0].rule).toBe(criteria[0].title.zh);
    expect(rows[criteria.findIndex((c) => c.id === 'i03.2')].points).toBeNull();
  });

  test('the content cell spans its top-level group; the indicator cell spans its criteria', () => {
    const contentRows = rows.filter((r) => r.content);
    expect(contentRows.map((r) => r.content?.text)).toEqual(doc.groups.map((g) => `${g.title.zh}（${g.points}）`));
    expect(contentRows.reduce((n, r) => n + (r.content?.rowSpan ?? 0), 0)).toBe(rows.length);
    const indicatorRows = rows.filter((r) => r.indicator);
    expect(indicatorRows).toHaveLength(walkHierarchy(doc).indicators.length);
    expect(indicatorRows.reduce((n, r) => n + (r.indicator?.rowSpan ?? 0), 0)).toBe(rows.length);
    const i04 = walkHierarchy(doc).indicators[3];
    expect(rows[4].indicator).toEqual({ number: i04.number ?? '', title: `${i04.title.zh}（${i04.points}）`, rowSpan: 2 });
  });

  test('in English the rules and titles are the English ones', () => {
    const en = tableRows(doc, result, 'en');
    expect(en[0].rule).toBe(criteria[0].title.en);
    // English takes ASCII brackets with a space; Chinese the full-width ones.
    expect(en[0].content?.text).toBe(`${doc.groups[0].title.en} (${doc.groups[0].points})`);
  });
});
