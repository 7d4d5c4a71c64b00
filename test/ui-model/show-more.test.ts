/**
 * The list shown a page at a time (builder-ui/src/components/ShowMore.tsx), rendered to HTML
 * outside a browser (Chinese, as outside the language provider): the count line with the total,
 * the button adding a page or what is left, none once all are shown, and the button waiting
 * while a page loads.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { nextStep, ShowMore, type ShowMoreProps } from '../../builder-ui/src/components/ShowMore.tsx';

/** The HTML of a list of `shown` of `total` rows in pages of 100. */
function rendered(props: Partial<Omit<ShowMoreProps, 'children'>> & { shown: number; total: number }): string {
  const defaults = { page: 100, onMore: () => undefined, countTestId: 'count', moreTestId: 'more', children: createElement('ul', { 'data-testid': 'rows' }) };
  return renderToStaticMarkup(createElement(ShowMore, { ...defaults, ...props }));
}
const countLine = (html: string): string | undefined => html.match(/<p [^>]*data-testid="count"[^>]*>([^<]*)<\/p>/)?.[1];
const button = (html: string): string | undefined => html.match(/<button [^>]*data-testid="more"[^>]*>([^<]*)<\/button>/)?.[1];

describe('a list shown a page at a time', () => {
  test('the next step is a whole page, or what is left when less is, and nothing once all are shown', () => {
    expect(nextStep(0, 140, 100)).toBe(100);
    expect(nextStep(100, 140, 100)).toBe(40);
    expect(nextStep(100, 200, 100)).toBe(100);
    expect(nextStep(140, 140, 100)).toBe(0);
    // A caller that raised its count past the total (the rows are in memory) has nothing more to show.
    expect(nextStep(200, 140, 100)).toBe(0);
  });

  test('the first 100 of 111: the count line, the rows after it, then "show 11 more"', () => {
    const html = rendered({ shown: 100, total: 111 });
    expect(countLine(html)).toBe('显示 100 条，共 111 条');
    expect(button(html)).toBe('再显示 11 条');
    expect(html.indexOf('data-testid="count"')).toBeLessThan(html.indexOf('data-testid="rows"'));
    expect(html.indexOf('data-testid="rows"')).toBeLessThan(html.indexOf('data-testid="more"'));
    expect(html).toContain('data-shown="100"');
    expect(html).toContain('data-total="111"');
  });

  test('with many more to come the button adds a whole page; counts come formatted', () => {
    const html = rendered({ shown: 100, total: 100_008 });
    expect(countLine(html)).toBe('显示 100 条，共 100,008 条');
    expect(button(html)).toBe('再显示 100 条');
  });

  test('all shown: the count line stays, the button is gone', () => {
    const html = rendered({ shown: 111, total: 111 });
    expect(countLine(html)).toBe('显示 111 条，共 111 条');
    expect(button(html)).toBeUndefined();
  });

  test('a page on its way: the button waits and says so; another request only makes it wait', () => {
    const loading = rendered({ shown: 50, total: 128, page: 50, busy: true, loadingMore: true });
    expect(button(loading)).toBe('正在加载更多…');
    expect(loading).toMatch(/<button [^>]*disabled=""/);
    const waiting = rendered({ shown: 50, total: 128, page: 50, busy: true });
    expect(button(waiting)).toBe('再显示 50 条');
    expect(waiting).toMatch(/<button [^>]*disabled=""/);
    expect(rendered({ shown: 50, total: 128, page: 50 })).not.toMatch(/<button [^>]*disabled/);
  });

  test('an empty list has no count line (it says so in its own words)', () => {
    const html = rendered({ shown: 0, total: 0 });
    expect(countLine(html)).toBeUndefined();
    expect(button(html)).toBeUndefined();
  });
});
