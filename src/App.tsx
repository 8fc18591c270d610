// The app: the store (world, flow, terminal), the UI store, and the shell.
import { useEffect } from 'react';
import type { AppStore } from './store';
import { AppStoreProvider } from './store/react';
import type { Theme } from './store/ui-slice';
import type { Lang } from './i18n/locale';
import { UiStoreProvider } from './hooks/useUi';
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

export function App(props: { store: AppStore; theme: Theme; lang?: Lang }) {
  useReadyMark();
  return (
    <AppStoreProvider store={props.store}>
      <UiStoreProvider theme={props.theme} {...(props.lang ? { lang: props.lang } : {})}>
        <AppShell />
      </UiStoreProvider>
    </AppStoreProvider>
  );
}
