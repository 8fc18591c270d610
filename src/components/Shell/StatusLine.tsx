// The last action's outcome, read out to screen readers; engine errors verbatim.
import { useUi } from '../../hooks/useUi';

export function StatusLine() {
  const notice = useUi((s) => s.notice);
  const setNotice = useUi((s) => s.setNotice);
  if (!notice) return null;
  return (
    <div className={`status-line ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="status-line">
      <span>{notice.text}</span>
      <button type="button" className="ghost" onClick={() => setNotice(null)} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}
