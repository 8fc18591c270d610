// The app: the store (world, flow, terminal), the UI store, and the shell.
import type { AppStore } from './store';
import { AppStoreProvider } from './store/react';
import type { Theme } from './store/ui-slice';
import type { Lang } from './i18n/locale';
import { UiStoreProvider } from './hooks/useUi';
import { AppShell } from './components/Shell/AppShell';

export function App(props: { store: AppStore; theme: Theme; lang?: Lang }) {
  return (
    <AppStoreProvider store={props.store}>
      <UiStoreProvider theme={props.theme} {...(props.lang ? { lang: props.lang } : {})}>
        <AppShell />
      </UiStoreProvider>
    </AppStoreProvider>
  );
}
