// The TCP checksum field as a capture on a veth shows it. Linux leaves locally sent segments
// CHECKSUM_PARTIAL (the field holds the folded pseudo-header sum, finished by the "hardware"),
// and a veth hands them on as they are: tcpdump reports `cksum 0x5856 (incorrect -> 0xe4aa)`.
// A RST (tcp_v4_send_reset) is checksummed in full: `(correct)`. Pure arithmetic.
import type { Frame } from '../../../sim/trace';

const words = (ip: string) => {
  const o = ip.split('.').map(Number);
  return [((o[0] ?? 0) << 8) | (o[1] ?? 0), ((o[2] ?? 0) << 8) | (o[3] ?? 0)];
};
const fold = (sum: number) => {
  let s = sum;
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return s;
};
const hex = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;

function sumBytes(bytes: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < bytes.length; i += 2) s += ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
  return s;
}

const u16 = (n: number) => [(n >>> 8) & 255, n & 255];
const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

/** The segment's bytes: header (checksum zero), `options` already encoded, payload. */
export function tcpBytes(f: Frame, win: number, options: readonly number[]): number[] {
  const t = f.tcp;
  if (!t) return [];
  const fl = t.flags;
  const bits =
    (fl.includes('FIN') ? 1 : 0) |
    (fl.includes('SYN') ? 2 : 0) |
    (fl.includes('RST') ? 4 : 0) |
    (fl.includes('PSH') ? 8 : 0) |
    (fl.includes('ACK') ? 16 : 0);
  const doff = (20 + options.length) / 4;
  const payload = [...new TextEncoder().encode(f.payload ?? '')];
  return [
    ...u16(t.sport),
    ...u16(t.dport),
    ...u32(t.seq),
    ...u32(t.ack),
    doff << 4,
    bits,
    ...u16(win),
    0,
    0,
    0,
    0,
    ...options,
    ...payload,
  ];
}

/**
 * The segment as it leaves (its checksum field filled: the full sum for a RST, else the pseudo-
 * header sum) and print-tcp.c's -v text for it.
 */
export function tcpWire(f: Frame, bytes: readonly number[]): { wire: number[]; text: string } {
  const ip = f.ip;
  if (!ip) return { wire: [...bytes], text: '' };
  const pseudo = fold(
    [...words(ip.src), ...words(ip.dst)].reduce((a, b) => a + b, 0) + 6 + bytes.length,
  );
  const full = ~fold(pseudo + sumBytes(bytes)) & 0xffff;
  const rst = f.tcp?.flags.includes('RST') === true;
  const field = rst ? full : pseudo;
  const wire = [...bytes];
  wire[16] = field >>> 8;
  wire[17] = field & 255;
  const text = rst
    ? `cksum ${hex(full)} (correct)`
    : `cksum ${hex(pseudo)} (incorrect -> ${hex(full)})`;
  return { wire, text };
}

/**
 * A quoted segment's checksum field after NAT rewrote the quote from `as` to its present addresses
 * and ports (nf_nat's csum_replace4/2 on an skb that is not CHECKSUM_PARTIAL): the partial sum it
 * was quoted with, plus the old words less the new ones, where a pseudo-header sum would do the
 * opposite (measured: 0x89e8 quoted for 192.0.2.10, 0x9fdf once de-NATed to 172.17.0.2).
 */
export function quotedTcpWire(
  f: Frame,
  bytes: readonly number[],
  as: {
    readonly src: string;
    readonly dst: string;
    readonly sport: number;
    readonly dport: number;
  },
): { wire: number[]; text: string } {
  const ip = f.ip;
  const t = f.tcp;
  if (!ip || !t) return tcpWire(f, bytes);
  const zeroed = [...bytes.slice(0, 16), 0, 0, ...bytes.slice(18)];
  const quoted = tcpWire(
    { ...f, ip: { ...ip, src: as.src as never, dst: as.dst as never } },
    zeroed,
  ).wire;
  const was = [...words(as.src), ...words(as.dst), as.sport, as.dport];
  const now = [...words(ip.src), ...words(ip.dst), t.sport, t.dport];
  const start = ((quoted[16] ?? 0) << 8) | (quoted[17] ?? 0);
  const field = fold(
    start + was.reduce((a, b) => a + b, 0) + now.reduce((a, b) => a + (~b & 0xffff), 0),
  );
  const pseudo = [...words(ip.src), ...words(ip.dst)].reduce((a, b) => a + b, 0);
  const full = ~fold(pseudo + 6 + zeroed.length + sumBytes(zeroed)) & 0xffff;
  const wire = [...zeroed];
  wire[16] = field >>> 8;
  wire[17] = field & 255;
  const ok = field === full;
  return { wire, text: `cksum ${hex(field)} (${ok ? 'correct' : `incorrect -> ${hex(full)}`})` };
}

/** The one's complement sum over `bytes`, complemented: an IPv4 or ICMP header checksum. */
export function inetChecksum(bytes: readonly number[]): number {
  return ~fold(sumBytes(bytes)) & 0xffff;
}

/** Option bytes: mss, sackOK, timestamps, nop, wscale (a SYN) or nop, nop, timestamps. */
export function optionBytes(
  syn: boolean,
  mss: number,
  tsval: number,
  ecr: number,
  wscale: number,
): number[] {
  const ts = [8, 10, ...u32(tsval), ...u32(ecr)];
  return syn ? [2, 4, ...u16(mss), 4, 2, ...ts, 1, 3, 3, wscale] : [1, 1, ...ts];
}
