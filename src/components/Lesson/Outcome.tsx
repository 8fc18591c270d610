// How the step's flow ended, once the last hop is on screen: the tool's result and any drop's reason.
import { nodeLabel } from '../../lessons/labels';
import { selectTimeline } from '../../store/selectors';
import { dropText, lessonText, resultText, useLessonLang } from './strings';
import { useAppStore } from '../../store/react';

export function Outcome() {
  const lang = useLessonLang();
  const { result, packets, cursor, length } = useAppStore((s) => ({
    result: s.result,
    packets: s.packets,
    cursor: s.cursor,
    length: selectTimeline(s).length,
  }));
  if (!result || length === 0 || cursor < length - 1) return null;
  const dropped = packets.find((p) => p.outcome.kind === 'dropped');
  const drop = dropped?.outcome.kind === 'dropped' ? dropped.outcome : null;
  const rule = dropped?.hops[dropped.hops.length - 1]?.nf?.rule ?? null;
  const ok = result.kind === 'connected' || result.kind === 'replied';
  return (
    <section
      className={`lesson-outcome ${ok ? 'ok' : 'bad'}`}
      data-testid="lesson-outcome"
      data-result={result.kind}
    >
      <h4>{lessonText(lang, 'outcome')}</h4>
      <p className="outcome-result">{resultText(lang, result)}</p>
      {drop && (
        <p className="outcome-drop" data-testid="lesson-drop" data-reason={drop.reason}>
          {lessonText(lang, 'droppedAt', {
            node: nodeLabel(drop.node)[lang],
            reason: dropText(lang, drop.reason),
          })}
        </p>
      )}
      {rule && (
        <p className="outcome-rule">
          <span>{lessonText(lang, 'rule')}</span>
          <code>{rule}</code>
        </p>
      )}
    </section>
  );
}
