// Tabs agree. Every tab autosaves into the one lab slot, so a change in one tab reaches the others
// as a `storage` event. The other tab does not follow by itself (it may be mid-lesson or mid-walk):
// it says plainly that it is out of date and offers the newer lab. Nothing is lost either way: each
// tab's own work stays in its entry of Recent labs, whichever tab saved last.
import type { AppStore } from '../../store';
import { HISTORY_KEY, STORAGE_KEY, type KeyValueStorage } from '../../store/storage';

export function watchOtherTabs(app: AppStore, storage: KeyValueStorage): () => void {
  const onStorage = (e: StorageEvent) => {
    // Only this storage (sessionStorage events come here too); null key: the storage was cleared.
    if (e.storageArea !== storage) return;
    // Recent labs changed: the menu reads the list again.
    if (e.key === HISTORY_KEY) app.getState().bumpRecent();
    if (e.key === STORAGE_KEY && e.newValue !== null)
      app
        .getState()
        .showIssue({ key: 'share.otherTab', tone: 'info', actions: [{ kind: 'open-current' }] });
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}
