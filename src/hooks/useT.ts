// The interface language for components: useLang() reads it from the UI store, useT() gives a
// translate function bound to it, useDocumentLang() keeps <html lang> and localStorage in step.
import { useCallback, useEffect, useRef } from 'react';
import { translate, type MessageKey, type Params } from '../i18n';
import { storeLang } from '../i18n/detect';
import type { Lang } from '../i18n/locale';
import '../i18n/cjk-font.css';
import { useUi } from './useUi';

export type { Lang, MessageKey };
export type Translate = (key: MessageKey, params?: Params) => string;

/** The current interface language ('en' | 'zh-CN'); set it with useUi((s) => s.setLang). */
export function useLang(): Lang {
  return useUi((s) => s.lang);
}

/** `t('header.networks')`, `t(hop.why.key, hop.why.params)`: text in the current language. */
export function useT(): Translate {
  const lang = useLang();
  return useCallback((key: MessageKey, params?: Params) => translate(key, params, lang), [lang]);
}

/**
 * Mount once (AppShell): puts the language on <html lang> (screen readers, CJK line breaking, the
 * font stack in cjk-font.css) and remembers a language the user changed to. The language the page
 * opened in is not written back, so `?lang=en` in a link does not overwrite a stored zh-CN.
 */
export function useDocumentLang(): void {
  const lang = useLang();
  const opened = useRef(lang);
  const changed = useRef(false);
  useEffect(() => {
    document.documentElement.lang = lang;
    if (lang !== opened.current) changed.current = true;
    if (changed.current) storeLang(lang);
  }, [lang]);
}
