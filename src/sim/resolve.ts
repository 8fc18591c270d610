// Name resolution as a namespace's resolver does it: /etc/hosts, then Docker's embedded DNS
// (127.0.0.11), which only containers on user-defined networks use and which only knows the
// containers sharing one of those networks. On the default bridge resolv.conf is a copy of the
// host's, whose nameserver has never heard of a container: busybox says `bad address 'c2'`.
// Names of the internet (example.com…) are answered by the public resolvers the host's
// resolv.conf names (8.8.8.8, 1.1.1.1: `sim/internet.ts`), when the asker has a route to one.
// The answer is decided here without sending anything; `queryServer` says which lookups a real
// resolver answers with a packet to a nameserver, which the walk then shows (`walk/dns.ts`; the
// embedded DNS's, 127.0.0.11 over the container's lo and its NAT there: `walk/embedded-dns.ts`).
import { parseIPv4, type IPv4 } from './addr';
import { lookupPublicName, RESOLVERS } from './internet';
import { namespaceOf, namespaceOwner, namespacesOf } from './netns/build';
import { lookupRoute } from './netns/lookup';
import { EMBEDDED_DNS_IP } from './netfilter/embedded-dns';
import type { NodeId } from './node';
import type { FlowSource } from './trace';
import type { Container, World } from './types';

/** Running containers sharing a user-defined network with `c`, with their address there. */
export function dnsRecords(world: World, c: Container): Map<string, IPv4> {
  const records = new Map<string, IPv4>();
  const mine = c.endpoints.map((e) => e.networkId);
  for (const other of world.containers) {
    if (other.state !== 'running') continue;
    for (const ep of other.endpoints) {
      const net = world.networks.find((n) => n.id === ep.networkId);
      if (!net || net.isDefault || !mine.includes(ep.networkId)) continue;
      if (!records.has(other.name)) records.set(other.name, ep.ip);
      if (!records.has(other.id.slice(0, 12))) records.set(other.id.slice(0, 12), ep.ip);
    }
  }
  return records;
}

/**
 * The host's nameservers, as its /etc/resolv.conf lists them: the world's, and when that is one of
 * the public resolvers, the other one after it (`nameserver 8.8.8.8`, `nameserver 1.1.1.1`).
 */
export function hostNameservers(world: World): readonly IPv4[] {
  const first = world.host.nameserver;
  return RESOLVERS.includes(first) ? [first, ...RESOLVERS.filter((r) => r !== first)] : [first];
}

/**
 * A name of the internet, asked from namespace `node`: known to the public resolvers, and one of
 * them is among the nameservers and reachable (a route to it: none after `ip route del default` or
 * in a `--network none` container, where the query could not be sent).
 */
function resolvePublic(world: World, node: NodeId, name: string): IPv4 | null {
  const answer = lookupPublicName(name);
  if (!answer) return null;
  const ns = namespacesOf(world).get(node);
  if (!ns) return null;
  const usable = hostNameservers(world).some(
    (r) => RESOLVERS.includes(r) && lookupRoute(ns, r) !== null,
  );
  return usable ? answer : null;
}

/** What a resolver in the host's namespace answers: its /etc/hosts, then the public resolvers. */
function resolveOnHost(world: World, name: string): IPv4 | null {
  if (name === world.host.hostname) return '127.0.1.1' as IPv4;
  return resolvePublic(world, 'host', name);
}

/**
 * Resolves a host name or dotted quad inside container `c`'s namespace (or the host's, for
 * `--network host`); null when the name is unknown (NXDOMAIN upstream).
 */
export function resolveInContainer(
  world: World,
  c: Container | undefined,
  name: string,
): IPv4 | null {
  const literal = parseIPv4(name);
  if (literal.ok) return literal.value;
  if (name === 'localhost') return '127.0.0.1' as IPv4;
  if (!c) return resolveOnHost(world, name);
  const owner = namespaceOwner(world, c);
  if (owner.mode.kind === 'host') return resolveOnHost(world, name);
  if (name === owner.id.slice(0, 12)) return owner.endpoints[0]?.ip ?? null;
  // The embedded DNS answers container names, and forwards the rest to the host's nameservers.
  return (
    dnsRecords(world, owner).get(name) ?? resolvePublic(world, namespaceOf(world, owner), name)
  );
}

/** The address a flow's client resolves `name` to from where it runs; remotes have no lab names. */
export function resolveFrom(world: World, from: FlowSource, name: string): IPv4 | null {
  switch (from.kind) {
    case 'host':
      return resolveInContainer(world, undefined, name);
    case 'container':
      return resolveInContainer(
        world,
        world.containers.find((c) => c.name === from.name),
        name,
      );
    case 'remote': {
      // A remote's resolver knows localhost and dotted quads, not the lab's container names.
      const literal = parseIPv4(name);
      if (literal.ok) return literal.value;
      return name === 'localhost' ? ('127.0.0.1' as IPv4) : null;
    }
  }
}

/** True when the name is answered without asking anyone: a dotted quad, localhost, /etc/hosts. */
function answeredLocally(world: World, from: FlowSource, name: string): boolean {
  if (parseIPv4(name).ok || name === 'localhost') return true;
  if (from.kind !== 'container') return name === world.host.hostname;
  const c = world.containers.find((x) => x.name === from.name);
  const owner = c ? namespaceOwner(world, c) : undefined;
  if (!owner || owner.mode.kind === 'host') return name === world.host.hostname;
  return name === owner.id.slice(0, 12);
}

/** The first of the host's nameservers namespace `node` has a route to (ENETUNREACH skips one). */
function firstReachable(world: World, node: NodeId): IPv4 | null {
  const ns = namespacesOf(world).get(node);
  if (!ns) return null;
  return hostNameservers(world).find((r) => lookupRoute(ns, r) !== null) ?? null;
}

/**
 * Where Docker's embedded DNS of container `c` forwards a name it does not know: the host's
 * nameservers (resolv.conf's ExtServers), dialled from inside `c`'s namespace (moby resolver.go
 * dialExtDNS runs the dial through ExecFunc unless the server is on the host's loopback).
 */
export function embeddedUpstream(world: World, c: Container): IPv4 | null {
  return firstReachable(world, namespaceOf(world, c));
}

/**
 * The container whose namespace's embedded DNS (127.0.0.11) a lookup of `name` from `from` asks:
 * a container (or one sharing its namespace) on a user-defined network, for a name not answered
 * from /etc/hosts. Null otherwise (the host, host mode, the default bridge, a remote), and when the
 * resolver could answer only SERVFAIL (no upstream it can reach: not modelled, nothing is sent).
 */
export function embeddedAsked(world: World, from: FlowSource, name: string): Container | null {
  if (from.kind !== 'container' || answeredLocally(world, from, name)) return null;
  const c = world.containers.find((x) => x.name === from.name);
  if (!c || c.state !== 'running') return null;
  const owner = namespaceOwner(world, c);
  if (owner.mode.kind === 'host' || owner.state !== 'running') return null;
  const userNet = owner.networks.some(
    (id) => world.networks.find((n) => n.id === id)?.isDefault === false,
  );
  if (!userNet) return null;
  return dnsRecords(world, owner).has(name) || embeddedUpstream(world, owner) ? owner : null;
}

/**
 * The nameserver a lookup of `name` from `from` sends its query to, as glibc's and busybox's
 * resolvers do: the first resolv.conf nameserver the asker has a route to (sendto fails with
 * ENETUNREACH on one it has none to, and the next is tried); 127.0.0.11 in a container on a
 * user-defined network (`embeddedAsked`). Null when no packet is sent: the name is a literal or in
 * /etc/hosts, the asker is a remote (the lab gives remotes no resolver), or its namespace has no
 * route to any nameserver.
 */
export function queryServer(world: World, from: FlowSource, name: string): IPv4 | null {
  if (from.kind === 'remote' || answeredLocally(world, from, name)) return null;
  if (embeddedAsked(world, from, name)) return EMBEDDED_DNS_IP as IPv4;
  let node: NodeId = 'host';
  if (from.kind === 'container') {
    const c = world.containers.find((x) => x.name === from.name);
    if (!c || c.state !== 'running') return null;
    const owner = namespaceOwner(world, c);
    if (owner.mode.kind !== 'host') node = namespaceOf(world, owner);
  }
  return firstReachable(world, node);
}
