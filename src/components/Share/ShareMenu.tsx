// The header's Share button and the panel it opens. The panel's items (and the codec behind them)
// load when it first opens, and stay mounted after, so a copied link is still there next time.
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../hooks/useT';
import './share.css';

const SharePanel = lazy(() => import('./SharePanel').then((m) => ({ default: m.SharePanel })));

export function ShareMenu() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [everOpened, setEverOpened] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (root.current && e.target instanceof Node && !root.current.contains(e.target))
        setOpen(false);
    };
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', esc);
    };
  }, [open]);

  return (
    <div className="share" ref={root}>
      <button
        type="button"
        className={open ? 'on' : ''}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen(!open);
          setEverOpened(true);
        }}
        data-testid="share-toggle"
      >
        {t('share.button')}
      </button>
      <div
        className="share-panel"
        id={panelId}
        hidden={!open}
        role="group"
        aria-label={t('share.panel')}
      >
        {everOpened && (
          <Suspense fallback={null}>
            <SharePanel onClose={() => setOpen(false)} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
