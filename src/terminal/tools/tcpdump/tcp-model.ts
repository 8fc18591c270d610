// tcpdump's own per-conversation state (relative sequence numbers, print-tcp.c's tcp_seq_hash)
// and a segment's -v checksum; what the sending socket put in the segment (window, options, time
// stamps) comes from socket-model.ts.
import type { Frame } from '../../../sim/trace';
import { tcpBytes, tcpWire } from './checksum';
import { Sockets, type Sent } from './socket-model';

export interface TcpExtras {
  readonly win: number;
  /** Option text as tcpdump prints it, or null when the segment has none (a RST). */
  readonly options: string | null;
  /** TCP header length in bytes (20 plus the options). */
  readonly headerLen: number;
  /** -v's `cksum …` text. */
  readonly cksum: string;
}

interface Conversation {
  /** The end that sent the SYN ("a") and the other; relative bases once an ACK was seen. */
  readonly client: string;
  base: { a: number; b: number } | null;
}

/** One capture's TCP memory: what tcpdump tracks. */
export class TcpTracker {
  private readonly convs = new Map<string, Conversation>();
  /** Segments printed without their sending socket's (`sent`): the printed ends stand for them. */
  private readonly sockets = new Sockets();

  private conv(f: Frame, from: string, to: string): Conversation {
    const key = [from, to].sort().join(' ');
    let c = this.convs.get(key);
    if (!c) {
      const tcp = f.tcp;
      const syn = tcp?.flags.includes('SYN') && !tcp.flags.includes('ACK');
      const synAck = tcp?.flags.includes('SYN') && tcp.flags.includes('ACK');
      // Caught mid-way: the end with the higher port is taken to be the client.
      const client = syn ? from : synAck ? to : (tcp?.sport ?? 0) > (tcp?.dport ?? 0) ? from : to;
      c = { client, base: null };
      this.convs.set(key, c);
    }
    return c;
  }

  /**
   * Window, options and the seq/ack text of one segment (`t`: µs). Relative numbers as tcpdump
   * without -S: from the first segment of the conversation that carries an ACK on. `sent`: what
   * its sending socket put in it (socket-model.ts); without it the segment's printed ends stand
   * for the sockets and `mtu` (the interface's) for their route's, the capture all they saw.
   */
  segment(
    f: Frame,
    t: number,
    mtu: number,
    absolute: boolean,
    sent?: Sent | null,
  ): TcpExtras & { seqAck: string; wire: number[] } {
    const tcp = f.tcp;
    const ip = f.ip;
    if (!tcp || !ip)
      return { win: 0, options: null, headerLen: 20, cksum: '', seqAck: '', wire: [] };
    const from = `${ip.src}.${tcp.sport}`;
    const to = `${ip.dst}.${tcp.dport}`;
    const c = this.conv(f, from, to);
    const fromClient = from === c.client;
    const own = sent ?? this.guess(f, from, to, t, mtu, fromClient);
    const { text: cksum, wire } = tcpWire(f, tcpBytes(f, own.win, own.bytes));
    const seqAck = this.numbers(c, f, fromClient, absolute);
    return { win: own.win, options: own.options, headerLen: own.headerLen, cksum, seqAck, wire };
  }

  /** The sending socket's segment from the capture alone: sent by `from`, received by `to`. */
  private guess(f: Frame, from: string, to: string, t: number, mtu: number, client: boolean): Sent {
    const s = this.sockets.send(`${from}>${to}`, from, f, t, mtu, client);
    this.sockets.receive(`${to}>${from}`, f, s.tsval);
    return s;
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
