// The share banner's one message (a refused link, file or stored lab; a link opened beside the
// user's lab; another tab's change), kept apart from the status line so the next action's notice
// never hides why a lab did not open. A later success clears it (clearIssue).
import { createStore } from 'zustand/vanilla';
import type { Params, UiKey } from '../../i18n';

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

export const shareBanner = createStore<{ readonly issue: ShareIssue | null }>()(() => ({
  issue: null,
}));

export const showIssue = (issue: ShareIssue): void => shareBanner.setState({ issue });

export const showError = (key: UiKey, params?: Params, actions?: readonly BannerAction[]): void =>
  showIssue({ key, tone: 'error', ...(params ? { params } : {}), ...(actions ? { actions } : {}) });

export const clearIssue = (): void => shareBanner.setState({ issue: null });
