// What a Linux TCP segment carries beyond the lab's frame (window, options, timestamps), and
// tcpdump's own per-conversation state (relative sequence numbers, print-tcp.c's tcp_seq_hash).
// Windows and options are Linux 6.x defaults as the kernel suite's namespaces showed them: a SYN
// offers 64240 (44 MSS of 1460), a SYN-ACK 65160, both with mss, sackOK, TS and wscale; later
// segments carry what is left of the last offer, rounded up to the scale (measured with
// tcp_rmem's defaults, 4096 131072 6291456, which give wscale 7; a host with a larger maximum
// scales by more). On lo the MSS is 65495 (MTU 65536).
import type { Frame } from '../../../sim/trace';
import { optionBytes, tcpBytes, tcpWire } from './checksum';

export interface TcpExtras {
  readonly win: number;
  /** Option text as tcpdump prints it, or null when the segment has none (a RST). */
  readonly options: string | null;
  /** TCP header length in bytes (20 plus the options). */
  readonly headerLen: number;
  /** -v's `cksum …` text. */
  readonly cksum: string;
}

const WSCALE = 7;

interface Conversation {
  /** The end that sent the SYN ("a") and the other; relative bases once an ACK was seen. */
  readonly client: string;
  base: { a: number; b: number } | null;
  ts: { [end: string]: number };
  /** Per end: the window it last offered (bytes) and the sequence space received since. */
  adv: { [end: string]: number };
  since: { [end: string]: number };
}

/** One capture's TCP memory: what tcpdump tracks plus what each end last stamped. */
export class TcpTracker {
  private readonly convs = new Map<string, Conversation>();

  private conv(f: Frame, from: string, to: string): Conversation {
    const key = [from, to].sort().join(' ');
    let c = this.convs.get(key);
    if (!c) {
      const tcp = f.tcp;
      const syn = tcp?.flags.includes('SYN') && !tcp.flags.includes('ACK');
      const synAck = tcp?.flags.includes('SYN') && tcp.flags.includes('ACK');
      // Caught mid-way: the end with the higher port is taken to be the client.
      const client = syn ? from : synAck ? to : (tcp?.sport ?? 0) > (tcp?.dport ?? 0) ? from : to;
      c = { client, base: null, ts: {}, adv: {}, since: {} };
      this.convs.set(key, c);
    }
    return c;
  }

  /**
   * Window, options and the seq/ack text of one segment (`t`: µs, for TS val). Relative numbers
   * as tcpdump without -S: from the first segment of the conversation that carries an ACK on.
   * `iface` keeps each interface's copy apart (`-i any` sees a bridged segment twice): the
   * window is the sender's, counted once per copy; the relative numbers are tcpdump's, shared.
   */
  segment(
    f: Frame,
    t: number,
    mtu: number,
    absolute: boolean,
    iface = '',
  ): TcpExtras & { seqAck: string; wire: number[] } {
    const tcp = f.tcp;
    const ip = f.ip;
    if (!tcp || !ip)
      return { win: 0, options: null, headerLen: 20, cksum: '', seqAck: '', wire: [] };
    const from = `${ip.src}.${tcp.sport}`;
    const to = `${ip.dst}.${tcp.dport}`;
    const c = this.conv(f, from, to);
    const fromClient = from === c.client;
    const has = (fl: string) => tcp.flags.includes(fl as never);
    // The largest IP packet is 65535 bytes: lo (MTU 65536) offers 65495.
    const mss = Math.min(mtu, 65535) - 40;
    const tsval = this.stamp(c, from, t);
    const ecr = c.ts[to] ?? 0;
    let extras: Omit<TcpExtras, 'cksum'> & { bytes: number[] };
    if (has('RST')) extras = { win: 0, options: null, headerLen: 20, bytes: [] };
    else if (has('SYN')) {
      const offer = mtu > 1500 ? (has('ACK') ? mss - 12 : mss) : has('ACK') ? 65160 : 64240;
      c.adv[`${iface} ${from}`] = offer;
      c.since[`${iface} ${from}`] = 0;
      const e = has('ACK') ? ecr : 0;
      const options = `[mss ${mss},sackOK,TS val ${tsval} ecr ${e},nop,wscale ${WSCALE}]`;
      const bytes = optionBytes(true, mss, tsval, e, WSCALE);
      extras = { win: offer, options, headerLen: 40, bytes };
    } else {
      const offer = mtu > 1500 ? (fromClient ? mss : mss - 12) : fromClient ? 64240 : 65160;
      // tcp_select_window never shrinks the window it offered: what is left of it (the last
      // offer less what arrived since) rounded up to the scale, as long as the free space (smaller
      // once data has arrived) offers less. Measured on veths: 502/509 after 74-82 bytes, 501
      // after 180; on lo 511 on the ACK of arriving data, 512 otherwise.
      const unit = 2 ** WSCALE;
      const left = (c.adv[`${iface} ${from}`] ?? offer) - (c.since[`${iface} ${from}`] ?? 0);
      // On lo the free space is back above it once the application has read: only the ACK sent
      // as data arrives offers what is left; the rest the first offer, rounded up.
      const arrived = (c.since[`${iface} ${from}`] ?? 0) > 0;
      const ackOnly = (f.payload?.length ?? 0) === 0 && !has('FIN');
      const loose = mtu > 1500 && !(ackOnly && arrived);
      const bytes = Math.ceil((loose ? offer : left) / unit) * unit;
      c.adv[`${iface} ${from}`] = bytes;
      c.since[`${iface} ${from}`] = 0;
      const win = bytes / unit;
      const options = `[nop,nop,TS val ${tsval} ecr ${ecr}]`;
      extras = { win, options, headerLen: 32, bytes: optionBytes(false, mss, tsval, ecr, WSCALE) };
    }
    const { text: cksum, wire } = tcpWire(f, tcpBytes(f, extras.win, extras.bytes));
    // What the other end receives: the payload and a FIN take sequence space.
    c.since[`${iface} ${to}`] =
      (c.since[`${iface} ${to}`] ?? 0) + (f.payload?.length ?? 0) + (has('FIN') ? 1 : 0);
    const { win, options, headerLen } = extras;
    const seqAck = this.numbers(c, f, fromClient, absolute);
    return { win, options, headerLen, cksum, seqAck, wire };
  }

  /** Each end's TS val: its own clock in ms, from a base its address gives it. */
  private stamp(c: Conversation, end: string, t: number): number {
    let base = 0;
    for (const ch of end) base = (Math.imul(base, 31) + ch.charCodeAt(0)) >>> 0;
    const v = (base + Math.floor(t / 1000)) >>> 0;
    c.ts[end] = v;
    return v;
  }

  private numbers(c: Conversation, f: Frame, fromClient: boolean, absolute: boolean): string {
    const tcp = f.tcp;
    if (!tcp) return '';
    const len = f.payload?.length ?? 0;
    const ackFlag = tcp.flags.includes('ACK');
    let seq = tcp.seq;
    let ack = tcp.ack;
    if (!absolute && ackFlag) {
      if (c.base === null) {
        // print-tcp.c: the first segment with an ACK fixes both bases and prints absolute.
        c.base = fromClient ? { a: tcp.seq, b: tcp.ack - 1 } : { a: tcp.ack - 1, b: tcp.seq };
      } else {
        seq = (seq - (fromClient ? c.base.a : c.base.b)) >>> 0;
        ack = (ack - (fromClient ? c.base.b : c.base.a)) >>> 0;
      }
    }
    const parts: string[] = [];
    const fl = tcp.flags;
    if (len > 0) parts.push(`seq ${seq}:${(seq + len) >>> 0}`);
    else if (fl.includes('SYN') || fl.includes('FIN') || fl.includes('RST'))
      parts.push(`seq ${seq}`);
    if (ackFlag) parts.push(`ack ${ack}`);
    return parts.join(', ');
  }
}

/** print-tcp.c's flag letters, in its order. */
export function tcpFlags(f: Frame): string {
  const fl = f.tcp?.flags ?? [];
  const order: [string, string][] = [
    ['FIN', 'F'],
    ['SYN', 'S'],
    ['RST', 'R'],
    ['PSH', 'P'],
  ];
  const s = order
    .filter(([n]) => fl.includes(n as never))
    .map(([, c]) => c)
    .join('');
  return `${s}${fl.includes('ACK') ? '.' : ''}` || 'none';
}
