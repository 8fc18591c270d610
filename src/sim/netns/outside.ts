// The world outside the Docker host: the upstream router on the host's LAN, one remote machine
// behind each of its other ports, and the internet behind its wan0 (`sim/internet.ts`).
import { linkLocalOf, type IPv4 } from '../addr';
import { INTERNET_LINK, internetPrefixes } from '../internet';
import { nodeId, type NodeId } from '../node';
import type { World } from '../types';
import { remoteGateway } from '../world';
import { added, ANY, linkLocal, loopback, namespace } from './devices';
import type { Device, Namespace } from './types';

const ETHER = { kind: 'ether', mtu: 1500, qdisc: 'pfifo_fast', txqueuelen: 1000 } as const;
const VETH = { kind: 'veth', mtu: 1500, qdisc: 'noqueue', txqueuelen: 0, master: null } as const;

/** The host's uplink: one end of the cable to the router's eth0. */
export function hostUplink(world: World): Device {
  const { eth0 } = world.host;
  return {
    ns: 'host',
    name: 'eth0',
    ifindex: 2,
    ...ETHER,
    mac: eth0.mac,
    addrs: [{ ip: eth0.ip, prefix: eth0.prefix }],
    addrs6: [{ ip: linkLocalOf(eth0.mac), prefix: 64, scope: 'link' }],
    peer: { ns: 'router', name: 'eth0', ifindex: 2, netnsid: null },
    master: null,
    lowerUp: true,
  };
}

/**
 * The router's eth0 is on the host's LAN, so it has the LAN's prefix: both ends of a link agree on
 * the subnet (it is what makes the host's gateway on-link for the host and the host on-link for the
 * router). The world stores that prefix once, as the host's.
 */
function routerNs(world: World): Namespace {
  const { router, host } = world;
  const id: NodeId = 'router';
  const eth0: Device = {
    ns: id,
    name: 'eth0',
    ifindex: 2,
    ...ETHER,
    mac: router.mac,
    addrs: [{ ip: router.ip, prefix: host.eth0.prefix }],
    addrs6: [{ ip: linkLocalOf(router.mac), prefix: 64, scope: 'link' }],
    peer: { ns: 'host', name: 'eth0', ifindex: 2, netnsid: null },
    master: null,
    lowerUp: true,
  };
  const ports: Device[] = world.remotes.map((r, i) => ({
    ns: id,
    name: r.routerIface,
    ifindex: 3 + i,
    ...VETH,
    mac: r.routerIfaceMac,
    // A point-to-point link: the router's end holds the machine's gateway (remoteGateway).
    addrs: [{ ip: remoteGateway(r.ip), prefix: 32 }],
    addrs6: linkLocal({ mac: r.routerIfaceMac, lowerUp: true }),
    peer: { ns: nodeId.remote(r.name), name: 'eth0', ifindex: 2, netnsid: i },
    lowerUp: true,
  }));
  const L = INTERNET_LINK;
  // After the remotes' ports: the internet is always there, the remotes come and go.
  const wan: Device = {
    ns: id,
    name: L.routerIface,
    ifindex: 3 + world.remotes.length,
    ...VETH,
    mac: L.routerMac,
    addrs: [{ ip: L.routerIp, prefix: 32 }],
    addrs6: linkLocal({ mac: L.routerMac, lowerUp: true }),
    peer: { ns: 'internet', name: 'eth0', ifindex: 2, netnsid: world.remotes.length },
    lowerUp: true,
  };
  const routes = [
    ...world.remotes.map((r) =>
      added({ address: r.ip, prefix: 32 }, r.routerIface, null, remoteGateway(r.ip)),
    ),
    ...router.routes.map((r) => added(r.dst, 'eth0', r.via, router.ip)),
    added({ address: L.ip, prefix: 32 }, L.routerIface, null, L.routerIp),
    ...internetPrefixes(world).map((p) => added(p, L.routerIface, L.ip, L.routerIp)),
  ];
  return namespace(id, [loopback(id), eth0, ...ports, wan], routes, {
    forwarding: true,
    netfilter: false,
  });
}

/**
 * A remote machine: its address as a /32 on eth0, a route to its gateway (the router's end of the
 * link) and the default route through it, so its gateway is on its own link.
 */
function remoteNs(world: World, index: number): Namespace | null {
  const r = world.remotes[index];
  if (!r) return null;
  const id = nodeId.remote(r.name);
  const eth0: Device = {
    ns: id,
    name: 'eth0',
    ifindex: 2,
    ...VETH,
    mac: r.mac,
    addrs: [{ ip: r.ip, prefix: 32 }],
    addrs6: linkLocal({ mac: r.mac, lowerUp: true }),
    peer: { ns: 'router', name: r.routerIface, ifindex: 3 + index, netnsid: 0 },
    lowerUp: true,
  };
  const gw: IPv4 = remoteGateway(r.ip);
  const routes = [
    added({ address: gw, prefix: 32 }, 'eth0', null, r.ip),
    added(ANY, 'eth0', gw, r.ip),
  ];
  return namespace(id, [loopback(id), eth0], routes, {
    forwarding: false,
    netfilter: false,
  });
}

/**
 * The internet: like a remote on its own point-to-point link (its address, its gateway /32 and the
 * default through it), and every public address its own through the local table (AnyIP).
 */
function internetNs(world: World): Namespace {
  const L = INTERNET_LINK;
  const id: NodeId = 'internet';
  const eth0: Device = {
    ns: id,
    name: 'eth0',
    ifindex: 2,
    ...VETH,
    mac: L.mac,
    addrs: [{ ip: L.ip, prefix: 32 }],
    addrs6: linkLocal({ mac: L.mac, lowerUp: true }),
    peer: { ns: 'router', name: L.routerIface, ifindex: 3 + world.remotes.length, netnsid: 0 },
    lowerUp: true,
  };
  const routes = [
    added({ address: L.routerIp, prefix: 32 }, 'eth0', null, L.ip),
    added(ANY, 'eth0', L.routerIp, L.ip),
  ];
  return namespace(id, [loopback(id), eth0], routes, {
    forwarding: false,
    netfilter: false,
    anyIp: internetPrefixes(world),
  });
}

/** The router, every remote and the internet, by id. */
export function outsideNamespaces(world: World): Map<NodeId, Namespace> {
  const out = new Map<NodeId, Namespace>([
    ['router', routerNs(world)],
    ['internet', internetNs(world)],
  ]);
  world.remotes.forEach((_, i) => {
    const ns = remoteNs(world, i);
    if (ns) out.set(ns.id, ns);
  });
  return out;
}
