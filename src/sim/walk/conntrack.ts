// Connection tracking as nf_conntrack does it: tuples, states, timeouts, and NAT kept in the reply tuple.
import type { IPv4 } from '../addr';
import type { ConntrackEntry, CtState, Proto, TcpCtState, Tuple } from '../types';
import type { Frame } from '../trace';
import type { WalkState } from './state';

/** Kernel defaults (nf_conntrack sysctls), in seconds. */
export const CT_TIMEOUT = {
  tcpSynSent: 120,
  tcpSynRecv: 60,
  tcpEstablished: 432000,
  tcpClose: 10,
  udp: 30,
  icmp: 30,
} as const;

export interface PacketTuple extends Tuple {
  readonly proto: Proto;
}

/** The tuple conntrack keys a frame by; ICMP echo uses its id as the port, errors their inner packet. */
export function tupleOf(f: Frame): PacketTuple | null {
  const ip = f.ip;
  if (!ip) return null;
  if (f.tcp)
    return { proto: 'tcp', src: ip.src, dst: ip.dst, sport: f.tcp.sport, dport: f.tcp.dport };
  if (f.udp)
    return { proto: 'udp', src: ip.src, dst: ip.dst, sport: f.udp.sport, dport: f.udp.dport };
  if (f.icmp) return { proto: 'icmp', src: ip.src, dst: ip.dst, sport: f.icmp.id, dport: 0 };
  return null;
}

const same = (a: Tuple, b: Tuple) =>
  a.src === b.src && a.dst === b.dst && a.sport === b.sport && a.dport === b.dport;

export interface CtMatch {
  readonly entry: ConntrackEntry;
  readonly dir: 'orig' | 'reply';
}

export function ctFind(s: WalkState, t: PacketTuple): CtMatch | null {
  for (const e of s.conntrack) {
    if (e.proto !== t.proto) continue;
    if (same(e.orig, t)) return { entry: e, dir: 'orig' };
    if (same(e.reply, t)) return { entry: e, dir: 'reply' };
  }
  return null;
}

/** An ICMP error is RELATED to the connection of the packet it quotes. */
export function ctFindRelated(s: WalkState, f: Frame): CtMatch | null {
  const inner = f.icmp?.inner;
  if (!inner || inner.proto === 'icmp') return null;
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

/** A fresh, unconfirmed entry: the reply tuple is the inverse until NAT edits it. */
export function ctNew(s: WalkState, t: PacketTuple, f: Frame): ConntrackEntry {
  const id = s.nextConntrackId++;
  const clock = s.base.clock;
  const syn = f.tcp?.flags.includes('SYN') === true;
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
    tcpState: t.proto === 'tcp' ? (syn ? 'SYN_SENT' : 'ESTABLISHED') : null,
    seenReply: false,
    assured: false,
    expires:
      clock +
      (t.proto === 'tcp'
        ? CT_TIMEOUT.tcpSynSent
        : t.proto === 'udp'
          ? CT_TIMEOUT.udp
          : CT_TIMEOUT.icmp),
    ns: 'host',
  };
}

/** Puts a confirmed entry (or its update) into the table. */
export function ctStore(s: WalkState, e: ConntrackEntry): void {
  const i = s.conntrack.findIndex((x) => x.id === e.id);
  if (i >= 0) s.conntrack[i] = e;
  else s.conntrack.push(e);
}

function tcpNext(e: ConntrackEntry, dir: 'orig' | 'reply', f: Frame): TcpCtState {
  const flags = f.tcp?.flags ?? [];
  const cur = e.tcpState ?? 'ESTABLISHED';
  if (flags.includes('RST')) return 'CLOSE';
  if (dir === 'reply' && flags.includes('SYN') && flags.includes('ACK')) return 'SYN_RECV';
  if (dir === 'orig' && cur === 'SYN_RECV' && flags.includes('ACK')) return 'ESTABLISHED';
  return cur;
}

/** State and timeout after a packet of an existing connection passes. */
export function ctAdvance(s: WalkState, m: CtMatch, f: Frame): ConntrackEntry {
  const e = m.entry;
  const clock = s.base.clock;
  const seenReply = e.seenReply || m.dir === 'reply';
  if (e.proto !== 'tcp') {
    return {
      ...e,
      seenReply,
      expires: clock + (e.proto === 'udp' ? CT_TIMEOUT.udp : CT_TIMEOUT.icmp),
    };
  }
  const tcpState = tcpNext(e, m.dir, f);
  const assured = e.assured || (tcpState === 'ESTABLISHED' && seenReply);
  const timeout =
    tcpState === 'CLOSE'
      ? CT_TIMEOUT.tcpClose
      : tcpState === 'SYN_RECV'
        ? CT_TIMEOUT.tcpSynRecv
        : tcpState === 'ESTABLISHED'
          ? CT_TIMEOUT.tcpEstablished
          : CT_TIMEOUT.tcpSynSent;
  return { ...e, tcpState, seenReply, assured, expires: clock + timeout };
}

export function ctStateOf(m: CtMatch | null, related: boolean): CtState {
  if (related) return 'RELATED';
  return m ? 'ESTABLISHED' : 'NEW';
}

/** Was the connection's destination rewritten (DNAT) / its source (SNAT, MASQUERADE)? */
export const isDnat = (e: ConntrackEntry) =>
  e.reply.src !== e.orig.dst ||
  e.reply.sport !== (e.proto === 'icmp' ? e.orig.sport : e.orig.dport);
export const isSnat = (e: ConntrackEntry) =>
  e.reply.dst !== e.orig.src || e.reply.dport !== (e.proto === 'icmp' ? 0 : e.orig.sport);

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

export function withSnat(e: ConntrackEntry, toIp: IPv4, toPort: number): ConntrackEntry {
  return {
    ...e,
    reply: { ...e.reply, dst: toIp, dport: e.proto === 'icmp' ? e.reply.dport : toPort },
  };
}
