// Mount once: opens the lab from a link or the autosave, then autosaves every change. The code for
// it loads at once when a lab is waiting (a #lab= link, an autosave), else when the browser is idle.
import { useEffect, useRef } from 'react';
import type { Lang } from '../../i18n/locale';
import { hasLinkFragment } from '../../share/link';
import { useAppStore, useAppStoreApi } from '../../store/react';
import { browserStorage, readKey, STORAGE_KEY } from '../../store/storage';
import { afterFirstPaint } from '../Shell/idle';
import type { Session } from './session';

/** The UI store's language and its setter (a lab carries the language it was made in). */
export function useLangBridge(): { lang: Lang; setLang: (l: Lang) => void } {
  const lang = useAppStore((s) => s.lang);
  const setLang = useAppStore((s) => s.setLang);
  return { lang, setLang };
}

/** A lab to open before anything else: the address carries one, or the browser kept one. */
function labWaiting(): boolean {
  const storage = browserStorage();
  return (
    hasLinkFragment(window.location.hash) ||
    (storage !== null && readKey(storage, STORAGE_KEY) !== null)
  );
}

export function useLabPersistence(): void {
  const app = useAppStoreApi();
  const { lang, setLang } = useLangBridge();
  const langRef = useRef<Lang>(lang);
  const setLangRef = useRef(setLang);
  const session = useRef<Session | null>(null);
  langRef.current = lang;
  setLangRef.current = setLang;

  useEffect(() => {
    let cancelled = false;
    const opened = app.getState();
    const bridge = { lang: () => langRef.current, setLang: (l: Lang) => setLangRef.current(l) };
    const start = () =>
      void import('./session').then(
        (m) => {
          if (!cancelled) session.current = m.startSession(app, bridge, opened);
        },
        () => app.getState().showError('share.autosaveNoCode'),
      );
    if (labWaiting()) start();
    else afterFirstPaint(start);
    return () => {
      cancelled = true;
      session.current?.stop();
      session.current = null;
    };
  }, [app]);

  // The language is not in the app store: a change of it is saved too.
  useEffect(() => session.current?.langChanged(), [lang]);
}
