// The app itself, started by main.tsx once the prerendered page is on screen.
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './App';
import { boot } from './components/Shell/boot';
import { opensAsPrerendered, takePrerenderedCopy } from './components/Shell/prerendered';
import { detectLang } from './i18n/detect';
import './styles/tokens.css';
import './styles/app.css';
import './styles/diagram.css';
import './styles/panels.css';

export function start(): void {
  const lang = detectLang();
  const { store } = boot(window.location.search, undefined, lang);
  const root = takePrerenderedCopy(lang);
  if (!root) return;
  const app = (
    <StrictMode>
      <App store={store} />
    </StrictMode>
  );
  // The build drew the default lab into the page (src/prerender.tsx): take it over as it is. Any
  // other start (a ?lab= query, a theme) renders afresh over it.
  if (opensAsPrerendered(root, window.location.search, lang)) hydrateRoot(root, app);
  else createRoot(root).render(app);
}
