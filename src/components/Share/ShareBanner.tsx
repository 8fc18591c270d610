// Why a link, file or stored lab did not open (the decoder's own reason), that a link opened beside
// the user's lab, or that another tab changed it; with the way back (open or download a kept lab).
import { createPortal } from 'react-dom';
import { useT } from '../../hooks/useT';
import type { UiKey } from '../../i18n';
import type { BannerAction } from '../../store/share-slice';
import { useAppStore, useAppStoreApi, useAppStoreRef } from '../../store/react';
import './share.css';

const LABEL: { readonly [K in BannerAction['kind']]: UiKey } = {
  restore: 'share.openBackup',
  download: 'share.download',
  'open-current': 'share.openNewer',
};
const TEST_ID: { readonly [K in BannerAction['kind']]: string } = {
  restore: 'open-backup',
  download: 'download-kept',
  'open-current': 'open-newer',
};

export function ShareBanner() {
  const issue = useAppStoreRef((s) => s.shareIssue);
  const clearIssue = useAppStore((s) => s.clearIssue);
  const app = useAppStoreApi();
  const t = useT();
  if (!issue) return null;
  // Their code comes with the share code, which whatever showed this banner has loaded already.
  const run = (a: BannerAction) =>
    void import('./restore').then((m): unknown => {
      switch (a.kind) {
        case 'restore':
          return m.openKept(app, a.id);
        case 'download':
          return m.downloadKept(app, a.id);
        case 'open-current':
          return m.openCurrent(app);
      }
    });
  // On <body>, so it shows in presentation mode too (the header is folded away there).
  return createPortal(
    <div
      className={`share-banner ${issue.tone}`}
      role={issue.tone === 'error' ? 'alert' : 'status'}
      data-testid="share-banner"
      data-tone={issue.tone}
    >
      <span className="share-banner-text">{t(issue.key, issue.params)}</span>
      {(issue.actions ?? []).map((a) => (
        <button key={a.kind} type="button" onClick={() => run(a)} data-testid={TEST_ID[a.kind]}>
          {t(LABEL[a.kind])}
        </button>
      ))}
      <button type="button" className="ghost" onClick={clearIssue} aria-label={t('share.dismiss')}>
        ✕
      </button>
    </div>,
    document.body,
  );
}
