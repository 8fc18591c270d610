// Opening a kept lab (from Recent labs or the banner) or the lab another tab saved, and downloading a
// kept lab as it was stored. The lab on screen is kept first, so opening one never loses another.
import { decodeFile, FILE_EXTENSION, FILE_MIME } from '../../share';
import type { AppStore } from '../../store';
import { keptText, readHistory } from '../../store/history';
import { applyLab } from '../../store/persist';
import { browserStorage, readKey, STORAGE_KEY } from '../../store/storage';
import { downloadBlob } from './export';
import { applyExtras } from './extras';
import { keeping } from './keeper';

/** Applies a lab's text after keeping the one on screen; false (with the banner's reason) if refused. */
async function openText(app: AppStore, text: string | null): Promise<boolean> {
  const { showError, clearIssue, bumpRecent } = app.getState();
  if (text === null) {
    showError('share.keptGone');
    return false;
  }
  const doc = decodeFile(text);
  if (!doc.ok) {
    showError('share.keptRefused', { reason: doc.error });
    return false;
  }
  keeping()?.keepShown('before-restore');
  const applied = applyLab(app, doc.value);
  bumpRecent();
  if (!applied.ok) {
    showError('share.keptRefused', { reason: applied.error });
    return false;
  }
  await applyExtras(app, doc.value, null);
  clearIssue();
  return true;
}

/** Opens a lab of Recent labs. */
export function openKept(app: AppStore, id: string): Promise<boolean> {
  const storage = browserStorage();
  return openText(app, storage ? keptText(storage, id) : null);
}

/** Opens the lab in the lab's slot (another tab saved it). */
export function openCurrent(app: AppStore): Promise<boolean> {
  const storage = browserStorage();
  return openText(app, storage ? readKey(storage, STORAGE_KEY) : null);
}

/** Downloads a kept lab's text exactly as stored (a lab this app cannot open, for a newer app or a bug report). */
export function downloadKept(app: AppStore, id: string): void {
  const storage = browserStorage();
  const text = storage ? keptText(storage, id) : null;
  if (text === null) return app.getState().showError('share.keptGone');
  const entry = storage ? readHistory(storage).find((e) => e.id === id) : undefined;
  const stamp = new Date(entry?.at ?? Date.now()).toISOString().replace(/[:.]/g, '-');
  downloadBlob(
    new Blob([text], { type: FILE_MIME }),
    `docker-network-lab-kept-${stamp}${FILE_EXTENSION}`,
  );
}
