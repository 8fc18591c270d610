// The header's Share menu: copy a link to this exact lab, save or open a .json file, export the diagram.
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { encodeFragment, LIMITS } from '../../share';
import { useAppStoreApi } from '../../store/react';
import { labOf } from '../../store/persist';
import { showIssue } from './banner';
import { diagramPng, diagramSvg, downloadBlob, findDiagramSvg } from './export';
import { applyExtras, labExtras } from './extras';
import { openLabFile, saveLabFile } from './labFile';
import { useLangBridge } from './usePersistence';
import './share.css';

export function ShareMenu() {
  const app = useAppStoreApi();
  const { lang, setLang } = useLangBridge();
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState('');
  const [status, setStatus] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const linkInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const panelId = useId();
  const extras = () => labExtras(app, () => lang);

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (root.current && e.target instanceof Node && !root.current.contains(e.target))
        setOpen(false);
    };
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', esc);
    };
  }, [open]);

  const copyLink = async () => {
    const hash = await encodeFragment(labOf(app, extras()));
    if (hash.length > LIMITS.fragmentChars) {
      setLink('');
      setStatus('This lab is too large for a link: save it as a file instead.');
      return;
    }
    const url = `${window.location.origin}${window.location.pathname}${hash}`;
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied to the clipboard.');
    } catch {
      setStatus('Copy the link below (the clipboard is not available here).');
      linkInput.current?.select();
    }
  };

  const exportAs = async (kind: 'svg' | 'png') => {
    const svg = findDiagramSvg();
    if (!svg) return setStatus('There is no diagram to export yet.');
    const s = app.getState();
    const name = `docker-network-lab${s.flow ? `-hop-${s.cursor + 1}` : ''}.${kind}`;
    try {
      const picture = diagramSvg(svg);
      const blob =
        kind === 'svg'
          ? new Blob([picture.text], { type: 'image/svg+xml' })
          : await diagramPng(picture);
      downloadBlob(blob, name);
      setStatus(`Saved ${name}.`);
    } catch (e) {
      setStatus(
        `The ${kind.toUpperCase()} could not be made: ${e instanceof Error ? e.message : 'unknown error'}.`,
      );
    }
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const r = await openLabFile(app, file);
    if (!r.ok) {
      showIssue(`This file could not be opened: ${r.error}. Your lab is unchanged.`);
      setOpen(false);
      return;
    }
    applyExtras(app, r.value, setLang);
    setStatus(`Opened ${file.name}.`);
  };

  return (
    <div className="share" ref={root}>
      <button
        type="button"
        className={open ? 'on' : ''}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        data-testid="share-toggle"
      >
        Share
      </button>
      <div
        className="share-panel"
        id={panelId}
        hidden={!open}
        role="group"
        aria-label="Share this lab"
      >
        <div className="share-row">
          <button
            type="button"
            className="primary"
            onClick={() => void copyLink()}
            data-testid="share-copy-link"
          >
            Copy link
          </button>
          <input
            ref={linkInput}
            className="share-link"
            readOnly
            value={link}
            placeholder="A link to this lab, at this hop"
            aria-label="Link to this lab"
            onFocus={(e) => e.target.select()}
            data-testid="share-link"
          />
        </div>
        <div className="share-row">
          <span className="share-label">Scenario file</span>
          <button
            type="button"
            onClick={() => saveLabFile(app, extras())}
            data-testid="share-save-file"
          >
            Save .json
          </button>
          <button type="button" onClick={() => fileInput.current?.click()}>
            Open file…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            className="sr-only"
            tabIndex={-1}
            aria-label="Open a lab file"
            onChange={(e) => void onFile(e)}
            data-testid="share-open-file"
          />
        </div>
        <div className="share-row">
          <span className="share-label">Diagram at this hop</span>
          <button type="button" onClick={() => void exportAs('svg')} data-testid="export-svg">
            Export SVG
          </button>
          <button type="button" onClick={() => void exportAs('png')} data-testid="export-png">
            Export PNG
          </button>
        </div>
        <p className="share-status" role="status" data-testid="share-status">
          {status}
        </p>
      </div>
    </div>
  );
}
