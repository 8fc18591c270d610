// Building and rewriting frames immutably, recording each changed field as old -> new.
import type { IPv4, MacAddress } from '../addr';
import { dnsLength } from '../dns-message';
import type { FieldChange, Frame } from '../trace';

export function srcPort(f: Frame): number {
  return f.tcp?.sport ?? f.udp?.sport ?? f.icmp?.id ?? 0;
}

export function dstPort(f: Frame): number {
  return f.tcp?.dport ?? f.udp?.dport ?? 0;
}

type Rewrite = { frame: Frame; changed: FieldChange[] };

/** Rewrites one side's address and port (an echo's id), recording each field that changes. */
function rewrite(f: Frame, side: 'src' | 'dst', ip: IPv4, port: number | null): Rewrite {
  const changed: FieldChange[] = [];
  let frame = f;
  if (f.ip && f.ip[side] !== ip) {
    changed.push({ field: `ip.${side}`, from: f.ip[side], to: ip });
    frame = { ...frame, ip: { ...f.ip, [side]: ip } };
  }
  const key = side === 'src' ? 'sport' : 'dport';
  if (port !== null) {
    if (f.tcp && f.tcp[key] !== port) {
      changed.push({ field: `tcp.${key}`, from: f.tcp[key], to: port });
      frame = { ...frame, tcp: { ...f.tcp, [key]: port } };
    } else if (f.udp && f.udp[key] !== port) {
      changed.push({ field: `udp.${key}`, from: f.udp[key], to: port });
      frame = { ...frame, udp: { ...f.udp, [key]: port } };
    } else if (f.icmp && (f.icmp.type === 8 || f.icmp.type === 0) && f.icmp.id !== port) {
      // An echo's id is its "port" either way (icmp_manip_pkt writes the tuple's id).
      changed.push({ field: 'icmp.id', from: f.icmp.id, to: port });
      frame = { ...frame, icmp: { ...f.icmp, id: port } };
    }
  }
  return { frame, changed };
}

/** Rewrites the source address and port, as SNAT/MASQUERADE or a reply's de-DNAT does. */
export const rewriteSource = (f: Frame, ip: IPv4, port: number | null): Rewrite =>
  rewrite(f, 'src', ip, port);

/** Rewrites the destination address and port, as DNAT or a reply's de-SNAT does. */
export const rewriteDest = (f: Frame, ip: IPv4, port: number | null): Rewrite =>
  rewrite(f, 'dst', ip, port);

export function withEth(
  f: Frame,
  src: MacAddress,
  dst: MacAddress,
): { frame: Frame; changed: FieldChange[] } {
  const changed: FieldChange[] = [];
  if (f.eth && f.eth.src !== src) changed.push({ field: 'eth.src', from: f.eth.src, to: src });
  if (f.eth && f.eth.dst !== dst) changed.push({ field: 'eth.dst', from: f.eth.dst, to: dst });
  return { frame: { ...f, eth: { src, dst, type: f.arp ? 'ARP' : 'IPv4' } }, changed };
}

export function decrementTtl(f: Frame): { frame: Frame; changed: FieldChange[] } {
  if (!f.ip) return { frame: f, changed: [] };
  const ttl = f.ip.ttl - 1;
  return {
    frame: { ...f, ip: { ...f.ip, ttl } },
    changed: [{ field: 'ip.ttl', from: f.ip.ttl, to: ttl }],
  };
}

/**
 * Header lengths: IPv4 20, TCP 32 with options on SYN/SYN-ACK else 20 (+12 timestamps), UDP 8,
 * ICMP echo 8+56; a DNS message's bytes rather than its words.
 */
export function ipLength(f: Omit<Frame, 'eth'>): number {
  const payload = f.dns ? dnsLength(f.dns) : (f.payload?.length ?? 0);
  if (f.tcp) {
    const syn = f.tcp.flags.includes('SYN');
    return 20 + (syn ? 40 : 32) + payload;
  }
  if (f.udp) return 20 + 8 + payload;
  if (f.icmp) return f.icmp.type === 3 ? 20 + 8 + 28 : 20 + 8 + 56;
  return 20;
}
