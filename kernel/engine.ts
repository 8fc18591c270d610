// The engine's claim as a wire view: every 'tx'/'rx' hop is a frame tcpdump would show on (node, iface). Pure.
import { ZERO_MAC, type Frame, type Hop, type PacketTrace } from '../src/sim';
import type { TcpFlagName, WireFrame } from './wire';

/** A hop's frame in wire terms; `t` (simulated µs) only orders frames. */
export function wireOfFrame(frame: Frame, t: number): WireFrame {
  const eth = frame.eth;
  const ethertype = frame.arp ? 'ARP' : frame.ip ? 'IPv4' : (eth?.type ?? 'other');
  const base: WireFrame = {
    ts: t,
    srcMac: eth?.src ?? ZERO_MAC,
    dstMac: eth?.dst ?? ZERO_MAC,
    ethertype,
  };
  if (frame.arp) {
    const a = frame.arp;
    return {
      ...base,
      arp:
        a.op === 'request'
          ? { op: 'request', senderIp: a.senderIp, targetIp: a.targetIp }
          : { op: 'reply', senderIp: a.senderIp, targetIp: a.targetIp, senderMac: a.senderMac },
    };
  }
  if (!frame.ip) return base;
  const ip = {
    src: frame.ip.src,
    dst: frame.ip.dst,
    ttl: frame.ip.ttl,
    proto: frame.ip.proto,
    len: frame.ip.len,
  };
  if (frame.tcp) {
    const t = frame.tcp;
    const payload =
      frame.payload === undefined ? 0 : new TextEncoder().encode(frame.payload).length;
    const flags = t.flags.map((f) => f as TcpFlagName);
    return {
      ...base,
      ip,
      tcp: { sport: t.sport, dport: t.dport, flags, seq: t.seq, ack: t.ack, payload },
    };
  }
  if (frame.udp) return { ...base, ip, udp: { sport: frame.udp.sport, dport: frame.udp.dport } };
  if (frame.icmp) {
    const i = frame.icmp;
    const echo = i.type === 0 || i.type === 8;
    return { ...base, ip, icmp: { type: i.type, code: i.code, seq: echo ? i.seq : null } };
  }
  return { ...base, ip };
}

export const ifaceKey = (ns: string, iface: string): string => `${ns}/${iface}`;

const isWireHop = (h: Hop): boolean => (h.event === 'tx' || h.event === 'rx') && h.iface !== null;

/**
 * Loopback: a packet sent on lo is received on lo, and tcpdump shows it once (AF_PACKET does not
 * deliver PACKET_LOOPBACK receives to taps). So an 'rx' on lo right after the same packet's 'tx'
 * on the same node's lo is the same frame, not a second one.
 */
const isLoopbackEcho = (h: Hop, prev: Hop | undefined): boolean =>
  h.event === 'rx' &&
  h.iface === 'lo' &&
  prev?.event === 'tx' &&
  prev.iface === 'lo' &&
  prev.node === h.node;

/**
 * Frames per `${namespace}/${iface}`, in the engine's order: packets in order, hops in order.
 * A node the topology does not know keeps its engine name (`?node`) so the diff shows it.
 */
export function engineWire(
  packets: readonly PacketTrace[],
  nodeNs: Readonly<Record<string, string>>,
): Map<string, WireFrame[]> {
  const out = new Map<string, WireFrame[]>();
  let order = 0;
  for (const p of packets) {
    let prev: Hop | undefined;
    for (const h of p.hops) {
      if (!isWireHop(h)) continue;
      const echo = isLoopbackEcho(h, prev);
      prev = h;
      if (echo) continue;
      const ns = nodeNs[h.node] ?? `?${h.node}`;
      const key = ifaceKey(ns, h.iface ?? '');
      const list = out.get(key) ?? [];
      // Order, not time: hops of later packets may carry a smaller t when the engine restarts its clock.
      list.push(wireOfFrame(h.frame, order++));
      out.set(key, list);
    }
  }
  return out;
}
