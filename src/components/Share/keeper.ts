// The running session's way to keep the lab on screen before something replaces it (a file, a kept
// lab, another tab's lab). Set by session.ts once storage is usable; null when framed or refused.
import type { KeptOrigin } from '../../store/history';

export interface Keeping {
  /** Saves what is pending, then keeps the lab on screen in Recent labs; its id (null if refused). */
  keepShown(origin: Exclude<KeptOrigin, 'autosave' | 'unreadable'>): string | null;
}

let active: Keeping | null = null;

export const setKeeping = (k: Keeping | null): void => {
  active = k;
};

export const keeping = (): Keeping | null => active;
