/**
 * Someone else saved the record being edited since it was read: the save was refused (409
 * STALE_REVISION), nothing was overwritten, and the person chooses: reload theirs, compare, or
 * keep mine (save over theirs on purpose, with their revision).
 */
import { type ReactNode, useEffect, useRef } from 'react';
import type { Language } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** What the other save did: changed the record (still editable), closed it (published, submitted…), or deleted it. */
export type Conflict<T> = { state: 'changed'; theirs: T; revision: number } | { state: 'closed'; theirs: T; revision: number; status: string } | { state: 'gone' };

const CLOSED_STATUSES = ['published', 'retired', 'submitted'] as const;

interface Props<T> {
  conflict: Conflict<T>;
  what: 'rubric' | 'assessment';
  /** The revision the edits were based on. */
  mine: number | undefined;
  /** The page language unless given (callers that still keep their own). */
  lang?: Language;
  /** A language switch in the notice, for screens whose own switch is out of sight; it sets the page language and brings the caller's along. */
  onLang?: (lang: Language) => void;
  busy: boolean;
  comparing: boolean;
  onReload: () => void;
  onCompare: () => void;
  onKeepMine: () => void;
  /** The comparison, shown while `comparing`. */
  children?: ReactNode;
}

export function ConflictNotice<T>({ conflict, what, mine, lang: given, onLang, busy, comparing, onReload, onCompare, onKeepMine, children }: Props<T>) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Moved to when it appears, so keyboard and screen-reader users land on the choice.
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const { lang, t } = useLanguage(given);
  const closed = conflict.state === 'closed' ? CLOSED_STATUSES.find((s) => s === conflict.status) : undefined;
  const values = {
    noun: t(`conflict.${what}`),
    mine: mine ?? '?',
    theirs: conflict.state === 'gone' ? '' : conflict.revision,
    status: closed ? t(`conflict.status.${closed}`) : conflict.state === 'closed' ? conflict.status : '',
  };
  return (
    <section className="conflict-notice" aria-labelledby="conflict-heading" data-testid="conflict-notice" lang={lang}>
      <div className="conflict-top">
        <h2 id="conflict-heading" ref={heading} tabIndex={-1}>
          ⚠ {t('conflict.heading', values)}
        </h2>
        {onLang && <LanguageSwitch lang={given} onChange={onLang} />}
      </div>
      <p>{t(`conflict.${conflict.state}`, values)}</p>
      {conflict.state !== 'gone' && (
        <div className="actions">
          <button type="button" disabled={busy} onClick={onReload}>
            {t('conflict.reload')}
          </button>
          <button type="button" disabled={busy} onClick={onCompare} aria-expanded={comparing}>
            {comparing ? t('conflict.hideCompare') : t('conflict.compare')}
          </button>
          {conflict.state === 'changed' && (
            <button type="button" className="danger" disabled={busy} onClick={onKeepMine}>
              {t('conflict.keepMine')}
            </button>
          )}
        </div>
      )}
      {comparing && conflict.state !== 'gone' && children}
    </section>
  );
}
