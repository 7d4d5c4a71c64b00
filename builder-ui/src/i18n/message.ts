/**
 * Words from the catalogue without React, for the model functions (validation messages, the
 * reachable line, supplement problems) and for components through `useLanguage`.
 */
import type { Language, Localized } from '../../../engine/browser.ts';
import { type MessageKey, messageText } from './messages/index.ts';

export type Params = Record<string, string | number>;

/** A message in one language, `{name}` placeholders filled from `params`. */
export function message(key: MessageKey, lang: Language, params?: Params): string {
  const text = messageText(key)[lang];
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole)) : text;
}

/** Rubric text (labels, titles) in the page language, else the other one, else the fallback (an id). */
export function localized(text: Localized | undefined, lang: Language, fallback = ''): string {
  const other: Language = lang === 'zh' ? 'en' : 'zh';
  return text?.[lang]?.trim() || text?.[other]?.trim() || fallback;
}

/** A count as the language writes it (100,008). */
export const countText = (n: number, lang: Language): string => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');

/** A list in the language's way: 、 in Chinese, ", " in English. */
export const joinWords = (words: string[], lang: Language): string => words.join(lang === 'zh' ? '、' : ', ');

/**
 * The page language outside React: for texts made where no component is at hand (an error
 * caught in a request helper). The provider keeps it equal to the switch.
 */
let pageLanguageNow: Language = 'zh';

export function pageLanguage(): Language {
  return pageLanguageNow;
}

export function setPageLanguage(lang: Language): void {
  pageLanguageNow = lang;
}

/** What the server or the engine said, in the page language when it said it in both (`text`), else as said. */
export function said(thing: { message: string; text?: Localized }, lang: Language = pageLanguageNow): string {
  return localized(thing.text, lang, thing.message);
}
