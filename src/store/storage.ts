// Where the browser keeps the lab: the localStorage keys and a storage that may be refused. Small on
// purpose: the first paint asks it whether a lab is waiting, before any of the share code loads.

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const STORAGE_KEY = 'docker-network-lab:lab';
/** Recent labs (history.ts): the index, and each lab's text under `${HISTORY_KEY}:<id>`. */
export const HISTORY_KEY = 'docker-network-lab:history';
/** The one backup earlier versions kept (a link's displaced lab); moved into the history at start. */
export const BACKUP_KEY = 'docker-network-lab:previous-lab';

/** localStorage, or null where the browser refuses it (private modes, sandboxed frames). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The text under `key`, or null when there is none or the storage refuses to answer. */
export function readKey(storage: KeyValueStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}
