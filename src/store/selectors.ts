// Module-scope selectors: everything derived from the store's inputs. Memoised on input identity.
import type { Hop, PacketTrace } from '../sim/trace';
import type { Container, Network } from '../sim';
import type { AppState } from './types';

/** One hop of the flattened timeline, with where it came from. */
export interface TimelineEntry {
  readonly index: number;
  readonly packetIndex: number;
  readonly hopIndex: number;
  readonly packet: PacketTrace;
  readonly hop: Hop;
}

const timelines = new WeakMap<readonly PacketTrace[], readonly TimelineEntry[]>();

/** All hops of all packets in order; the same array for the same packets (safe for useShallow). */
export function selectTimeline(s: Pick<AppState, 'packets'>): readonly TimelineEntry[] {
  const cached = timelines.get(s.packets);
  if (cached) return cached;
  const out: TimelineEntry[] = [];
  s.packets.forEach((packet, packetIndex) =>
    packet.hops.forEach((hop, hopIndex) =>
      out.push({ index: out.length, packetIndex, hopIndex, packet, hop }),
    ),
  );
  timelines.set(s.packets, out);
  return out;
}

export function timelineLength(s: Pick<AppState, 'packets'>): number {
  return selectTimeline(s).length;
}

/** The hop under the cursor, or null when there is no flow. */
export function selectCurrentEntry(s: Pick<AppState, 'packets' | 'cursor'>): TimelineEntry | null {
  return selectTimeline(s)[s.cursor] ?? null;
}

export const selectCurrentHop = (s: Pick<AppState, 'packets' | 'cursor'>): Hop | null =>
  selectCurrentEntry(s)?.hop ?? null;

export const selectWorld = (s: AppState) => s.world;
export const selectContainers = (s: AppState): readonly Container[] => s.world.containers;
export const selectNetworks = (s: AppState): readonly Network[] => s.world.networks;
export const selectRunning = (s: AppState): readonly Container[] =>
  s.world.containers.filter((c) => c.state === 'running');
export const selectPlayback = (s: AppState) => ({
  cursor: s.cursor,
  playing: s.playing,
  speed: s.speed,
  length: timelineLength(s),
});
export const selectTranscript = (s: AppState) => s.transcript;
export const selectHistory = (s: AppState) => s.history;
export const selectLocation = (s: AppState) => s.location;
