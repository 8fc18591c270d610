// Playback controls: restart, step back, play/pause, step forward, speed, and where we are.
import { useT } from '../../hooks/useT';
import { useAppStore } from '../../store/react';
import { selectPlayback } from '../../store/selectors';
import { Icon } from './icons';

const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export function Playback() {
  const { cursor, playing, speed, length } = useAppStore(selectPlayback);
  const a = useAppStore((s) => ({
    stepBack: s.stepBack,
    stepForward: s.stepForward,
    togglePlay: s.togglePlay,
    seek: s.seek,
    setSpeed: s.setSpeed,
  }));
  const none = length === 0;
  const t = useT();
  return (
    <div className="playback" role="toolbar" aria-label={t('shell.playback')}>
      <button
        type="button"
        onClick={() => a.seek(0)}
        disabled={none}
        aria-label={t('playback.restart')}
        title={t('playback.restartTitle')}
      >
        <Icon name="first" />
      </button>
      <button
        type="button"
        onClick={a.stepBack}
        disabled={none || cursor === 0}
        aria-label={t('playback.back')}
        title={t('playback.backTitle')}
      >
        <Icon name="back" />
      </button>
      <button
        type="button"
        className="play"
        onClick={a.togglePlay}
        disabled={none}
        aria-label={t(playing ? 'playback.pause' : 'playback.play')}
        title={t('playback.playTitle')}
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        onClick={a.stepForward}
        disabled={none || cursor >= length - 1}
        aria-label={t('playback.forward')}
        title={t('playback.forwardTitle')}
      >
        <Icon name="forward" />
      </button>
      <button
        type="button"
        onClick={() => a.seek(length - 1)}
        disabled={none}
        aria-label={t('playback.last')}
        title={t('playback.lastTitle')}
      >
        <Icon name="last" />
      </button>
      <span className="hop-count" data-testid="hop-count" aria-live="polite">
        {none ? t('playback.noFlow') : t('playback.hop', { n: cursor + 1, total: length })}
      </span>
      <label className="speed">
        <span>{t('playback.speed')}</span>
        <select
          value={speed}
          onChange={(e) => a.setSpeed(Number(e.target.value))}
          aria-label={t('playback.speedLabel')}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
