// public/early.js runs before the app (no module, no bundler) and must choose what the app will
// choose, or the prerendered page would be drawn one way and then redrawn another.
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { LANG_STORAGE_KEY } from '../../i18n/detect';
import { chooseLocale, type LocaleInputs } from '../../i18n/locale';
import { onFirstNeed } from '../../store/late';
import { boot } from './boot';

/** Store parts that never arrive: only boot()'s reading of the URL is under test here. */
const never = () => onFirstNeed(() => new Promise<never>(() => {}));

const SCRIPT = readFileSync(new URL('../../../public/early.js', import.meta.url), 'utf8');

interface Page {
  readonly search: string;
  readonly stored: string | null | 'throws';
  readonly languages: readonly string[];
}

/** Runs the script against a fake page; returns what it put on <html>. */
function runEarly(page: Page): {
  lang: string | undefined;
  dataLang: string | undefined;
  theme: string | undefined;
} {
  const attrs = new Map<string, string>();
  const html = {
    lang: undefined as string | undefined,
    setAttribute: (k: string, v: string) => attrs.set(k, v),
  };
  runInNewContext(SCRIPT, {
    URLSearchParams,
    location: { search: page.search },
    localStorage: {
      getItem: (k: string) => {
        if (page.stored === 'throws') throw new Error('SecurityError');
        return k === LANG_STORAGE_KEY ? page.stored : null;
      },
    },
    navigator: { languages: page.languages, language: page.languages[0] },
    document: { documentElement: html },
  });
  return { lang: html.lang, dataLang: attrs.get('data-lang'), theme: attrs.get('data-theme') };
}

const searches = [
  '',
  '?lang=zh-CN',
  '?lang=zh',
  '?lang=en',
  '?lang=fr',
  '?lab=x&lang=zh-Hans',
  '?lang=zh-TW',
];
const stored = [null, 'zh-CN', 'en', 'garbage', 'throws'] as const;
const browsers = [
  [],
  ['zh-CN', 'en'],
  ['en-US', 'zh-CN'],
  ['zh-TW', 'zh-SG'],
  ['fr-FR', 'zh'],
  ['de'],
];

describe('early.js', () => {
  it('marks <html> for Chinese exactly when chooseLocale picks Chinese', () => {
    let cases = 0;
    for (const search of searches)
      for (const s of stored)
        for (const languages of browsers) {
          const inputs: LocaleInputs = {
            url: search,
            stored: s === 'throws' ? null : s,
            browser: languages,
          };
          const want = chooseLocale(inputs);
          const got = runEarly({ search, stored: s, languages });
          const expected =
            want === 'zh-CN'
              ? { lang: 'zh-CN', dataLang: 'zh-CN' }
              : { lang: undefined, dataLang: undefined };
          expect(
            { lang: got.lang, dataLang: got.dataLang },
            JSON.stringify({ search, s, languages }),
          ).toEqual(expected);
          cases++;
        }
    expect(cases).toBe(searches.length * stored.length * browsers.length);
  });

  it('a Chinese browser with no choice stored gets Chinese; an English one stays untouched', () => {
    expect(runEarly({ search: '', stored: null, languages: ['zh-CN'] }).dataLang).toBe('zh-CN');
    expect(runEarly({ search: '', stored: null, languages: ['en-GB'] }).dataLang).toBeUndefined();
    // The stored choice beats the browser, the URL beats both.
    expect(runEarly({ search: '', stored: 'en', languages: ['zh-CN'] }).dataLang).toBeUndefined();
    expect(runEarly({ search: '?lang=zh-CN', stored: 'en', languages: ['en'] }).dataLang).toBe(
      'zh-CN',
    );
  });

  it('puts on <html> the theme boot() will start in, before the first paint', () => {
    for (const search of [
      '',
      '?theme=dark',
      '?theme=light',
      '?theme=DARK',
      '?lab=none-mode&theme=dark',
      '?theme=',
    ]) {
      const app = boot(search, { shell: never(), lessons: never(), walk: never() }).theme;
      const early = runEarly({ search, stored: null, languages: ['en'] }).theme;
      // The app starts light unless asked for dark; the page is light unless marked.
      expect(early ?? 'light', search).toBe(app);
    }
  });
});
