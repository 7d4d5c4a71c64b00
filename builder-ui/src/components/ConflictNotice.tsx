/**
 * Someone else saved the record being edited since it was read: the save was refused (409
 * STALE_REVISION), nothing was overwritten, and the person chooses: reload theirs, compare, or
 * keep mine (save over theirs on purpose, with their revision).
 */
import { type ReactNode, useEffect, useRef } from 'react';
import type { Language } from '../../../engine/browser.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

type Text = { zh: string; en: string };

/** What the other save did: changed the record (still editable), closed it (published, submitted…), or deleted it. */
export type Conflict<T> = { state: 'changed'; theirs: T; revision: number } | { state: 'closed'; theirs: T; revision: number; status: string } | { state: 'gone' };

const NOUN: Record<'rubric' | 'assessment', Text> = {
  rubric: { zh: '这份细则草稿', en: 'this draft' },
  assessment: { zh: '这份评价草稿', en: 'this draft assessment' },
};

const STATUS: Record<string, Text> = {
  published: { zh: '发布', en: 'published' },
  retired: { zh: '停用', en: 'retired' },
  submitted: { zh: '提交', en: 'submitted' },
};

const CONFLICT_TEXT = {
  heading: { zh: '有人在你打开后修改了{noun}', en: 'Someone else changed {noun} after you opened it' },
  changed: {
    zh: '另一位用户（或你的另一个标签页）已保存了新的修改（修订号 {theirs}，你打开时是 {mine}）。你的修改还没有保存，也没有覆盖对方的修改。请选择：',
    en: 'Another person (or another tab of yours) saved changes meanwhile (revision {theirs}; you opened revision {mine}). Your edits are not saved yet and have not overwritten theirs. Choose:',
  },
  closed: {
    zh: '它已被{status}（修订号 {theirs}），不能再修改。你的修改还没有保存。重新加载可查看对方保存的内容。',
    en: 'It has been {status} meanwhile (revision {theirs}) and can no longer change. Your edits are not saved. Reload to see what was saved.',
  },
  gone: {
    zh: '它已被删除。你的修改仍在本页面上，但无法再保存到这里。',
    en: 'It has been deleted meanwhile. Your edits are still on this page but can no longer be saved here.',
  },
  reload: { zh: '重新加载（放弃我的修改）', en: 'Reload (discard mine, load theirs)' },
  compare: { zh: '对比差异', en: 'Compare' },
  hideCompare: { zh: '收起对比', en: 'Hide comparison' },
  keepMine: { zh: '保留我的（覆盖对方的修改）', en: 'Keep mine (save over theirs)' },
  language: { zh: '提示语言', en: 'Notice language' },
} satisfies Record<string, Text>;

const fill = (text: string, values: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));

interface Props<T> {
  conflict: Conflict<T>;
  what: 'rubric' | 'assessment';
  /** The revision the edits were based on. */
  mine: number | undefined;
  lang: Language;
  /** A language switch in the notice, for screens whose own switch is out of sight. */
  onLang?: (lang: Language) => void;
  busy: boolean;
  comparing: boolean;
  onReload: () => void;
  onCompare: () => void;
  onKeepMine: () => void;
  /** The comparison, shown while `comparing`. */
  children?: ReactNode;
}

export function ConflictNotice<T>({ conflict, what, mine, lang, onLang, busy, comparing, onReload, onCompare, onKeepMine, children }: Props<T>) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Moved to when it appears, so keyboard and screen-reader users land on the choice.
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const t = (key: keyof typeof CONFLICT_TEXT): string => CONFLICT_TEXT[key][lang];
  const values = {
    noun: NOUN[what][lang],
    mine: mine ?? '?',
    theirs: conflict.state === 'gone' ? '' : conflict.revision,
    status: conflict.state === 'closed' ? (STATUS[conflict.status]?.[lang] ?? conflict.status) : '',
  };
  return (
    <section className="conflict-notice" aria-labelledby="conflict-heading" data-testid="conflict-notice" lang={lang}>
      <div className="conflict-top">
        <h2 id="conflict-heading" ref={heading} tabIndex={-1}>
          ⚠ {fill(t('heading'), values)}
        </h2>
        {onLang && <LanguageSwitch lang={lang} onChange={onLang} label={t('language')} />}
      </div>
      <p>{fill(t(conflict.state), values)}</p>
      {conflict.state !== 'gone' && (
        <div className="actions">
          <button type="button" disabled={busy} onClick={onReload}>
            {t('reload')}
          </button>
          <button type="button" disabled={busy} onClick={onCompare} aria-expanded={comparing}>
            {comparing ? t('hideCompare') : t('compare')}
          </button>
          {conflict.state === 'changed' && (
            <button type="button" className="danger" disabled={busy} onClick={onKeepMine}>
              {t('keepMine')}
            </button>
          )}
        </div>
      )}
      {comparing && conflict.state !== 'gone' && children}
    </section>
  );
}
