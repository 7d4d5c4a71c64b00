/**
 * 中文 / English: the one language switch, for the whole app (the header and the sign-in screen).
 * Screens that still keep a language of their own pass it with `lang` and `onChange`: the switch
 * then shows and sets the global language and brings theirs along, so every switch on a page
 * agrees (the assessment page and the editor's preview, until they read the global language).
 */
import { useEffect } from 'react';
import type { Language } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';

interface Props {
  /** A screen's own language, kept equal to the global one. */
  lang?: Language;
  onChange?: (lang: Language) => void;
  /** Ignored: the switch always sets the page language, and says so. Kept for callers that still pass one. */
  label?: string;
}

export function LanguageSwitch({ lang: own, onChange }: Props) {
  const { lang, setLang, t } = useLanguage();
  useEffect(() => {
    if (onChange && own !== undefined && own !== lang) onChange(lang);
  }, [own, lang, onChange]);
  const global = onChange === undefined;
  return (
    <fieldset className="language-switch" data-testid={global ? 'language-switch' : undefined}>
      <legend className="visually-hidden">{t('shell.language')}</legend>
      <button type="button" aria-pressed={lang === 'zh'} onClick={() => setLang('zh')} lang="zh">
        中文
      </button>
      <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')} lang="en">
        English
      </button>
    </fieldset>
  );
}
