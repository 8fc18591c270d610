// Playback keys for the whole page: Space plays/pauses, ←/→ step, Home/End jump, ]/[ go to the
// next/previous key moment, M folds the hop list into key moments. Not while typing.
import { useEffect } from 'react';
import { useAppStore } from '../store/react';
import { timelineLength } from '../store/selectors';
import { useAppStoreApi } from '../store/react';
import { useMomentsView } from '../components/Controls/useMomentsView';

const typing = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement &&
  (t.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) ||
    t.closest('[data-terminal]') !== null);

export function useKeyboard(): void {
  const api = useAppStoreApi();
  const togglePlay = useAppStore((s) => s.togglePlay);
  const [moments, setMoments] = useMomentsView();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
      const s = api.getState();
      switch (e.key) {
        case ' ':
          // A focused button would also click on Space: playback wins, once.
          e.preventDefault();
          togglePlay();
          break;
        case 'ArrowRight':
          e.preventDefault();
          s.stepForward();
          break;
        case 'ArrowLeft':
          e.preventDefault();
          s.stepBack();
          break;
        case 'Home':
          e.preventDefault();
          s.seek(0);
          break;
        case 'End':
          e.preventDefault();
          s.seek(timelineLength(s) - 1);
          break;
        case ']':
          e.preventDefault();
          s.nextMoment();
          break;
        case '[':
          e.preventDefault();
          s.prevMoment();
          break;
        case 'm':
        case 'M':
          e.preventDefault();
          setMoments(!moments);
          break;
        default:
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api, togglePlay, moments, setMoments]);
}
