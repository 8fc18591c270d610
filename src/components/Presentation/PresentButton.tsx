// The header's Present button, and while presenting a small exit control in the corner (the header is folded).
import { createPortal } from 'react-dom';
import { useT } from '../../hooks/useT';
import { usePresentation } from './usePresentation';
import './presentation.css';
import { useAppStore } from '../../store/react';
// The what-changed card's styles ride with the page's stylesheet (its code loads when presenting).
import './what-changed.css';

export function PresentButton() {
  const toggle = usePresentation();
  const presenting = useAppStore((s) => s.presenting);
  const t = useT();
  return (
    <>
      <button
        type="button"
        onClick={() => toggle(!presenting)}
        aria-pressed={presenting}
        title={t('present.title')}
        data-testid="present-toggle"
      >
        {t('present.button')}
      </button>
      {presenting &&
        createPortal(
          <div className="present-exit" title={t('present.keys')}>
            <button
              type="button"
              className="ghost"
              onClick={() => toggle(false)}
              data-testid="present-exit"
            >
              {t('present.exit')}
            </button>
          </div>,
          document.body,
        )}
    </>
  );
}
