/**
 * Text a document gives in both languages, read in one: a leaf module (it imports nothing), so a
 * page that shows only labels does not bring the rubric index or the scoring kinds along.
 */
import type { Language, Localized } from '../types.ts';

/** Localized text in the preferred language, falling back to the other; empty when there is none. */
export function pick(text: Localized | undefined, lang: Language): string {
  if (!text) return '';
  return (lang === 'zh' ? (text.zh ?? text.en) : (text.en ?? text.zh)) ?? '';
}
