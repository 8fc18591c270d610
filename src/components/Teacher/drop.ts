// A lesson file dropped anywhere on the page opens as a lesson. Listened for from the session's
// start (lazy), not from the first paint's code: a drop before then does what a browser does.
import type { AppStore } from '../../store';

const carriesFile = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/** Listens for dropped files; returns the way to stop. */
export function listenForLessonDrops(app: AppStore): () => void {
  const over = (e: DragEvent) => {
    if (carriesFile(e)) e.preventDefault();
  };
  const drop = (e: DragEvent) => {
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    void import('./open').then((m) => m.openLessonFile(app, file));
  };
  window.addEventListener('dragover', over);
  window.addEventListener('drop', drop);
  return () => {
    window.removeEventListener('dragover', over);
    window.removeEventListener('drop', drop);
  };
}
