// The pieces every namespace is made of: lo, a device, its connected route, the main table's order.
import { ipToInt, linkLocalOf, networkOf, ZERO_MAC, type IPv4 } from '../addr';
import type { NodeId } from '../node';
import type { Addr6, Device, Namespace, Route } from './types';

const LO6: Addr6 = { ip: '::1', prefix: 128, scope: 'host' };

export function loopback(ns: NodeId): Device {
  return {
    ns,
    name: 'lo',
    ifindex: 1,
    kind: 'loopback',
    mac: ZERO_MAC,
    mtu: 65536,
    addrs: [{ ip: '127.0.0.1' as IPv4, prefix: 8 }],
    addrs6: [LO6],
    peer: null,
    master: null,
    lowerUp: true,
    qdisc: 'noqueue',
    txqueuelen: 1000,
  };
}

const NONE: readonly Addr6[] = [];
// One list per MAC, shared by every build of the namespace (a thousand veths each time).
const linkLocals = new Map<string, readonly Addr6[]>();

/** IPv6 is on outside containers (Docker turns it off inside): a device with carrier has fe80::. */
export function linkLocal(d: Pick<Device, 'mac' | 'lowerUp'>): readonly Addr6[] {
  if (!d.lowerUp) return NONE;
  let list = linkLocals.get(d.mac);
  if (!list) {
    if (linkLocals.size > 100_000) linkLocals.clear();
    list = [{ ip: linkLocalOf(d.mac), prefix: 64, scope: 'link' }];
    linkLocals.set(d.mac, list);
  }
  return list;
}

/**
 * The route the kernel adds with an address: its network on the device, the address as source.
 * None for a /32 (the kernel's fib_add_ifaddr adds no prefix route when prefix == address).
 */
export function connected(d: Device): Route[] {
  return d.addrs
    .filter((a) => a.prefix < 32 && d.kind !== 'loopback')
    .map((a) => ({
      dst: { address: networkOf(a.ip, a.prefix), prefix: a.prefix },
      dev: d.name,
      via: null,
      src: a.ip,
      proto: 'kernel',
      onlink: false,
      linkdown: !d.lowerUp,
    }));
}

/** A route added by a command (`ip route add`, dockerd's default route). */
export function added(
  dst: Route['dst'],
  dev: string,
  via: IPv4 | null,
  src: IPv4,
  onlink = false,
): Route {
  return { dst, dev, via, src, proto: 'boot', onlink, linkdown: false };
}

export const ANY: Route['dst'] = { address: '0.0.0.0' as IPv4, prefix: 0 };

/** The kernel dumps the main table in key order (default first), a longer prefix first on a tie. */
export function sortRoutes(routes: readonly Route[]): Route[] {
  return [...routes].sort(
    (a, b) => ipToInt(a.dst.address) - ipToInt(b.dst.address) || b.dst.prefix - a.dst.prefix,
  );
}

export function namespace(
  id: NodeId,
  devices: readonly Device[],
  routes: readonly Route[],
  opts: Pick<Namespace, 'forwarding' | 'netfilter'> & {
    bridges?: Namespace['bridges'];
    anyIp?: Namespace['anyIp'];
  },
): Namespace {
  const ordered = [...devices].sort((a, b) => a.ifindex - b.ifindex);
  const routes2: Route[] = [...routes];
  for (const d of ordered) if (d.addrs.length > 0) routes2.push(...connected(d));
  return {
    id,
    devices: new Map(ordered.map((d) => [d.name, d])),
    routes: sortRoutes(routes2),
    anyIp: opts.anyIp ?? [],
    bridges: opts.bridges ?? new Map(),
    forwarding: opts.forwarding,
    netfilter: opts.netfilter,
  };
}
