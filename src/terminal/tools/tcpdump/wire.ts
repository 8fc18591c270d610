// A frame as bytes on the wire (Ethernet II, ARP, IPv4, TCP, UDP, ICMP), for the pcapng export:
// what the lab's tcpdump prints is what the real tcpdump prints reading these bytes (pcapng.test.ts).
import type { Frame } from '../../../sim/trace';
import { dnsBytes } from '../../../sim/dns-message';
import { inetChecksum } from './checksum';

const u16 = (n: number) => [(n >>> 8) & 255, n & 255];
const macBytes = (m: string) => m.split(':').map((h) => parseInt(h, 16));
const ipBytes = (ip: string) => ip.split('.').map(Number);
const PROTO = { icmp: 1, tcp: 6, udp: 17 } as const;

/** The IPv4 header as Linux sends it: DF but on echo replies and ICMP errors, which get tos 0xc0. */
function ipHeader(f: Frame, totalLen: number, id: number): number[] {
  const ip = f.ip;
  if (!ip) return [];
  const error = f.icmp !== undefined && f.icmp.type !== 8 && f.icmp.type !== 0;
  const df = !error && f.icmp?.type !== 0;
  const h = [
    0x45,
    error ? 0xc0 : 0,
    ...u16(totalLen),
    ...u16(id),
    df ? 0x40 : 0,
    0,
    ip.ttl,
    PROTO[ip.proto],
    0,
    0,
    ...ipBytes(ip.src),
    ...ipBytes(ip.dst),
  ];
  const sum = inetChecksum(h);
  h[10] = sum >>> 8;
  h[11] = sum & 255;
  return h;
}

/** ping's 56 data bytes: a time stamp's 8, then 0x08, 0x09, … as iputils fills them. */
const pingData = () => Array.from({ length: 56 }, (_, i) => (i < 8 ? 0 : i & 255));

function icmpBytes(f: Frame, id: number, quotedTcp: readonly number[] = []): number[] {
  const i = f.icmp;
  if (!i) return [];
  let body: number[];
  if (i.type === 8 || i.type === 0) body = [...u16(i.id), ...u16(i.seq), ...pingData()];
  else {
    // The quoted packet: its IP header and what follows of it (a UDP header and payload, an echo,
    // the TCP segment as tcp-model built it for the printer).
    const q = i.inner;
    const len = q?.len ?? 28;
    const inner: Frame | null = q
      ? {
          eth: null,
          ip: { src: q.src, dst: q.dst, ttl: q.ttl ?? 64, proto: q.proto, len },
          ...(q.proto === 'icmp' && q.echo
            ? { icmp: { type: q.echo.type, code: 0, id: q.sport, seq: q.echo.seq } }
            : {}),
        }
      : null;
    const l4 =
      q?.proto === 'udp'
        ? [
            ...[...u16(q.sport), ...u16(q.dport), ...u16(len - 20), 0, 0],
            ...new TextEncoder().encode(q.payload ?? ''),
          ]
        : q?.proto === 'icmp' && inner
          ? icmpBytes(inner, 0)
          : quotedTcp.length > 0
            ? [...quotedTcp]
            : [...u16(q?.sport ?? 0), ...u16(q?.dport ?? 0), 0, 0, 0, 0];
    const quoted = inner ? [...ipHeader(inner, len, id), ...l4] : [];
    const pad = Array.from({ length: Math.max(0, len - quoted.length) }, () => 0x71);
    body = [0, 0, 0, 0, ...quoted, ...pad].slice(0, 4 + Math.min(len, 548));
  }
  const msg = [i.type, i.code, 0, 0, ...body];
  const sum = inetChecksum(msg);
  msg[2] = sum >>> 8;
  msg[3] = sum & 255;
  return msg;
}

/**
 * The frame's bytes; `tcp` is the segment as tcp-model built it, `id` the IP id printed, and
 * `quotedTcp` the segment an ICMP error quotes, likewise.
 */
export function frameBytes(
  f: Frame,
  tcp: readonly number[],
  id: number,
  quotedTcp: readonly number[] = [],
): number[] {
  const eth = [
    ...macBytes(f.eth?.dst ?? '00:00:00:00:00:00'),
    ...macBytes(f.eth?.src ?? '00:00:00:00:00:00'),
  ];
  const a = f.arp;
  if (a) {
    const op = a.op === 'request' ? 1 : 2;
    const target = a.op === 'request' ? '00:00:00:00:00:00' : a.targetMac;
    return [
      ...eth,
      0x08,
      0x06,
      ...[0, 1, 0x08, 0, 6, 4, 0, op],
      ...macBytes(a.senderMac),
      ...ipBytes(a.senderIp),
      ...macBytes(target),
      ...ipBytes(a.targetIp),
    ];
  }
  const ip = f.ip;
  if (!ip) return [...eth, 0x08, 0x00];
  let l4: number[];
  if (f.tcp) l4 = [...tcp];
  else if (f.udp) {
    const data = f.dns ? dnsBytes(f.dns) : [...new TextEncoder().encode(f.payload ?? '')];
    l4 = [...u16(f.udp.sport), ...u16(f.udp.dport), ...u16(8 + data.length), 0, 0, ...data];
  } else l4 = icmpBytes(f, id, quotedTcp);
  return [...eth, 0x08, 0x00, ...ipHeader(f, 20 + l4.length, id), ...l4];
}
