// Why a link, file or stored lab did not open (the decoder's own reason), with a way back to the last lab.
import { createPortal } from 'react-dom';
import { useStore } from 'zustand';
import { useT } from '../../hooks/useT';
import { useAppStoreApi } from '../../store/react';
import { clearIssue, shareBanner } from './banner';
import './share.css';

export function ShareBanner() {
  const issue = useStore(shareBanner, (s) => s.issue);
  const app = useAppStoreApi();
  const t = useT();
  if (!issue) return null;
  // Its code comes with the share code, which a refused link or lab has loaded already.
  const openBackup = () => void import('./backup').then((m) => m.openBackup(app));
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
