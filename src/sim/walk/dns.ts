// A resolver's lookup as packets: one UDP query from the asker to its nameserver's port 53 and the
// nameserver's answer, walked like any UDP flow (from a container on the default bridge: docker0,
// FORWARD, MASQUERADE, a conntrack entry for UDP; the answer un-NATed from it). `ping example.com`
// sends it before its echoes; `nslookup` sends only it. The payloads name the question and the
// answer in words: their lengths are not a DNS message's.
import type { IPv4 } from '../addr';
import { lookupPublicName } from '../internet';
import type { FlowResult, NodeId } from '../trace';
import type { Conversation } from './conversation';
import { nextPort, udpFlow } from './flows';
import { lookupRoute } from './topology';

/** The query for `name`'s A record to `server`:53 and its answer; `connected` when it came back. */
export function dnsLookup(
  conv: Conversation,
  node: NodeId,
  server: IPv4,
  name: string,
): FlowResult {
  const info = conv.s.topo.ns.get(node);
  const src = (info ? lookupRoute(info, server)?.src : null) ?? ('0.0.0.0' as IPv4);
  const answer = lookupPublicName(name);
  return udpFlow(
    conv,
    node,
    { ip: src, port: nextPort(conv, node) },
    { ip: server, port: 53 },
    {
      ask: `DNS query ${name}`,
      answer: `DNS answer ${name}`,
      query: `A? ${name}`,
      reply: answer ? `${name} A ${answer}` : `${name} NXDOMAIN`,
    },
  );
}
