// A resolver's lookup as packets: from one UDP socket, an A and an AAAA query (real DNS messages,
// `dns-message.ts`) to the nameserver's port 53 and its answers, walked like any UDP flow (from a
// container on the default bridge: docker0, FORWARD, MASQUERADE, one conntrack entry for the
// socket; the answers un-NATed from it). Measured in namespaces (kernel/fixtures/dns): busybox
// nslookup sends both queries before it reads an answer; busybox ping (getaddrinfo) asked A,
// read its answer, then asked AAAA. `ping example.com` sends the lookup before its echoes;
// `nslookup` sends only it.
import type { IPv4 } from '../addr';
import { dnsAnswer, dnsQuery, queryId } from '../dns-message';
import { lookupPublicName } from '../internet';
import type { DnsMessage, FlowResult, NodeId } from '../trace';
import { udpFrame, type Conversation, type L4Addr } from './conversation';
import { nextPort, udpAnswer, udpSend, unsent, type UdpSent } from './flows';
import { lookupRoute } from './topology';

/** The message in words, for the hop's payload row (the message itself is the frame's `dns`). */
export function dnsWords(m: DnsMessage): string {
  if (!m.response) return `${m.type}? ${m.name}`;
  if (m.rcode === 3) return `${m.name} NXDOMAIN`;
  return m.answers.length === 0
    ? `${m.name} ${m.type} (none)`
    : m.answers.map((a) => `${m.name} ${m.type} ${a.ip}`).join(', ');
}

/** The source a socket in `node` sending to `server` gets: its route's preferred address. */
function sourceFor(conv: Conversation, node: NodeId, server: IPv4): L4Addr {
  const info = conv.s.topo.ns.get(node);
  return {
    ip: (info ? lookupRoute(info, server)?.src : null) ?? ('0.0.0.0' as IPv4),
    port: nextPort(conv, node),
  };
}

/** Sends a query from the client's socket; null when it got nowhere. */
type Ask = (q: DnsMessage) => UdpSent | null;
/** The server's answer to a delivered query, walked back. */
type Answer = (q: DnsMessage, sent: UdpSent) => FlowResult;

/**
 * A resolver's A and AAAA queries from one socket: `together`, both leave before the answers are
 * read (nslookup), else each waits for its answer (getaddrinfo). The result is the A query's.
 */
export function askBoth(
  conv: Conversation,
  queries: readonly [DnsMessage, DnsMessage],
  ask: Ask,
  answer: Answer,
  together: boolean,
): FlowResult {
  const [qa, qaaaa] = queries;
  const sentA = ask(qa);
  if (!sentA) return unsent(conv);
  const sentAaaa = together ? ask(qaaaa) : null;
  const result = answer(qa, sentA);
  if (together) {
    if (sentAaaa) answer(qaaaa, sentAaaa);
    return result;
  }
  if (result.kind !== 'connected') return result;
  const later = ask(qaaaa);
  if (later) answer(qaaaa, later);
  return result;
}

/** The A and AAAA queries a socket on `port` sends for `name`. */
export const queriesFor = (port: number, name: string): [DnsMessage, DnsMessage] => [
  dnsQuery(queryId(port, name, 'A'), name, 'A'),
  dnsQuery(queryId(port, name, 'AAAA'), name, 'AAAA'),
];

/** `server`'s answer to `q` from `src`, walked back to it (a public resolver's records). */
function serverAnswer(conv: Conversation, node: NodeId, q: DnsMessage, sent: UdpSent) {
  const a = dnsAnswer(q, lookupPublicName(q.name));
  const result = udpAnswer(conv, node, sent, `DNS answer ${q.name}`, (from, to) =>
    udpFrame(from, to, dnsWords(a), a),
  );
  return { a, result };
}

/**
 * One query `q` from a socket of its own in `node` to `server`:53 and its answer (Docker's
 * embedded DNS forwarding a query): the answer's message when it came back, else null.
 */
export function exchangeQuery(
  conv: Conversation,
  node: NodeId,
  server: IPv4,
  q: DnsMessage,
): DnsMessage | null {
  const src = sourceFor(conv, node, server);
  const dst: L4Addr = { ip: server, port: 53 };
  const sent = udpSend(
    conv,
    node,
    src,
    dst,
    `DNS query ${q.name}`,
    udpFrame(src, dst, dnsWords(q), q),
    'forwarder',
  );
  if (!sent) return null;
  const { a, result } = serverAnswer(conv, node, q, sent);
  return result.kind === 'connected' ? a : null;
}

/**
 * The lookup of `name` at `server`:53 from `node`; `together`: both queries leave before the
 * answers are read (nslookup), else each waits for its answer (getaddrinfo). The result is the
 * A query's: `connected` when its answer came back.
 */
export function dnsLookup(
  conv: Conversation,
  node: NodeId,
  server: IPv4,
  name: string,
  together: boolean,
): FlowResult {
  const src = sourceFor(conv, node, server);
  const dst: L4Addr = { ip: server, port: 53 };
  const ask: Ask = (q) =>
    udpSend(conv, node, src, dst, `DNS query ${name}`, udpFrame(src, dst, dnsWords(q), q));
  const answer: Answer = (q, sent) => serverAnswer(conv, node, q, sent).result;
  return askBoth(conv, queriesFor(src.port, name), ask, answer, together);
}
