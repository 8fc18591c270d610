// A network namespace as the tools see it: its interfaces, addresses and routes, derived from the world.
import {
  broadcastOf,
  cidr,
  networkOf,
  type Cidr,
  type IPv4,
  type MacAddress,
} from '../../sim/addr';
import type { Container, IfStats, World } from '../../sim';
import { ifStatsOf, netnsOwner } from '../../sim';
import type { Location } from '../api';
import { hereContainer } from '../context';

export interface Iface {
  readonly name: string;
  readonly ifindex: number;
  readonly kind: 'loopback' | 'ether' | 'bridge' | 'veth';
  readonly mac: MacAddress;
  readonly mtu: number;
  readonly addr: { readonly ip: IPv4; readonly prefix: number } | null;
  /** IPv6 link-local derived from the MAC (host-side devices with carrier). */
  readonly linkLocal: string | null;
  /** Carrier: false for a bridge with no port. */
  readonly lowerUp: boolean;
  readonly qdisc: 'noqueue' | 'pfifo_fast';
  readonly txqueuelen: number;
  /** veth: ifindex of the other end, and the netns id it lives in as seen from here. */
  readonly peer?: { readonly ifindex: number; readonly netnsid: number };
  readonly master?: string;
  readonly stats: IfStats;
}

export interface Route {
  readonly dst: Cidr | 'default';
  readonly via?: IPv4;
  readonly dev: string;
  readonly src?: IPv4;
  readonly linkdown: boolean;
}

export interface Netns {
  /** 'host' or `container:NAME`: the key of world.neigh / world.ifStats. */
  readonly node: string;
  readonly ifaces: readonly Iface[];
  readonly routes: readonly Route[];
}

const LOOPBACK_MAC = '00:00:00:00:00:00' as MacAddress;

/** fe80:: address from a MAC by modified EUI-64, written as iproute2 writes it. */
export function linkLocalOf(mac: string): string {
  const b = mac.split(':').map((h) => parseInt(h, 16));
  const bytes = [
    (b[0] ?? 0) ^ 2,
    b[1] ?? 0,
    b[2] ?? 0,
    0xff,
    0xfe,
    b[3] ?? 0,
    b[4] ?? 0,
    b[5] ?? 0,
  ];
  const groups: string[] = [];
  for (let i = 0; i < 8; i += 2)
    groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  return `fe80::${groups.join(':')}`;
}

function stats(world: World, node: string, iface: string): IfStats {
  return ifStatsOf(world, node, iface);
}

function loopback(world: World, node: string): Iface {
  return {
    name: 'lo',
    ifindex: 1,
    kind: 'loopback',
    mac: LOOPBACK_MAC,
    mtu: 65536,
    addr: { ip: '127.0.0.1' as IPv4, prefix: 8 },
    linkLocal: null,
    lowerUp: true,
    qdisc: 'noqueue',
    txqueuelen: 1000,
    stats: stats(world, node, 'lo'),
  };
}

/** Running containers owning a namespace, in the order the host first saw them (netnsid order). */
function containerNamespaces(world: World): Container[] {
  return world.containers
    .filter((c) => c.state === 'running' && c.endpoints.length > 0)
    .sort(
      (a, b) =>
        Math.min(...a.endpoints.map((e) => e.ifindex)) -
        Math.min(...b.endpoints.map((e) => e.ifindex)),
    );
}

export function hostNetns(world: World): Netns {
  const node = 'host';
  const owners = containerNamespaces(world);
  const veths: Iface[] = owners.flatMap((c, nsid) =>
    c.endpoints.map((ep) => ({
      name: ep.hostVeth,
      ifindex: ep.hostVethIfindex,
      kind: 'veth' as const,
      mac: ep.hostVethMac,
      mtu: world.networks.find((n) => n.id === ep.networkId)?.bridge?.mtu ?? 1500,
      addr: null,
      linkLocal: linkLocalOf(ep.hostVethMac),
      lowerUp: true,
      qdisc: 'noqueue' as const,
      txqueuelen: 0,
      peer: { ifindex: ep.ifindex, netnsid: nsid },
      master: world.networks.find((n) => n.id === ep.networkId)?.bridge?.device ?? '',
      stats: stats(world, node, ep.hostVeth),
    })),
  );
  const bridges: Iface[] = world.networks.flatMap((n) => {
    const b = n.bridge;
    if (!b) return [];
    const carrier = veths.some((v) => v.master === b.device);
    return [
      {
        name: b.device,
        ifindex: b.ifindex,
        kind: 'bridge' as const,
        mac: b.mac,
        mtu: b.mtu,
        addr: { ip: b.gateway, prefix: b.subnet.prefix },
        linkLocal: carrier ? linkLocalOf(b.mac) : null,
        lowerUp: carrier,
        qdisc: 'noqueue' as const,
        txqueuelen: 0,
        stats: stats(world, node, b.device),
      },
    ];
  });
  const { eth0 } = world.host;
  const uplink: Iface = {
    name: 'eth0',
    ifindex: 2,
    kind: 'ether',
    mac: eth0.mac,
    mtu: 1500,
    addr: { ip: eth0.ip, prefix: eth0.prefix },
    linkLocal: linkLocalOf(eth0.mac),
    lowerUp: true,
    qdisc: 'pfifo_fast',
    txqueuelen: 1000,
    stats: stats(world, node, 'eth0'),
  };
  const ifaces = [loopback(world, node), uplink, ...bridges, ...veths].sort(
    (a, b) => a.ifindex - b.ifindex,
  );
  const onLink: Route[] = ifaces
    .filter((i) => i.addr && i.kind !== 'loopback')
    .map((i) => ({
      dst: subnetOf(i),
      dev: i.name,
      ...(i.addr ? { src: i.addr.ip } : {}),
      linkdown: !i.lowerUp,
    }));
  return {
    node,
    ifaces,
    routes: sortRoutes([
      { dst: 'default', via: world.host.gateway, dev: 'eth0', linkdown: false },
      ...onLink,
    ]),
  };
}

export function containerNetns(world: World, c: Container): Netns {
  const owner = netnsOwner(world, c);
  if (owner.mode.kind === 'host') return hostNetns(world);
  const node = `container:${owner.name}`;
  const running = owner.state === 'running';
  const eths: Iface[] = running
    ? owner.endpoints.map((ep) => ({
        name: ep.ifName,
        ifindex: ep.ifindex,
        kind: 'veth' as const,
        mac: ep.mac,
        mtu: world.networks.find((n) => n.id === ep.networkId)?.bridge?.mtu ?? 1500,
        addr: { ip: ep.ip, prefix: ep.prefix },
        linkLocal: null,
        lowerUp: true,
        qdisc: 'noqueue' as const,
        txqueuelen: 0,
        peer: { ifindex: ep.hostVethIfindex, netnsid: 0 },
        stats: stats(world, node, ep.ifName),
      }))
    : [];
  const first = running ? owner.endpoints[0] : undefined;
  const routes: Route[] = [
    ...(first
      ? [{ dst: 'default' as const, via: first.gateway, dev: first.ifName, linkdown: false }]
      : []),
    ...eths.map((e) => ({
      dst: subnetOf(e),
      dev: e.name,
      src: e.addr?.ip ?? ('0.0.0.0' as IPv4),
      linkdown: false,
    })),
  ];
  return { node, ifaces: [loopback(world, node), ...eths], routes: sortRoutes(routes) };
}

function subnetOf(i: Iface): Cidr {
  const a = i.addr ?? { ip: '0.0.0.0' as IPv4, prefix: 0 };
  return cidr(`${networkOf(a.ip, a.prefix)}/${a.prefix}`);
}

/** The kernel dumps the main table in key order: default first, then by network address. */
function sortRoutes(routes: Route[]): Route[] {
  const key = (r: Route) => (r.dst === 'default' ? -1 : ipNum(r.dst.address));
  return [...routes].sort((a, b) => key(a) - key(b));
}

const ipNum = (a: IPv4): number => a.split('.').reduce((n, o) => n * 256 + Number(o), 0);

/** The namespace a shell at `where` lives in; a `--network none` container has only lo. */
export function netnsAt(world: World, where: Location): Netns {
  const c = hereContainer(world, where);
  return c ? containerNetns(world, c) : hostNetns(world);
}

export function broadcastFor(i: Iface): IPv4 | null {
  return i.addr && i.kind !== 'loopback'
    ? broadcastOf(cidr(`${i.addr.ip}/${i.addr.prefix}`))
    : null;
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
