// What a Linux TCP segment carries beyond the lab's frame (window, options, timestamps), and
// tcpdump's own per-conversation state (relative sequence numbers, print-tcp.c's tcp_seq_hash).
// Windows and options are Linux 6.x defaults as the kernel suite's namespaces showed them: a SYN
// offers 64240 (44 MSS of 1460), a SYN-ACK 65160, both with mss, sackOK, TS and wscale; later
// segments carry the window scaled by wscale, rounded up, one unit less once the end has received
// data (measured with tcp_rmem's defaults, 4096 131072 6291456, which give wscale 7; a host with a
// larger maximum scales by more). On lo the MSS is 65495 (MTU 65536).
import type { Frame } from '../../../sim/trace';
import { cksumText, optionBytes, tcpBytes } from './checksum';

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
  /** Ends that have received data: their window is one scaled unit smaller from then on. */
  got: Set<string>;
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
      c = { client, base: null, ts: {}, got: new Set() };
      this.convs.set(key, c);
    }
    return c;
  }

  /**
   * Window, options and the seq/ack text of one segment (`t`: µs, for TS val). Relative numbers
   * as tcpdump without -S: from the first segment of the conversation that carries an ACK on.
   */
  segment(f: Frame, t: number, mtu: number, absolute: boolean): TcpExtras & { seqAck: string } {
    const tcp = f.tcp;
    const ip = f.ip;
    if (!tcp || !ip) return { win: 0, options: null, headerLen: 20, cksum: '', seqAck: '' };
    const from = `${ip.src}.${tcp.sport}`;
    const to = `${ip.dst}.${tcp.dport}`;
    const c = this.conv(f, from, to);
    const fromClient = from === c.client;
    const has = (fl: string) => tcp.flags.includes(fl as never);
    const mss = mtu - 40;
    const tsval = this.stamp(c, from, t);
    const ecr = c.ts[to] ?? 0;
    let extras: Omit<TcpExtras, 'cksum'> & { bytes: number[] };
    if (has('RST')) extras = { win: 0, options: null, headerLen: 20, bytes: [] };
    else if (has('SYN')) {
      const offer = mtu > 1500 ? (has('ACK') ? mss - 12 : mss) : has('ACK') ? 65160 : 64240;
      const e = has('ACK') ? ecr : 0;
      const options = `[mss ${mss},sackOK,TS val ${tsval} ecr ${e},nop,wscale ${WSCALE}]`;
      const bytes = optionBytes(true, mss, tsval, e, WSCALE);
      extras = { win: offer, options, headerLen: 40, bytes };
    } else {
      const offer = mtu > 1500 ? (fromClient ? mss : mss - 12) : fromClient ? 64240 : 65160;
      // __tcp_select_window rounds the free space up to the scale; once data has arrived (and
      // sits unread as the ACK leaves) the free space, and so the window, is one unit less.
      const win = Math.ceil(offer / 2 ** WSCALE) - (c.got.has(from) ? 1 : 0);
      const options = `[nop,nop,TS val ${tsval} ecr ${ecr}]`;
      extras = { win, options, headerLen: 32, bytes: optionBytes(false, mss, tsval, ecr, WSCALE) };
    }
    const cksum = cksumText(f, tcpBytes(f, extras.win, extras.bytes));
    if ((f.payload?.length ?? 0) > 0) c.got.add(to);
    const { win, options, headerLen } = extras;
    return { win, options, headerLen, cksum, seqAck: this.numbers(c, f, fromClient, absolute) };
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
