// A lesson file dropped anywhere on the page opens as a lesson (its code loads on the drop).
import { useEffect } from 'react';
import { useAppStoreApi } from '../../store/react';

const carriesFile = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

export function useLessonDrop(): void {
  const app = useAppStoreApi();
  useEffect(() => {
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
  }, [app]);
}
