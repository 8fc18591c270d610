// Playback controls: restart, step back, play/pause, step forward, speed, and where we are.
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
  return (
    <div className="playback" role="toolbar" aria-label="Playback">
      <button type="button" onClick={() => a.seek(0)} disabled={none} aria-label="Restart" title="Restart (Home)">
        <Icon name="first" />
      </button>
      <button type="button" onClick={a.stepBack} disabled={none || cursor === 0} aria-label="Step back" title="Step back (←)">
        <Icon name="back" />
      </button>
      <button
        type="button"
        className="play"
        onClick={a.togglePlay}
        disabled={none}
        aria-label={playing ? 'Pause' : 'Play'}
        title="Play / pause (Space)"
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        onClick={a.stepForward}
        disabled={none || cursor >= length - 1}
        aria-label="Step forward"
        title="Step forward (→)"
      >
        <Icon name="forward" />
      </button>
      <button type="button" onClick={() => a.seek(length - 1)} disabled={none} aria-label="Last hop" title="Last hop (End)">
        <Icon name="last" />
      </button>
      <span className="hop-count" data-testid="hop-count" aria-live="polite">
        {none ? 'no flow' : `hop ${cursor + 1} / ${length}`}
      </span>
      <label className="speed">
        <span>speed</span>
        <select value={speed} onChange={(e) => a.setSpeed(Number(e.target.value))} aria-label="Speed">
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
