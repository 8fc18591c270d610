// Building and rewriting frames immutably, recording each changed field as old -> new.
import type { IPv4, MacAddress } from '../addr';
import type { FieldChange, Frame } from '../trace';

export function srcPort(f: Frame): number {
  return f.tcp?.sport ?? f.udp?.sport ?? f.icmp?.id ?? 0;
}

export function dstPort(f: Frame): number {
  return f.tcp?.dport ?? f.udp?.dport ?? 0;
}

/** Rewrites the source address and port, as SNAT/MASQUERADE or a reply's de-DNAT does. */
export function rewriteSource(
  f: Frame,
  ip: IPv4,
  port: number | null,
): { frame: Frame; changed: FieldChange[] } {
  const changed: FieldChange[] = [];
  let frame = f;
  if (f.ip && f.ip.src !== ip) {
    changed.push({ field: 'ip.src', from: f.ip.src, to: ip });
    frame = { ...frame, ip: { ...f.ip, src: ip } };
  }
  if (port !== null) {
    if (f.tcp && f.tcp.sport !== port) {
      changed.push({ field: 'tcp.sport', from: f.tcp.sport, to: port });
      frame = { ...frame, tcp: { ...f.tcp, sport: port } };
    } else if (f.udp && f.udp.sport !== port) {
      changed.push({ field: 'udp.sport', from: f.udp.sport, to: port });
      frame = { ...frame, udp: { ...f.udp, sport: port } };
    }
  }
  return { frame, changed };
}

/** Rewrites the destination address and port, as DNAT or a reply's de-SNAT does. */
export function rewriteDest(
  f: Frame,
  ip: IPv4,
  port: number | null,
): { frame: Frame; changed: FieldChange[] } {
  const changed: FieldChange[] = [];
  let frame = f;
  if (f.ip && f.ip.dst !== ip) {
    changed.push({ field: 'ip.dst', from: f.ip.dst, to: ip });
    frame = { ...frame, ip: { ...f.ip, dst: ip } };
  }
  if (port !== null) {
    if (f.tcp && f.tcp.dport !== port) {
      changed.push({ field: 'tcp.dport', from: f.tcp.dport, to: port });
      frame = { ...frame, tcp: { ...f.tcp, dport: port } };
    } else if (f.udp && f.udp.dport !== port) {
      changed.push({ field: 'udp.dport', from: f.udp.dport, to: port });
      frame = { ...frame, udp: { ...f.udp, dport: port } };
    }
  }
  return { frame, changed };
}

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

/** Header lengths: IPv4 20, TCP 32 with options on SYN/SYN-ACK else 20 (+12 timestamps), UDP 8, ICMP echo 8+56. */
export function ipLength(f: Omit<Frame, 'eth'>): number {
  const payload = f.payload?.length ?? 0;
  if (f.tcp) {
    const syn = f.tcp.flags.includes('SYN');
    return 20 + (syn ? 40 : 32) + payload;
  }
  if (f.udp) return 20 + 8 + payload;
  if (f.icmp) return f.icmp.type === 3 ? 20 + 8 + 28 : 20 + 8 + 56;
  return 20;
}
