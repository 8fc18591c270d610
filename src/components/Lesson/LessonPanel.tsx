// The lesson drawer beside the diagram: the lesson list, a lesson being played, or compare mode.
// Its frame is here; what it shows (and the lessons themselves) loads when it first opens.
import { lazy, Suspense, useEffect, useRef } from 'react';
import { lessonText, useLessonLang } from './strings';
import './lesson.css';
import { useAppStore } from '../../store/react';

const LessonBody = lazy(() => import('./LessonBody').then((m) => ({ default: m.LessonBody })));

export function LessonPanel() {
  const lang = useLessonLang();
  const view = useAppStore((s) => s.lessonView);
  const hasLesson = useAppStore((s) => s.lesson !== null);
  const hasChallenge = useAppStore((s) => s.challenge !== null);
  const setView = useAppStore((s) => s.setLessonView);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening the drawer (or switching what it shows) moves focus to its heading for keyboard users.
  useEffect(() => {
    if (view !== 'closed') heading.current?.focus();
  }, [view]);
  if (view === 'closed') return null;
  return (
    <aside
      id="lesson-panel"
      className={view === 'compare' ? 'lesson-drawer wide' : 'lesson-drawer'}
      aria-labelledby="lesson-panel-title"
      lang={lang}
      data-testid="lesson-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') setView('closed');
      }}
    >
      <header className="lesson-top">
        <h2 id="lesson-panel-title" ref={heading} tabIndex={-1}>
          {lessonText(lang, 'panel')}
        </h2>
        {view !== 'menu' && (
          <button
            type="button"
            className="ghost"
            onClick={() => setView('menu')}
            data-testid="lesson-menu"
          >
            ← {lessonText(lang, 'back')}
          </button>
        )}
        {view === 'menu' && (hasLesson || hasChallenge) && (
          <button
            type="button"
            className="ghost"
            onClick={() => setView(hasChallenge ? 'challenge' : 'lesson')}
          >
            → {lessonText(lang, 'continue')}
          </button>
        )}
        <button
          type="button"
          className="ghost lesson-close"
          aria-label={lessonText(lang, 'close')}
          title={lessonText(lang, 'close')}
          onClick={() => setView('closed')}
        >
          ✕
        </button>
      </header>
      <div className="lesson-scroll">
        <Suspense fallback={null}>
          <LessonBody view={view} />
        </Suspense>
      </div>
    </aside>
  );
}
