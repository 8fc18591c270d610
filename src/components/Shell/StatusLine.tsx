// The last action's outcome, read out to screen readers; engine errors verbatim.
import { useEffect } from 'react';
import { useT } from '../../hooks/useT';
import { useAppStore } from '../../store/react';

const INFO_MS = 5000;
/** Long enough to find and press the Undo the message offers. */
const ACTION_MS = 12000;

export function StatusLine() {
  const notice = useAppStore((s) => s.notice);
  const setNotice = useAppStore((s) => s.setNotice);
  const t = useT();
  // Confirmations fade on their own; an engine error stays until dismissed.
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const id = window.setTimeout(() => setNotice(null), notice.action ? ACTION_MS : INFO_MS);
    return () => window.clearTimeout(id);
  }, [notice, setNotice]);
  if (!notice) return null;
  return (
    <div
      className={`status-line ${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="status-line"
    >
      <span>{notice.text}</span>
      {notice.action && (
        <button
          type="button"
          onClick={() => {
            setNotice(null);
            notice.action?.run();
          }}
          data-testid="status-action"
        >
          {notice.action.label}
        </button>
      )}
      <button
        type="button"
        className="ghost"
        onClick={() => setNotice(null)}
        aria-label={t('common.dismiss')}
      >
        ✕
      </button>
    </div>
  );
}
