// Every hop of every packet of the flow, in order; click one to jump there.
import { memo, useEffect, useRef } from 'react';
import { useLang, useT, type Lang, type Translate } from '../../hooks/useT';
import { placeName } from '../../i18n/narrate';
import { useAppStore } from '../../store/react';
import { selectTimeline, type TimelineEntry } from '../../store/selectors';

export function EventList() {
  const timeline = useAppStore(selectTimeline);
  const cursor = useAppStore((s) => s.cursor);
  const seek = useAppStore((s) => s.seek);
  const t = useT();
  const lang = useLang();
  const listRef = useRef<HTMLOListElement | null>(null);
  useEffect(() => {
    const el = listRef.current?.querySelector<HTMLElement>('[aria-current="step"]');
    el?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);
  if (timeline.length === 0) return <p className="muted events-empty">{t('events.empty')}</p>;
  return (
    <ol className="events" ref={listRef} data-testid="event-list" aria-label={t('events.label')}>
      {timeline.map((e) => (
        <EventRow
          key={e.index}
          entry={e}
          current={e.index === cursor}
          seek={seek}
          t={t}
          lang={lang}
        />
      ))}
    </ol>
  );
}

const EventRow = memo(function EventRow(props: {
  entry: TimelineEntry;
  current: boolean;
  seek: (i: number) => void;
  t: Translate;
  lang: Lang;
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
        title={t.why(e.hop.why, e.hop.node)}
      >
        <span className="ev-n">{e.index + 1}</span>
        <span className={`ev-kind ev-${e.hop.event}`}>{e.hop.event}</span>
        <span className="ev-where">{where(e, props.lang)}</span>
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

function where(e: TimelineEntry, lang: Lang): string {
  const { hop } = e;
  if (hop.nf) return `${hop.nf.table}/${hop.nf.chain} → ${hop.nf.target}`;
  const changed = hop.changed
    .filter((c) => !c.field.startsWith('eth.'))
    .map((c) => `${c.field} ${c.from}→${c.to}`);
  if (changed.length > 0) return changed.join(', ');
  return `${placeName(hop.node, lang)}${hop.iface ? ` · ${hop.iface}` : ''}`;
}
