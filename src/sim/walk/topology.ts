// The namespaces, interfaces, links and routes a world implies, indexed once per walk. Pure, read-only.
import { cidr, inCidr, networkOf, type Cidr, type IPv4, type MacAddress } from '../addr';
import type { Container, Network, World } from '../types';
import { remoteGateway } from '../world';
import type { NodeId } from '../trace';

export interface IfaceInfo {
  readonly ns: NodeId;
  readonly name: string;
  readonly mac: MacAddress;
  readonly addrs: readonly { readonly ip: IPv4; readonly prefix: number }[];
  /** The other end of the wire or veth pair, if any. */
  readonly peer: { readonly ns: NodeId; readonly name: string } | null;
  /** For a bridge port: the bridge device it is enslaved to. */
  readonly master: string | null;
  readonly kind: 'loopback' | 'ethernet' | 'veth' | 'bridge';
}

export interface RouteEntry {
  readonly dst: Cidr;
  readonly dev: string;
  readonly via: IPv4 | null;
  readonly src: IPv4 | null;
}

export interface NsInfo {
  readonly id: NodeId;
  readonly ifaces: ReadonlyMap<string, IfaceInfo>;
  readonly routes: readonly RouteEntry[];
  readonly forwarding: boolean;
  /** Only the host runs Docker's iptables rules and so conntrack. */
  readonly netfilter: boolean;
}

export interface Topology {
  readonly ns: ReadonlyMap<NodeId, NsInfo>;
  /** Bridge device -> its ports (host veth names), in attach order. */
  readonly bridgePorts: ReadonlyMap<string, readonly string[]>;
  readonly bridgeOf: ReadonlyMap<string, Network>;
}

const LO_NET = cidr('127.0.0.0/8');

function loopback(ns: NodeId): IfaceInfo {
  return {
    ns,
    name: 'lo',
    mac: '00:00:00:00:00:00' as MacAddress,
    addrs: [{ ip: '127.0.0.1' as IPv4, prefix: 8 }],
    peer: null,
    master: null,
    kind: 'loopback',
  };
}

/** The namespace a container's processes live in. */
export function containerNs(world: World, c: Container): NodeId {
  if (c.mode.kind === 'host') return 'host';
  if (c.mode.kind === 'container') {
    const id = c.mode.target;
    const owner = world.containers.find((x) => x.id === id);
    return owner ? containerNs(world, owner) : `container:${c.name}`;
  }
  return `container:${c.name}`;
}

const ANY = cidr('0.0.0.0/0');
const hostRoute = (ip: IPv4, prefix: number): Cidr => ({ address: networkOf(ip, prefix), prefix });

/** A container's namespace: lo, one interface per endpoint, connected routes and the default route. */
function containerInfo(c: Container, id: NodeId): NsInfo {
  const ifaces = new Map<string, IfaceInfo>([['lo', loopback(id)]]);
  const routes: RouteEntry[] = [];
  for (const ep of c.endpoints) {
    ifaces.set(ep.ifName, {
      ns: id,
      name: ep.ifName,
      mac: ep.mac,
      addrs: [{ ip: ep.ip, prefix: ep.prefix }],
      peer: { ns: 'host', name: ep.hostVeth },
      master: null,
      kind: 'veth',
    });
    routes.push({ dst: hostRoute(ep.ip, ep.prefix), dev: ep.ifName, via: null, src: ep.ip });
  }
  const first = c.endpoints[0];
  if (first) routes.unshift({ dst: ANY, dev: first.ifName, via: first.gateway, src: first.ip });
  return { id, ifaces, routes, forwarding: false, netfilter: false };
}

/** Namespaces built on first use: a walk visits a handful of the thousand containers a world may hold. */
class NsMap implements ReadonlyMap<NodeId, NsInfo> {
  private readonly built = new Map<NodeId, NsInfo>();
  constructor(
    private readonly fixed: Map<NodeId, NsInfo>,
    private readonly containers: ReadonlyMap<NodeId, Container>,
  ) {}
  get(id: NodeId): NsInfo | undefined {
    const known = this.fixed.get(id) ?? this.built.get(id);
    if (known) return known;
    const c = this.containers.get(id);
    if (!c) return undefined;
    const info = containerInfo(c, id);
    this.built.set(id, info);
    return info;
  }
  has(id: NodeId): boolean {
    return this.fixed.has(id) || this.containers.has(id);
  }
  get size(): number {
    return this.fixed.size + this.containers.size;
  }
  *entries(): MapIterator<[NodeId, NsInfo]> {
    for (const k of this.keys()) {
      const v = this.get(k);
      if (v) yield [k, v];
    }
  }
  *keys(): MapIterator<NodeId> {
    yield* this.fixed.keys();
    yield* this.containers.keys();
  }
  *values(): MapIterator<NsInfo> {
    for (const [, v] of this.entries()) yield v;
  }
  forEach(fn: (v: NsInfo, k: NodeId, m: ReadonlyMap<NodeId, NsInfo>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
  [Symbol.iterator](): MapIterator<[NodeId, NsInfo]> {
    return this.entries();
  }
}

// The topology only depends on these parts of the world; a walk's new world keeps them as they were.
const cache = new WeakMap<World['containers'], { key: readonly unknown[]; topo: Topology }>();

export function buildTopology(world: World): Topology {
  const key = [world.networks, world.remotes, world.router, world.host];
  const hit = cache.get(world.containers);
  if (hit && hit.key.every((k, i) => k === key[i])) return hit.topo;
  const topo = computeTopology(world);
  cache.set(world.containers, { key, topo });
  return topo;
}

function computeTopology(world: World): Topology {
  const fixed = new Map<NodeId, NsInfo>();
  const hostIfaces = new Map<string, IfaceInfo>([['lo', loopback('host')]]);
  const { eth0 } = world.host;
  hostIfaces.set('eth0', {
    ns: 'host',
    name: 'eth0',
    mac: eth0.mac,
    addrs: [{ ip: eth0.ip, prefix: eth0.prefix }],
    peer: { ns: 'router', name: 'eth0' },
    master: null,
    kind: 'ethernet',
  });
  const hostRoutes: RouteEntry[] = [
    { dst: ANY, dev: 'eth0', via: world.host.gateway, src: eth0.ip },
    { dst: hostRoute(eth0.ip, eth0.prefix), dev: 'eth0', via: null, src: eth0.ip },
  ];
  const bridgePorts = new Map<string, string[]>();
  const bridgeOf = new Map<string, Network>();
  const deviceOf = new Map<string, string>();
  for (const n of world.networks) {
    const b = n.bridge;
    if (!b) continue;
    hostIfaces.set(b.device, {
      ns: 'host',
      name: b.device,
      mac: b.mac,
      addrs: [{ ip: b.gateway, prefix: b.subnet.prefix }],
      peer: null,
      master: null,
      kind: 'bridge',
    });
    hostRoutes.push({ dst: b.subnet, dev: b.device, via: null, src: b.gateway });
    bridgePorts.set(b.device, []);
    bridgeOf.set(b.device, n);
    deviceOf.set(n.id, b.device);
  }
  const containers = new Map<NodeId, Container>();
  for (const c of world.containers) {
    if (c.state !== 'running') continue;
    // none mode, or a bridge container disconnected from every network: a namespace with only lo.
    if (c.mode.kind === 'none' || c.mode.kind === 'bridge')
      containers.set(`container:${c.name}`, c);
    if (c.mode.kind !== 'bridge' || c.endpoints.length === 0) continue;
    const id: NodeId = `container:${c.name}`;
    for (const ep of c.endpoints) {
      const device = deviceOf.get(ep.networkId) ?? 'docker0';
      hostIfaces.set(ep.hostVeth, {
        ns: 'host',
        name: ep.hostVeth,
        mac: ep.hostVethMac,
        addrs: [],
        peer: { ns: id, name: ep.ifName },
        master: device,
        kind: 'veth',
      });
      bridgePorts.get(device)?.push(ep.hostVeth);
    }
  }
  fixed.set('host', {
    id: 'host',
    ifaces: hostIfaces,
    routes: hostRoutes,
    forwarding: world.host.ipForward,
    netfilter: true,
  });
  buildOutside(world, fixed);
  return { ns: new NsMap(fixed, containers), bridgePorts, bridgeOf };
}

function buildOutside(world: World, ns: Map<NodeId, NsInfo>): void {
  const { router, host } = world;
  const rIfaces = new Map<string, IfaceInfo>([['lo', loopback('router')]]);
  rIfaces.set('eth0', {
    ns: 'router',
    name: 'eth0',
    mac: router.mac,
    addrs: [{ ip: router.ip, prefix: host.eth0.prefix }],
    peer: { ns: 'host', name: 'eth0' },
    master: null,
    kind: 'ethernet',
  });
  const rRoutes: RouteEntry[] = [
    { dst: cidr(`${router.ip}/${host.eth0.prefix}`), dev: 'eth0', via: null, src: router.ip },
  ];
  for (const r of router.routes)
    rRoutes.push({ dst: r.dst, dev: 'eth0', via: r.via, src: router.ip });
  for (const r of world.remotes) {
    const id: NodeId = `remote:${r.name}`;
    // A point-to-point link: the router's end holds the machine's gateway, the peer route its /32.
    const gw = remoteGateway(r.ip);
    rIfaces.set(r.routerIface, {
      ns: 'router',
      name: r.routerIface,
      mac: r.routerIfaceMac,
      addrs: [{ ip: gw, prefix: 32 }],
      peer: { ns: id, name: 'eth0' },
      master: null,
      kind: 'veth',
    });
    rRoutes.push({ dst: { address: r.ip, prefix: 32 }, dev: r.routerIface, via: null, src: gw });
    const ifaces = new Map<string, IfaceInfo>([
      ['lo', loopback(id)],
      [
        'eth0',
        {
          ns: id,
          name: 'eth0',
          mac: r.mac,
          addrs: [{ ip: r.ip, prefix: 32 }],
          peer: { ns: 'router', name: r.routerIface },
          master: null,
          kind: 'veth',
        },
      ],
    ]);
    ns.set(id, {
      id,
      ifaces,
      routes: [
        { dst: { address: gw, prefix: 32 }, dev: 'eth0', via: null, src: r.ip },
        { dst: cidr('0.0.0.0/0'), dev: 'eth0', via: gw, src: r.ip },
      ],
      forwarding: false,
      netfilter: false,
    });
  }
  ns.set('router', {
    id: 'router',
    ifaces: rIfaces,
    routes: rRoutes,
    forwarding: true,
    netfilter: false,
  });
}

/** Is this address one of the namespace's own (the kernel's local routing table)? */
export function isLocal(info: NsInfo, a: IPv4): boolean {
  return inCidr(a, LO_NET) || localsOf(info).has(a);
}

// A namespace's own addresses, computed once per namespace (the host may have a thousand veths).
const locals = new WeakMap<NsInfo, Set<string>>();

function localsOf(info: NsInfo): Set<string> {
  let set = locals.get(info);
  if (!set) {
    set = new Set();
    for (const i of info.ifaces.values()) for (const x of i.addrs) set.add(x.ip);
    locals.set(info, set);
  }
  return set;
}

/** True when the namespace has nothing but lo, as with --network none. */
export function onlyLoopback(info: NsInfo): boolean {
  return info.ifaces.size === 1 && info.ifaces.has('lo');
}

/** Longest-prefix match in the main table; the local table is consulted by the caller first. */
export function lookupRoute(info: NsInfo, dst: IPv4): RouteEntry | null {
  let best: RouteEntry | null = null;
  for (const r of info.routes) {
    if (inCidr(dst, r.dst) && (best === null || r.dst.prefix > best.dst.prefix)) best = r;
  }
  return best;
}

/** The interface holding an address in a namespace (for the local route's device). */
export function ifaceWithAddress(info: NsInfo, a: IPv4): IfaceInfo | undefined {
  for (const i of info.ifaces.values()) if (i.addrs.some((x) => x.ip === a)) return i;
  return undefined;
}
