// Docker's embedded DNS inside a container's own namespace (moby daemon/libnetwork resolver_unix.go,
// setupIptablesNAT). On a user-defined network resolv.conf says `nameserver 127.0.0.11`, but
// dockerd's resolver does not listen on port 53: it binds 127.0.0.11 port 0 (UDP and TCP) in the
// container's namespace, so the kernel picks two ephemeral ports, and writes a nat table there:
// OUTPUT jumps to DOCKER_OUTPUT, which DNATs 127.0.0.11:53 to the resolver's port, and POSTROUTING
// to DOCKER_POSTROUTING, which SNATs a datagram from the resolver's port back to :53. Each rule
// is inserted (-I) at the head of its chain in the order udp DNAT, udp SNAT, tcp DNAT, tcp SNAT,
// so tcp lists first. The answer to a query reaches the asker from :53 by conntrack's reverse of
// the DNAT; the SNAT rules would only see a connection the resolver itself began.
import { nextRandom } from '../rng';
import type { Container, World } from '../types';

export const EMBEDDED_DNS_IP = '127.0.0.11';

/** The resolver's two ports: ephemeral (ip_local_port_range 32768–60999), fixed per container. */
export function embeddedDnsPorts(c: Container): { readonly udp: number; readonly tcp: number } {
  const seed = parseInt(c.id.slice(0, 8), 16) >>> 0;
  const [a, next] = nextRandom(seed);
  const [b] = nextRandom(next);
  const port = (v: number) => 32768 + (v % (60999 - 32768 + 1));
  const udp = port(a);
  const tcp = port(b) === udp ? port(b + 1) : port(b);
  return { udp, tcp };
}

/** True when `c`'s own namespace has the resolver: it is on at least one user-defined network. */
export function hasEmbeddedDns(world: World, c: Container): boolean {
  return (
    c.state === 'running' &&
    c.networks.some((id) => world.networks.find((n) => n.id === id)?.isDefault === false)
  );
}

/** `iptables -t nat -S` in the container's namespace (iptables 1.8.9's order and words). */
export function embeddedDnsNatRules(c: Container | null): readonly string[] {
  const policies = ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'].map((p) => `-P ${p} ACCEPT`);
  if (!c) return policies;
  const { udp, tcp } = embeddedDnsPorts(c);
  const d = `-d ${EMBEDDED_DNS_IP}/32`;
  const s = `-s ${EMBEDDED_DNS_IP}/32`;
  return [
    ...policies,
    '-N DOCKER_OUTPUT',
    '-N DOCKER_POSTROUTING',
    `-A OUTPUT ${d} -j DOCKER_OUTPUT`,
    `-A POSTROUTING ${d} -j DOCKER_POSTROUTING`,
    `-A DOCKER_OUTPUT ${d} -p tcp -m tcp --dport 53 -j DNAT --to-destination ${EMBEDDED_DNS_IP}:${tcp}`,
    `-A DOCKER_OUTPUT ${d} -p udp -m udp --dport 53 -j DNAT --to-destination ${EMBEDDED_DNS_IP}:${udp}`,
    `-A DOCKER_POSTROUTING ${s} -p tcp -m tcp --sport ${tcp} -j SNAT --to-source :53`,
    `-A DOCKER_POSTROUTING ${s} -p udp -m udp --sport ${udp} -j SNAT --to-source :53`,
  ];
}
