// One packet at a time: send it through the walk, record its trace, say where it ended up.
import type { IPv4 } from '../addr';
import type { DropReason, Frame, IcmpHeader, NodeId, PacketTrace, TcpFlag } from '../trace';
import { ipLength } from './frame';
import { ipOutput } from './ip';
import type { Sockets } from './sockets';
import type { WalkState } from './state';

export interface Arrival {
  readonly node: NodeId;
  readonly frame: Frame;
}

export interface Conversation {
  readonly s: WalkState;
  readonly sockets: Sockets;
  readonly packets: PacketTrace[];
  lastDrop: { node: NodeId; reason: DropReason } | null;
}

/** Walks one packet from a socket in `node`; returns where it was delivered, or null. */
export function sendPacket(
  conv: Conversation,
  label: string,
  direction: 'request' | 'reply',
  node: NodeId,
  frame: Frame,
): Arrival | null {
  const { s } = conv;
  s.hops = [];
  s.delivered = null;
  s.dropped = null;
  ipOutput(s, node, frame);
  const delivered = s.delivered as WalkState['delivered'];
  const dropped = s.dropped as WalkState['dropped'];
  conv.lastDrop = delivered ? null : (dropped ?? { node, reason: 'invalid' });
  conv.packets.push({
    label,
    direction,
    hops: s.hops,
    outcome: delivered
      ? { kind: 'delivered', node: delivered.node }
      : { kind: 'dropped', reason: dropped?.reason ?? 'invalid', node: dropped?.node ?? node },
  });
  return delivered ? { node: delivered.node, frame: delivered.frame } : null;
}

export interface L4Addr {
  readonly ip: IPv4;
  readonly port: number;
}

/** A deterministic initial sequence number (the kernel's is random; tests normalise it). */
export const isn = (port: number) => (Math.imul(port, 2654435761) >>> 0) % 1_000_000_000;

export function tcpFrame(
  src: L4Addr,
  dst: L4Addr,
  flags: TcpFlag[],
  seq: number,
  ack: number,
  payload?: string,
): Frame {
  const body = {
    ip: { src: src.ip, dst: dst.ip, ttl: 64, proto: 'tcp' as const, len: 0 },
    tcp: { sport: src.port, dport: dst.port, flags, seq, ack },
    ...(payload !== undefined ? { payload } : {}),
  };
  return { eth: null, ...body, ip: { ...body.ip, len: ipLength(body) } };
}

export function udpFrame(src: L4Addr, dst: L4Addr, payload: string): Frame {
  const body = {
    ip: { src: src.ip, dst: dst.ip, ttl: 64, proto: 'udp' as const, len: 0 },
    udp: { sport: src.port, dport: dst.port },
    payload,
  };
  return { eth: null, ...body, ip: { ...body.ip, len: ipLength(body) } };
}

export function icmpFrame(src: IPv4, dst: IPv4, icmp: IcmpHeader): Frame {
  const body = { ip: { src, dst, ttl: 64, proto: 'icmp' as const, len: 0 }, icmp };
  return { eth: null, ...body, ip: { ...body.ip, len: ipLength(body) } };
}

/** The reply's addresses: the delivered packet's, swapped (as the receiving socket sees them). */
export function replyAddrs(f: Frame): { src: L4Addr; dst: L4Addr } {
  const ip = f.ip;
  const sport = f.tcp?.sport ?? f.udp?.sport ?? 0;
  const dport = f.tcp?.dport ?? f.udp?.dport ?? 0;
  return {
    src: { ip: (ip?.dst ?? '0.0.0.0') as IPv4, port: dport },
    dst: { ip: (ip?.src ?? '0.0.0.0') as IPv4, port: sport },
  };
}
