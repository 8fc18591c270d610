// React access to the UI store: a provider and a selector hook, shaped like the app store's.
import { createContext, createElement, use, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { hasCatalogue, loadCatalogue } from '../i18n';
import { detectLang } from '../i18n/detect';
import type { Lang } from '../i18n/locale';
import { createUiStore, type Theme, type UiSlice, type UiStore } from '../store/ui-slice';

const UiContext = createContext<UiStore | null>(null);

export function UiStoreProvider(props: { theme?: Theme; lang?: Lang; children?: ReactNode }) {
  // The language comes from ?lang=, then the stored choice, then the browser (src/i18n/detect.ts).
  // A page opened in Chinese waits for its catalogue (suspends) rather than show English first.
  const [asked] = useState(() => props.lang ?? detectLang());
  const here = hasCatalogue(asked) || use(loadCatalogue(asked));
  const lang = here ? asked : 'en';
  const [store] = useState(() =>
    createUiStore({ ...(props.theme ? { theme: props.theme } : {}), lang }),
  );
  return createElement(UiContext.Provider, { value: store }, props.children);
}

export function useUi<T>(selector: (s: UiSlice) => T): T {
  const store = useContext(UiContext);
  if (!store) throw new Error('useUi must be used inside <UiStoreProvider>');
  return useStore(store, useShallow(selector));
}
