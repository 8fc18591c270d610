// Presentation mode's behaviour: full screen when the browser allows it, clicker keys, P to toggle, Esc to leave.
import { useCallback, useEffect, useRef } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/react';
import { useMomentsView } from '../Controls/useMomentsView';

const typing = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement &&
  (t.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) ||
    t.closest('[data-terminal]') !== null);

/** What presenter clickers send: PageDown/PageUp, and the arrow keys and Space of a keyboard. */
export function stepOf(e: Pick<KeyboardEvent, 'key' | 'shiftKey'>): 1 | -1 | 0 {
  switch (e.key) {
    case 'PageDown':
    case 'ArrowRight':
      return 1;
    case 'PageUp':
    case 'ArrowLeft':
      return -1;
    case ' ':
      return e.shiftKey ? -1 : 1;
    default:
      return 0;
  }
}

/** Mount once; returns the toggle the header button calls. */
export function usePresentation(): (on: boolean) => void {
  const app = useAppStoreApi();
  const presenting = useAppStore((s) => s.presenting);
  const setPresenting = useAppStore((s) => s.setPresenting);
  const wentFullscreen = useRef(false);
  // In the key-moments view (the default while presenting) the clicker goes moment by moment.
  const [moments] = useMomentsView();

  // The layout is CSS on <html data-presenting>; the diagram refits itself as its box grows.
  useEffect(() => {
    const root = document.documentElement;
    if (!presenting) return;
    root.dataset['presenting'] = '';
    // A focused control (the terminal prompt, a button) would take the clicker's keys.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    return () => {
      delete root.dataset['presenting'];
    };
  }, [presenting]);

  // Leaving full screen with the browser's own Esc leaves presentation mode too.
  useEffect(() => {
    const onChange = () => {
      if (document.fullscreenElement) return;
      if (wentFullscreen.current) setPresenting(false);
      wentFullscreen.current = false;
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [setPresenting]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
      if ((e.key === 'p' || e.key === 'P') && !e.shiftKey) {
        e.preventDefault();
        togglePresentation(!presenting, setPresenting, wentFullscreen);
        return;
      }
      if (!presenting) return;
      const step = stepOf(e);
      if (step === 0 && e.key !== 'Escape') return;
      // Presentation keys win over the page's own (Space would otherwise play/pause).
      e.preventDefault();
      e.stopImmediatePropagation();
      if (e.key === 'Escape') togglePresentation(false, setPresenting, wentFullscreen);
      else if (step === 1) (moments ? app.getState().nextMoment : app.getState().stepForward)();
      else (moments ? app.getState().prevMoment : app.getState().stepBack)();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [app, presenting, setPresenting, moments]);

  return useCallback(
    (on: boolean) => togglePresentation(on, setPresenting, wentFullscreen),
    [setPresenting],
  );
}

/** Enters or leaves; full screen is asked for on entry (a user gesture) and simply skipped if refused. */
export function togglePresentation(
  on: boolean,
  setPresenting: (on: boolean) => void,
  wentFullscreen: { current: boolean },
): void {
  setPresenting(on);
  if (on && document.fullscreenEnabled && !document.fullscreenElement) {
    document.documentElement
      .requestFullscreen({ navigationUI: 'hide' })
      .then(() => {
        wentFullscreen.current = true;
      })
      .catch(() => undefined);
  } else if (!on && document.fullscreenElement) {
    wentFullscreen.current = false;
    void document.exitFullscreen().catch(() => undefined);
  }
}
