// A small dialog sheet under the header; Escape or the close button dismisses it.
import { useEffect, type ReactNode } from 'react';
import { useT } from '../../hooks/useT';

export function Sheet(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId: string;
}) {
  const { onClose } = props;
  const t = useT();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div
      className="sheet"
      role="dialog"
      aria-modal="false"
      aria-label={props.title}
      data-testid={props.testId}
    >
      <div className="sheet-head">
        <h2>{props.title}</h2>
        <button type="button" className="ghost" onClick={onClose} aria-label={t('common.close')}>
          ✕
        </button>
      </div>
      {props.children}
    </div>
  );
}
