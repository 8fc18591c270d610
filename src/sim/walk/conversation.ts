// One packet at a time: send it through the walk, record its trace, say where it ended up.
import { fullBudget } from './budget';
import type { IPv4 } from '../addr';
import type {
  DnsMessage,
  DropReason,
  FlowResult,
  Frame,
  IcmpHeader,
  NodeId,
  PacketTrace,
  TcpFlag,
} from '../trace';
import { ipLength } from './frame';
import { ipOutput, type SendKey } from './ip';
import type { Sockets } from './sockets';
import { emit, why, type WalkState } from './state';

export interface Arrival {
  readonly node: NodeId;
  readonly frame: Frame;
}

export interface Conversation {
  readonly s: WalkState;
  readonly sockets: Sockets;
  readonly packets: PacketTrace[];
  /** Where the last packet was dropped, and whether the client sent it (request) or the server did. */
  lastDrop: { node: NodeId; reason: DropReason; direction: 'request' | 'reply' } | null;
}

/**
 * Walks one packet from a socket in `node`; returns where it was delivered, or null. `confirm`:
 * the socket holds a pending neighbour confirmation, which the packet carries out.
 */
export function sendPacket(
  conv: Conversation,
  label: string,
  direction: 'request' | 'reply',
  node: NodeId,
  frame: Frame,
  sendKey: SendKey = 'send',
  confirm = false,
): Arrival | null {
  const { s } = conv;
  s.hops = [];
  s.delivered = null;
  s.dropped = null;
  s.origin = node;
  s.followUps = [];
  s.nfBudget = fullBudget();
  s.confirm = confirm;
  ipOutput(s, node, frame, sendKey);
  s.confirm = false;
  const delivered = s.delivered as WalkState['delivered'];
  let dropped = s.dropped as WalkState['dropped'];
  if (!delivered && !dropped) {
    // Every copy was ignored: sent to a MAC nobody owns (a stale neighbour entry) or flooded nowhere.
    const last = s.hops[s.hops.length - 1];
    dropped = { node: last?.node ?? node, reason: 'lost' };
    emit(s, dropped.node, last?.iface ?? null, 'drop', last?.frame ?? frame, why('drop.lost', {}));
  }
  conv.lastDrop = delivered || !dropped ? null : { ...dropped, direction };
  conv.packets.push({
    label,
    direction,
    hops: s.hops,
    outcome: delivered
      ? { kind: 'delivered', node: delivered.node }
      : { kind: 'dropped', reason: dropped?.reason ?? 'lost', node: dropped?.node ?? node },
  });
  // Packets the kernel sent because of this one (ICMP errors) follow as their own traces.
  const followUps = s.followUps;
  const lastDrop = conv.lastDrop;
  for (const f of followUps) sendPacket(conv, f.label, 'reply', f.node, f.frame, 'send.kernel');
  conv.lastDrop = lastDrop;
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

/** A datagram carrying `payload`, or for a resolver `dns` (its words stay the payload shown). */
export function udpFrame(src: L4Addr, dst: L4Addr, payload: string, dns?: DnsMessage): Frame {
  const body = {
    ip: { src: src.ip, dst: dst.ip, ttl: 64, proto: 'udp' as const, len: 0 },
    udp: { sport: src.port, dport: dst.port },
    payload,
    ...(dns ? { dns } : {}),
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

/** What the tool reports when its packet got nowhere: unreachable at the sender, else a timeout. */
export function failure(conv: Conversation): FlowResult {
  const r = conv.lastDrop?.reason;
  // A lost answer (a SYN-ACK to an address no router knows) tells the client nothing: it times out.
  if (conv.lastDrop?.direction === 'reply') return { kind: 'timeout' };
  return r === 'no-route' || r === 'arp-failed' || r === 'no-network' || r === 'net-unreachable'
    ? { kind: 'unreachable' }
    : { kind: 'timeout' };
}

/** Did a reply land on the client's own connected socket (right peer address and port)? */
export function reachesClient(
  conv: Conversation,
  node: NodeId,
  proto: 'tcp' | 'udp',
  f: Frame,
): boolean {
  const ip = f.ip;
  if (!ip) return false;
  const l4 = proto === 'tcp' ? f.tcp : f.udp;
  const sock = conv.sockets.detail(node, proto, ip.dst, l4?.dport ?? 0, ip.src, l4?.sport ?? 0);
  return sock?.kind === 'client';
}
