// Every hop of every packet of the flow, in order; click one to jump there.
import { memo, useEffect, useRef, useState } from 'react';
import { useT, type Translate } from '../../hooks/useT';
import { useAppStore, useAppStoreRef } from '../../store/react';
import { selectTimeline, type TimelineEntry } from '../../store/selectors';

/**
 * Rows added per task. `ping -c 100` walks ~1,800 hops (~9,400 elements here): made at once they
 * held the page ~430 ms, so the list grows by this many rows a task (~40 ms on a slow machine),
 * always far enough to hold the current hop, and the page paints and answers between them.
 */
const ROWS_PER_TASK = 200;

export function EventList() {
  const timeline = useAppStoreRef(selectTimeline);
  const cursor = useAppStore((s) => s.cursor);
  const seek = useAppStore((s) => s.seek);
  const t = useT();
  const listRef = useRef<HTMLOListElement | null>(null);
  // How many rows of this timeline are made; a new flow starts again from the first slice.
  const [grown, setGrown] = useState({ of: timeline, rows: ROWS_PER_TASK });
  const rows = grown.of === timeline ? grown.rows : ROWS_PER_TASK;
  useEffect(() => {
    if (rows >= timeline.length) return;
    const id = setTimeout(() => setGrown({ of: timeline, rows: rows + ROWS_PER_TASK }), 0);
    return () => clearTimeout(id);
  }, [rows, timeline]);
  const made = Math.max(rows, cursor + 1);
  useEffect(() => {
    const el = listRef.current?.querySelector<HTMLElement>('[aria-current="step"]');
    el?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);
  if (timeline.length === 0) return <p className="muted events-empty">{t('events.empty')}</p>;
  return (
    <ol className="events" ref={listRef} data-testid="event-list" aria-label={t('events.label')}>
      {(made < timeline.length ? timeline.slice(0, made) : timeline).map((e) => (
        <EventRow key={e.index} entry={e} current={e.index === cursor} seek={seek} t={t} />
      ))}
    </ol>
  );
}

const EventRow = memo(function EventRow(props: {
  entry: TimelineEntry;
  current: boolean;
  seek: (i: number) => void;
  t: Translate;
}) {
  const e = props.entry;
  const t = props.t;
  const first = e.hopIndex === 0;
  const row = (
    <li className={e.hop.event === 'drop' ? 'drop' : undefined}>
      <button
        type="button"
        aria-current={props.current ? 'step' : undefined}
        onClick={() => props.seek(e.index)}
        title={t.why(e.hop.why)}
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
        {e.packet.label}{' '}
        <span className="muted">
          · {t(e.packet.direction === 'reply' ? 'dir.reply' : 'dir.request')}
        </span>
      </li>
      {row}
    </>
  );
});

function where(e: TimelineEntry): string {
  const { hop } = e;
  if (hop.nf) return `${hop.nf.table}/${hop.nf.chain} → ${hop.nf.target}`;
  const changed = hop.changed
    .filter((c) => !c.field.startsWith('eth.'))
    .map((c) => `${c.field} ${c.from}→${c.to}`);
  if (changed.length > 0) return changed.join(', ');
  return `${hop.node}${hop.iface ? ` · ${hop.iface}` : ''}`;
}
