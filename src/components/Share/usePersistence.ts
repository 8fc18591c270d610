// Mount once: opens the lab from a link or the autosave, then autosaves every change.
import { useEffect, useRef } from 'react';
import type { Lang } from '../../i18n/locale';
import { useUi } from '../../hooks/useUi';
import { useAppStoreApi } from '../../store/react';
import { browserStorage, startAutosave, type Autosave } from '../../store/persist';
import { showIssue } from './banner';
import { applyExtras, labExtras } from './extras';
import { hasLinkFragment, openAtStart } from './startup';

/** The UI store's language and its setter (a lab carries the language it was made in). */
export function useLangBridge(): { lang: Lang; setLang: (l: Lang) => void } {
  const lang = useUi((s) => s.lang);
  const setLang = useUi((s) => s.setLang);
  return { lang, setLang };
}

export function useLabPersistence(): void {
  const app = useAppStoreApi();
  const { lang, setLang } = useLangBridge();
  const langRef = useRef<Lang>(lang);
  const setLangRef = useRef(setLang);
  const auto = useRef<Autosave | null>(null);
  langRef.current = lang;
  setLangRef.current = setLang;

  useEffect(() => {
    let cancelled = false;
    const storage = browserStorage();
    const where = { hash: window.location.hash, search: window.location.search };
    void openAtStart(app, where, storage).then((start) => {
      if (cancelled) return;
      if (hasLinkFragment(where.hash)) {
        // The link has been read: drop it, so a reload opens the autosave (with later changes).
        history.replaceState(history.state, '', window.location.pathname + window.location.search);
      }
      if (start.kind === 'link' || start.kind === 'stored')
        applyExtras(app, start.doc, start.kind === 'link' ? setLangRef.current : null);
      if (start.kind === 'refused') showIssue(start.text, start.offerBackup);
      if (!storage) return;
      auto.current = startAutosave(app, storage, {
        extras: labExtras(app, () => langRef.current),
        onError: (m) => showIssue(`Autosave is off: ${m}.`),
      });
      if (start.kind === 'link') auto.current.schedule();
    });
    // A lesson step is kept too (the lesson slice lives in the app store, beside the world).
    const unwatch = app.subscribe((s, prev) => {
      if (s.lesson !== prev.lesson) auto.current?.schedule();
    });
    const flush = () => auto.current?.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      cancelled = true;
      unwatch();
      window.removeEventListener('pagehide', flush);
      auto.current?.flush();
      auto.current?.stop();
      auto.current = null;
    };
  }, [app]);

  // The language is not in the app store: a change of it is saved too.
  useEffect(() => auto.current?.schedule(), [lang]);
}
