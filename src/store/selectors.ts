// Module-scope selectors: everything derived from the store's inputs. Memoised on input identity.
import type { Hop, NetfilterStep, PacketTrace, Seen } from '../sim';
import {
  hopChapters,
  keyMoments,
  seenOf,
  type Chapter,
  type Container,
  type Moment,
  type Network,
} from '../sim';
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

/**
 * The world at the cursor: conntrack, netfilter (rules with their counters), neighbours and FDB as
 * the current hop saw them, the one moment every panel shows. A table the world has changed since
 * the flow (a `docker run -p`, `conntrack -F`, entries timing out) shows as it is now: the flow's
 * moments no longer describe it. With no flow, the world as it is.
 */
export function selectSeen(s: Pick<AppState, 'packets' | 'cursor' | 'world'>): Seen {
  const now = seenOf(s.world);
  const hop = selectCurrentHop(s);
  const last = selectTimeline(s).at(-1)?.hop.seen;
  if (!hop || !last) return now;
  const pick = <K extends keyof Seen>(k: K): Seen[K] => (now[k] === last[k] ? hop.seen[k] : now[k]);
  return {
    conntrack: pick('conntrack'),
    netfilter: pick('netfilter'),
    neigh: pick('neigh'),
    fdb: pick('fdb'),
  };
}

const momentsOf = new WeakMap<readonly PacketTrace[], readonly Moment[]>();
const chaptersOf = new WeakMap<readonly PacketTrace[], readonly Chapter[]>();

/** The flow's key moments (sim/moments.ts), memoised on the packets. */
export function selectMoments(s: Pick<AppState, 'packets'>): readonly Moment[] {
  let m = momentsOf.get(s.packets);
  if (!m) momentsOf.set(s.packets, (m = keyMoments(s.packets)));
  return m;
}

/** Every hop's chapter, in timeline order. */
export function selectChapters(s: Pick<AppState, 'packets'>): readonly Chapter[] {
  let c = chaptersOf.get(s.packets);
  if (!c) chaptersOf.set(s.packets, (c = hopChapters(s.packets)));
  return c;
}

/** Index of the key moment the cursor is in, or -1 with no flow. */
export function selectMomentIndex(s: Pick<AppState, 'packets' | 'cursor'>): number {
  return selectMoments(s).findIndex((m) => s.cursor >= m.from && s.cursor <= m.to);
}

/** Where the next (1) or previous (-1) key moment lands, or null when there is none that way. */
export function momentTarget(s: Pick<AppState, 'packets' | 'cursor'>, dir: 1 | -1): number | null {
  const ms = selectMoments(s);
  const m = dir === 1 ? ms.find((x) => x.at > s.cursor) : ms.findLast((x) => x.at < s.cursor);
  return m ? m.at : null;
}

/** The rule behind the current hop, and the chain walk that led to it. */
export interface RuleAt {
  readonly step: NetfilterStep;
  /** The jumps before it in the same table and hook (PREROUTING → DOCKER), in order. */
  readonly path: readonly NetfilterStep[];
}

const NAT_TARGETS = new Set(['DNAT', 'SNAT', 'MASQUERADE']);

/**
 * The rule that decided the current hop: its own netfilter step; for a drop, the step before it;
 * for a rewrite made by a rule (a new connection's DNAT or MASQUERADE), the rule that asked for it.
 * A rewrite conntrack makes from its entry consulted no rule: null, as for hops outside netfilter.
 */
export function selectRuleAt(s: Pick<AppState, 'packets' | 'cursor'>): RuleAt | null {
  const e = selectCurrentEntry(s);
  if (!e) return null;
  // The same object for the same hop: React compares what a selector returns.
  if (!rulesAt.has(e)) rulesAt.set(e, ruleAt(e));
  return rulesAt.get(e) ?? null;
}

const rulesAt = new WeakMap<TimelineEntry, RuleAt | null>();

function ruleAt(e: TimelineEntry): RuleAt | null {
  const hops = e.packet.hops;
  let i = e.hopIndex;
  const hop = e.hop;
  if (!hop.nf) {
    if (hop.event === 'drop') i -= 1;
    else if (hop.event === 'nat' && hop.ct?.created) {
      while (i >= 0 && !NAT_TARGETS.has(hops[i]?.nf?.target ?? '')) i--;
    } else return null;
  }
  const step = hops[i]?.nf;
  if (!step) return null;
  const path: NetfilterStep[] = [];
  for (let j = i - 1; j >= 0; j--) {
    const nf = hops[j]?.nf;
    if (!nf || nf.table !== step.table || nf.hook !== step.hook) break;
    path.unshift(nf);
  }
  return { step, path };
}
