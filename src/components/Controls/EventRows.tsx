// Every hop of every packet of the flow, in order, under its packet and its chapter; or, in the
// key-moments view, one row per key moment, each unfolding into its hops. Click one to jump there.
// Fetched once there is a flow (EventList.tsx shows the empty list until then).
import { memo, useEffect, useRef, useState } from 'react';
import type { Chapter, Moment } from '../../sim';
import { useT, type Translate } from '../../hooks/useT';
import { useAppStore, useAppStoreRef } from '../../store/react';
import {
  selectChapters,
  selectMoments,
  selectTimeline,
  type TimelineEntry,
} from '../../store/selectors';
import { MomentBar } from './MomentBar';
import { useMomentsView } from './useMomentsView';

/**
 * Rows added per task. `ping -c 100` walks ~1,800 hops (~9,400 elements here): made at once they
 * held the page ~430 ms, so the list grows by this many rows a task (~40 ms on a slow machine),
 * always far enough to hold the current hop, and the page paints and answers between them.
 */
const ROWS_PER_TASK = 200;

export function EventRows() {
  const timeline = useAppStoreRef(selectTimeline);
  const cursor = useAppStore((s) => s.cursor);
  const seek = useAppStore((s) => s.seek);
  // A lesson's question is waiting: from its hop on, rows name the place, not what changed there.
  const gate = useAppStore((s) => s.lessonGate);
  const [moments] = useMomentsView();
  const t = useT();
  const listRef = useRef<HTMLOListElement | null>(null);
  useEffect(() => {
    const el = listRef.current?.querySelector<HTMLElement>('[aria-current="step"]');
    el?.scrollIntoView({ block: 'nearest' });
  }, [cursor, moments]);
  return (
    <div className="events-col">
      <MomentBar />
      <ol className="events" ref={listRef} data-testid="event-list" aria-label={t('events.label')}>
        {moments ? (
          <MomentRows timeline={timeline} cursor={cursor} seek={seek} t={t} gate={gate} />
        ) : (
          <HopRows timeline={timeline} cursor={cursor} seek={seek} t={t} gate={gate} />
        )}
      </ol>
    </div>
  );
}

interface RowsProps {
  readonly timeline: readonly TimelineEntry[];
  readonly cursor: number;
  readonly seek: (i: number) => void;
  readonly t: Translate;
  /** Rows from this index on are veiled (a lesson's question waits); null: none. */
  readonly gate: number | null;
}

const veiled = (gate: number | null, index: number): boolean => gate !== null && index >= gate;

/** How many hops a moment spans: "1 hop", "12 hops". */
const hopsLabel = (m: { readonly from: number; readonly to: number }, t: Translate): string =>
  m.to === m.from ? t('events.oneHop') : t('events.hops', { n: m.to - m.from + 1 });

/** Every hop, a heading where a packet or a chapter begins; made ROWS_PER_TASK rows a task. */
function HopRows({ timeline, cursor, seek, t, gate }: RowsProps) {
  const chapters = useAppStoreRef(selectChapters);
  // How many rows of this timeline are made; a new flow starts again from the first slice.
  const [grown, setGrown] = useState({ of: timeline, rows: ROWS_PER_TASK });
  const rows = grown.of === timeline ? grown.rows : ROWS_PER_TASK;
  useEffect(() => {
    if (rows >= timeline.length) return;
    const id = setTimeout(() => setGrown({ of: timeline, rows: rows + ROWS_PER_TASK }), 0);
    return () => clearTimeout(id);
  }, [rows, timeline]);
  const made = Math.max(rows, cursor + 1);
  const shown = made < timeline.length ? timeline.slice(0, made) : timeline;
  return shown.map((e) => (
    <EventRow
      key={e.index}
      entry={e}
      chapter={chapters[e.index] ?? 'transit'}
      newChapter={e.hopIndex === 0 || chapters[e.index - 1] !== chapters[e.index]}
      current={e.index === cursor}
      veiled={veiled(gate, e.index)}
      seek={seek}
      t={t}
    />
  ));
}

/** One row per key moment; the one the cursor is in, or one opened by hand, shows its hops. */
function MomentRows({ timeline, cursor, seek, t, gate }: RowsProps) {
  const moments = useAppStore(selectMoments);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const flip = (i: number) =>
    setOpen((o) => {
      const n = new Set(o);
      if (!n.delete(i)) n.add(i);
      return n;
    });
  return moments.map((m, i) => {
    const here = cursor >= m.from && cursor <= m.to;
    const shown = open.has(i);
    const span = hopsLabel(m, t);
    return (
      <li key={m.from} className="moment" data-chapter={m.chapter} data-testid="moment-row">
        <span className="moment-row">
          <button
            type="button"
            aria-current={here && cursor === m.at ? 'step' : undefined}
            className={here ? 'moment-here' : undefined}
            onClick={() => seek(m.at)}
          >
            <span className="ev-n">{i + 1}</span>
            <span className="ev-chapter">{t(`chapter.${m.chapter}`)}</span>
            <span className="ev-where">
              {where(timeline[m.at] as TimelineEntry, t, veiled(gate, m.at))}
            </span>
          </button>
          <button
            type="button"
            className="small"
            aria-expanded={shown}
            onClick={() => flip(i)}
            title={span}
          >
            {span}
          </button>
        </span>
        {shown && (
          <MomentHops
            moment={m}
            timeline={timeline}
            cursor={cursor}
            seek={seek}
            t={t}
            gate={gate}
          />
        )}
      </li>
    );
  });
}

function MomentHops(props: RowsProps & { moment: Moment }) {
  const { moment: m } = props;
  return (
    <ol className="events nested">
      {props.timeline.slice(m.from, m.to + 1).map((e) => (
        <EventRow
          key={e.index}
          entry={e}
          chapter={m.chapter}
          newChapter={false}
          current={e.index === props.cursor}
          veiled={veiled(props.gate, e.index)}
          seek={props.seek}
          t={props.t}
        />
      ))}
    </ol>
  );
}

const EventRow = memo(function EventRow(props: {
  entry: TimelineEntry;
  chapter: Chapter;
  newChapter: boolean;
  current: boolean;
  veiled: boolean;
  seek: (i: number) => void;
  t: Translate;
}) {
  const e = props.entry;
  const t = props.t;
  const row = (
    <li className={e.hop.event === 'drop' ? 'drop' : undefined}>
      <button
        type="button"
        aria-current={props.current ? 'step' : undefined}
        onClick={() => props.seek(e.index)}
        title={props.veiled ? undefined : t.why(e.hop.why, e.hop.node)}
      >
        <span className="ev-n">{e.index + 1}</span>
        <span className={`ev-kind ev-${e.hop.event}`}>{e.hop.event}</span>
        <span className="ev-where">{where(e, t, props.veiled)}</span>
      </button>
    </li>
  );
  const chapter = props.newChapter && (
    <li className="ch-head" aria-hidden data-chapter={props.chapter}>
      {t(`chapter.${props.chapter}`)}
    </li>
  );
  if (e.hopIndex !== 0) {
    return (
      <>
        {chapter}
        {row}
      </>
    );
  }
  return (
    <>
      <li className="pkt-head" aria-hidden>
        {e.packet.label}{' '}
        <span className="muted">
          · {t(e.packet.direction === 'reply' ? 'dir.reply' : 'dir.request')}
        </span>
      </li>
      {chapter}
      {row}
    </>
  );
});

/** What the row says of its hop: the rule and verdict or the rewritten fields, else the place;
 *  only the place when veiled. */
function where(e: TimelineEntry, t: Translate, veiled = false): string {
  const { hop } = e;
  const place = `${t.place(hop.node)}${hop.iface ? ` · ${hop.iface}` : ''}`;
  if (veiled) return place;
  if (hop.nf) return `${hop.nf.table}/${hop.nf.chain} → ${hop.nf.target}`;
  const changed = hop.changed
    .filter((c) => !c.field.startsWith('eth.'))
    .map((c) => `${c.field} ${c.from}→${c.to}`);
  if (changed.length > 0) return changed.join(', ');
  return place;
}
