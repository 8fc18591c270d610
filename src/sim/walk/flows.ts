// What each tool's traffic looks like: ping's echoes, a TCP handshake (and an HTTP GET), a UDP datagram.
// The far side answers as Linux does: a listener, a RST, an ICMP port unreachable, an echo reply.
import type { IPv4 } from '../addr';
import type { SocketDetail } from './sockets';
import type { FlowResult, Frame, NodeId } from '../trace';
import { lookupRoute } from './topology';
import {
  icmpFrame,
  isn,
  replyAddrs,
  sendPacket,
  tcpFrame,
  udpFrame,
  type Conversation,
  type L4Addr,
} from './conversation';

function failure(conv: Conversation): FlowResult {
  const r = conv.lastDrop?.reason;
  return r === 'no-route' || r === 'arp-failed' || r === 'no-network'
    ? { kind: 'unreachable' }
    : { kind: 'timeout' };
}

function httpRequest(dst: L4Addr, path: string): string {
  return `GET ${path} HTTP/1.1\r\nHost: ${dst.ip}${dst.port === 80 ? '' : `:${dst.port}`}\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n`;
}

function httpResponse(status: number, body: string): string {
  return `HTTP/1.1 ${status} OK\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;
}

interface TcpSession {
  readonly node: NodeId;
  readonly src: L4Addr;
  readonly dst: L4Addr;
  /** Where the server end lives and the addresses as it sees them. */
  readonly server: NodeId;
  readonly back: { readonly src: L4Addr; readonly dst: L4Addr };
  readonly sock: SocketDetail;
  readonly cSeq: number;
  readonly sSeq: number;
}

/** The three-way handshake; a closed port answers RST. */
function connect(
  conv: Conversation,
  node: NodeId,
  src: L4Addr,
  dst: L4Addr,
): TcpSession | FlowResult {
  conv.sockets.addClient(node, 'tcp', src.ip, src.port, dst.ip, dst.port);
  const cSeq = isn(src.port);
  const syn = sendPacket(conv, 'SYN', 'request', node, tcpFrame(src, dst, ['SYN'], cSeq, 0));
  if (!syn) return failure(conv);
  const back = replyAddrs(syn.frame);
  const sock = conv.sockets.detail(
    syn.node,
    'tcp',
    back.src.ip,
    back.src.port,
    back.dst.ip,
    back.dst.port,
  );
  if (!sock) {
    sendPacket(
      conv,
      'RST',
      'reply',
      syn.node,
      tcpFrame(back.src, back.dst, ['RST', 'ACK'], 0, cSeq + 1),
    );
    return { kind: 'refused' };
  }
  const sSeq = isn(back.src.port + 7);
  const synAck = sendPacket(
    conv,
    'SYN-ACK',
    'reply',
    syn.node,
    tcpFrame(back.src, back.dst, ['SYN', 'ACK'], sSeq, cSeq + 1),
  );
  if (!synAck) return failure(conv);
  if (!reachesClient(conv, node, 'tcp', synAck.frame)) {
    // No socket is connected to that peer (e.g. a hairpin reply from the container's own address):
    // the client's kernel answers RST, and the real SYN-ACK never comes.
    const stray = replyAddrs(synAck.frame);
    sendPacket(conv, 'RST', 'request', node, tcpFrame(stray.src, stray.dst, ['RST'], cSeq + 1, 0));
    return { kind: 'timeout' };
  }
  const ack = sendPacket(
    conv,
    'ACK',
    'request',
    node,
    tcpFrame(src, dst, ['ACK'], cSeq + 1, sSeq + 1),
  );
  if (!ack) return failure(conv);
  return { node, src, dst, server: syn.node, back, sock, cSeq, sSeq };
}

const isSession = (x: TcpSession | FlowResult): x is TcpSession => 'sock' in x;

/** The client's GET; the server (or docker-proxy, through its own backend connection) answers. */
function exchange(
  conv: Conversation,
  t: TcpSession,
  path: string,
  backend: TcpSession | null,
): FlowResult {
  const req = httpRequest(t.dst, path);
  const get = sendPacket(
    conv,
    'HTTP GET',
    'request',
    t.node,
    tcpFrame(t.src, t.dst, ['PSH', 'ACK'], t.cSeq + 1, t.sSeq + 1, req),
  );
  if (!get) return failure(conv);
  // Early in a connection Linux is in quickack mode: the server's kernel ACKs the request at once,
  // before the application has read it (seen on the wire by the kernel conformance suite).
  const got = t.cSeq + 1 + req.length;
  sendPacket(
    conv,
    'ACK',
    'reply',
    t.server,
    tcpFrame(t.back.src, t.back.dst, ['ACK'], t.sSeq + 1, got),
  );
  let answer = t.sock.listener?.http ?? null;
  if (backend) {
    const relayed = exchange(conv, backend, path, null);
    answer = relayed.kind === 'connected' ? (relayed.http ?? null) : null;
  }
  if (!answer) return { kind: 'connected' };
  const body = httpResponse(answer.status, answer.body);
  const res = sendPacket(
    conv,
    `HTTP ${answer.status}`,
    'reply',
    t.server,
    tcpFrame(t.back.src, t.back.dst, ['PSH', 'ACK'], t.sSeq + 1, got, body),
  );
  if (!res) return failure(conv);
  // And the client's kernel acknowledges the response the same way.
  sendPacket(
    conv,
    'ACK',
    'request',
    t.node,
    tcpFrame(t.src, t.dst, ['ACK'], got, t.sSeq + 1 + body.length),
  );
  return { kind: 'connected', http: answer };
}

/** TCP to `dst`: handshake, then with `http` a GET and its answer. docker-proxy relays to its backend. */
export function tcpFlow(
  conv: Conversation,
  node: NodeId,
  src: L4Addr,
  dst: L4Addr,
  http: string | null,
): FlowResult {
  const t = connect(conv, node, src, dst);
  if (!isSession(t)) return t;
  let backend: TcpSession | null = null;
  const b = t.sock.kind === 'proxy' ? t.sock.binding : undefined;
  if (b) {
    // docker-proxy accepted: it opens its own connection from the host to the container.
    const host = conv.s.topo.ns.get('host');
    const from: L4Addr = {
      ip: (host ? lookupRoute(host, b.containerIp)?.src : null) ?? conv.s.base.host.eth0.ip,
      port: nextPort(conv, 'host'),
    };
    const c = connect(conv, 'host', from, { ip: b.containerIp, port: b.containerPort });
    backend = isSession(c) ? c : null;
  }
  if (http === null) return { kind: 'connected' };
  return exchange(conv, t, http, backend);
}

export function nextPort(conv: Conversation, node: NodeId): number {
  const p = conv.s.nextSourcePort[node] ?? 40000;
  conv.s.nextSourcePort[node] = p >= 60999 ? 32768 : p + 1;
  return p;
}

/** A UDP datagram: a listener answers, a closed port answers ICMP port unreachable. */
export function udpFlow(conv: Conversation, node: NodeId, src: L4Addr, dst: L4Addr): FlowResult {
  conv.sockets.addClient(node, 'udp', src.ip, src.port, dst.ip, dst.port);
  const sent = sendPacket(conv, 'UDP', 'request', node, udpFrame(src, dst, 'query'));
  if (!sent)
    return conv.lastDrop?.reason === 'no-route' ? { kind: 'unreachable' } : { kind: 'udp-sent' };
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
    };
    sendPacket(
      conv,
      'ICMP port unreachable',
      'reply',
      sent.node,
      icmpFrame(back.src.ip, back.dst.ip, { type: 3, code: 3, id: 0, seq: 0, inner }),
    );
    return { kind: 'port-unreachable' };
  }
  const reply = sendPacket(
    conv,
    'UDP reply',
    'reply',
    sent.node,
    udpFrame(back.src, back.dst, 'answer'),
  );
  return reply && reachesClient(conv, node, 'udp', reply.frame)
    ? { kind: 'connected' }
    : { kind: 'udp-sent' };
}

/** Did a reply land on the client's own connected socket (right peer address and port)? */
function reachesClient(conv: Conversation, node: NodeId, proto: 'tcp' | 'udp', f: Frame): boolean {
  const ip = f.ip;
  if (!ip) return false;
  const l4 = proto === 'tcp' ? f.tcp : f.udp;
  const sock = conv.sockets.detail(node, proto, ip.dst, l4?.dport ?? 0, ip.src, l4?.sport ?? 0);
  return sock?.kind === 'client';
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
  for (let seq = 1; seq <= count; seq++) {
    if (seq > 1) conv.s.t = Math.ceil(conv.s.t / 1_000_000) * 1_000_000;
    const start = conv.s.t;
    const req = sendPacket(
      conv,
      `echo request ${seq}`,
      'request',
      node,
      icmpFrame(src, dst, { type: 8, code: 0, id, seq }),
    );
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
      icmpFrame(r.dst, r.src, { type: 0, code: 0, id, seq }),
    );
    if (rep) {
      rtts.push(conv.s.t - start);
      ttl = rep.frame.ip?.ttl ?? 0;
    }
  }
  return { kind: 'replied', replies: rtts.length, sent: count, rttUs: rtts, ttl };
}
