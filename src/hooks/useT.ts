// The interface language for components: useLang() reads it from the UI store, useT() gives a
// translate function bound to it, useDocumentLang() keeps <html lang> and localStorage in step.
import { useEffect, useMemo, useRef } from 'react';
import { translate, type MessageKey, type Params } from '../i18n';
import { narrate, placeName } from '../i18n/narrate';
import { storeLang } from '../i18n/detect';
import type { Lang } from '../i18n/locale';
import '../i18n/cjk-font.css';
import { useAppStore } from '../store/react';

export type { Lang, MessageKey };
/** Text for a key in one language; pure modules (layers.ts, packetText.ts) take one of these. */
export type Say = (key: MessageKey, params?: Params) => string;

export interface Translate extends Say {
  /**
   * The engine's narration of a hop at its node: `t.why(hop.why, hop.node)` (why.key is one of the
   * engine's WhyKeys); node ids become the names a student knows.
   */
  why(why: { readonly key: string; readonly params: Params }, node: string): string;
  /** A node id as a student knows it: "the host", "c1", "the client". */
  place(node: string): string;
}

/** The current interface language ('en' | 'zh-CN'); set it with useAppStore((s) => s.setLang). */
export function useLang(): Lang {
  return useAppStore((s) => s.lang);
}

/** `t('header.networks')`, `t('playback.hop', { n, total })`, `t.why(hop.why, hop.node)`: the current language. */
export function useT(): Translate {
  const lang = useLang();
  return useMemo(() => {
    const say: Say = (key, params) => translate(key, params, lang);
    return Object.assign(say, {
      why: (w: { readonly key: string; readonly params: Params }, node: string) =>
        narrate(w, lang, node),
      place: (node: string) => placeName(node, lang),
    });
  }, [lang]);
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
