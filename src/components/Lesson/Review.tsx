// The score page's review: each question missed, with the student's choice, the right answer, why,
// and a button that replays its step on the diagram and stops on the hop that answers it.
import { findLesson, type LessonState } from '../../lessons';
import { questionByKey } from '../../store/lesson-run';
import type { Lang } from '../../i18n/locale';
import { RichText } from './RichText';
import { lessonText } from './strings';
import { useAppStore } from '../../store/react';

export function Review(props: { state: LessonState; lang: Lang }) {
  const { state, lang } = props;
  const a = useAppStore((s) => ({ profile: s.world.profile, show: s.showLessonAnswer }));
  const lesson = findLesson(state.lessonId);
  if (!lesson) return null;
  // In the order they were asked: the steps' predictions, then the checks.
  const keys = [
    ...lesson.steps.flatMap((s) => (s.predictions ?? []).map((p) => `${s.id}/${p.id}`)),
    ...lesson.checks.map((c) => `check/${c.prediction.id}`),
  ];
  const missed = keys.flatMap((key) => {
    const given = state.answers[key];
    const q = given && !given.correct ? questionByKey(lesson, key, a.profile) : null;
    return q && given ? [{ key, q, choice: given.choice }] : [];
  });
  return (
    <section className="lesson-review" data-testid="lesson-review">
      <h4>{lessonText(lang, 'review')}</h4>
      {missed.length === 0 && <p>{lessonText(lang, 'reviewNone')}</p>}
      <ol>
        {missed.map(({ key, q, choice }) => {
          const label = (id: string) =>
            q.resolved.choices.find((c) => c.id === id)?.label[lang] ?? id;
          const why = q.resolved.why[choice];
          return (
            <li key={key} data-testid="lesson-miss" data-key={key}>
              <p className="lq-question">
                <RichText text={q.resolved.question[lang]} />
              </p>
              <p className="miss-yours">
                ✗ {lessonText(lang, 'reviewYours')}: <RichText text={label(choice)} />
                {why && (
                  <span className="lq-why">
                    {' '}
                    <RichText text={why[lang]} />
                  </span>
                )}
              </p>
              <p className="miss-right">
                ✓ {lessonText(lang, 'engine')}: <RichText text={label(q.resolved.answer)} />
              </p>
              {q.resolved.at && (
                <button
                  type="button"
                  className="chip-btn"
                  onClick={() => a.show(key)}
                  data-testid="lesson-miss-show"
                >
                  {lessonText(lang, 'reviewShow')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
