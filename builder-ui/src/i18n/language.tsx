/**
 * The page language: one choice for the whole app (中文 by default), kept across reloads, and
 * `<html lang>` following it so screen readers, hyphenation and fonts use the right language.
 * Screens read their words from the message catalogue through `t`, never inline.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Language, Localized } from '../../../engine/browser.ts';
import { MESSAGES, type MessageKey } from './messages/index.ts';

const STORAGE_KEY = 'rubric-studio.language';
const HTML_LANG: Record<Language, string> = { zh: 'zh-CN', en: 'en' };

export type Params = Record<string, string | number>;

/** A message in one language, `{name}` placeholders filled from `params`. */
export function message(key: MessageKey, lang: Language, params?: Params): string {
  const text = MESSAGES[key][lang];
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole)) : text;
}

/** Rubric text (labels, titles) in the page language, else the other one, else the fallback (an id). */
export function localized(text: Localized | undefined, lang: Language, fallback = ''): string {
  const other: Language = lang === 'zh' ? 'en' : 'zh';
  return text?.[lang]?.trim() || text?.[other]?.trim() || fallback;
}

export interface LanguageState {
  lang: Language;
  setLang: (lang: Language) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** Rubric text in the page language (see `localized`). */
  l: (text: Localized | undefined, fallback?: string) => string;
}

function stored(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

const LanguageContext = createContext<LanguageState | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(stored);
  useEffect(() => {
    document.documentElement.lang = HTML_LANG[lang];
  }, [lang]);
  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing without storage: the choice lasts for this page only.
    }
  }, []);
  const state = useMemo<LanguageState>(
    () => ({ lang, setLang, t: (key, params) => message(key, lang, params), l: (text, fallback) => localized(text, lang, fallback) }),
    [lang, setLang],
  );
  return <LanguageContext.Provider value={state}>{children}</LanguageContext.Provider>;
}

/** The page language and its words; outside a provider (a component rendered alone in a test), Chinese. */
export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (state) return state;
  return { lang: 'zh', setLang: () => undefined, t: (key, params) => message(key, 'zh', params), l: (text, fallback) => localized(text, 'zh', fallback) };
}
