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
import type { NodeId } from '../trace';

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
  const t: TcpSession = {
    node,
    src,
    dst,
    server: syn.node,
    back,
    sock,
    cNext: cSeq + 1,
    sNext: sSeq + 1,
  };
  if (!clientSends(conv, t, 'ACK', ['ACK'])) return failure(conv);
  // nc -l without -k: this is the one connection it serves (walk/served.ts).
  if (sock.listener?.once) conv.s.ended.push(sock.listener);
  return t;
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
