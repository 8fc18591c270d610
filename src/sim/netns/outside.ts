// The world outside the Docker host: the upstream router on the host's LAN, and one remote machine
// behind each of its other ports.
import { linkLocalOf, type IPv4 } from '../addr';
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
  const routes = [
    ...world.remotes.map((r) =>
      added({ address: r.ip, prefix: 32 }, r.routerIface, null, remoteGateway(r.ip)),
    ),
    ...router.routes.map((r) => added(r.dst, 'eth0', r.via, router.ip)),
  ];
  return namespace(id, [loopback(id), eth0, ...ports], routes, {
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

/** The router and every remote, by id. */
export function outsideNamespaces(world: World): Map<NodeId, Namespace> {
  const out = new Map<NodeId, Namespace>([['router', routerNs(world)]]);
  world.remotes.forEach((_, i) => {
    const ns = remoteNs(world, i);
    if (ns) out.set(ns.id, ns);
  });
  return out;
}
