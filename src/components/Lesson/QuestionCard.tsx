// Predict, then reveal: the pending question with its choices, or the answer just given with feedback.
import { useEffect, useRef } from 'react';
import type { Lang } from '../../i18n/locale';
import type { Choice } from '../../lessons';
import type { AnsweredQuestion } from '../../store';
import { hopIndex, pendingQuestion, type PendingQuestion } from '../../store/lesson-run';
import { RichText } from './RichText';
import { lessonText, useLessonLang } from './strings';
import { useAppStore } from '../../store/react';

function mark(c: Choice, a: AnsweredQuestion): string {
  if (c.id === a.answer) return 'answer';
  return c.id === a.choice ? 'chosen' : '';
}

function Answered(props: { a: AnsweredQuestion; lang: Lang }) {
  const { a, lang } = props;
  return (
    <>
      <h3 className="lq-question">
        <RichText text={a.question[lang]} />
      </h3>
      <ul className="lq-choices answered">
        {a.choices.map((c) => (
          <li key={c.id} className={`lq-choice ${mark(c, a)}`} data-testid="lesson-choice-result">
            <span className="lq-mark" aria-hidden>
              {c.id === a.answer ? '✓' : c.id === a.choice ? '✗' : ''}
            </span>
            <RichText text={c.label[lang]} />
            {c.id === a.answer && <span className="lq-tag">{lessonText(lang, 'engine')}</span>}
            {c.id === a.choice && c.id !== a.answer && (
              <span className="lq-tag">{lessonText(lang, 'yours')}</span>
            )}
            {c.id !== a.answer && a.why[c.id] && (
              <span className="lq-why" data-testid="lesson-why">
                <RichText text={a.why[c.id]![lang]} />
              </span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function Verdict(props: { a: AnsweredQuestion; lang: Lang }) {
  const { a, lang } = props;
  const go = useRef<HTMLButtonElement>(null);
  // After the last check, Continue goes straight to the score (no empty check page).
  const last = useAppStore((s) => s.lesson?.phase === 'check' && pendingQuestion(s) === null);
  const proceed = useAppStore((s) => (last ? s.nextLessonStep : s.continueLesson));
  useEffect(() => go.current?.focus(), [a.key]);
  const ok = a.feedback?.correct;
  const answer = a.choices.find((c) => c.id === a.answer)?.label[lang] ?? a.answer;
  const text = a.feedback ? a.feedback.text[lang] : lessonText(lang, 'answerIs', { answer });
  return (
    <>
      <p
        className={`lq-feedback ${ok === undefined ? 'revealed' : ok ? 'right' : 'wrong'}`}
        data-testid="lesson-feedback"
        data-correct={ok === undefined ? 'revealed' : String(ok)}
      >
        <span className="lq-verdict" aria-hidden>
          {ok === undefined ? '→' : ok ? '✓' : '✗'}
        </span>
        {/* The verdict in words, unless the feedback already opens with it. */}
        {ok !== undefined && !text.startsWith(lessonText(lang, ok ? 'right' : 'wrong')) && (
          <strong>{lessonText(lang, ok ? 'right' : 'wrong')}: </strong>
        )}
        <RichText text={text} />
      </p>
      <button
        type="button"
        className="primary"
        ref={go}
        onClick={proceed}
        data-testid="lesson-continue"
      >
        {lessonText(lang, 'continue')} →
      </button>
    </>
  );
}

function Ask(props: { q: PendingQuestion; lang: Lang }) {
  const { q, lang } = props;
  const answer = useAppStore((s) => s.answerLessonQuestion);
  const reveal = useAppStore((s) => s.revealLessonQuestion);
  const first = useRef<HTMLButtonElement>(null);
  // The whole card comes into view (small screens); a question that appears mid-flow takes focus
  // only from the page itself, never from another control.
  useEffect(() => {
    first.current?.closest('.lq')?.scrollIntoView({ block: 'nearest' });
    const at = document.activeElement;
    if (!at || at === document.body || at.closest('.lesson-drawer'))
      first.current?.focus({ preventScroll: true });
  }, [q.key]);
  const id = `lq-${q.key.replace(/[^a-z0-9-]/gi, '-')}`;
  return (
    <>
      <h3 className="lq-question" id={id}>
        <RichText text={q.resolved.question[lang]} />
      </h3>
      <div className="lq-choices" role="group" aria-labelledby={id}>
        {q.resolved.choices.map((c, i) => (
          <button
            key={c.id}
            type="button"
            className="lq-choice"
            ref={i === 0 ? first : undefined}
            onClick={() => answer(c.id)}
            data-testid="lesson-choice"
            data-choice={c.id}
          >
            <span className="lq-letter" aria-hidden>
              {String.fromCharCode(65 + i)}
            </span>
            <RichText text={c.label[lang]} />
          </button>
        ))}
      </div>
      {q.kind === 'prediction' && (
        <button
          type="button"
          className="ghost lq-reveal"
          onClick={reveal}
          data-testid="lesson-reveal"
        >
          {lessonText(lang, 'reveal')}
        </button>
      )}
    </>
  );
}

export function QuestionCard() {
  const lang = useLessonLang();
  const s = useAppStore((x) => ({
    lesson: x.lesson,
    world: x.world,
    answered: x.lessonAnswered,
    cursor: x.cursor,
    packets: x.packets,
    seek: x.seek,
  }));
  const q = pendingQuestion(s);
  const askAt =
    q?.kind === 'prediction' && q.resolved.askAt && s.packets.length > 0
      ? hopIndex(s.packets, q.resolved.askAt)
      : null;
  const waiting = !s.answered && q !== null && askAt !== null && s.cursor < askAt;
  const asking = !s.answered && q !== null && !waiting;
  const kind = q?.kind ?? (s.answered?.key.startsWith('check/') ? 'check' : 'prediction');
  if (!q && !s.answered) return null;
  return (
    <section
      className={`lq ${kind}`}
      aria-label={lessonText(lang, 'questionLabel')}
      data-testid="lesson-question"
    >
      <p className="lq-kicker">{lessonText(lang, kind === 'check' ? 'check' : 'predict')}</p>
      {/* Announced on arrival: the question, then the verdict. */}
      <p className="sr-only" aria-live="polite" data-testid="lesson-live">
        {asking && q ? q.resolved.question[lang] : ''}
      </p>
      {s.answered && <Answered a={s.answered} lang={lang} />}
      <div role="status" className="lq-status">
        {s.answered && <Verdict a={s.answered} lang={lang} />}
      </div>
      {waiting && askAt !== null && (
        <div className="lq-wait">
          <p>{lessonText(lang, 'waiting', { n: askAt + 1 })}</p>
          <button
            type="button"
            className="primary"
            onClick={() => s.seek(askAt)}
            data-testid="lesson-go-question"
          >
            {lessonText(lang, 'goQuestion')} →
          </button>
        </div>
      )}
      {asking && q && <Ask q={q} lang={lang} />}
    </section>
  );
}
