// Build-time render of the default lab (vite.config.ts's prerender plugin): the page shows the
// diagram as soon as its HTML is parsed, and main.tsx hydrates it when the boot state is the same.
import { renderToString } from 'react-dom/server';
import { App } from './App';
import { boot } from './components/Shell/boot';

/** The markup of the app as it first renders with no query, no stored lab, English, light theme. */
export function renderDefaultLab(): string {
  const { store } = boot('');
  return renderToString(<App store={store} theme="light" lang="en" />);
}
