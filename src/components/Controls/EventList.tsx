// Every hop of every packet of the flow, in order; click one to jump there.
import { memo, useEffect, useRef } from 'react';
import { translate } from '../../i18n';
import { useAppStore } from '../../store/react';
import { selectTimeline, type TimelineEntry } from '../../store/selectors';

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
      {timeline.map((e) => (
        <EventRow key={e.index} entry={e} current={e.index === cursor} seek={seek} />
      ))}
    </ol>
  );
}

const EventRow = memo(function EventRow(props: { entry: TimelineEntry; current: boolean; seek: (i: number) => void }) {
  const e = props.entry;
  const first = e.hopIndex === 0;
  const row = (
    <li className={e.hop.event === 'drop' ? 'drop' : undefined}>
      <button
        type="button"
        aria-current={props.current ? 'step' : undefined}
        onClick={() => props.seek(e.index)}
        title={translate(e.hop.why.key, e.hop.why.params)}
      >
        <span className="ev-n">{e.index + 1}</span>
        <span className={`ev-kind ev-${e.hop.event}`}>{e.hop.event}</span>
        <span className="ev-where">{where(e)}</span>
      </button>
    </li>
  );
  if (!first) return row;
  return (
    <>
      <li className="pkt-head" aria-hidden>
        {e.packet.label} <span className="muted">· {e.packet.direction}</span>
      </li>
      {row}
    </>
  );
});

function where(e: TimelineEntry): string {
  const { hop } = e;
  if (hop.nf) return `${hop.nf.table}/${hop.nf.chain} → ${hop.nf.target}`;
  const changed = hop.changed.filter((c) => !c.field.startsWith('eth.')).map((c) => `${c.field} ${c.from}→${c.to}`);
  if (changed.length > 0) return changed.join(', ');
  return `${hop.node}${hop.iface ? ` · ${hop.iface}` : ''}`;
}
