// What each Linux TCP socket puts in the segments it sends beyond the lab's frame: its window,
// options and time stamps. They belong to the SENDING SOCKET, not to the interface a capture
// prints the segment on: its MSS comes from the route it chose when it connected (the host's own
// connection to one of its addresses keeps lo's 65495 wherever OUTPUT's DNAT then sends it), its
// window from what it has received, its TS ecr from the last stamp it received (which a capture
// that misses the peer's half, a bridged DNAT on docker0, never sees).
// Windows and options are Linux 6.x defaults as the kernel suite's namespaces showed them: a SYN
// offers 64240 (44 MSS of 1460), a SYN-ACK 65160, both with mss, sackOK, TS and wscale; later
// segments carry what is left of the last offer, rounded up to the scale (measured with
// tcp_rmem's defaults, 4096 131072 6291456, which give wscale 7; a host with a larger maximum
// scales by more). On lo the MSS is 65495 (MTU 65536).
import type { Frame, PacketTrace } from '../../../sim/trace';
import { optionBytes } from './checksum';

/** What the sending socket put in a segment. */
export interface Sent {
  readonly win: number;
  /** Option text as tcpdump prints it, or null when the segment has none (a RST). */
  readonly options: string | null;
  /** TCP header length in bytes (20 plus the options). */
  readonly headerLen: number;
  /** The options' bytes. */
  readonly bytes: number[];
}

const WSCALE = 7;

interface Sock {
  /** The window it last offered (bytes), and the sequence space received since. */
  adv: number | null;
  since: number;
  /** The last TS val it received (its next ecr). */
  ts: number;
  /** It sent the SYN (null: no handshake seen). */
  client: boolean | null;
}

/** Sequence space a segment takes: its payload and a FIN. */
const span = (f: Frame) => (f.payload?.length ?? 0) + (f.tcp?.flags.includes('FIN') ? 1 : 0);

/** Each socket's state, keyed as the caller names sockets. */
export class Sockets {
  private readonly socks = new Map<string, Sock>();

  private sock(key: string): Sock {
    let s = this.socks.get(key);
    if (!s) {
      s = { adv: null, since: 0, ts: 0, client: null };
      this.socks.set(key, s);
    }
    return s;
  }

  /**
   * The segment `f` as socket `key` (local end `local`, `a.b.c.d.port`) sends it at `t` µs over a
   * route of MTU `mtu`; `client`: it sent the SYN (for a connection caught mid-way).
   */
  send(
    key: string,
    local: string,
    f: Frame,
    t: number,
    mtu: number,
    client: boolean,
  ): Sent & { tsval: number } {
    const tcp = f.tcp;
    const s = this.sock(key);
    const has = (fl: string) => tcp?.flags.includes(fl as never) ?? false;
    // The largest IP packet is 65535 bytes: lo (MTU 65536) offers 65495.
    const mss = Math.min(mtu, 65535) - 40;
    const tsval = stamp(local, t);
    const ecr = s.ts;
    if (has('RST')) return { win: 0, options: null, headerLen: 20, bytes: [], tsval };
    if (has('SYN')) {
      const offer = mtu > 1500 ? (has('ACK') ? mss - 12 : mss) : has('ACK') ? 65160 : 64240;
      s.adv = offer;
      s.since = 0;
      s.client = !has('ACK');
      const e = has('ACK') ? ecr : 0;
      const options = `[mss ${mss},sackOK,TS val ${tsval} ecr ${e},nop,wscale ${WSCALE}]`;
      return {
        win: offer,
        options,
        headerLen: 40,
        bytes: optionBytes(true, mss, tsval, e, WSCALE),
        tsval,
      };
    }
    const sentSyn = s.client ?? client;
    const offer = mtu > 1500 ? (sentSyn ? mss : mss - 12) : sentSyn ? 64240 : 65160;
    // tcp_select_window never shrinks the window it offered: what is left of it (the last
    // offer less what arrived since) rounded up to the scale, as long as the free space (smaller
    // once data has arrived) offers less. Measured on veths: 502/509 after 74-82 bytes, 501
    // after 180; on lo 511 on the ACK of arriving data, 512 otherwise.
    const unit = 2 ** WSCALE;
    const left = (s.adv ?? offer) - s.since;
    // On lo the free space is back above it once the application has read: only the ACK sent
    // as data arrives offers what is left; the rest the first offer, rounded up.
    const ackOnly = (f.payload?.length ?? 0) === 0 && !has('FIN');
    const loose = mtu > 1500 && !(ackOnly && s.since > 0);
    const bytes = Math.ceil((loose ? offer : left) / unit) * unit;
    s.adv = bytes;
    s.since = 0;
    const options = `[nop,nop,TS val ${tsval} ecr ${ecr}]`;
    return {
      win: bytes / unit,
      options,
      headerLen: 32,
      bytes: optionBytes(false, mss, tsval, ecr, WSCALE),
      tsval,
    };
  }

  /** Socket `key` received a segment stamped `tsval`. */
  receive(key: string, f: Frame, tsval: number): void {
    const s = this.sock(key);
    if (!f.tcp?.flags.includes('RST')) s.ts = tsval;
    s.since += span(f);
  }
}

/** A socket's TS val: its own clock in ms, from a base its address gives it. */
function stamp(end: string, t: number): number {
  let base = 0;
  for (const ch of end) base = (Math.imul(base, 31) + ch.charCodeAt(0)) >>> 0;
  return (base + Math.floor(t / 1000)) >>> 0;
}

const endOf = (ip: string, port: number) => `${ip}.${port}`;

/**
 * Each packet's segment as its sending socket built it (null: not a TCP segment a socket sent):
 * the socket is the sender's node and tuple at its `send` hop, before any NAT; the receiver the
 * node and tuple where the segment was delivered, after all of it.
 */
export function sentSegments(packets: readonly PacketTrace[]): (Sent | null)[] {
  const socks = new Sockets();
  return packets.map((p) => {
    const send = p.hops.find((h) => h.event === 'send');
    const f = send?.frame;
    if (!send || !f?.tcp || !f.ip) return null;
    const local = endOf(f.ip.src, f.tcp.sport);
    const key = `${send.node} ${local}>${endOf(f.ip.dst, f.tcp.dport)}`;
    const client = f.tcp.sport > f.tcp.dport;
    const sent = socks.send(key, local, f, send.t, send.routeMtu ?? 1500, client);
    const last = p.hops[p.hops.length - 1];
    const g = last?.frame;
    if (p.outcome.kind === 'delivered' && last?.event === 'deliver' && g?.tcp && g.ip)
      socks.receive(
        `${last.node} ${endOf(g.ip.dst, g.tcp.dport)}>${endOf(g.ip.src, g.tcp.sport)}`,
        g,
        sent.tsval,
      );
    return sent;
  });
}
