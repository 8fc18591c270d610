// A lookup asked of Docker's embedded DNS (127.0.0.11) from a container on a user-defined network,
// walked as the kernel and dockerd carry it. The query from the asker's socket to 127.0.0.11:53
// meets the container's own nat OUTPUT (DOCKER_OUTPUT DNATs it to the resolver's port, the one
// dockerd's socket got when it bound port 0: netfilter/embedded-dns.ts), leaves on the container's
// lo, comes back in, and is delivered to dockerd's socket, which lives in that namespace. dockerd
// answers the names of the containers sharing a network itself (moby resolver.go handleIPQuery:
// TTL respTTL = 600; AAAA of a name with only IPv4 is a NOERROR reply with no records,
// `ipv6Miss`), and forwards every other query, each from a socket of its own dialled inside the
// container's namespace (dialExtDNS: ExecFunc unless the server is on the host's loopback), to
// the host's nameservers; that query leaves eth0 and is MASQUERADEd like the container's own. Its
// answer goes back from 127.0.0.11:PORT; the container's conntrack (per namespace, not the host's)
// reverses the DNAT on POSTROUTING, so the asker reads it from 127.0.0.11:53 — the SNAT rules
// dockerd also writes only see connections the resolver starts (kernel/fixtures/dns/embedded-*).
// Container namespaces run no netfilter elsewhere in the walk: their tables are swapped in only
// for the packets on lo, and the container's conntrack table lives for one walk (`nsConntrack`).
import type { IPv4 } from '../addr';
import { dnsAnswer } from '../dns-message';
import { EMBEDDED_DNS_IP, embeddedDnsPorts } from '../netfilter/embedded-dns';
import { host, is, port } from '../netfilter/plan';
import { appendRule, emptyNetfilter, ensureChain } from '../netfilter/table';
import { own } from '../own';
import { dnsRecords, embeddedUpstream } from '../resolve';
import type { DnsMessage, FlowResult, NodeId, Seen } from '../trace';
import type { Container, Netfilter } from '../types';
import { udpFrame, type Conversation, type L4Addr } from './conversation';
import { askBoth, dnsWords, exchangeQuery, queriesFor } from './dns';
import { nextPort, udpAnswer, udpSend, type UdpSent } from './flows';

const RESOLVER = EMBEDDED_DNS_IP as IPv4;
/** moby resolver.go `respTTL`: the TTL of the records the embedded DNS answers itself. */
export const EMBEDDED_TTL = 600;

/**
 * The container's nat table as the walk needs it: OUTPUT → DOCKER_OUTPUT's DNATs, POSTROUTING →
 * DOCKER_POSTROUTING. The SNAT rules (`-s 127.0.0.11 --sport PORT`) are left out of the walk's copy:
 * the lab's matches have no --sport, and no packet here is a NEW one from the resolver's port.
 */
export function embeddedNat(c: Container): Netfilter {
  const { udp, tcp } = embeddedDnsPorts(c);
  const d = { dst: is(host(RESOLVER)) };
  // Only the nat table: iptables-nft creates a table when a rule first needs it, and dockerd
  // writes none in filter there, so no filter hook runs in the container.
  let nf: Netfilter = { ...emptyNetfilter(), filter: { name: 'filter', chains: [] } };
  nf = ensureChain(nf, 'nat', 'DOCKER_OUTPUT', null);
  nf = ensureChain(nf, 'nat', 'DOCKER_POSTROUTING', null);
  nf = appendRule(nf, 'nat', 'OUTPUT', d, { kind: 'JUMP', chain: 'DOCKER_OUTPUT' });
  nf = appendRule(nf, 'nat', 'POSTROUTING', d, { kind: 'JUMP', chain: 'DOCKER_POSTROUTING' });
  for (const [proto, to] of [
    ['tcp', tcp],
    ['udp', udp],
  ] as const)
    nf = appendRule(
      nf,
      'nat',
      'DOCKER_OUTPUT',
      { ...d, ...port(proto, 53) },
      { kind: 'DNAT', toIp: RESOLVER, toPort: to },
    );
  return nf;
}

/**
 * Runs `walk` with the container namespace's netfilter and conntrack in place of the host's. The
 * hops it emits keep the host's tables as what they `seen` (the panels show the host's, which
 * these packets leave untouched); the container's entry and rules are on the hops themselves
 * (`ct`, `nf`).
 */
function inContainer<T>(conv: Conversation, node: NodeId, c: Container, walk: () => T): T {
  const s = conv.s;
  const saved = { topo: s.topo, nf: s.nf, conntrack: s.conntrack, seen: s.seen };
  const first = conv.packets.length;
  const info = s.topo.ns.get(node);
  if (info) s.topo = { ns: new Map(s.topo.ns).set(node, { ...info, netfilter: true }) };
  s.nf = embeddedNat(c);
  s.conntrack = own(s.nsConntrack, node) ?? [];
  s.seen = null;
  try {
    return walk();
  } finally {
    s.nsConntrack[node] = s.conntrack;
    Object.assign(s, saved);
    const host: Seen =
      saved.seen?.neigh === s.neigh && saved.seen.fdb === s.fdb
        ? saved.seen
        : { conntrack: s.conntrack, netfilter: s.nf, neigh: s.neigh, fdb: s.fdb };
    s.seen = host;
    for (let i = first; i < conv.packets.length; i++) {
      const p = conv.packets[i];
      if (p) conv.packets[i] = { ...p, hops: p.hops.map((h) => ({ ...h, seen: host })) };
    }
  }
}

/** What dockerd replies to `q`: its own record, or the forwarded query's answer (null: none). */
function resolverAnswer(
  conv: Conversation,
  node: NodeId,
  c: Container,
  q: DnsMessage,
): DnsMessage | null {
  const own = dnsRecords(conv.s.base, c).get(q.name);
  if (own) return dnsAnswer(q, own, EMBEDDED_TTL);
  const server = embeddedUpstream(conv.s.base, c);
  return server ? exchangeQuery(conv, node, server, q) : null;
}

/**
 * The lookup of `name` by a client in container `c`'s namespace `node`, asked of 127.0.0.11:53;
 * `together` as in `dnsLookup` (nslookup's both queries first, getaddrinfo's one after the other).
 */
export function embeddedLookup(
  conv: Conversation,
  node: NodeId,
  c: Container,
  name: string,
  together: boolean,
): FlowResult {
  const { udp } = embeddedDnsPorts(c);
  conv.sockets.addServer(node, 'udp', RESOLVER, udp, 'dockerd', 'embedded');
  const src: L4Addr = { ip: '127.0.0.1' as IPv4, port: nextPort(conv, node) };
  const dst: L4Addr = { ip: RESOLVER, port: 53 };
  const ask = (q: DnsMessage): UdpSent | null =>
    inContainer(conv, node, c, () =>
      udpSend(conv, node, src, dst, `DNS query ${name}`, udpFrame(src, dst, dnsWords(q), q)),
    );
  const answer = (q: DnsMessage, sent: UdpSent): FlowResult => {
    const a = resolverAnswer(conv, node, c, q);
    if (!a) return { kind: 'udp-sent' };
    return inContainer(conv, node, c, () =>
      udpAnswer(conv, node, sent, `DNS answer ${name}`, (from, to) =>
        udpFrame(from, to, dnsWords(a), a),
      ),
    );
  };
  return askBoth(conv, queriesFor(src.port, name), ask, answer, together);
}
