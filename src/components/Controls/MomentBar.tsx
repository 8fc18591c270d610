// Over the hop list: the key-moments view toggle, and previous / next key moment with where we are
// in the story (the ] and [ keys do the same, M toggles the view).
import { useT } from '../../hooks/useT';
import { useAppStore } from '../../store/react';
import { selectMomentIndex, selectMoments } from '../../store/selectors';
import { Icon } from './icons';
import { useMomentsView } from './useMomentsView';

export function MomentBar() {
  const moments = useAppStore(selectMoments);
  const index = useAppStore(selectMomentIndex);
  const cursor = useAppStore((s) => s.cursor);
  const a = useAppStore((s) => ({ next: s.nextMoment, prev: s.prevMoment }));
  const [on, setOn] = useMomentsView();
  const t = useT();
  const last = moments.at(-1)?.at ?? 0;
  return (
    <div className="moment-bar" role="toolbar" aria-label={t('events.momentsView')}>
      <button
        type="button"
        onClick={a.prev}
        disabled={cursor <= (moments[0]?.at ?? 0)}
        aria-label={t('playback.prevMoment')}
        title={t('playback.prevMomentTitle')}
        data-testid="prev-moment"
      >
        <Icon name="prevMoment" />
      </button>
      <span className="moment-count" data-testid="moment-count" aria-live="polite">
        {t('playback.moment', { n: index + 1, total: moments.length })}
      </span>
      <button
        type="button"
        onClick={a.next}
        disabled={cursor >= last}
        aria-label={t('playback.nextMoment')}
        title={t('playback.nextMomentTitle')}
        data-testid="next-moment"
      >
        <Icon name="nextMoment" />
      </button>
      <button
        type="button"
        className="moments-toggle"
        aria-pressed={on}
        title={t('events.momentsViewTitle')}
        onClick={() => setOn(!on)}
        data-testid="moments-toggle"
      >
        {t('events.momentsView')}
      </button>
    </div>
  );
}
