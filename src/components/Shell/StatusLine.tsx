// The last action's outcome, read out to screen readers; engine errors verbatim.
import { useEffect } from 'react';
import { useT } from '../../hooks/useT';
import { useUi } from '../../hooks/useUi';

const INFO_MS = 5000;

export function StatusLine() {
  const notice = useUi((s) => s.notice);
  const setNotice = useUi((s) => s.setNotice);
  const t = useT();
  // Confirmations fade on their own; an engine error stays until dismissed.
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const id = window.setTimeout(() => setNotice(null), INFO_MS);
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
