// The browser side of choosing a language: reads location, localStorage and navigator, then asks the
// pure chooseLocale (locale.ts). Outside a browser (Vitest, scripts) it answers English.
import { chooseLocale, type Lang } from './locale';

/** localStorage key of the language the user picked with the header switch. */
export const LANG_STORAGE_KEY = 'docker-network-lab.lang';

function stored(): string | null {
  try {
    return window.localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    return null; // storage disabled (privacy mode, sandboxed iframe): the choice just is not kept
  }
}

export function detectLang(): Lang {
  if (typeof window === 'undefined') return 'en';
  return chooseLocale({
    url: window.location.search,
    stored: stored(),
    browser: typeof navigator === 'undefined' ? null : navigator.languages,
  });
}

export function storeLang(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // not kept across reloads; the switch still works for this page
  }
}
