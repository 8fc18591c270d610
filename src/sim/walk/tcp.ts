// One TCP connection as the two kernels play it: the handshake, each later segment with the
// sequence numbers both ends have reached, and the close. Sends through the walk; no policy of its own.
import type { TcpFlag } from '../trace';
import type { FlowResult } from '../trace';
import type { SocketDetail } from './sockets';
import {
  failure,
  isn,
  reachesClient,
  replyAddrs,
  sendPacket,
  tcpFrame,
  type Conversation,
  type L4Addr,
} from './conversation';
import type { NodeId, PacketTrace } from '../trace';
import { laterIsn, synTries } from '../syn-tries';

export interface TcpSession {
  readonly node: NodeId;
  readonly src: L4Addr;
  readonly dst: L4Addr;
  /** Where the server end lives and the addresses as it sees them. */
  readonly server: NodeId;
  readonly back: { readonly src: L4Addr; readonly dst: L4Addr };
  readonly sock: SocketDetail;
  /** The sequence number each end sends next (each also acknowledges the other's). */
  cNext: number;
  sNext: number;
}

/** The three-way handshake; a closed port answers RST. */
export function connect(
  conv: Conversation,
  node: NodeId,
  src: L4Addr,
  dst: L4Addr,
  wait?: number,
): TcpSession | FlowResult {
  conv.sockets.addClient(node, 'tcp', src.ip, src.port, dst.ip, dst.port);
  const cSeq = isn(src.port);
  const start = conv.s.t;
  // The listener's request socket, while it lives: it answers a SYN sent again with its SYN-ACK
  // again (same ISN); once a RST killed it, the next SYN makes a new one with a new ISN.
  let server: number | null = null;
  const tries = synTries(wait);
  for (const [i, after] of tries.entries()) {
    // A socket still in SYN_SENT: its kernel sends the same SYN again when the RTO runs out.
    if (i > 0) conv.s.t = Math.max(conv.s.t, start + after * 1_000_000);
    const r = synTry(conv, node, src, dst, cSeq, { n: i + 1, after }, server);
    if ('done' in r) return r.done;
    // A packet the lab itself stopped (its netfilter budget) is no kernel's drop: no more tries.
    if (conv.lastDrop?.reason === 'nf-budget') return { kind: 'timeout' };
    server = r.again;
  }
  return { kind: 'timeout' };
}

/** Which try of a connect() a SYN is (1 = the first), and when it left. */
interface Try {
  readonly n: number;
  readonly after: number;
}

/** The label of a packet of the n-th try: the first as ever, later ones numbered (`SYN #2`). */
const tryLabel = (label: string, t: Try) => (t.n === 1 ? label : `${label} #${t.n}`);

/**
 * One SYN of a connect() and what it draws: the end of connect() (`done`: the handshake's
 * session, a refusal, an unreachable network) or nothing the socket can use, so it stays in
 * SYN_SENT (`again`: the ISN of the listener's request socket still waiting, or null).
 */
function synTry(
  conv: Conversation,
  node: NodeId,
  src: L4Addr,
  dst: L4Addr,
  cSeq: number,
  t: Try,
  server: number | null,
): { readonly done: TcpSession | FlowResult } | { readonly again: number | null } {
  /** A packet got nowhere: a timeout leaves the socket waiting, anything else ends connect(). */
  const lost = (live: number | null) => {
    const r = failure(conv);
    return r.kind === 'timeout' ? { again: live } : { done: r };
  };
  const syn = sendPacket(
    conv,
    tryLabel('SYN', t),
    'request',
    node,
    tcpFrame(src, dst, ['SYN'], cSeq, 0),
    t.n === 1 ? 'send' : { try: t.n, after: t.after },
  );
  if (!syn) return lost(server);
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
      tryLabel('RST', t),
      'reply',
      syn.node,
      tcpFrame(back.src, back.dst, ['RST', 'ACK'], 0, cSeq + 1),
    );
    return { done: { kind: 'refused' } };
  }
  const sSeq = server ?? laterIsn(isn(back.src.port + 7), t.after);
  const before = conv.packets.length;
  const synAck = sendPacket(
    conv,
    tryLabel('SYN-ACK', t),
    'reply',
    syn.node,
    tcpFrame(back.src, back.dst, ['SYN', 'ACK'], sSeq, cSeq + 1),
  );
  // The SYN-ACK got nowhere: the request socket waits on, unless an ICMP error about it came back.
  if (!synAck) return lost(abortsRequest(conv.packets.slice(before), syn.node, sSeq) ? null : sSeq);
  if (!reachesClient(conv, node, 'tcp', synAck.frame)) {
    // No socket is connected to that peer (e.g. a hairpin reply from the container's own address):
    // the client's kernel answers RST, which ends the listener's request socket; the client's
    // own socket never hears of it and stays in SYN_SENT.
    const stray = replyAddrs(synAck.frame);
    const rst = sendPacket(
      conv,
      tryLabel('RST', t),
      'request',
      node,
      tcpFrame(stray.src, stray.dst, ['RST'], cSeq + 1, 0),
    );
    return { again: rst?.node === syn.node ? null : sSeq };
  }
  const session: TcpSession = {
    node,
    src,
    dst,
    server: syn.node,
    back,
    sock,
    cNext: cSeq + 1,
    sNext: sSeq + 1,
  };
  // A lost ACK leaves the client ESTABLISHED: it sends no SYN again.
  if (!clientSends(conv, session, 'ACK', ['ACK'])) return { done: failure(conv) };
  // nc -l without -k: this is the one connection it serves (walk/served.ts).
  if (sock.listener?.once) conv.s.ended.push(sock.listener);
  return { done: session };
}

/**
 * Did an ICMP error about the listener's SYN-ACK reach it, of the kinds that end its request
 * socket (tcp_v4_err on TCP_NEW_SYN_RECV: tcp_req_err aborts on net or host unreachable, time
 * exceeded, parameter problem)? The client's next SYN then makes a new one, with a new ISN.
 */
function abortsRequest(packets: readonly PacketTrace[], server: NodeId, isnSent: number): boolean {
  return packets.some((p) => {
    const icmp = p.hops[p.hops.length - 1]?.frame.icmp;
    const aborting =
      (icmp?.type === 3 && (icmp.code === 0 || icmp.code === 1)) ||
      icmp?.type === 11 ||
      icmp?.type === 12;
    return (
      aborting &&
      p.outcome.kind === 'delivered' &&
      p.outcome.node === server &&
      icmp.inner?.proto === 'tcp' &&
      icmp.inner.segment?.seq === isnSent
    );
  });
}

export const isSession = (x: TcpSession | FlowResult): x is TcpSession => 'sock' in x;

/** Sequence space a segment takes: its payload, and one for a FIN. */
const span = (flags: readonly TcpFlag[], payload?: string) =>
  (payload?.length ?? 0) + (flags.includes('FIN') ? 1 : 0);

/**
 * Does this segment confirm the sender's neighbour? A connected socket is owed a confirmation
 * when it becomes ESTABLISHED (tcp_init_transfer -> tcp_init_metrics) and whenever an ACK moves its
 * send window on (tcp_ack); the next segment it sends carries it (sock_confirm_neigh). Every
 * segment an established end sends in these flows follows such an event, and one or several in
 * the same clock second confirm alike. The SYN, the SYN-ACK (sent by the request socket) and a
 * RST (sent by the kernel for no socket) carry none.
 */
const confirms = (flags: readonly TcpFlag[]) => !flags.includes('RST');

/** A segment from the client end, acknowledging all the server sent; false if it got lost. */
export function clientSends(
  conv: Conversation,
  t: TcpSession,
  label: string,
  flags: TcpFlag[],
  payload?: string,
): boolean {
  const f = tcpFrame(t.src, t.dst, flags, t.cNext, t.sNext, payload);
  t.cNext += span(flags, payload);
  return sendPacket(conv, label, 'request', t.node, f, 'send', confirms(flags)) !== null;
}

/** A segment from the server end, as the server's socket addresses it. */
export function serverSends(
  conv: Conversation,
  t: TcpSession,
  label: string,
  flags: TcpFlag[],
  payload?: string,
): boolean {
  const f = tcpFrame(t.back.src, t.back.dst, flags, t.sNext, t.cNext, payload);
  t.sNext += span(flags, payload);
  return sendPacket(conv, label, 'reply', t.server, f, 'send', confirms(flags)) !== null;
}

/**
 * An orderly close: the end that closes first sends FIN; the other end's application closes in
 * turn at once, so its FIN carries the ACK of the first (the kernel delays that ACK, 40 ms at
 * least, hoping to piggyback it); the first end's kernel sends the last ACK and enters TIME_WAIT.
 */
export function closeFrom(conv: Conversation, t: TcpSession, first: 'client' | 'server'): boolean {
  const [a, b] = first === 'client' ? [clientSends, serverSends] : [serverSends, clientSends];
  return (
    a(conv, t, 'FIN', ['FIN', 'ACK']) &&
    b(conv, t, 'FIN', ['FIN', 'ACK']) &&
    a(conv, t, 'ACK', ['ACK'])
  );
}
