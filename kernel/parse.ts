// Parses `tcpdump -nn -e -v -S -tt` text into wire frames. Pure: text in, records out.
import type { TcpFlagName, WireFrame } from './wire';

const HEAD =
  /^(\d+\.\d+) ([0-9a-f:]{17}) > ([0-9a-f:]{17}), ethertype (\S+) \(0x([0-9a-f]{4})\), length \d+: ?(.*)$/;
const IP_HDR = /\bttl (\d+),.*\bproto (\S+) \((\d+)\), length (\d+)/;
const ARP_REQ = /Request who-has (\S+) tell (\S+?),/;
const ARP_REPLY = /Reply (\S+) is-at ([0-9a-f:]{17})/;
const ENDPOINTS = /^\s*(\d+\.\d+\.\d+\.\d+)(?:\.(\d+))? > (\d+\.\d+\.\d+\.\d+)(?:\.(\d+))?: (.*)$/;

const FLAG_LETTERS: Record<string, TcpFlagName> = {
  S: 'SYN',
  F: 'FIN',
  R: 'RST',
  P: 'PSH',
  U: 'URG',
  E: 'ECE',
  W: 'CWR',
  '.': 'ACK',
};

/** ICMP type/code from tcpdump's wording (print-icmp.c). */
export function icmpTypeCode(text: string): { type: number; code: number } {
  // Most specific wording first: "host X unreachable" is a prefix of its variants.
  const table: readonly [RegExp, number, number][] = [
    [/^ICMP echo request/, 8, 0],
    [/^ICMP echo reply/, 0, 0],
    [/^ICMP host \S+ unreachable - admin prohibited filter/, 3, 13],
    [/^ICMP host \S+ unreachable - admin prohibited/, 3, 10],
    [/^ICMP net \S+ unreachable - admin prohibited/, 3, 9],
    [/^ICMP host \S+ unreachable - unknown/, 3, 7],
    [/^ICMP net \S+ unreachable - unknown/, 3, 6],
    [/^ICMP net \S+ unreachable/, 3, 0],
    [/^ICMP host \S+ unreachable/, 3, 1],
    [/^ICMP \S+ protocol \d+ unreachable/, 3, 2],
    [/^ICMP \S+ (?:tcp|udp) port \S+ unreachable/, 3, 3],
    [/^ICMP \S+ unreachable - need to frag/, 3, 4],
    [/^ICMP time exceeded in-transit/, 11, 0],
    [/^ICMP redirect/, 5, 1],
  ];
  for (const [re, type, code] of table) if (re.test(text)) return { type, code };
  return { type: -1, code: -1 };
}

function tcpPart(text: string): NonNullable<WireFrame['tcp']> | null {
  const flags = /Flags \[([^\]]*)\]/.exec(text);
  if (!flags) return null;
  const letters = (flags[1] ?? '').split('');
  const seq = /\bseq (\d+)/.exec(text);
  const ack = /\back (\d+)/.exec(text);
  const lens = [...text.matchAll(/\blength (\d+)/g)];
  return {
    sport: 0,
    dport: 0,
    flags: letters.map((l) => FLAG_LETTERS[l]).filter((f): f is TcpFlagName => f !== undefined),
    seq: seq ? Number(seq[1]) : null,
    ack: ack ? Number(ack[1]) : null,
    payload: Number(lens[0]?.[1] ?? 0),
  };
}

function ipFrame(base: WireFrame, hdr: string, body: string): WireFrame {
  const h = IP_HDR.exec(hdr);
  const e = ENDPOINTS.exec(body);
  if (!h || !e) return base;
  const protoNum = Number(h[3]);
  const proto =
    protoNum === 6
      ? 'tcp'
      : protoNum === 17
        ? 'udp'
        : protoNum === 1
          ? 'icmp'
          : protoNum === 2
            ? 'igmp'
            : `proto-${protoNum}`;
  const ip = { src: e[1] ?? '', dst: e[3] ?? '', ttl: Number(h[1]), proto, len: Number(h[4]) };
  const rest = e[5] ?? '';
  const sport = Number(e[2] ?? 0);
  const dport = Number(e[4] ?? 0);
  if (proto === 'tcp') {
    const t = tcpPart(rest);
    return t ? { ...base, ip, tcp: { ...t, sport, dport } } : { ...base, ip };
  }
  if (proto === 'udp') return { ...base, ip, udp: { sport, dport } };
  if (proto === 'icmp') {
    const tc = icmpTypeCode(rest);
    const echo = tc.type === 0 || tc.type === 8;
    const seq = /\bseq (\d+)/.exec(rest);
    return { ...base, ip, icmp: { ...tc, seq: echo && seq ? Number(seq[1]) : null } };
  }
  return { ...base, ip };
}

/** One packet: its header line and the continuation lines tcpdump -v printed under it. */
function parseRecord(lines: readonly string[]): WireFrame | null {
  const m = HEAD.exec(lines[0] ?? '');
  if (!m) return null;
  const typeName = m[4] ?? '';
  const ethertype = typeName === 'IPv4' ? 'IPv4' : typeName === 'ARP' ? 'ARP' : 'other';
  const base: WireFrame = { ts: Number(m[1]), srcMac: m[2] ?? '', dstMac: m[3] ?? '', ethertype };
  const rest = m[6] ?? '';
  if (ethertype === 'ARP') {
    const req = ARP_REQ.exec(rest);
    if (req)
      return { ...base, arp: { op: 'request', targetIp: req[1] ?? '', senderIp: req[2] ?? '' } };
    const rep = ARP_REPLY.exec(rest);
    if (rep) {
      return {
        ...base,
        arp: { op: 'reply', senderIp: rep[1] ?? '', targetIp: '', senderMac: rep[2] ?? '' },
      };
    }
    return base;
  }
  if (ethertype === 'IPv4') return ipFrame(base, rest, lines[1] ?? '');
  return base;
}

/**
 * Every frame in a tcpdump text. A record starts at a line beginning with a timestamp; with -v
 * the IP header sits on that line and the addresses on the next (indented) one. Later indented
 * lines (decoded payloads, the header quoted inside an ICMP error) are ignored.
 */
export function parseTcpdump(text: string): WireFrame[] {
  const frames: WireFrame[] = [];
  let current: string[] | null = null;
  const flush = () => {
    if (!current) return;
    const f = parseRecord(current);
    if (f) frames.push(f);
  };
  for (const line of text.split('\n')) {
    if (/^\d+\.\d+ /.test(line)) {
      flush();
      current = [line];
    } else if (current && line.length > 0) {
      current.push(line);
    }
  }
  flush();
  return frames;
}
