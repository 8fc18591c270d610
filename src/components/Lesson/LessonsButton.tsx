// The header's entry to the lessons: opens (or closes) the lesson panel beside the diagram.
import { lessonText, useLessonLang } from './strings';
import { useAppStore } from '../../store/react';

export function LessonsButton() {
  const lang = useLessonLang();
  const view = useAppStore((s) => s.lessonView);
  const lesson = useAppStore((s) => s.lesson !== null);
  const challenge = useAppStore((s) => s.challenge !== null);
  const setView = useAppStore((s) => s.setLessonView);
  const open = view !== 'closed';
  return (
    <button
      type="button"
      className={open ? 'on lessons-button' : 'lessons-button'}
      aria-expanded={open}
      aria-controls={open ? 'lesson-panel' : undefined}
      onClick={() =>
        setView(open ? 'closed' : challenge ? 'challenge' : lesson ? 'lesson' : 'menu')
      }
      data-testid="open-lessons"
    >
      <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden>
        <path d="M2 4.5c2.5-1 5-1 8 1 3-2 5.5-2 8-1v11c-2.5-1-5-1-8 1-3-2-5.5-2-8-1z" />
        <path d="M10 5.5v11" />
      </svg>
      {lessonText(lang, 'open')}
    </button>
  );
}
