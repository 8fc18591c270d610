// The header's Present button, and while presenting a small exit control in the corner (the header is folded).
import { createPortal } from 'react-dom';
import { useUi } from '../../hooks/useUi';
import { usePresentation } from './usePresentation';
import './presentation.css';

export function PresentButton() {
  const toggle = usePresentation();
  const presenting = useUi((s) => s.presenting);
  return (
    <>
      <button
        type="button"
        onClick={() => toggle(!presenting)}
        aria-pressed={presenting}
        title="Presentation mode (P)"
        data-testid="present-toggle"
      >
        ▶ Present
      </button>
      {presenting &&
        createPortal(
          <div
            className="present-exit"
            title="Next: PageDown, →, Space · Back: PageUp, ← · Leave: Esc"
          >
            <button
              type="button"
              className="ghost"
              onClick={() => toggle(false)}
              data-testid="present-exit"
            >
              ✕ Exit presentation (Esc)
            </button>
          </div>,
          document.body,
        )}
    </>
  );
}
