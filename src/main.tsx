import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { boot } from './components/Shell/boot';
import './styles/tokens.css';
import './styles/app.css';
import './styles/diagram.css';
import './styles/panels.css';

const { store, theme } = boot(window.location.search);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App store={store} theme={theme} />
    </StrictMode>,
  );
}
