// "New lab": the world `lab reset` makes (a fresh host, same iptables profile) and an empty
// terminal, keeping what was there so one Undo brings it all back: world, flow, terminal.
import type { AppStore } from './create';
import type { AppState } from './types';

export type LabSnapshot = Pick<
  AppState,
  'world' | 'flow' | 'packets' | 'result' | 'cursor' | 'location' | 'transcript'
>;

/** Starts a new lab; returns what Undo needs to restore the one it replaced. */
export function newLab(store: AppStore): LabSnapshot {
  const s = store.getState();
  const snapshot: LabSnapshot = {
    world: s.world,
    flow: s.flow,
    packets: s.packets,
    result: s.result,
    cursor: s.cursor,
    location: s.location,
    transcript: s.transcript,
  };
  s.resetWorld({ profile: s.world.profile });
  s.clearTranscript();
  return snapshot;
}

/** Puts a snapshot back as it was (playback stopped at its hop). */
export function restoreLab(store: AppStore, snapshot: LabSnapshot): void {
  store.setState({ ...snapshot, playing: false });
}
