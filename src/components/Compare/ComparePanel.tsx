// Compare mode: the same requests against nginx in bridge, host and none mode, three columns side by side.
import { useMemo } from 'react';
import { COMPARE_LANES, commandFor, runCompare, type LaneRun } from '../../lessons';
import { nodeLabel } from '../../lessons/labels';
import type { Lang } from '../../i18n/locale';
import { dropText, lessonText, resultText, useLessonLang } from '../Lesson/strings';
import { summarize } from './summary';
import { useAppStore } from '../../store/react';

const FLOWS = ['inbound', 'outbound'] as const;

function FlowRow(props: { lane: LaneRun; i: number; lang: Lang }) {
  const { lane, i, lang } = props;
  const open = useAppStore((s) => s.openCompareLane);
  const run = lane.runs[i];
  if (!run) return null;
  const sum = summarize(run.packets);
  const end = sum.end;
  const ok = run.result.kind === 'connected' || run.result.kind === 'replied';
  const which = FLOWS[i] ?? 'inbound';
  return (
    <div className="cmp-flow" data-testid={`compare-${lane.mode}-${which}`}>
      <h5>{lessonText(lang, which)}</h5>
      <p
        className={`cmp-result ${ok ? 'ok' : 'bad'}`}
        data-testid="compare-result"
        data-result={run.result.kind}
      >
        <span aria-hidden>{ok ? '✓' : '✗'}</span> {resultText(lang, run.result)}
      </p>
      {end?.kind === 'dropped' && (
        <p className="cmp-drop">
          {lessonText(lang, 'droppedAt', {
            node: nodeLabel(end.node)[lang],
            reason: dropText(lang, end.reason),
          })}
        </p>
      )}
      {end?.kind === 'delivered' && (
        <p className="cmp-drop">
          {lessonText(lang, 'deliveredTo', { node: nodeLabel(end.node)[lang] })}
        </p>
      )}
      {sum.path.length > 0 && (
        <ol className="cmp-path" aria-label={lessonText(lang, 'path')}>
          {sum.path.map((p, k) => (
            <li key={k}>{p}</li>
          ))}
        </ol>
      )}
      <p className="cmp-nat">
        <span>{lessonText(lang, 'nat')}</span>
        {sum.nat.length > 0 ? (
          sum.nat.map((n) => <code key={n}>{n}</code>)
        ) : (
          <em>{lessonText(lang, 'noNat')}</em>
        )}
      </p>
      <button
        type="button"
        onClick={() => open(lane.mode, i)}
        data-testid={`compare-open-${lane.mode}-${which}`}
      >
        {lessonText(lang, 'open_in_diagram')}
      </button>
    </div>
  );
}

export function ComparePanel() {
  const lang = useLessonLang();
  const profile = useAppStore((s) => s.world.profile);
  const lanes = useMemo(() => runCompare(profile), [profile]);
  return (
    <section className="compare" data-testid="compare" aria-label={lessonText(lang, 'compare')}>
      <p className="lesson-kicker">{lessonText(lang, 'compare')}</p>
      <p className="compare-hint">{lessonText(lang, 'compareHint')}</p>
      <div className="cmp-lanes">
        {lanes.map((lane) => {
          const def = COMPARE_LANES.find((l) => l.mode === lane.mode);
          const op = def?.scenario.setup[0];
          return (
            <article
              key={lane.mode}
              className={`cmp-lane mode-${lane.mode}`}
              data-testid={`compare-${lane.mode}`}
            >
              <h4>{def?.title[lang] ?? lane.mode}</h4>
              {op && <code className="cmp-cmd">$ {commandFor(op)}</code>}
              {lane.runs.map((_, i) => (
                <FlowRow key={i} lane={lane} i={i} lang={lang} />
              ))}
            </article>
          );
        })}
      </div>
    </section>
  );
}
