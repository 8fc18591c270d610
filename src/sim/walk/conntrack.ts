// Connection tracking as nf_conntrack does it: tuples, states, timeouts, and NAT kept in the reply tuple.
import type { IPv4 } from '../addr';
import type { ConntrackEntry, CtState, Proto, Tuple } from '../types';
import type { Frame } from '../trace';
import {
  NOTHING_IN_FLIGHT,
  TCP_TIMEOUT,
  TCP_TIMEOUT_UNACKNOWLEDGED,
  tcpFirstState,
  tcpStep,
} from './ct-tcp';
import type { WalkState } from './state';

/** Kernel defaults (nf_conntrack_udp_timeout, nf_conntrack_icmp_timeout), in seconds; TCP's in ct-tcp.ts. */
export const CT_TIMEOUT = {
  udp: 30,
  /** UDP_CT_REPLIED: a replied connection still active 2 s after its first packet (a stream). */
  udpStream: 120,
  icmp: 30,
} as const;

export interface PacketTuple extends Tuple {
  readonly proto: Proto;
  /**
   * ICMP: the kernel's tuple holds the type (8 original, 0 reply), so an echo request only
   * matches an original tuple and an echo reply only a reply tuple, even where both tuples
   * read alike (a host pinging its own address).
   */
  readonly echoReply?: boolean;
}

/** Destination unreachable and time exceeded: errors that quote the packet they are about. */
export const isIcmpError = (f: Frame) => f.icmp?.type === 3 || f.icmp?.type === 11;

/**
 * The tuple conntrack keys a frame by; ICMP echo uses its id as the port. Null for what has none
 * of its own: an ICMP error is tracked through the packet it quotes (ctFindRelated).
 */
export function tupleOf(f: Frame): PacketTuple | null {
  const ip = f.ip;
  if (!ip) return null;
  if (f.tcp)
    return { proto: 'tcp', src: ip.src, dst: ip.dst, sport: f.tcp.sport, dport: f.tcp.dport };
  if (f.udp)
    return { proto: 'udp', src: ip.src, dst: ip.dst, sport: f.udp.sport, dport: f.udp.dport };
  if (f.icmp && (f.icmp.type === 8 || f.icmp.type === 0)) {
    const echoReply = f.icmp.type === 0;
    return { proto: 'icmp', src: ip.src, dst: ip.dst, sport: f.icmp.id, dport: 0, echoReply };
  }
  return null;
}

const same = (a: Tuple, b: Tuple) =>
  a.src === b.src && a.dst === b.dst && a.sport === b.sport && a.dport === b.dport;

export interface CtMatch {
  readonly entry: ConntrackEntry;
  readonly dir: 'orig' | 'reply';
}

export function ctFind(s: WalkState, t: PacketTuple): CtMatch | null {
  const orig = t.proto !== 'icmp' || t.echoReply !== true;
  const reply = t.proto !== 'icmp' || t.echoReply !== false;
  for (const e of s.conntrack) {
    if (e.proto !== t.proto) continue;
    if (orig && same(e.orig, t)) return { entry: e, dir: 'orig' };
    if (reply && same(e.reply, t)) return { entry: e, dir: 'reply' };
  }
  return null;
}

/**
 * An ICMP error quoting an echo: nf_conntrack_icmp inverts the quoted tuple (type and id
 * included) and looks that up; the inverse of a quoted request is the entry's reply tuple.
 */
function relatedEcho(s: WalkState, f: Frame): CtMatch | null {
  const inner = f.icmp?.inner;
  const type = inner?.echo?.type;
  if (!inner || (type !== 8 && type !== 0)) return null;
  const inverse = {
    proto: 'icmp' as const,
    src: inner.dst,
    dst: inner.src,
    sport: inner.sport,
    dport: 0,
    echoReply: type === 8,
  };
  return ctFind(s, inverse);
}

/** An ICMP error is RELATED to the connection of the packet it quotes. */
export function ctFindRelated(s: WalkState, f: Frame): CtMatch | null {
  const inner = f.icmp?.inner;
  if (!inner) return null;
  if (inner.proto === 'icmp') return relatedEcho(s, f);
  const quoted = {
    proto: inner.proto,
    src: inner.src,
    dst: inner.dst,
    sport: inner.sport,
    dport: inner.dport,
  };
  const inverse = {
    proto: inner.proto,
    src: inner.dst,
    dst: inner.src,
    sport: inner.dport,
    dport: inner.sport,
  };
  const m = ctFind(s, quoted) ?? ctFind(s, inverse);
  // An error always travels back toward whoever sent the quoted packet: the reply direction.
  return m ? { entry: m.entry, dir: 'reply' } : null;
}

/**
 * A fresh, unconfirmed entry: the reply tuple is the inverse until NAT edits it. Null for a TCP
 * segment conntrack will not start tracking with (a FIN, RST or SYN-ACK of no known connection)
 * and for an ICMP echo reply.
 */
export function ctNew(s: WalkState, t: PacketTuple, f: Frame): ConntrackEntry | null {
  const tcpState = t.proto === 'tcp' ? tcpFirstState(f.tcp?.flags ?? []) : null;
  if (t.proto === 'tcp' && tcpState === null) return null;
  // Only a request starts an ICMP connection: an echo reply of no known one is INVALID.
  if (t.echoReply === true) return null;
  const id = s.nextConntrackId++;
  const clock = s.base.clock;
  // A connection picked up mid-way (first seen ACK) gets the unacknowledged cap, not five days.
  const tcpTimeout =
    tcpState === 'ESTABLISHED' ? TCP_TIMEOUT_UNACKNOWLEDGED : TCP_TIMEOUT[tcpState ?? 'SYN_SENT'];
  return {
    id,
    proto: t.proto,
    orig: { src: t.src, dst: t.dst, sport: t.sport, dport: t.dport },
    reply: {
      src: t.dst,
      dst: t.src,
      sport: t.proto === 'icmp' ? t.sport : t.dport,
      dport: t.proto === 'icmp' ? 0 : t.sport,
    },
    tcpState,
    seenReply: false,
    assured: false,
    expires:
      clock +
      (t.proto === 'tcp' ? tcpTimeout : t.proto === 'udp' ? CT_TIMEOUT.udp : CT_TIMEOUT.icmp),
    ns: 'host',
    ...(t.proto === 'udp' ? { streamAt: clock + 2 } : {}),
  };
}

/** Puts a confirmed entry (or its update) into the table. */
export function ctStore(s: WalkState, e: ConntrackEntry): void {
  // A new array: the hops before this one keep the table they saw.
  const i = s.conntrack.findIndex((x) => x.id === e.id);
  s.conntrack = i >= 0 ? s.conntrack.map((x, j) => (j === i ? e : x)) : [...s.conntrack, e];
}

/**
 * An entry after a packet of its connection passed: `deleted` when that packet ends it at once,
 * `invalid` when the TCP state table refuses the packet (it then travels untracked, state INVALID).
 */
export interface CtAdvance {
  readonly entry: ConntrackEntry;
  readonly deleted: boolean;
  readonly invalid: boolean;
}

/** State and timeout after a packet of an existing connection passes (nf_conntrack_in). */
export function ctAdvance(s: WalkState, m: CtMatch, f: Frame): CtAdvance {
  const e = m.entry;
  const clock = s.base.clock;
  const seenReply = e.seenReply || m.dir === 'reply';
  if (e.proto === 'udp') {
    // nf_conntrack_udp_packet tests SEEN_REPLY before nf_conntrack_in sets it for this packet: the
    // reply itself keeps 30 s; a packet after it keeps 30 s too, and only once 2 s have passed
    // since the first (a stream) 120 s and ASSURED (measured: nslookup's second answer, 1 ms
    // after the first, leaves the entry unassured, kernel suite `internet:dns-*`).
    if (!e.seenReply)
      return {
        entry: { ...e, seenReply, expires: clock + CT_TIMEOUT.udp },
        deleted: false,
        invalid: false,
      };
    const stream = clock > (e.streamAt ?? 0);
    const expires = clock + (stream ? CT_TIMEOUT.udpStream : CT_TIMEOUT.udp);
    return {
      entry: { ...e, assured: e.assured || stream, expires },
      deleted: false,
      invalid: false,
    };
  }
  if (e.proto !== 'tcp' || !f.tcp) {
    const timeout = CT_TIMEOUT.icmp;
    return { entry: { ...e, seenReply, expires: clock + timeout }, deleted: false, invalid: false };
  }
  const seg = { ...f.tcp, len: f.payload?.length ?? 0 };
  const step = tcpStep(e, m.dir, seg, s.ctInFlight[e.id] ?? NOTHING_IN_FLIGHT);
  // Refused or ignored by the state table: state and timeout stay; only an ignored packet (one
  // that passes as part of the connection) can count as its first reply.
  if (step.kind === 'unchanged') {
    const invalid = step.verdict === 'INVALID';
    return { entry: invalid ? e : { ...e, seenReply }, deleted: false, invalid };
  }
  s.ctInFlight[e.id] = step.inFlight;
  const entry = {
    ...e,
    tcpState: step.tcpState,
    seenReply,
    assured: step.assured,
    expires: clock + step.timeout,
  };
  return { entry, deleted: step.deleted, invalid: false };
}

export function ctStateOf(m: CtMatch | null, related: boolean): CtState {
  if (related) return 'RELATED';
  return m ? 'ESTABLISHED' : 'NEW';
}

/** Was the connection's destination rewritten (DNAT) / its source (SNAT, MASQUERADE)? */
export const isDnat = (e: ConntrackEntry) =>
  e.reply.src !== e.orig.dst || (e.proto !== 'icmp' && e.reply.sport !== e.orig.dport);
/** An echo whose id NAT moved counts as source-mapped: its one id is rewritten and restored there. */
export const isSnat = (e: ConntrackEntry) =>
  e.reply.dst !== e.orig.src ||
  (e.proto === 'icmp' ? e.reply.sport !== e.orig.sport : e.reply.dport !== e.orig.sport);

export function withDnat(e: ConntrackEntry, toIp: IPv4, toPort: number | null): ConntrackEntry {
  return {
    ...e,
    reply: {
      ...e.reply,
      src: toIp,
      sport: e.proto === 'icmp' ? e.reply.sport : (toPort ?? e.reply.sport),
    },
  };
}

/** The entry once its source is mapped to `toIp:toPort` (for an echo, `toPort` is its new id). */
export function withSnat(e: ConntrackEntry, toIp: IPv4, toPort: number): ConntrackEntry {
  return {
    ...e,
    reply:
      e.proto === 'icmp'
        ? { ...e.reply, dst: toIp, sport: toPort }
        : { ...e.reply, dst: toIp, dport: toPort },
  };
}
