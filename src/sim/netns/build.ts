// namespacesOf(world): every network namespace the world implies, built once per world. Pure.
import { nodeId, type NodeId } from '../node';
import type { Container, Endpoint, World } from '../types';
import { added, ANY, linkLocal, loopback, namespace } from './devices';
import { hostUplink, outsideNamespaces } from './outside';
import type { Device, Namespace, Namespaces } from './types';

/**
 * The container whose namespace `c` uses: itself, or for `--network container:` its target's
 * (dockerd hands the joiner its target's sandbox, so a chain ends at the first that owns one).
 */
export function namespaceOwner(world: World, c: Container, depth = 0): Container {
  if (c.mode.kind !== 'container' || depth >= 8) return c;
  const id = c.mode.target;
  const target = world.containers.find((x) => x.id === id);
  return target ? namespaceOwner(world, target, depth + 1) : c;
}

/** The namespace a container's processes live in: the host's in host mode, else its owner's. */
export function namespaceOf(world: World, c: Container): NodeId {
  const owner = namespaceOwner(world, c);
  return owner.mode.kind === 'host' ? 'host' : nodeId.container(owner.name);
}

const mtuOf = (world: Pick<World, 'networks'>, networkId: string): number =>
  world.networks.find((n) => n.id === networkId)?.bridge?.mtu ?? 1500;

/** The host: lo, eth0, one bridge per bridge network, the host end of every running veth pair. */
function hostNs(world: World): Namespace {
  const bridges = new Map<string, string[]>();
  const bridgeOf = new Map<string, { device: string; mtu: number }>();
  for (const n of world.networks) {
    if (!n.bridge) continue;
    bridges.set(n.bridge.device, []);
    bridgeOf.set(n.id, n.bridge);
  }
  const pairs: { c: Container; ep: Endpoint }[] = [];
  for (const c of world.containers) {
    if (c.state !== 'running' || c.mode.kind !== 'bridge') continue;
    for (const ep of c.endpoints) pairs.push({ c, ep });
  }
  // A container's namespace gets the next link-netnsid when the first of its veths (by ifindex)
  // is created; ports join their bridge in attach order (world order).
  const netnsids = new Map<string, number>();
  for (const { c } of [...pairs].sort((a, b) => a.ep.hostVethIfindex - b.ep.hostVethIfindex))
    if (!netnsids.has(c.name)) netnsids.set(c.name, netnsids.size);
  const veths: Device[] = [];
  for (const { c, ep } of pairs) {
    const peerNs = nodeId.container(c.name);
    const b = bridgeOf.get(ep.networkId);
    const master = b?.device ?? 'docker0';
    veths.push({
      ns: 'host',
      name: ep.hostVeth,
      ifindex: ep.hostVethIfindex,
      kind: 'veth',
      mac: ep.hostVethMac,
      mtu: b?.mtu ?? 1500,
      addrs: [],
      addrs6: linkLocal({ mac: ep.hostVethMac, lowerUp: true }),
      peer: {
        ns: peerNs,
        name: ep.ifName,
        ifindex: ep.ifindex,
        netnsid: netnsids.get(c.name) ?? null,
      },
      master,
      lowerUp: true,
      qdisc: 'noqueue',
      txqueuelen: 0,
    });
    bridges.get(master)?.push(ep.hostVeth);
  }
  const devices: Device[] = [loopback('host'), hostUplink(world), ...veths];
  for (const n of world.networks) {
    const b = n.bridge;
    if (!b) continue;
    // A bridge has carrier once a port has (STP off: ports forward at once).
    const lowerUp = (bridges.get(b.device)?.length ?? 0) > 0;
    devices.push({
      ns: 'host',
      name: b.device,
      ifindex: b.ifindex,
      kind: 'bridge',
      mac: b.mac,
      mtu: b.mtu,
      addrs: [{ ip: b.gateway, prefix: b.subnet.prefix }],
      addrs6: linkLocal({ mac: b.mac, lowerUp }),
      peer: null,
      master: null,
      lowerUp,
      qdisc: 'noqueue',
      txqueuelen: 0,
    });
  }
  const { eth0, gateway } = world.host;
  return namespace('host', devices, [added(ANY, 'eth0', gateway, eth0.ip)], {
    forwarding: world.host.ipForward,
    netfilter: true,
    bridges,
  });
}

/** A container's own namespace: lo, one veth end per endpoint, dockerd's default route on the first. */
export function containerNamespace(world: Pick<World, 'networks'>, c: Container): Namespace {
  const id = nodeId.container(c.name);
  const eps = c.state === 'running' ? c.endpoints : [];
  const devices: Device[] = eps.map((ep) => ({
    ns: id,
    name: ep.ifName,
    ifindex: ep.ifindex,
    kind: 'veth',
    mac: ep.mac,
    mtu: mtuOf(world, ep.networkId),
    addrs: [{ ip: ep.ip, prefix: ep.prefix }],
    addrs6: [],
    peer: { ns: 'host', name: ep.hostVeth, ifindex: ep.hostVethIfindex, netnsid: 0 },
    master: null,
    lowerUp: true,
    qdisc: 'noqueue',
    txqueuelen: 0,
  }));
  const first = eps[0];
  const routes = first ? [added(ANY, first.ifName, first.gateway, first.ip)] : [];
  return namespace(id, [loopback(id), ...devices], routes, { forwarding: false, netfilter: false });
}

/** Container namespaces built on first use: a walk visits a handful of the thousand a world may hold. */
class LazyNamespaces implements Namespaces {
  private readonly built = new Map<NodeId, Namespace>();
  constructor(
    private readonly world: Pick<World, 'networks'>,
    private readonly fixed: ReadonlyMap<NodeId, Namespace>,
    private readonly containers: ReadonlyMap<NodeId, Container>,
  ) {}
  get(id: NodeId): Namespace | undefined {
    const known = this.fixed.get(id) ?? this.built.get(id);
    if (known) return known;
    const c = this.containers.get(id);
    if (!c) return undefined;
    const ns = containerNamespace(this.world, c);
    this.built.set(id, ns);
    return ns;
  }
  has(id: NodeId): boolean {
    return this.fixed.has(id) || this.containers.has(id);
  }
  get size(): number {
    return this.fixed.size + this.containers.size;
  }
  *entries(): MapIterator<[NodeId, Namespace]> {
    for (const k of this.keys()) {
      const v = this.get(k);
      if (v) yield [k, v];
    }
  }
  *keys(): MapIterator<NodeId> {
    yield* this.fixed.keys();
    yield* this.containers.keys();
  }
  *values(): MapIterator<Namespace> {
    for (const [, v] of this.entries()) yield v;
  }
  forEach(fn: (v: Namespace, k: NodeId, m: Namespaces) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
  [Symbol.iterator](): MapIterator<[NodeId, Namespace]> {
    return this.entries();
  }
}

function compute(world: World): Namespaces {
  const fixed = new Map<NodeId, Namespace>([['host', hostNs(world)], ...outsideNamespaces(world)]);
  // Running containers in bridge mode (even with no network left) or none mode own a namespace.
  const containers = new Map<NodeId, Container>();
  for (const c of world.containers) {
    if (c.state === 'running' && (c.mode.kind === 'bridge' || c.mode.kind === 'none'))
      containers.set(nodeId.container(c.name), c);
  }
  // Only the networks are kept: the cache must not hold on to a whole world (its tables).
  return new LazyNamespaces({ networks: world.networks }, fixed, containers);
}

// Namespaces depend only on these parts of the world; a walk's new world keeps them as they were.
const cache = new WeakMap<World['containers'], { key: readonly unknown[]; ns: Namespaces }>();

/** Every namespace of the world: the host, each container's own, the router, each remote. */
export function namespacesOf(world: World): Namespaces {
  const key = [world.networks, world.remotes, world.router, world.host];
  const hit = cache.get(world.containers);
  if (hit && hit.key.every((k, i) => k === key[i])) return hit.ns;
  const ns = compute(world);
  cache.set(world.containers, { key, ns });
  return ns;
}
