// The Share code's view state, a slice of the app store beside the UI slice: the banner's one
// message (a refused link, file or stored lab; a link opened beside the user's lab; another tab's
// change), kept apart from the status line so the next action's notice never hides why a lab did
// not open (a later success clears it), and a counter of changes to Recent labs (here or in another
// tab) that tells the menu to read the list again. Nothing here is saved with a lab.
import type { StateCreator } from 'zustand/vanilla';
import type { Params, UiKey } from '../i18n';

/** What the banner offers besides dismissing it. */
export type BannerAction =
  /** Open a kept lab (the user's own, put aside by a link). */
  | { readonly kind: 'restore'; readonly id: string }
  /** Download a kept lab as it was stored (one this app cannot open). */
  | { readonly kind: 'download'; readonly id: string }
  /** Open the lab another tab saved. */
  | { readonly kind: 'open-current' };

export interface ShareIssue {
  readonly key: UiKey;
  readonly params?: Params;
  /** 'error': something did not open; 'info': all is well, but the user should know. */
  readonly tone: 'error' | 'info';
  readonly actions?: readonly BannerAction[];
}

export interface ShareSlice {
  /** The banner's message; null: no banner. */
  readonly shareIssue: ShareIssue | null;
  /** Bumped whenever Recent labs changed: whoever lists them reads the list again. */
  readonly recentSeq: number;
  showIssue(issue: ShareIssue): void;
  /** An error in the banner: the catalogue's sentence, its parameters, the ways back. */
  showError(key: UiKey, params?: Params, actions?: readonly BannerAction[]): void;
  clearIssue(): void;
  bumpRecent(): void;
}

export const createShareSlice: StateCreator<ShareSlice> = (set) => ({
  shareIssue: null,
  recentSeq: 0,
  showIssue: (shareIssue) => set({ shareIssue }),
  showError: (key, params, actions) =>
    set({
      shareIssue: {
        key,
        tone: 'error',
        ...(params ? { params } : {}),
        ...(actions ? { actions } : {}),
      },
    }),
  clearIssue: () => set({ shareIssue: null }),
  bumpRecent: () => set((s) => ({ recentSeq: s.recentSeq + 1 })),
});
