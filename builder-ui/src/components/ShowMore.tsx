/**
 * A long list shown a page at a time: "Showing 50 of 128" above the rows, "Show 50 more" below
 * them until all are shown. The caller holds the rows: from the server page by page (the
 * assessor's list, which passes `loading` while a page is on its way) or already in memory (the
 * impact report, which only raises how many it renders).
 */
import type { ReactNode } from 'react';
import { useLanguage } from '../i18n/language.tsx';
import { countText } from '../i18n/message.ts';

/** How many rows the next step adds: a whole page, or what is left when less is. */
export function nextStep(shown: number, total: number, page: number): number {
  return Math.max(0, Math.min(page, total - shown));
}

export interface ShowMoreProps {
  /** Rows rendered now. */
  shown: number;
  /** Rows there are in all (on the server, or in the report). */
  total: number;
  /** Rows one step adds. */
  page: number;
  onMore: () => void;
  /** A request of the list on its way: the button waits for it. */
  busy?: boolean;
  /** The next page itself on its way: the button says so. */
  loadingMore?: boolean;
  /** `data-testid`s of the count line and of the button. */
  countTestId: string;
  moreTestId: string;
  /** The rows, between the count line and the button. */
  children: ReactNode;
}

export function ShowMore({ shown, total, page, onMore, busy = false, loadingMore = false, countTestId, moreTestId, children }: ShowMoreProps) {
  const { lang, t } = useLanguage();
  const step = nextStep(shown, total, page);
  return (
    <>
      {/* An empty list says so in its own words, not "Showing 0 of 0". */}
      {total > 0 && (
        <p className="hint shown-count" role="status" data-testid={countTestId} data-shown={shown} data-total={total}>
          {t('common.shownOf', { shown: countText(shown, lang), total: countText(total, lang) })}
        </p>
      )}
      {children}
      {step > 0 && (
        <button type="button" className="show-more" data-testid={moreTestId} disabled={busy} onClick={onMore}>
          {loadingMore ? t('common.loadingMore') : t('common.showMore', { count: countText(step, lang) })}
        </button>
      )}
    </>
  );
}
