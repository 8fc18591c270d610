// The walk's neighbour tables: what sending, an ARP request heard and our own resolution do to an
// entry (the rules are sim/neigh.ts). Writes only WalkState.neigh; the world's clock is the walk's time.
import type { IPv4, MacAddress } from '../addr';
import {
  MCAST_PROBES,
  RETRANS,
  neighFailed,
  neighHeard,
  neighReplied,
  neighSent,
  neighSolicit,
  neighState,
  isConnected,
  usableMac,
} from '../neigh';
import type { NodeId } from '../trace';
import type { NeighEntry } from '../types';
import { writable, type WalkState } from './state';
import { own } from '../own';

function find(s: WalkState, node: NodeId, ip: string, dev: string): NeighEntry | undefined {
  return (own(s.neigh, node) ?? []).find((n) => n.ip === ip && n.dev === dev);
}

/** Stores an entry: in place when the address is known on that device, else at the end. */
function put(s: WalkState, node: NodeId, entry: NeighEntry): void {
  const list = own(s.neigh, node) ?? [];
  const at = list.findIndex((n) => n.ip === entry.ip && n.dev === entry.dev);
  if (at === -1) writable(s, 'neigh')[node] = [...list, entry];
  else if (list[at] !== entry) {
    writable(s, 'neigh')[node] = list.map((n, i) => (i === at ? entry : n));
  }
}

/**
 * The MAC a packet from `node` goes to, through a valid entry (null: resolve first). Sending
 * through it is what moves a STALE entry to DELAY; the packet a socket sends with a pending
 * confirmation confirms the neighbour on its way out of the socket's own namespace.
 */
export function neighOut(s: WalkState, node: NodeId, dev: string, ip: IPv4): MacAddress | null {
  const e = find(s, node, ip, dev);
  const mac = e ? usableMac(e, s.base.clock) : null;
  if (!e || !mac) return null;
  const confirm = s.confirm && node === s.origin;
  if (confirm) s.confirm = false;
  put(s, node, neighSent(e, s.base.clock, confirm));
  return mac;
}

/** True when `node`'s entry for `ip` is NUD_CONNECTED at the walk's clock (before any send). */
export function neighConnected(s: WalkState, node: NodeId, dev: string, ip: IPv4): boolean {
  const e = find(s, node, ip, dev);
  return !!e && e.mac !== null && isConnected(neighState(e, s.base.clock));
}

/** An ARP request for one of our addresses, or an announcement: the sender is learned (STALE). */
export function neighHeardIn(
  s: WalkState,
  node: NodeId,
  heard: { readonly ip: IPv4; readonly dev: string; readonly mac: MacAddress },
): void {
  put(s, node, neighHeard(find(s, node, heard.ip, heard.dev), heard, s.base.clock));
}

const queueKey = (node: NodeId, dev: string, ip: IPv4) => `${node} ${dev} ${ip}`;

/** When the packet being walked left its socket: the time its own send hop carries. */
const sentAt = (s: WalkState) => s.hops[0]?.t ?? s.t;

/**
 * When the resolution in progress for `ip` gives up (µs), if the packet being walked meets it
 * still INCOMPLETE; null when none is. Its timer fires mcast_solicit × retrans_time after the
 * packet that began asking was sent; a packet sent at that instant finds the entry FAILED (real
 * ping's 4th request, a second after the 3rd, always came just after the errors) and asks anew.
 */
export function neighQueued(s: WalkState, node: NodeId, dev: string, ip: IPv4): number | null {
  const start = own(s.resolving, queueKey(node, dev, ip));
  if (start === undefined) return null;
  const end = start + MCAST_PROBES * RETRANS * 1_000_000;
  return sentAt(s) < end ? end : null;
}

/**
 * Resolution begins (__neigh_event_send on an entry that is neither valid nor INCOMPLETE, a
 * FAILED one included): an INCOMPLETE entry, which counts the broadcasts as they go.
 */
export function neighSolicitIn(s: WalkState, node: NodeId, dev: string, ip: IPv4): void {
  put(s, node, neighSolicit(find(s, node, ip, dev), { ip, dev }, s.base.clock));
  s.resolving[queueKey(node, dev, ip)] = sentAt(s);
}

export function neighCountRequest(s: WalkState, node: NodeId, dev: string, ip: IPv4): void {
  const e = find(s, node, ip, dev);
  if (e?.state === 'INCOMPLETE') put(s, node, { ...e, probes: e.probes + 1 });
}

/** A reply to our MAC updates the entry our request made; an unsolicited one is ignored (arp_accept=0). */
export function neighReplyIn(
  s: WalkState,
  node: NodeId,
  dev: string,
  ip: IPv4,
  mac: MacAddress,
): boolean {
  const e = find(s, node, ip, dev);
  if (!e) return false;
  put(s, node, neighReplied(e, mac, s.base.clock));
  return true;
}

/**
 * Every broadcast went unanswered: the walk's time moves on to when the entry's timer gives up
 * (neigh_invalidate), where every packet in its queue is dropped with its host unreachable.
 */
export function neighFailedIn(s: WalkState, node: NodeId, dev: string, ip: IPv4): void {
  const end = neighQueued(s, node, dev, ip);
  if (end !== null) s.t = Math.max(s.t, end);
  const e = find(s, node, ip, dev);
  if (e) put(s, node, neighFailed(e, s.base.clock));
}
