// The list of the flow's hops: empty (as the page starts, and as the build prerenders it) until a
// flow is sent; the rows, the moment bar and their logic load after the first paint, when the
// browser is idle, or at once if a flow comes first (a ?flow= link).
import { lazy, Suspense, useEffect } from 'react';
import { useT } from '../../hooks/useT';
import { useAppStoreRef } from '../../store/react';
import { selectTimeline } from '../../store/selectors';
import { afterFirstPaint } from '../Shell/idle';

const load = () => import('./EventRows');
const EventRows = lazy(() => load().then((m) => ({ default: m.EventRows })));

export function EventList() {
  const empty = useAppStoreRef(selectTimeline).length === 0;
  const t = useT();
  useEffect(() => afterFirstPaint(() => void load()), []);
  if (empty) return <p className="muted events-empty">{t('events.empty')}</p>;
  return (
    <Suspense fallback={null}>
      <EventRows />
    </Suspense>
  );
}
