// A flow told in its key moments: each hop's chapter of the story, and the few hops a class stops
// at. Pure, derived from each hop's event, table, conntrack entry and rewritten fields (never from
// message text), so the view, the lessons and the tests agree on what a moment is.
import type { Hop, PacketTrace } from './trace';

/** What a hop is part of, in the words a teacher uses. */
export type Chapter =
  | 'resolve' // ARP: who has this address?
  | 'handshake' // SYN, SYN-ACK, ACK travelling
  | 'dnat' // nat PREROUTING/OUTPUT rewrites the destination of a new connection
  | 'route' // the host's routing decision
  | 'verdict' // a filter (or raw) table accepts or drops
  | 'snat' // MASQUERADE/SNAT in nat POSTROUTING
  | 'un-nat' // conntrack rewrites a reply from its entry: no rule is consulted
  | 'proxy' // docker-proxy accepts and opens its own connection
  | 'deliver' // the packet reaches a socket
  | 'lookup' // a DNS query or answer reaches its socket: name resolution (walk/dns.ts)
  | 'transit' // data on the wire, through bridges and routers
  | 'teardown' // FIN, RST and the last ACKs
  | 'drop';

export const CHAPTERS: readonly Chapter[] = [
  'resolve',
  'handshake',
  'dnat',
  'route',
  'verdict',
  'snat',
  'un-nat',
  'proxy',
  'deliver',
  'lookup',
  'transit',
  'teardown',
  'drop',
];

/** One key moment: the hops `from`..`to` of the flattened timeline, landing on `at`. */
export interface Moment {
  readonly chapter: Chapter;
  readonly from: number;
  readonly at: number;
  readonly to: number;
}

type Kind = 'handshake' | 'teardown' | 'transit';

/**
 * What each packet does for its connection, from its first frame: a bare ACK before any data
 * completes the handshake, after a FIN it is part of the teardown, otherwise it acknowledges data.
 */
function kindsOf(packets: readonly PacketTrace[]): Kind[] {
  let talked = false;
  let closing = false;
  return packets.map((p) => {
    const f = p.hops[0]?.frame;
    const tcp = f?.tcp;
    if (!tcp) return 'transit';
    // A bare SYN opens a handshake, even after the RST that ended the try before it.
    if (isSynFlags(tcp.flags)) {
      closing = false;
      talked = false;
      return 'handshake';
    }
    if (tcp.flags.includes('FIN') || tcp.flags.includes('RST') || closing) {
      closing = true;
      return 'teardown';
    }
    if (f.payload) talked = true;
    return tcp.flags.includes('SYN') || !talked ? 'handshake' : 'transit';
  });
}

/** A hop's own chapter, or null when it takes the chapter around it (lookups, jumps, confirms). */
function ownChapter(h: Hop, p: PacketTrace, kind: Kind): Chapter | null {
  if (h.frame.arp || h.event.startsWith('arp-')) return 'resolve';
  switch (h.event) {
    case 'nat':
      if (p.direction === 'reply') return 'un-nat';
      return h.changed.some((c) => c.field === 'ip.dst') ? 'dnat' : 'snat';
    case 'netfilter':
      return h.nf && h.nf.table !== 'nat' ? 'verdict' : null;
    case 'conntrack':
      return null;
    case 'route':
      return h.node === 'host' ? 'route' : kind;
    case 'forward':
      return h.node === 'host' ? null : kind;
    case 'deliver':
      // A resolver's query reaching its nameserver, or the answer reaching the asker.
      return h.frame.udp?.dport === 53 || h.frame.udp?.sport === 53 ? 'lookup' : 'deliver';
    case 'proxy':
      return 'proxy';
    case 'drop':
      return 'drop';
    default:
      return kind;
  }
}

/** nat-table steps and a new entry belong to the rewrite they lead to; the rest to what came before. */
function resolveChapters(p: PacketTrace, kind: Kind): Chapter[] {
  const own = p.hops.map((h) => ownChapter(h, p, kind));
  let prev: Chapter = kind;
  return p.hops.map((h, i) => {
    const mine = own[i];
    if (mine) return (prev = mine);
    if (h.event === 'netfilter' || (h.event === 'conntrack' && h.ct?.created)) {
      const next = own.slice(i + 1).find((c) => c !== null);
      if (next === 'dnat' || next === 'snat') return (prev = next);
    }
    return prev;
  });
}

/** Whether a hop is where a class should stop, given the chapter of the last stop. */
function isKey(h: Hop, c: Chapter, ctx: { fresh: boolean; data: boolean; kind: Kind }): boolean {
  switch (c) {
    case 'dnat':
    case 'snat':
      return h.event === 'nat' && h.ct?.created === true;
    case 'route':
      return h.event === 'route' && ctx.fresh;
    case 'verdict': {
      // A nat chain's policy ACCEPT lets the packet on unchanged: it decides nothing.
      if (!h.nf || h.nf.table === 'nat') return false;
      const t = h.nf.target;
      return (t === 'ACCEPT' && ctx.fresh) || t === 'DROP' || t === 'REJECT';
    }
    case 'deliver':
    case 'lookup':
      return ctx.fresh || ctx.data;
    case 'proxy':
    case 'drop':
      return true;
    default:
      return false;
  }
}

const isSynFlags = (flags: readonly string[]): boolean =>
  flags.includes('SYN') && !flags.includes('ACK');

const isSyn = (p: PacketTrace | undefined): boolean => {
  const flags = p?.hops[0]?.frame.tcp?.flags;
  return flags !== undefined && isSynFlags(flags);
};

/** Where a packet went: each hop's node and event (ARP it waited for aside), and how it ended. */
function pathOf(p: PacketTrace): string {
  const end = p.outcome.kind === 'dropped' ? `dropped:${p.outcome.reason}` : p.outcome.kind;
  const own = p.hops.filter((h) => !h.frame.arp && !h.event.startsWith('arp-'));
  return `${own.map((h) => `${h.node}/${h.event}`).join(' ')} ${end}`;
}

/** Every hop's chapter, in timeline order (all packets' hops one after another). */
export function hopChapters(packets: readonly PacketTrace[]): Chapter[] {
  const kinds = kindsOf(packets);
  return packets.flatMap((p, i) => resolveChapters(p, kinds[i] ?? 'transit'));
}

/**
 * The flow's key moments, covering every hop once: an ARP exchange, the rest of the handshake and
 * the teardown are one step each; a rewrite, the routing decision and verdict of a new connection,
 * the first un-NAT of each entry and every delivery of data are a step of their own.
 */
export function keyMoments(packets: readonly PacketTrace[]): Moment[] {
  const chapters = hopChapters(packets);
  const starts: { from: number; at: number }[] = [];
  const unNatted = new Set<number>();
  let index = 0;
  let lastKey: Chapter | null = null;
  const kinds = kindsOf(packets);
  let lastTry: string | null = null;
  packets.forEach((p, pi) => {
    const kind = kinds[pi] ?? 'transit';
    // A SYN sent again that goes the way the last one went (the same hops to the same end: a
    // dropped SYN tried at 1, 3, 7… s) is one step: the try itself, not its rule and drop again.
    const tryPath = isSyn(p) ? pathOf(p) : null;
    const repeated = tryPath !== null && tryPath === lastTry;
    if (tryPath !== null) lastTry = tryPath;
    const prevKind = kinds[pi - 1];
    const f = p.hops[0]?.frame;
    const ctx = {
      kind,
      fresh: pi === 0 || p.hops.some((h) => h.ct?.created === true),
      data: Boolean(f?.payload || f?.udp || (f?.icmp && !f.tcp)),
    };
    const first = index;
    let keyInPacket = false;
    p.hops.forEach((h, hi) => {
      const i = first + hi;
      const c = chapters[i] as Chapter;
      let key = isKey(h, c, ctx);
      if (c === 'un-nat' && h.event === 'nat' && h.ct && !unNatted.has(h.ct.entry.id)) {
        unNatted.add(h.ct.entry.id);
        key = true;
      }
      // An ARP exchange is one step however many hops of other chapters lie between its frames.
      if (c === 'resolve' && chapters[i - 1] !== 'resolve') key = lastKey !== 'resolve';
      // The handshake after the SYN, and the teardown, are one step each.
      if (hi === 0 && kind === 'teardown') key = prevKind !== 'teardown';
      if (hi === 0 && kind === 'handshake') key = isSyn(packets[pi - 1]) && !isSyn(p);
      // A SYN sent again is a new try: a step of its own, not the end of the last one.
      if (hi === 0 && pi > 0 && isSyn(p)) key = true;
      if (repeated && hi > 0) key = false;
      if (!key) return;
      let from = i;
      // Back to the start of this chapter's run, or of the packet when nothing stopped in it yet.
      if (!keyInPacket) from = first;
      else
        while (from > first && chapters[from - 1] === c && from - 1 > (starts.at(-1)?.at ?? -1))
          from--;
      starts.push({ from, at: i });
      keyInPacket = true;
      lastKey = c;
    });
    index += p.hops.length;
  });
  if (index === 0) return [];
  if (starts.length === 0 || (starts[0]?.from ?? 0) > 0) starts.unshift({ from: 0, at: 0 });
  return starts.map((s, k) => ({
    chapter: chapters[s.at] as Chapter,
    from: s.from,
    at: s.at,
    to: (starts[k + 1]?.from ?? index) - 1,
  }));
}
