// The Share menu's items: copy a link to this exact lab, save or open a .json file, export the
// diagram. Loaded (with the codec) when the menu first opens; ShareMenu.tsx is the button.
import { useRef, useState, type ChangeEvent } from 'react';
import { encodeFragment, LIMITS } from '../../share';
import { useT } from '../../hooks/useT';
import { useAppStoreApi } from '../../store/react';
import { labOf } from '../../store/persist';
import { diagramPng, diagramSvg, downloadBlob, findDiagramSvg } from './export';
import { applyExtras, labExtras } from './extras';
import { keeping } from './keeper';
import { openLabFile, saveLabFile } from './labFile';
import { RecentLabs } from './RecentLabs';
import { useLangBridge } from './usePersistence';

export function SharePanel(props: { onClose: () => void }) {
  const app = useAppStoreApi();
  const { lang, setLang } = useLangBridge();
  const t = useT();
  const [link, setLink] = useState('');
  const [status, setStatus] = useState('');
  const linkInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const extras = () => labExtras(app, () => lang);

  const copyLink = async () => {
    const hash = await encodeFragment(labOf(app, extras()));
    if (hash.length > LIMITS.fragmentChars) {
      setLink('');
      setStatus(t('share.tooLarge'));
      return;
    }
    const url = `${window.location.origin}${window.location.pathname}${hash}`;
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t('share.copied'));
    } catch {
      setStatus(t('share.copyBelow'));
      linkInput.current?.select();
    }
  };

  const exportAs = async (kind: 'svg' | 'png') => {
    const svg = findDiagramSvg();
    if (!svg) return setStatus(t('share.noDiagram'));
    const s = app.getState();
    const name = `docker-network-lab${s.flow ? `-hop-${s.cursor + 1}` : ''}.${kind}`;
    try {
      const picture = diagramSvg(svg);
      const blob =
        kind === 'svg'
          ? new Blob([picture.text], { type: 'image/svg+xml' })
          : await diagramPng(picture);
      downloadBlob(blob, name);
      setStatus(t('share.saved', { name }));
    } catch (e) {
      const reason = e instanceof Error ? e.message : 'unknown error';
      setStatus(t('share.exportFailed', { kind: kind.toUpperCase(), reason }));
    }
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const r = await openLabFile(app, file, () => keeping()?.keepShown('before-file'));
    if (!r.ok) {
      app.getState().showError('share.fileRefused', { reason: r.error });
      props.onClose();
      return;
    }
    await applyExtras(app, r.value, setLang);
    // A later success: the banner of an earlier refusal no longer describes the screen.
    app.getState().clearIssue();
    setStatus(t('share.opened', { name: file.name }));
  };

  return (
    <>
      <div className="share-row">
        <button
          type="button"
          className="primary"
          onClick={() => void copyLink()}
          data-testid="share-copy-link"
        >
          {t('share.copyLink')}
        </button>
        <input
          ref={linkInput}
          className="share-link"
          readOnly
          value={link}
          placeholder={t('share.linkPlaceholder')}
          aria-label={t('share.linkLabel')}
          onFocus={(e) => e.target.select()}
          data-testid="share-link"
        />
      </div>
      <div className="share-row">
        <span className="share-label">{t('share.file')}</span>
        <button
          type="button"
          onClick={() => saveLabFile(app, extras())}
          data-testid="share-save-file"
        >
          {t('share.save')}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('share.open')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          className="sr-only"
          tabIndex={-1}
          aria-label={t('share.openLabel')}
          onChange={(e) => void onFile(e)}
          data-testid="share-open-file"
        />
      </div>
      <div className="share-row">
        <span className="share-label">{t('share.diagram')}</span>
        <button type="button" onClick={() => void exportAs('svg')} data-testid="export-svg">
          {t('share.svg')}
        </button>
        <button type="button" onClick={() => void exportAs('png')} data-testid="export-png">
          {t('share.png')}
        </button>
      </div>
      <RecentLabs onStatus={setStatus} />
      <p className="share-status" role="status" data-testid="share-status">
        {status}
      </p>
    </>
  );
}
