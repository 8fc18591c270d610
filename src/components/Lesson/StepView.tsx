// One lesson step: progress, title and text, the commands it typed, where to look, its question, Next.
import { parseFocus, setupLine, stepExplained, type Lesson, type LessonState } from '../../lessons';
import { Outcome } from './Outcome';
import { QuestionCard } from './QuestionCard';
import { RichText } from './RichText';
import { focusName } from './focusBoxes';
import { lessonText, useLessonLang } from './strings';
import { useAppStore } from '../../store/react';

export function StepView(props: { lesson: Lesson; state: LessonState }) {
  const { lesson, state } = props;
  const lang = useLessonLang();
  const a = useAppStore((s) => ({
    next: s.nextLessonStep,
    prev: s.prevLessonStep,
    run: s.runCommand,
  }));
  const step = lesson.steps[state.step];
  if (!step) return null;
  const m = lesson.steps.length;
  const last = state.step === m - 1;
  const target = step.focus ? parseFocus(step.focus) : null;
  return (
    <article className="lesson-step" data-testid="lesson-step" data-step={step.id}>
      <p className="lesson-kicker">
        <RichText text={lesson.title[lang]} />
      </p>
      <div className="lesson-progress">
        <span data-testid="lesson-progress">
          {lessonText(lang, 'stepOf', { n: state.step + 1, m })}
        </span>
        <ol className="lesson-dots" aria-hidden>
          {lesson.steps.map((s, i) => (
            <li key={s.id} className={i < state.step ? 'past' : i === state.step ? 'now' : ''} />
          ))}
          {lesson.checks.length > 0 && <li className="check" />}
        </ol>
      </div>
      <h3 className="lesson-title" data-testid="lesson-title">
        <RichText text={step.title[lang]} />
      </h3>
      <p className="lesson-body">
        <RichText text={step.body[lang]} />
      </p>
      {target && (
        <p className="lesson-look" data-testid="lesson-look">
          <span className="look-dot" aria-hidden />
          {lessonText(lang, 'look')}: <strong>{focusName(target, lang)}</strong>
        </p>
      )}
      {step.setup.length > 0 && (
        <div className="lesson-cmds">
          <h4>{lessonText(lang, 'typed')}</h4>
          <ul>
            {step.setup.map((s, i) => (
              <li key={i} className={'expect' in s && s.expect === 'error' ? 'err' : ''}>
                <code>$ {setupLine(s)}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      <QuestionCard />
      {step.explain && stepExplained(lesson, state) && (
        <section className="lesson-explain" data-testid="lesson-explain">
          <h4>{lessonText(lang, 'explained')}</h4>
          <p>
            <RichText text={step.explain[lang]} />
          </p>
        </section>
      )}
      <Outcome />
      {(step.explore ?? []).length > 0 && (
        <div className="lesson-explore">
          <h4>{lessonText(lang, 'explore')}</h4>
          {(step.explore ?? []).map((line) => (
            <button key={line} type="button" className="chip-btn" onClick={() => a.run(line)}>
              <code>{line}</code>
            </button>
          ))}
        </div>
      )}
      <nav className="lesson-nav" aria-label={lessonText(lang, 'stepOf', { n: state.step + 1, m })}>
        <button
          type="button"
          onClick={a.prev}
          disabled={state.step === 0}
          data-testid="lesson-prev"
        >
          ← {lessonText(lang, 'prev')}
        </button>
        <button type="button" className="primary" onClick={a.next} data-testid="lesson-next">
          {last
            ? lessonText(lang, lesson.checks.length > 0 ? 'toCheck' : 'finish')
            : lessonText(lang, 'next')}{' '}
          →
        </button>
      </nav>
    </article>
  );
}
