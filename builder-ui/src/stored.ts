/**
 * What the browser keeps between loads: the sign-in token and the page language. Read by the app
 * and by the early requests inlined in index.html (early-requests.ts), so it imports no code.
 */
import type { Language } from '../../engine/browser.ts';

const TOKEN_KEY = 'rubric-studio.token';
const LANGUAGE_KEY = 'rubric-studio.language';

export function storedToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

export function storedLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function storeLanguage(lang: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    // Private browsing without storage: the choice lasts for this page only.
  }
}
