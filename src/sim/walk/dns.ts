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

const TYPES = ['A', 'AAAA'] as const;

/** The message in words, for the hop's payload row (the message itself is the frame's `dns`). */
function words(m: DnsMessage): string {
  if (!m.response) return `${m.type}? ${m.name}`;
  if (m.rcode === 3) return `${m.name} NXDOMAIN`;
  return m.answers.length === 0
    ? `${m.name} ${m.type} (none)`
    : m.answers.map((a) => `${m.name} ${m.type} ${a.ip}`).join(', ');
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
  const info = conv.s.topo.ns.get(node);
  const src: L4Addr = {
    ip: (info ? lookupRoute(info, server)?.src : null) ?? ('0.0.0.0' as IPv4),
    port: nextPort(conv, node),
  };
  const dst: L4Addr = { ip: server, port: 53 };
  const ip = lookupPublicName(name);
  const queries = TYPES.map((t) => dnsQuery(queryId(src.port, name, t), name, t));
  const ask = (q: DnsMessage): UdpSent | null =>
    udpSend(conv, node, src, dst, `DNS query ${name}`, udpFrame(src, dst, words(q), q));
  const answer = (q: DnsMessage, sent: UdpSent): FlowResult => {
    const a = dnsAnswer(q, ip);
    return udpAnswer(conv, node, sent, `DNS answer ${name}`, (from, to) =>
      udpFrame(from, to, words(a), a),
    );
  };
  const [qa, qaaaa] = queries;
  if (!qa || !qaaaa) return { kind: 'unreachable' };
  if (together) {
    const sentA = ask(qa);
    if (!sentA) return unsent(conv);
    const sentAaaa = ask(qaaaa);
    const result = answer(qa, sentA);
    if (sentAaaa) answer(qaaaa, sentAaaa);
    return result;
  }
  const sentA = ask(qa);
  if (!sentA) return unsent(conv);
  const result = answer(qa, sentA);
  if (result.kind !== 'connected') return result;
  const sentAaaa = ask(qaaaa);
  if (sentAaaa) answer(qaaaa, sentAaaa);
  return result;
}
