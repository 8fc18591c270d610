// A step's optional question: the teacher's own (text, 2–4 choices, the right one marked) or an
// engine-answered kind at a hop of the step's flow, chosen by stepping the playback to it.
import type { Lang } from '../../i18n/locale';
import { useAppStore } from '../../store/react';
import { selectTimeline } from '../../store';
import { hopIndex } from '../../store/lesson-run';
import { EMPTY, type DraftQuestion, type DraftStep } from '../../teacher/draft';
import { HOP_KINDS, type HopKind } from '../../teacher/format';
import { teacherText } from './strings';
import { TextField } from './TextField';

type Kind = 'none' | 'choices' | HopKind;

const fresh = (kind: Kind): DraftQuestion | null =>
  kind === 'none'
    ? null
    : kind === 'choices'
      ? { kind, text: EMPTY, choices: [EMPTY, EMPTY], answer: 0 }
      : { kind, at: null, text: EMPTY };

export function QuestionEditor(props: {
  step: DraftStep;
  n: number;
  lang: Lang;
  onChange: (q: DraftQuestion | null) => void;
}) {
  const { step, n, lang } = props;
  const q = step.question;
  const say = (k: Parameters<typeof teacherText>[1], p?: { [k: string]: string | number }) =>
    teacherText(lang, k, p);
  // The hop on screen, when the trace on screen is this step's flow.
  const here = useAppStore((s) => {
    const e = s.flow === step.flow ? selectTimeline(s)[s.cursor] : undefined;
    return e ? { packet: e.packetIndex, hop: e.hopIndex } : null;
  });
  // The chosen hop as the playback bar counts it (all packets' hops in a row).
  const at = q && q.kind !== 'choices' ? q.at : null;
  const shownAt = useAppStore((s) => (at && s.flow === step.flow ? hopIndex(s.packets, at) : null));
  return (
    <div className="rec-question">
      <select
        value={q?.kind ?? 'none'}
        aria-label={say('kindAsk')}
        onChange={(e) => props.onChange(fresh(e.target.value as Kind))}
        data-testid={`q-kind-${n}`}
      >
        <option value="none">{say('noQuestion')}</option>
        <option value="choices">{say('ownChoices')}</option>
        {HOP_KINDS.map((k) => (
          <option key={k} value={k} disabled={!step.flow}>
            {say(k)}
          </option>
        ))}
      </select>
      {q && (
        <TextField
          label={say('question')}
          value={q.text}
          lang={lang}
          onChange={(text) => props.onChange({ ...q, text })}
          testId={`q-text-${n}`}
        />
      )}
      {q?.kind === 'choices' && (
        <ol className="rec-choices">
          {q.choices.map((c, k) => (
            <li key={k}>
              <input
                type="radio"
                name={`right-${n}`}
                checked={q.answer === k}
                aria-label={`${say('choice', { n: k + 1 })}: ${say('right')}`}
                onChange={() => props.onChange({ ...q, answer: k })}
                data-testid={`q-right-${n}-${k}`}
              />
              <TextField
                label={say('choice', { n: k + 1 })}
                value={c}
                lang={lang}
                onChange={(t) =>
                  props.onChange({ ...q, choices: q.choices.map((x, j) => (j === k ? t : x)) })
                }
                testId={`q-choice-${n}-${k}`}
              />
            </li>
          ))}
          {q.choices.length < 4 && (
            <li>
              <button
                type="button"
                className="ghost"
                onClick={() => props.onChange({ ...q, choices: [...q.choices, EMPTY] })}
                data-testid={`q-add-choice-${n}`}
              >
                {say('addChoice')}
              </button>
            </li>
          )}
        </ol>
      )}
      {q && q.kind !== 'choices' && (
        <p className="rec-hop">
          <span data-testid={`q-hop-${n}`}>
            {q.at ? say('atHop', { n: (shownAt ?? q.at.hop) + 1 }) : say('noHop')}
          </span>
          <button
            type="button"
            disabled={!here}
            title={here ? undefined : say('hopNeedsFlow')}
            onClick={() =>
              here && props.onChange({ ...q, at: { packet: here.packet, hop: here.hop } })
            }
            data-testid={`q-use-hop-${n}`}
          >
            {say('useHop')}
          </button>
        </p>
      )}
    </div>
  );
}
