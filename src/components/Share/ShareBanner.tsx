// Why a link, file or stored lab did not open (the decoder's own reason), with a way back to the last lab.
import { createPortal } from 'react-dom';
import { useStore } from 'zustand';
import { useT } from '../../hooks/useT';
import { useAppStoreApi } from '../../store/react';
import { applyLab, BACKUP_KEY, browserStorage, readStored } from '../../store/persist';
import { clearIssue, shareBanner, showIssue } from './banner';
import { applyExtras } from './extras';
import './share.css';

export function ShareBanner() {
  const issue = useStore(shareBanner, (s) => s.issue);
  const app = useAppStoreApi();
  const t = useT();
  if (!issue) return null;
  const openBackup = () => {
    const storage = browserStorage();
    const r = storage ? readStored(storage, BACKUP_KEY) : null;
    if (!r) return showIssue('There is no earlier lab in this browser.');
    if (!r.ok) return showIssue(`Your last lab could not be restored: ${r.error}.`);
    const applied = applyLab(app, r.value);
    if (!applied.ok) return showIssue(`Your last lab could not be restored: ${applied.error}.`);
    applyExtras(app, r.value, null);
    clearIssue();
  };
  // On <body>, so it shows in presentation mode too (the header is folded away there).
  return createPortal(
    <div className="share-banner" role="alert" data-testid="share-banner">
      <span className="share-banner-text">{issue.text}</span>
      {issue.offerBackup && (
        <button type="button" onClick={openBackup} data-testid="open-backup">
          {t('share.openBackup')}
        </button>
      )}
      <button type="button" className="ghost" onClick={clearIssue} aria-label={t('share.dismiss')}>
        ✕
      </button>
    </div>,
    document.body,
  );
}
