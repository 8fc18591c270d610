// Build-time render of the default lab (vite.config.ts's prerender plugin): the page shows the
// diagram as soon as its HTML is parsed, and main.tsx hydrates it when the boot state is the same.
import { renderToString } from 'react-dom/server';
import { App } from './App';
import { loadCatalogue } from './i18n';
import type { Lang } from './i18n/locale';
import { boot } from './components/Shell/boot';
import { onFirstNeed } from './store/late';

/** Parts that never arrive: the page is drawn as the browser first draws it, before they come. */
const NOT_YET = {
  shell: onFirstNeed(() => new Promise<never>(() => {})),
  lessons: onFirstNeed(() => new Promise<never>(() => {})),
  walk: onFirstNeed(() => new Promise<never>(() => {})),
};

/** The markup of the app as it first renders with no query, no stored lab, light theme. */
export async function renderDefaultLab(lang: Lang): Promise<string> {
  await loadCatalogue(lang); // in the page Chinese is fetched; here its text must be at hand
  const { store } = boot('', NOT_YET, lang);
  return renderToString(<App store={store} />);
}
