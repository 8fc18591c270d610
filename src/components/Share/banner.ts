// The share banner's one message (a refused link, file or stored lab), kept apart from the status line
// so the next action's notice never hides why a lab did not open.
import { createStore } from 'zustand/vanilla';

export interface ShareIssue {
  readonly text: string;
  /** Offer to open the lab that was autosaved before a link replaced it. */
  readonly offerBackup: boolean;
}

export const shareBanner = createStore<{ readonly issue: ShareIssue | null }>()(() => ({
  issue: null,
}));

export const showIssue = (text: string, offerBackup = false): void =>
  shareBanner.setState({ issue: { text, offerBackup } });

export const clearIssue = (): void => shareBanner.setState({ issue: null });
