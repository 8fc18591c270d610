// A lesson in the drawer: its steps, then the end-of-lesson check, then the score.
import { findLesson, score } from '../../lessons';
import { QuestionCard } from './QuestionCard';
import { Review } from './Review';
import { RichText } from './RichText';
import { StepView } from './StepView';
import { lessonText, useLessonLang } from './strings';
import { useAppStore } from '../../store/react';

export function LessonPlayer() {
  const lang = useLessonLang();
  const a = useAppStore((s) => ({
    state: s.lesson,
    next: s.nextLessonStep,
    prev: s.prevLessonStep,
    begin: s.beginLesson,
    exit: s.exitLesson,
  }));
  const lesson = a.state ? findLesson(a.state.lessonId) : undefined;
  if (!a.state || !lesson) return null;
  if (a.state.phase === 'steps') return <StepView lesson={lesson} state={a.state} />;
  const done = lesson.checks.filter((c) => a.state?.answers[`check/${c.prediction.id}`]).length;
  const sc = score(a.state);
  return (
    <article className="lesson-step" data-testid="lesson-check" data-phase={a.state.phase}>
      <p className="lesson-kicker">
        <RichText text={lesson.title[lang]} />
      </p>
      {a.state.phase === 'check' ? (
        <>
          <div className="lesson-progress">
            <span data-testid="lesson-progress">
              {lessonText(lang, 'checkOf', {
                n: Math.min(done + 1, lesson.checks.length),
                m: lesson.checks.length,
              })}
            </span>
          </div>
          <QuestionCard />
        </>
      ) : (
        <section className="lesson-score" data-testid="lesson-score">
          <h3>{lessonText(lang, 'done')}</h3>
          <p className="score-big" aria-hidden>
            {sc.correct}
            <span>/{sc.answered}</span>
          </p>
          <p data-testid="lesson-score-text">
            {sc.answered === 0 ? lessonText(lang, 'scoreNone') : lessonText(lang, 'score', sc)}
          </p>
          {sc.answered > 0 && <Review state={a.state} lang={lang} />}
        </section>
      )}
      <nav className="lesson-nav">
        <button type="button" onClick={a.prev} data-testid="lesson-prev">
          ← {lessonText(lang, 'prev')}
        </button>
        {a.state.phase === 'check' ? (
          <button
            type="button"
            className="primary"
            onClick={a.next}
            disabled={done < lesson.checks.length}
            data-testid="lesson-next"
          >
            {lessonText(lang, 'finish')} →
          </button>
        ) : (
          <button type="button" className="primary" onClick={a.exit} data-testid="lesson-done">
            {lessonText(lang, 'back')}
          </button>
        )}
      </nav>
    </article>
  );
}
