/**
 * The page language: one choice for the whole app (中文 by default), kept across reloads, and
 * `<html lang>` following it so screen readers, hyphenation and fonts use the right language.
 * Screens read their words from the message catalogue through `t`, never inline.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Language, Localized } from '../../../engine/browser.ts';
import type { MessageKey } from './messages/index.ts';
import { storedLanguage, storeLanguage } from '../stored.ts';
import { localized, message, type Params, setPageLanguage } from './message.ts';

export { localized, message, type Params };

const HTML_LANG: Record<Language, string> = { zh: 'zh-CN', en: 'en' };

export interface LanguageState {
  lang: Language;
  setLang: (lang: Language) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** Rubric text in the page language (see `localized`). */
  l: (text: Localized | undefined, fallback?: string) => string;
}

const LanguageContext = createContext<LanguageState | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(storedLanguage);
  // Set while rendering, not after: errors caught by the children's first requests read it.
  setPageLanguage(lang);
  useEffect(() => {
    document.documentElement.lang = HTML_LANG[lang];
  }, [lang]);
  const setLang = useCallback((next: Language) => {
    setLangState(next);
    storeLanguage(next);
  }, []);
  const state = useMemo<LanguageState>(
    () => ({ lang, setLang, t: (key, params) => message(key, lang, params), l: (text, fallback) => localized(text, lang, fallback) }),
    [lang, setLang],
  );
  return <LanguageContext.Provider value={state}>{children}</LanguageContext.Provider>;
}

/**
 * The page language and its words; outside a provider (a component rendered alone in a test),
 * Chinese. `given` is a language a caller still passes down (screens that keep their own): the
 * words then follow it, and `setLang` still sets the global one.
 */
export function useLanguage(given?: Language): LanguageState {
  const state = useContext(LanguageContext);
  const setLang = state?.setLang ?? noop;
  const lang = given ?? state?.lang ?? 'zh';
  if (state && lang === state.lang) return state;
  return { lang, setLang, t: (key, params) => message(key, lang, params), l: (text, fallback) => localized(text, lang, fallback) };
}

const noop = (): void => undefined;
