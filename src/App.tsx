// The app: the store (world, flow, terminal, lesson and the view's UI state) and the shell.
import { use, useEffect, type ReactNode } from 'react';
import { hasCatalogue, loadCatalogue } from './i18n';
import type { AppStore } from './store';
import { AppStoreProvider, useAppStore, useAppStoreApi } from './store/react';
import { AppShell } from './components/Shell/AppShell';

/**
 * Marks <html data-ready> once the app has mounted (or taken over the prerendered page): before it,
 * the page may be the build's static picture, whose controls do nothing yet. Tests wait for it.
 */
function useReadyMark(): void {
  useEffect(() => {
    document.documentElement.dataset['ready'] = 'true';
  }, []);
}

/**
 * A page opened in Chinese waits for its catalogue (suspends) rather than show English first. If it
 * cannot be fetched, the page speaks English, as the language switch says.
 */
function CatalogueReady(props: { children: ReactNode }) {
  const lang = useAppStore((s) => s.lang);
  const api = useAppStoreApi();
  const here = hasCatalogue(lang) || use(loadCatalogue(lang));
  useEffect(() => {
    if (!here) api.getState().setLang('en');
  }, [here, api]);
  return props.children;
}

export function App(props: { store: AppStore }) {
  useReadyMark();
  return (
    <AppStoreProvider store={props.store}>
      <CatalogueReady>
        <AppShell />
      </CatalogueReady>
    </AppStoreProvider>
  );
}
