// Every hop of every packet of the flow, in order; click one to jump there.
import { useEffect, useRef } from 'react';
import { translate } from '../../i18n';
import { useAppStore } from '../../store/react';
import { selectTimeline } from '../../store/selectors';

export function EventList() {
  const timeline = useAppStore(selectTimeline);
  const cursor = useAppStore((s) => s.cursor);
  const seek = useAppStore((s) => s.seek);
  const listRef = useRef<HTMLOListElement | null>(null);
  useEffect(() => {
    const el = listRef.current?.querySelector<HTMLElement>('[aria-current="step"]');
    el?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);
  if (timeline.length === 0) return <p className="muted events-empty">No hops yet.</p>;
  return (
    <ol className="events" ref={listRef} data-testid="event-list" aria-label="Hops">
      {timeline.map((e) => {
        const current = e.index === cursor;
        const first = e.hopIndex === 0;
        return (
          <li key={e.index} className={`${first ? 'first' : ''}${e.hop.event === 'drop' ? ' drop' : ''}`}>
            <button type="button" aria-current={current ? 'step' : undefined} onClick={() => seek(e.index)}>
              <span className="ev-n">{e.index + 1}</span>
              <span className="ev-pkt">{first ? e.packet.label : ''}</span>
              <span className={`ev-kind ev-${e.hop.event}`}>{e.hop.event}</span>
              <span className="ev-where">
                {e.hop.node}
                {e.hop.iface ? ` · ${e.hop.iface}` : ''}
              </span>
              <span className="ev-why">{translate(e.hop.why.key, e.hop.why.params)}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
