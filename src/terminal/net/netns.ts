// A network namespace as the tools see it: the model's devices and routes (`sim/netns`), with the
// interface counters the tools print.
import { broadcastOf, cidr, type IPv4 } from '../../sim/addr';
import type { Container, IfStats, World } from '../../sim';
import { ifStatsOf } from '../../sim';
import {
  containerNamespace,
  namespaceOf,
  namespacesOf,
  type Device,
  type Route,
} from '../../sim/netns';
import { parseNodeId, type NodeId } from '../../sim/node';
import type { Location } from '../api';
import { hereContainer } from '../context';

export type { Route } from '../../sim/netns';

export interface Iface extends Device {
  readonly stats: IfStats;
}

export interface Netns {
  /** The namespace's node id: the key of world.neigh / world.ifStats. */
  readonly node: NodeId;
  readonly ifaces: readonly Iface[];
  readonly routes: readonly Route[];
}

function withStats(
  world: World,
  ns: { id: NodeId; devices: ReadonlyMap<string, Device>; routes: readonly Route[] },
): Netns {
  const ifaces = [...ns.devices.values()].map((d) => ({
    ...d,
    stats: ifStatsOf(world, ns.id, d.name),
  }));
  return { node: ns.id, ifaces, routes: ns.routes };
}

export function hostNetns(world: World): Netns {
  const host = namespacesOf(world).get('host');
  if (!host) throw new Error('a world always has its host namespace');
  return withStats(world, host);
}

/** A container's namespace; a stopped one (or one joined to a stopped container) has only lo. */
export function containerNetns(world: World, c: Container): Netns {
  const id = namespaceOf(world, c);
  if (id === 'host') return hostNetns(world);
  const live = namespacesOf(world).get(id);
  if (live) return withStats(world, live);
  const p = parseNodeId(id);
  const owner = p?.kind === 'container' ? world.containers.find((x) => x.name === p.name) : c;
  return withStats(world, containerNamespace(world, owner ?? c));
}

/** The namespace a shell at `where` lives in; a `--network none` container has only lo. */
export function netnsAt(world: World, where: Location): Netns {
  const c = hereContainer(world, where);
  return c ? containerNetns(world, c) : hostNetns(world);
}

/** The address the tools print for an interface: its first (primary) IPv4 address. */
export const addrOf = (i: Device): Device['addrs'][number] | null => i.addrs[0] ?? null;

export function broadcastFor(i: Iface): IPv4 | null {
  const a = addrOf(i);
  return a && i.kind !== 'loopback' ? broadcastOf(cidr(`${a.ip}/${a.prefix}`)) : null;
}

/** net-tools' nstrcmp: byte order, except that two digit runs after the same prefix compare as numbers. */
export function nstrcmp(a: string, b: string): number {
  const digit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  let i = 0;
  let start = 0;
  while (a[i] === b[i]) {
    if (a[i] === undefined) return 0;
    if (!digit(a[i]) && digit(a[i + 1])) start = i + 1;
    i++;
  }
  if (digit(a[i]) && digit(b[i])) {
    return parseInt(a.slice(start), 10) > parseInt(b.slice(start), 10) ? 1 : -1;
  }
  return (a.charCodeAt(i) || 0) - (b.charCodeAt(i) || 0);
}

/** ifconfig lists interfaces in nstrcmp order (net-tools and busybox keep the list sorted so). */
export function byIfName(a: Iface, b: Iface): number {
  return nstrcmp(a.name, b.name);
}
