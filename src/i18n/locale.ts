// Which language the lab speaks: the URL's ?lang= first, then a stored choice, then the browser's. Pure.

export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'en';

/** Maps a BCP 47 tag to a supported language: zh, zh-CN, zh-Hans, zh-SG → zh-CN; en-* → en. */
export function matchLang(tag: string | null | undefined): Lang | null {
  if (!tag) return null;
  const t = tag.trim().toLowerCase().replace(/_/g, '-');
  if (t === 'en' || t.startsWith('en-')) return 'en';
  // Traditional Chinese is not Simplified Chinese: leave zh-TW/zh-HK/zh-Hant to the next source.
  if (t === 'zh' || t === 'zh-cn' || t === 'zh-sg' || t.startsWith('zh-hans')) return 'zh-CN';
  return null;
}

export interface LocaleInputs {
  /** location.search or the whole URL; only its `lang` parameter is read. */
  readonly url?: string | null;
  /** What the user picked last time (e.g. from localStorage). */
  readonly stored?: string | null;
  /** navigator.languages (or [navigator.language]), most preferred first. */
  readonly browser?: readonly string[] | string | null;
}

function langParam(url: string): string | null {
  const beforeFragment = url.split('#')[0] ?? '';
  const q = beforeFragment.indexOf('?');
  return q < 0 ? null : new URLSearchParams(beforeFragment.slice(q + 1)).get('lang');
}

/** The first source that names a supported language wins; otherwise English. */
export function chooseLocale(inputs: LocaleInputs): Lang {
  const fromUrl = inputs.url ? matchLang(langParam(inputs.url)) : null;
  if (fromUrl) return fromUrl;
  const fromStore = matchLang(inputs.stored);
  if (fromStore) return fromStore;
  const browser = typeof inputs.browser === 'string' ? [inputs.browser] : (inputs.browser ?? []);
  for (const tag of browser) {
    const m = matchLang(tag);
    if (m) return m;
  }
  return DEFAULT_LANG;
}
