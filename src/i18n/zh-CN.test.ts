import { describe, expect, it } from 'vitest';
import { WHY_EN } from '../sim';
import { en } from './en';
import { enUi } from './en-ui';
import { chooseLocale, matchLang } from './locale';
import { zhCN } from './zh-CN';
import { zhCNUi } from './zh-CN-ui';

const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const CJK = /[\u4e00-\u9fff]/;

describe('the zh-CN narration catalogue', () => {
  it.each(Object.entries(WHY_EN))('translates %s with the same placeholders', (key, english) => {
    const zh = (zhCN as { readonly [k: string]: string | undefined })[key];
    expect(zh, key).toBeDefined();
    expect(holes(zh ?? '')).toEqual(holes(english));
    expect(zh).toMatch(CJK);
  });
  it('has no key the engine does not emit', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(WHY_EN).sort());
  });
});

describe('the zh-CN UI catalogue', () => {
  const english: { readonly [k: string]: string } = enUi;
  const chinese: { readonly [k: string]: string } = zhCNUi;
  it.each(Object.entries(english))('translates %s with the same placeholders', (key, text) => {
    expect(chinese[key], key).toBeDefined();
    expect(holes(chinese[key] ?? '')).toEqual(holes(text));
  });
  it('has no key en-ui.ts lacks', () => {
    expect(Object.keys(chinese).filter((k) => !(k in english))).toEqual([]);
  });
  it('keeps narration and interface keys apart', () => {
    expect(Object.keys(english).filter((k) => k in en)).toEqual([]);
  });
  it('writes Chinese for every sentence that is not a technical name', () => {
    const technical = Object.entries(chinese)
      .filter(([, zh]) => !CJK.test(zh))
      .map(([k]) => k);
    expect(technical.sort()).toEqual(['lesson.nat', 'tab.netfilter']);
  });
});

describe('chooseLocale', () => {
  it('takes ?lang= from the URL first', () => {
    expect(chooseLocale({ url: '?lang=zh-CN', stored: 'en', browser: ['en-US'] })).toBe('zh-CN');
    expect(chooseLocale({ url: 'https://x/lab/?lang=en#lab=abc', stored: 'zh-CN' })).toBe('en');
  });
  it('then the stored choice, then the browser languages in order', () => {
    expect(chooseLocale({ url: '?lang=fr', stored: 'zh-CN', browser: ['en'] })).toBe('zh-CN');
    expect(chooseLocale({ url: null, stored: null, browser: ['fr-FR', 'zh-Hans-CN', 'en'] })).toBe(
      'zh-CN',
    );
    expect(chooseLocale({ browser: 'zh' })).toBe('zh-CN');
  });
  it('falls back to English, and does not take Traditional Chinese for Simplified', () => {
    expect(chooseLocale({})).toBe('en');
    expect(chooseLocale({ browser: ['zh-TW'] })).toBe('en');
    expect(matchLang('zh-Hant-HK')).toBeNull();
    expect(matchLang('zh_CN')).toBe('zh-CN');
  });
  it('ignores a lang that only appears in the fragment', () => {
    expect(chooseLocale({ url: 'https://x/#?lang=zh-CN', browser: ['en'] })).toBe('en');
  });
});
