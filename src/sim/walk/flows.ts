// What each tool's traffic looks like: ping's echoes, a TCP connection (curl's GET or nc -z), a UDP
// datagram. The far side answers as Linux does: a listener, a RST, an ICMP port unreachable, an echo reply.
import type { IPv4 } from '../addr';
import type { FlowResult, Frame, NodeId, PacketTrace } from '../trace';
import {
  icmpFrame,
  reachesClient,
  replyAddrs,
  sendPacket,
  udpFrame,
  type Conversation,
  type L4Addr,
} from './conversation';
import { bannerFirst, exchange, proxyGivesUp, relay, relayClose } from './http';
import { closeFrom, connect, isSession } from './tcp';
import { lookupRoute } from './topology';
import type { DnsRole } from './state';
import { own } from '../own';

/** TCP to `dst`: the handshake, then curl's GET and answer or nc -z's close; docker-proxy relays both. */
export function tcpFlow(
  conv: Conversation,
  node: NodeId,
  src: L4Addr,
  dst: L4Addr,
  http: string | null,
  wait?: number,
): FlowResult {
  const t = connect(conv, node, src, dst, wait);
  if (!isSession(t)) return t;
  const b = t.sock.kind === 'proxy' ? t.sock.binding : undefined;
  if (!b) {
    const banner = t.sock.listener?.banner;
    if (banner !== undefined) return bannerFirst(conv, t, banner, http);
    if (http !== null) return exchange(conv, t, http);
    closeFrom(conv, t, 'client');
    return { kind: 'connected' };
  }
  // docker-proxy accepted: it opens its own connection from the host to the container.
  const host = conv.s.topo.ns.get('host');
  const from: L4Addr = {
    ip: (host ? lookupRoute(host, b.containerIp)?.src : null) ?? conv.s.base.host.eth0.ip,
    port: nextPort(conv, 'host'),
  };
  // One SYN: docker-proxy's own dial sending it again is not modelled (its answer ends the flow).
  const backend = connect(conv, 'host', from, { ip: b.containerIp, port: b.containerPort }, 1);
  if (!isSession(backend)) return proxyGivesUp(conv, t, http);
  return http === null ? relayClose(conv, t, backend) : relay(conv, t, backend, http);
}

export function nextPort(conv: Conversation, node: NodeId): number {
  const p = own(conv.s.nextSourcePort, node) ?? 40000;
  conv.s.nextSourcePort[node] = p >= 60999 ? 32768 : p + 1;
  return p;
}

/** What a datagram and its answer are called and carry: nc's, or a resolver's query (`dns.ts`). */
export interface UdpWords {
  readonly ask: string;
  readonly answer: string;
  readonly query: string;
  readonly reply: string;
}

const NC_WORDS: UdpWords = { ask: 'UDP', answer: 'UDP reply', query: 'query', reply: 'answer' };

/** A datagram that reached its destination's stack: where, and as what. */
export type UdpSent = NonNullable<ReturnType<typeof sendPacket>>;

/** Sends one datagram from the client's socket; null (and why, in `conv`) when it got nowhere. */
export function udpSend(
  conv: Conversation,
  node: NodeId,
  src: L4Addr,
  dst: L4Addr,
  label: string,
  frame: Frame,
  dns?: DnsRole,
): UdpSent | null {
  conv.sockets.addClient(node, 'udp', src.ip, src.port, dst.ip, dst.port, dns);
  return sendPacket(conv, label, 'request', node, frame);
}

/** What became of a datagram that got nowhere: no route, or silence. */
export const unsent = (conv: Conversation): FlowResult =>
  conv.lastDrop?.reason === 'no-route' ? { kind: 'unreachable' } : { kind: 'udp-sent' };

/**
 * The far side's answer to a delivered datagram: the listener's reply (`reply(addrs)` builds
 * it), nothing from a silent one, or the kernel's ICMP port unreachable when nothing listens.
 */
export function udpAnswer(
  conv: Conversation,
  node: NodeId,
  sent: UdpSent,
  label: string,
  reply: (src: L4Addr, dst: L4Addr) => Frame,
): FlowResult {
  const back = replyAddrs(sent.frame);
  const sock = conv.sockets.detail(
    sent.node,
    'udp',
    back.src.ip,
    back.src.port,
    back.dst.ip,
    back.dst.port,
  );
  if (!sock) {
    const inner = {
      src: back.dst.ip,
      dst: back.src.ip,
      proto: 'udp' as const,
      sport: back.dst.port,
      dport: back.src.port,
      ttl: sent.frame.ip?.ttl ?? 64,
      len: sent.frame.ip?.len ?? 28,
      ...(sent.frame.payload ? { payload: sent.frame.payload } : {}),
    };
    const err = icmpFrame(back.src.ip, back.dst.ip, { type: 3, code: 3, id: 0, seq: 0, inner });
    // The error quotes the whole datagram (icmp_send: up to 576 bytes in all).
    const quoted = Math.min(sent.frame.ip?.len ?? 28, 548);
    const len = 20 + 8 + quoted;
    const frame = err.ip ? { ...err, ip: { ...err.ip, len } } : err;
    sendPacket(conv, 'ICMP port unreachable', 'reply', sent.node, frame);
    return { kind: 'port-unreachable' };
  }
  // A server that sends nothing of its own (nc with no input) takes the datagram and stays quiet.
  if (sock.listener?.silent === true) return { kind: 'udp-sent' };
  const answer = sendPacket(conv, label, 'reply', sent.node, reply(back.src, back.dst));
  return answer && reachesClient(conv, node, 'udp', answer.frame)
    ? { kind: 'connected' }
    : { kind: 'udp-sent' };
}

/** One datagram (nc -u's `query`) and the answer its listener sends (`answer`). */
export function udpFlow(
  conv: Conversation,
  node: NodeId,
  src: L4Addr,
  dst: L4Addr,
  words: UdpWords = NC_WORDS,
): FlowResult {
  const sent = udpSend(conv, node, src, dst, words.ask, udpFrame(src, dst, words.query));
  if (!sent) return unsent(conv);
  return udpAnswer(conv, node, sent, words.answer, (a, b) => udpFrame(a, b, words.reply));
}

/** `ping -c N`: echo requests one second apart; the destination's kernel answers each. */
export function pingFlow(
  conv: Conversation,
  node: NodeId,
  src: IPv4,
  dst: IPv4,
  count: number,
): FlowResult {
  const id = nextPort(conv, node) & 0xffff;
  const rtts: number[] = [];
  let ttl = 0;
  let errors = 0;
  const first = conv.s.t;
  for (let seq = 1; seq <= count; seq++) {
    // One a second, whatever the last one met: a request waiting on ARP does not hold up the next.
    const start = first + (seq - 1) * 1_000_000;
    conv.s.t = start;
    const before = conv.packets.length;
    const req = sendPacket(
      conv,
      `echo request ${seq}`,
      'request',
      node,
      icmpFrame(src, dst, { type: 8, code: 0, id, seq }),
    );
    errors += echoErrorCount(conv.packets.slice(before), node, id);
    if (!req) {
      const why = conv.lastDrop?.reason;
      if (why === 'no-route' || why === 'no-network') return { kind: 'unreachable' };
      continue;
    }
    const r = req.frame.ip;
    if (!r) continue;
    const rep = sendPacket(
      conv,
      `echo reply ${seq}`,
      'reply',
      req.node,
      // The destination echoes the id it received (NAT may have moved it on the way).
      icmpFrame(r.dst, r.src, { type: 0, code: 0, id: req.frame.icmp?.id ?? id, seq }),
    );
    if (rep) {
      rtts.push(conv.s.t - start);
      ttl = rep.frame.ip?.ttl ?? 0;
    }
  }
  return { kind: 'replied', replies: rtts.length, sent: count, rttUs: rtts, ttl, errors };
}

/** ICMP errors quoting echo `id` that reached the pinging namespace (its socket's error queue). */
function echoErrorCount(packets: readonly PacketTrace[], node: NodeId, id: number): number {
  return packets.filter((p) => {
    const icmp = p.hops[p.hops.length - 1]?.frame.icmp;
    return (
      p.outcome.kind === 'delivered' &&
      p.outcome.node === node &&
      (icmp?.type === 3 || icmp?.type === 11) &&
      icmp.inner?.echo?.type === 8 &&
      icmp.inner.sport === id
    );
  }).length;
}
