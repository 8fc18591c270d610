// Drives playback: while playing, one step per beat (faster at higher speed). Time lives here, not in the store.
import { useEffect } from 'react';
import { useAppStore } from '../store/react';

export const BEAT_MS = 1100;

export function usePlayback(): void {
  const playing = useAppStore((s) => s.playing);
  const speed = useAppStore((s) => s.speed);
  const cursor = useAppStore((s) => s.cursor);
  const stepForward = useAppStore((s) => s.stepForward);
  useEffect(() => {
    if (!playing) return;
    const id = window.setTimeout(stepForward, BEAT_MS / speed);
    return () => window.clearTimeout(id);
  }, [playing, speed, cursor, stepForward]);
}
