// The working state of one simulate() call: the world's mutable parts as copies, the hops emitted.
// Private to the walk: the world passed in is never mutated; the caller gets a new one at the end.
import type {
  ConntrackEntry,
  FdbEntry,
  IfStats,
  Listener,
  NeighEntry,
  Netfilter,
  World,
} from '../types';
import type {
  DropReason,
  FieldChange,
  Frame,
  Hop,
  HopEvent,
  NetfilterStep,
  NodeId,
  Seen,
  Why,
} from '../trace';
import type { ParamsArg, WhyKey } from '../messages';
import type { InFlight } from './ct-tcp';
import { fullBudget } from './budget';
import { afterServers, type Logged } from './served';
import type { Topology } from './topology';
import { own } from '../own';

export interface WalkState {
  /** Swapped for a moment by `walk/embedded-dns.ts` while it walks inside a container's netfilter. */
  topo: Topology;
  readonly base: World;
  nf: Netfilter;
  /** Replaced, never changed in place: the hops that saw a table keep it (`seen`). */
  conntrack: readonly ConntrackEntry[];
  /**
   * Conntrack tables of container namespaces (conntrack is per netns), by node, for this walk only:
   * those with Docker's embedded-DNS nat rules track the query to 127.0.0.11 (walk/embedded-dns.ts).
   */
  nsConntrack: { [node: string]: readonly ConntrackEntry[] };
  /**
   * Per TCP entry id, data not yet acknowledged in either direction (it caps the timeout). Only
   * for this walk: every connection opens and closes within one flow.
   */
  ctInFlight: { [id: number]: InFlight };
  /** Copied on the first write after a hop published it (`writable`). */
  neigh: { [node: string]: readonly NeighEntry[] };
  /**
   * Resolutions this flow started, by `node dev ip`: when the packet that began asking was sent
   * (µs). Until mcast_solicit requests have gone unanswered, later packets wait in the entry's
   * queue (arp_queue) instead of asking again (walk/neighbours.ts).
   */
  resolving: { [key: string]: number };
  fdb: { [bridge: string]: readonly FdbEntry[] };
  ifStats: { [bucket: string]: { readonly [nodeIface: string]: IfStats } };
  /** Buckets this walk has copied already (copy on first write). */
  readonly statsCopied: Set<string>;
  nextConntrackId: number;
  nextSourcePort: { [node: string]: number };
  /** The world's seeded generator, for what the kernel draws at random (walk/nat-port.ts). */
  rng: number;
  /** The tables the last hop saw: a hop that changed none of them shares this object. */
  seen: Seen | null;
  /** Hops of the packet being walked. */
  hops: Hop[];
  /** Simulated µs since the flow began. */
  t: number;
  /** Where the packet being walked ended up (a flood may deliver none of its copies). */
  delivered: { node: NodeId; iface: string; frame: Frame } | null;
  dropped: { node: NodeId; reason: DropReason } | null;
  /** The namespace whose socket sent the packet being walked. */
  origin: NodeId;
  /** Packets the kernel sends because of this one (an ICMP error), walked after it as their own traces. */
  followUps: { node: NodeId; label: string; frame: Frame }[];
  /** Who answers the ARP request being flooded. */
  arpAnswer: { node: NodeId; iface: string; request: Frame } | null;
  /**
   * The packet being walked carries its socket's pending neighbour confirmation (a TCP peer's
   * ACK): the origin's next hop is confirmed as it leaves (walk/neighbours.ts).
   */
  confirm: boolean;
  /** What is left of the packet's netfilter budget (walk/netfilter.ts NF_BUDGET). */
  nfBudget: { rules: number; chains: number };
  /** Sockets the walk knows: listeners per namespace and the flow's own client sockets. */
  readonly sockets: SocketTable;
  /** What the servers that answered wrote to their logs, and the one-shot ones that accepted (walk/served.ts). */
  readonly logged: Logged[];
  readonly ended: Listener[];
}

export interface SocketInfo {
  /** Who owns it: 'nginx', 'docker-proxy', 'client'… */
  readonly process: string;
  readonly kind: 'listener' | 'proxy' | 'client';
  /**
   * The part it plays in a name lookup, so the narration names it as a learner knows it: Docker's
   * embedded DNS (dockerd's socket behind 127.0.0.11), the socket dockerd forwards a query from,
   * or a public resolver (8.8.8.8).
   */
  readonly dns?: DnsRole;
}

export type DnsRole = 'embedded' | 'forwarder' | 'resolver';

export interface SocketTable {
  /** The socket a segment to ip:port from peerIp:peerPort reaches (connected sockets match their peer). */
  lookup(
    node: NodeId,
    proto: 'tcp' | 'udp',
    ip: string,
    port: number,
    peerIp: string,
    peerPort: number,
  ): SocketInfo | null;
}

export function beginWalk(world: World, topo: Topology, sockets: SocketTable): WalkState {
  return {
    topo,
    base: world,
    nf: world.netfilter,
    conntrack: world.conntrack,
    nsConntrack: {},
    ctInFlight: {},
    neigh: world.neigh,
    resolving: {},
    fdb: world.fdb,
    ifStats: world.ifStats,
    statsCopied: new Set(),
    nextConntrackId: world.nextConntrackId,
    nextSourcePort: { ...world.nextSourcePort },
    rng: world.rng,
    seen: null,
    hops: [],
    t: 0,
    delivered: null,
    dropped: null,
    arpAnswer: null,
    confirm: false,
    origin: 'host',
    followUps: [],
    nfBudget: fullBudget(),
    sockets,
    logged: [],
    ended: [],
  };
}

export function endWalk(s: WalkState): World {
  const world: World = {
    ...s.base,
    netfilter: s.nf,
    conntrack: s.conntrack,
    neigh: s.neigh,
    fdb: s.fdb,
    ifStats: s.ifStats,
    nextConntrackId: s.nextConntrackId,
    nextSourcePort: s.nextSourcePort,
    rng: s.rng,
  };
  return afterServers(world, s.logged, s.ended);
}

/**
 * The neighbour or FDB map, ready to write: copied first when it is still the world's or the one the
 * last hop saw, so neither changes under its readers. One copy per hop that writes, not per write.
 */
export function writable<K extends 'neigh' | 'fdb'>(s: WalkState, table: K): WalkState[K] {
  const map: WalkState[K] = s[table];
  if (map !== s.base[table] && map !== s.seen?.[table]) return map;
  const copy: WalkState[K] = { ...map };
  (s as Pick<WalkState, K>)[table] = copy;
  return copy;
}

/** A world's tables as a hop would see them: for the moment before a flow, or with no flow. */
export const seenOf = (w: World): Seen => ({
  conntrack: w.conntrack,
  netfilter: w.netfilter,
  neigh: w.neigh,
  fdb: w.fdb,
});

/** What this hop saw: the last hop's object while no table has changed since. */
function seenNow(s: WalkState): Seen {
  const last = s.seen;
  if (
    last &&
    last.conntrack === s.conntrack &&
    last.netfilter === s.nf &&
    last.neigh === s.neigh &&
    last.fdb === s.fdb
  )
    return last;
  s.seen = { conntrack: s.conntrack, netfilter: s.nf, neigh: s.neigh, fdb: s.fdb };
  return s.seen;
}

/**
 * A hop's reason: a known key with the parameters its sentence needs (messages.ts; checked by the
 * compiler). Defined here, with messages.ts imported for its types only, so the modules that read
 * the walk's state do not pull the narration's text in with them.
 */
export const why = <K extends WhyKey>(key: K, ...params: ParamsArg<K>): Why => ({
  key,
  params: params[0] ?? {},
});

export interface HopExtras {
  readonly changed?: readonly FieldChange[];
  readonly nf?: NetfilterStep;
  readonly ct?: Hop['ct'];
  readonly routeMtu?: number;
}

/** Appends a hop; `dt` is the simulated time the step takes. */
export function emit(
  s: WalkState,
  node: NodeId,
  iface: string | null,
  event: HopEvent,
  frame: Frame,
  reason: Why,
  extras: HopExtras = {},
  dt = 1,
): void {
  s.t += dt;
  s.hops.push({
    node,
    iface,
    event,
    frame,
    changed: extras.changed ?? [],
    why: reason,
    ...(extras.nf ? { nf: extras.nf } : {}),
    ...(extras.ct ? { ct: extras.ct } : {}),
    ...(extras.routeMtu !== undefined ? { routeMtu: extras.routeMtu } : {}),
    t: s.t,
    seen: seenNow(s),
  });
}

/** Frame size on the wire (Ethernet header + IP total length, or 42 for ARP). */
export function frameBytes(f: Frame): number {
  if (f.arp) return 42;
  return 14 + (f.ip?.len ?? 0);
}

const ZERO: IfStats = { rxPackets: 0, rxBytes: 0, txPackets: 0, txBytes: 0 };
const BUCKETS = 64;

/** Counters live in 64 buckets by interface, so a walk copies a few small buckets, not every counter. */
function bucketOf(key: string): string {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) >>> 0;
  return String(h % BUCKETS);
}

export function countIf(
  s: WalkState,
  node: NodeId,
  iface: string,
  dir: 'rx' | 'tx',
  bytes: number,
): void {
  const key = `${node}/${iface}`;
  const b = bucketOf(key);
  if (s.statsCopied.size === 0) s.ifStats = { ...s.ifStats };
  if (!s.statsCopied.has(b)) {
    s.ifStats[b] = { ...own(s.ifStats, b) };
    s.statsCopied.add(b);
  }
  const bucket = s.ifStats[b] as { [key: string]: IfStats };
  const st = own(bucket, key) ?? ZERO;
  bucket[key] =
    dir === 'rx'
      ? { ...st, rxPackets: st.rxPackets + 1, rxBytes: st.rxBytes + bytes }
      : { ...st, txPackets: st.txPackets + 1, txBytes: st.txBytes + bytes };
}

/** Forgets the counters of interfaces that no longer exist (they go with the device in Linux). */
export function dropIfStats(
  stats: WalkState['ifStats'],
  gone: (key: string) => boolean,
): WalkState['ifStats'] {
  let out: WalkState['ifStats'] | null = null;
  for (const [b, bucket] of Object.entries(stats)) {
    const keys = Object.keys(bucket);
    if (!keys.some(gone)) continue;
    out ??= { ...stats };
    out[b] = Object.fromEntries(keys.filter((k) => !gone(k)).map((k) => [k, bucket[k] as IfStats]));
  }
  return out ?? stats;
}

/** An interface's counters (zero before any traffic). */
export function ifStatsOf(
  world: { readonly ifStats: WalkState['ifStats'] },
  node: NodeId,
  iface: string,
): IfStats {
  const key = `${node}/${iface}`;
  const bucket = own(world.ifStats, bucketOf(key));
  return (bucket && own(bucket, key)) ?? ZERO;
}
