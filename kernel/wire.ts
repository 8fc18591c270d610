// The wire record both sides are reduced to: what one frame on one interface looks like. Types and formatting only.

export type TcpFlagName = 'SYN' | 'ACK' | 'FIN' | 'RST' | 'PSH' | 'URG' | 'ECE' | 'CWR';

/** One frame as tcpdump shows it on one interface (or as the engine claims it). */
export interface WireFrame {
  /** Seconds since the epoch (kernel) or simulated microseconds (engine); ordering only. */
  readonly ts: number;
  readonly srcMac: string;
  readonly dstMac: string;
  readonly ethertype: 'IPv4' | 'ARP' | 'other';
  readonly arp?: {
    readonly op: 'request' | 'reply';
    readonly senderIp: string;
    readonly targetIp: string;
    /** Only a reply names a MAC in tcpdump's line ("is-at"). */
    readonly senderMac?: string;
  };
  readonly ip?: {
    readonly src: string;
    readonly dst: string;
    readonly ttl: number;
    /** 'tcp' | 'udp' | 'icmp' | 'igmp' | `proto-N` */
    readonly proto: string;
    /** IP total length (informational: not compared). */
    readonly len: number;
  };
  readonly tcp?: {
    readonly sport: number;
    readonly dport: number;
    readonly flags: readonly TcpFlagName[];
    /** First sequence number of the segment (absolute, `tcpdump -S`); identifies retransmissions. */
    readonly seq: number | null;
    /** Acknowledgement number (absolute), null without ACK. With seq, tells a retransmission apart. */
    readonly ack: number | null;
    /** Payload bytes. */
    readonly payload: number;
  };
  readonly udp?: { readonly sport: number; readonly dport: number };
  readonly icmp?: { readonly type: number; readonly code: number; readonly seq: number | null };
}

const FLAG_ORDER: readonly TcpFlagName[] = ['SYN', 'FIN', 'RST', 'PSH', 'URG', 'ECE', 'CWR', 'ACK'];

/** tcpdump's own letters: S F R P U E W and '.' for ACK, in its order. */
export function flagLetters(flags: readonly TcpFlagName[]): string {
  const letter: Record<TcpFlagName, string> = {
    SYN: 'S',
    FIN: 'F',
    RST: 'R',
    PSH: 'P',
    URG: 'U',
    ECE: 'E',
    CWR: 'W',
    ACK: '.',
  };
  return FLAG_ORDER.filter((f) => flags.includes(f))
    .map((f) => letter[f])
    .join('');
}

/**
 * The comparable text of a frame: every field the suite compares, nothing it does not
 * (no seq/ack, no ICMP echo id, no lengths). Two frames conform iff these strings are equal.
 */
export function frameKey(f: WireFrame): string {
  const eth = `${f.srcMac} > ${f.dstMac}`;
  if (f.arp) {
    const a = f.arp;
    return a.op === 'request'
      ? `${eth} ARP request who-has ${a.targetIp} tell ${a.senderIp}`
      : `${eth} ARP reply ${a.senderIp} is-at ${a.senderMac ?? '?'}`;
  }
  if (!f.ip) return `${eth} ${f.ethertype}`;
  const ip = f.ip;
  const head = `${eth} IPv4 ttl ${ip.ttl}`;
  if (f.tcp) {
    const t = f.tcp;
    return `${head} ${ip.src}.${t.sport} > ${ip.dst}.${t.dport} tcp [${flagLetters(t.flags)}]`;
  }
  if (f.udp) return `${head} ${ip.src}.${f.udp.sport} > ${ip.dst}.${f.udp.dport} udp`;
  if (f.icmp) {
    const i = f.icmp;
    const seq = i.seq === null ? '' : ` seq ${i.seq}`;
    return `${head} ${ip.src} > ${ip.dst} icmp ${i.type}/${i.code}${seq}`;
  }
  return `${head} ${ip.src} > ${ip.dst} ${ip.proto}`;
}
