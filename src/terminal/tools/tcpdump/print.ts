// One captured frame as tcpdump 4.99 prints it (print-ether.c, print-arp.c, print-ip.c,
// print-tcp.c, print-udp.c, print-icmp.c), checked against real captures of the same kinds of
// packets (tcpdump.test.ts; recorded in namespaces, the kernel suite's fixtures).
import type { Frame } from '../../../sim/trace';
import { dnsText } from './dns';
import { quotedTcpWire } from './checksum';
import type { Sent } from './socket-model';
import { TcpTracker, tcpFlags } from './tcp-model';
import { udpPortText } from './udp-ports';
import { frameBytes } from './wire';

export interface PrintOptions {
  /** -n: addresses and ports as numbers. */
  readonly numeric: boolean;
  /** -e: the link-level header. */
  readonly link: boolean;
  /** -v */
  readonly verbose: boolean;
  /** -S: absolute TCP sequence numbers. */
  readonly absolute: boolean;
}

/** Port names tcpdump takes from /etc/services (Debian's netbase) without -n. */
const SERVICES: { readonly [port: number]: string } = {
  22: 'ssh',
  53: 'domain',
  80: 'http',
  443: 'https',
  8080: 'http-alt',
};
/** Ports print-tcp.c decodes as HTTP. */
const HTTP_PORTS = new Set([80, 8080, 3128, 8000]);

const port = (p: number, o: PrintOptions) => (o.numeric ? String(p) : (SERVICES[p] ?? String(p)));
const proto = { tcp: 'TCP (6)', udp: 'UDP (17)', icmp: 'ICMP (1)' } as const;

/** print-ip.c's -v header: `(tos 0x0, ttl 64, id 1, offset 0, flags [DF], proto TCP (6), length 60)`. */
function ipVerbose(f: Frame, len: number, id: number): string {
  const ip = f.ip;
  if (!ip) return '';
  const error = f.icmp !== undefined && f.icmp.type !== 8 && f.icmp.type !== 0;
  // Linux: ICMP errors go out with tos 0xc0 and no DF, echo replies without DF.
  const df = !error && f.icmp?.type !== 0;
  const tos = error ? '0xc0' : '0x0';
  return `(tos ${tos}, ttl ${ip.ttl}, id ${id}, offset 0, flags [${df ? 'DF' : 'none'}], proto ${proto[ip.proto]}, length ${len})`;
}

/** print-http.c through txtproto_print: the first line, or every line with -v. */
function http(payload: string, verbose: boolean): string {
  // print_txt_line ends a line at CR LF or at a lone LF.
  const lines = payload.split(/\r?\n/);
  if (verbose) {
    const shown = payload.endsWith('\n') ? lines.slice(0, -1) : lines;
    return `: HTTP, length: ${payload.length}${shown.map((l) => `\n\t${l}`).join('')}`;
  }
  const first = lines[0] ?? '';
  const known =
    /^(GET|HEAD|POST|PUT|DELETE|OPTIONS|CONNECT|TRACE|PATCH) \S+ HTTP\/1\.[01]$/.test(first) ||
    /^HTTP\/1\.[01] \d{3}/.test(first);
  return known && lines.length > 1 ? `: HTTP: ${first}` : ': HTTP';
}

function icmpText(f: Frame, o: PrintOptions): string {
  const i = f.icmp;
  const ip = f.ip;
  if (!i || !ip) return '';
  const len = ip.len - 20;
  if (i.type === 8 || i.type === 0)
    return `ICMP echo ${i.type === 8 ? 'request' : 'reply'}, id ${i.id}, seq ${i.seq}, length ${len}`;
  const inner = i.inner;
  if (i.type === 3 && inner) {
    const what =
      i.code === 3
        ? `${inner.dst} ${inner.proto} port ${port(inner.dport, o)} unreachable`
        : i.code === 0
          ? `net ${inner.dst} unreachable`
          : i.code === 1
            ? `host ${inner.dst} unreachable`
            : i.code === 2
              ? `${inner.dst} protocol ${inner.proto === 'tcp' ? 6 : 17} unreachable`
              : `${inner.dst} unreachable - code ${i.code}`;
    return `ICMP ${what}, length ${len}`;
  }
  if (i.type === 11) return `ICMP time exceeded in-transit, length ${len}`;
  return `ICMP type-#${i.type}, length ${len}`;
}

/** print-tcp.c's line for a segment, from what tcp-model.ts worked out for it. */
function tcpLine(f: Frame, o: PrintOptions, s: ReturnType<TcpTracker['segment']>): string {
  const ip = f.ip;
  const t = f.tcp;
  if (!ip || !t) return '';
  const data = f.payload?.length ?? 0;
  const pieces = [`Flags [${tcpFlags(f)}]`, o.verbose ? s.cksum : '', s.seqAck, `win ${s.win}`];
  if (s.options) pieces.push(`options ${s.options}`);
  pieces.push(`length ${data}`);
  const isHttp = HTTP_PORTS.has(t.sport) || HTTP_PORTS.has(t.dport);
  const app = data > 0 && isHttp ? http(f.payload ?? '', o.verbose) : '';
  const ends = `${ip.src}.${port(t.sport, o)} > ${ip.dst}.${port(t.dport, o)}`;
  return `${ends}: ${pieces.filter((p) => p !== '').join(', ')}${app}`;
}

/**
 * -v: the packet an ICMP error quotes, as print-icmp.c prints it (its IP header on a tab-indented
 * line, then the datagram: Linux quotes it whole up to 576 bytes in all). A quoted TCP segment is
 * printed from a tracker of its own (the capture's conversation is not advanced by a quote), and
 * its bytes returned for the wire.
 */
function quoted(f: Frame, o: PrintOptions, t: number): { text: string; tcp: readonly number[] } {
  const q = f.icmp?.inner;
  if (!q || f.icmp?.type === 8 || f.icmp?.type === 0) return { text: '', tcp: [] };
  const len = q.len ?? 28;
  const inner: Frame = {
    eth: null,
    ip: { src: q.src, dst: q.dst, ttl: q.ttl ?? 64, proto: q.proto, len },
    ...(q.proto === 'udp' ? { udp: { sport: q.sport, dport: q.dport }, payload: q.payload } : {}),
    ...(q.proto === 'tcp' && q.segment
      ? { tcp: { sport: q.sport, dport: q.dport, ...q.segment }, payload: q.payload }
      : {}),
    ...(q.proto === 'icmp' && q.echo
      ? { icmp: { type: q.echo.type, code: 0, id: q.sport, seq: q.echo.seq } }
      : {}),
  };
  const head = `${o.link ? '' : 'IP '}${ipVerbose(inner, len, 1)}`;
  if (q.proto === 'tcp' && inner.tcp) {
    const fresh = new TcpTracker().segment(inner, t, 1500, o.absolute);
    const sum = q.quotedAs ? quotedTcpWire(inner, fresh.wire, q.quotedAs) : null;
    const seg = sum ? { ...fresh, cksum: sum.text, wire: sum.wire } : fresh;
    return { text: `\n\t${head}\n    ${tcpLine(inner, o, seg)}`, tcp: seg.wire };
  }
  const l4 =
    q.proto === 'udp'
      ? udpText(inner, o)
      : q.proto === 'icmp'
        ? `${q.src} > ${q.dst}: ${icmpText(inner, o)}`
        : `${q.src}.${port(q.sport, o)} > ${q.dst}.${port(q.dport, o)}: [|tcp]`;
  return { text: `\n\t${head}\n    ${l4}`, tcp: [] };
}

/** print-udp.c for the lab's datagrams: DNS messages (dns.ts), else a port's decoder where it has one (udp-ports.ts), else the length. */
function udpText(f: Frame, o: PrintOptions): string {
  const ip = f.ip;
  const u = f.udp;
  if (!ip || !u) return '';
  const data = ip.len - 28;
  const ends = `${ip.src}.${port(u.sport, o)} > ${ip.dst}.${port(u.dport, o)}`;
  if ((u.sport === 53 || u.dport === 53) && f.dns) return `${ends}: ${dnsText(f.dns, o.verbose)}`;
  const decoded = udpPortText(u.sport, u.dport, f.payload ?? '', data, o.verbose);
  return `${ends}: ${decoded ?? `UDP, length ${data}`}`;
}

export interface PrintedPacket {
  /** The text after the time stamp (and, for `-i any`, the interface and direction). */
  readonly text: string;
  /** Bytes on the wire (Ethernet header included). */
  readonly frameLen: number;
  /** The frame's bytes (wire.ts). */
  readonly bytes: readonly number[];
}

/**
 * The packet's text; `t` (µs), `mtu` (the interface's) and `id` (-v's IP id); `sent`: a TCP
 * segment as its sending socket built it (socket-model.ts), else guessed from this capture alone.
 */
export function printFrame(
  f: Frame,
  o: PrintOptions,
  tcp: TcpTracker,
  t: number,
  mtu: number,
  id: number,
  sent?: Sent | null,
): PrintedPacket {
  const eth = f.eth;
  const a = f.arp;
  if (a) {
    const body =
      a.op === 'request'
        ? `Request who-has ${a.targetIp} tell ${a.senderIp}, length 28`
        : `Reply ${a.senderIp} is-at ${a.senderMac}, length 28`;
    const hw = o.verbose ? 'Ethernet (len 6), IPv4 (len 4), ' : '';
    const text = o.link
      ? `${eth?.src} > ${eth?.dst}, ethertype ARP (0x0806), length 42: ${hw}${body}`
      : `ARP, ${hw}${body}`;
    return { text, frameLen: 42, bytes: frameBytes(f, [], id) };
  }
  const ip = f.ip;
  if (!ip) return { text: 'unknown', frameLen: 14, bytes: frameBytes(f, [], id) };
  let l4: string;
  let len = ip.len;
  let segment: readonly number[] = [];
  let quote: readonly number[] = [];
  if (f.tcp) {
    const s = tcp.segment(f, t, mtu, o.absolute, sent);
    segment = s.wire;
    len = 20 + s.headerLen + (f.payload?.length ?? 0);
    l4 = tcpLine(f, o, s);
  } else if (f.udp) l4 = udpText(f, o);
  else {
    const q = quoted(f, o, t);
    quote = q.tcp;
    l4 = `${ip.src} > ${ip.dst}: ${icmpText(f, o)}${o.verbose ? q.text : ''}`;
  }
  // Linux sends a SYN-ACK and a RST with IP id 0.
  const fl = f.tcp?.flags ?? [];
  const zero = fl.includes('RST') || (fl.includes('SYN') && fl.includes('ACK'));
  const head = o.verbose ? `${ipVerbose(f, len, zero ? 0 : id)}\n    ` : '';
  const frameLen = len + 14;
  const text = o.link
    ? `${eth?.src} > ${eth?.dst}, ethertype IPv4 (0x0800), length ${frameLen}: ${head}${l4}`
    : `IP ${head}${l4}`;
  const ipId = zero ? 0 : id;
  return { text, frameLen, bytes: frameBytes(f, segment, ipId, quote) };
}
