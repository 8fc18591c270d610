// Why a link, file or stored lab did not open (the decoder's own reason), that a link opened beside
// the user's lab, or that another tab changed it; with the way back (open or download a kept lab).
import { useLayoutEffect, useRef } from 'react';
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
  const presenting = useAppStore((s) => s.presenting);
  const box = useRef<HTMLDivElement>(null);
  // Over the diagram, below the header (however many rows it wraps to: its flow buttons stay
  // visible), the zoom buttons and the presentation pill; the diagram's picture starts below the
  // banner (useControlsBand counts it), so it covers no node, no control and no side panel.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const place = () => {
      const above = ['.zoom-controls', '.present-exit', ...(presenting ? [] : ['.app-header'])];
      const below = Math.max(
        0,
        ...above.map((q) => document.querySelector(q)?.getBoundingClientRect().bottom ?? 0),
      );
      el.style.top = `${Math.round(below + 8)}px`;
      const diagram = document.querySelector('section.diagram')?.getBoundingClientRect();
      if (!diagram) return;
      const width = Math.min(960, diagram.width - 32);
      el.style.width = `${Math.round(width)}px`;
      el.style.left = `${Math.round(diagram.left + (diagram.width - width) / 2)}px`;
      el.style.transform = 'none';
    };
    place();
    // The header wraps and the diagram's section resizes (presenting, a drawer, the window).
    const ro = new ResizeObserver(place);
    for (const q of ['section.diagram', '.app-header']) {
      const watched = document.querySelector(q);
      if (watched) ro.observe(watched);
    }
    return () => ro.disconnect();
  }, [issue, presenting]);
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
      ref={box}
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
