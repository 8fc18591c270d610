// Follow the packet, zoom in / out, fit to screen, over the diagram's corner.
import { useT } from '../../hooks/useT';

export function ZoomControls(props: {
  follow: boolean;
  onFollow: (on: boolean) => void;
  onFit: () => void;
  onZoom: (factor: number) => void;
}) {
  const t = useT();
  return (
    <div className="zoom-controls" role="group" aria-label={t('zoom.label')}>
      <button
        type="button"
        className={props.follow ? 'on' : ''}
        aria-pressed={props.follow}
        onClick={() => props.onFollow(!props.follow)}
        data-testid="follow"
      >
        {t('zoom.follow')}
      </button>
      <button type="button" onClick={() => props.onZoom(1.25)} aria-label={t('zoom.in')}>
        +
      </button>
      <button type="button" onClick={() => props.onZoom(0.8)} aria-label={t('zoom.out')}>
        −
      </button>
      <button type="button" onClick={props.onFit} className="fit" data-testid="fit">
        {t('zoom.fit')}
      </button>
    </div>
  );
}
