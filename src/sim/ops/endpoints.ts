// Joining and leaving bridge networks: veth pair, address, MAC, published ports, iptables. Pure.
import { macFromIp, type IPv4, type MacAddress } from '../addr';
import { allocateAddress } from '../ipam';
import { addEndpointRules, removeEndpointRules } from '../netfilter/docker';
import { neighHeard } from '../neigh';
import { nodeId } from '../node';
import { EPHEMERAL_RANGE } from '../ports';
import type { Rng } from '../rng';
import type { Container, Endpoint, Network, PortBinding, PortRequest, World } from '../types';
import { own } from '../own';
import { daemonError, type OpResult } from './result';

const ctx = (w: World) => ({ profile: w.profile, daemon: w.daemon });

function overlaps(a: IPv4 | null, b: IPv4 | null): boolean {
  return a === null || b === null || a === b;
}

/** Host ports held by processes in the host namespace (host-mode containers' services). */
function hostListening(world: World): { proto: string; port: number }[] {
  return world.containers
    .filter((c) => c.state === 'running' && c.mode.kind === 'host')
    .flatMap((c) => c.listeners);
}

/** Picks host ports as Docker's port allocator does; errors in its words. */
export function bindPorts(
  world: World,
  requests: readonly PortRequest[],
  containerIp: IPv4,
  networkId: string,
  endpointId: string,
  containerName: string,
): OpResult<{ bindings: PortBinding[]; lastEphemeralPort: number }> {
  const out: PortBinding[] = [];
  let last = world.lastEphemeralPort;
  const clash = (ip: IPv4 | null, port: number, proto: string) => {
    const same = (b: PortBinding) =>
      b.proto === proto && b.hostPort === port && overlaps(b.hostIp, ip);
    return (
      out.some(same) || world.containers.some((c) => c.bindings.length > 0 && c.bindings.some(same))
    );
  };
  const prefix = world.profile === 'docker-29' ? 'failed to set up container networking: ' : '';
  const fail = (why: string) =>
    daemonError(
      `${prefix}driver failed programming external connectivity on endpoint ${containerName} (${endpointId}): ${why}`,
    );
  for (const r of requests) {
    let hostPort = r.hostPort;
    if (hostPort === null) {
      const span = EPHEMERAL_RANGE.end - EPHEMERAL_RANGE.start + 1;
      const from =
        last >= EPHEMERAL_RANGE.start && last < EPHEMERAL_RANGE.end
          ? last + 1
          : EPHEMERAL_RANGE.start;
      let candidate: number | null = null;
      for (let i = 0; i < span && candidate === null; i++) {
        const port = EPHEMERAL_RANGE.start + ((from - EPHEMERAL_RANGE.start + i) % span);
        if (!clash(r.hostIp, port, r.proto)) candidate = port;
      }
      if (candidate === null) return fail('all ports are allocated');
      hostPort = candidate;
      last = candidate;
    } else if (clash(r.hostIp, hostPort, r.proto)) {
      return fail(
        `Bind for ${r.hostIp ?? '0.0.0.0'}:${hostPort} failed: port is already allocated`,
      );
    } else if (hostListening(world).some((l) => l.proto === r.proto && l.port === hostPort)) {
      const addr = `${r.hostIp ?? '0.0.0.0'}:${hostPort}`;
      return fail(
        world.profile === 'docker-29'
          ? `failed to bind host port ${addr}/${r.proto}: address already in use`
          : `Error starting userland proxy: listen ${r.proto}4 ${addr}: bind: address already in use`,
      );
    }
    out.push({
      hostIp: r.hostIp,
      hostPort,
      containerIp,
      containerPort: r.containerPort,
      proto: r.proto,
      networkId,
    });
  }
  return { ok: true, world, value: { bindings: out, lastEphemeralPort: last }, warnings: [] };
}

/** Creates the endpoint (veth pair, eth<N>, address, MAC) for a container joining a network. */
export function createEndpoint(
  world: World,
  rng: Rng,
  network: Network,
  ifName: string,
): Endpoint | null {
  const b = network.bridge;
  if (!b) return null;
  const addr = allocateAddress(world, network);
  if (!addr) return null;
  // The kernel registers the peer first, so the container end gets the lower ifindex.
  const ifindex = world.nextIfindex;
  return {
    networkId: network.id,
    endpointId: rng.hex(64),
    ifName,
    ifindex,
    ip: addr,
    prefix: b.subnet.prefix,
    gateway: b.gateway,
    mac: (world.profile === 'docker-27' ? macFromIp(addr) : rng.mac()) as MacAddress,
    hostVeth: `veth${rng.hex(7)}`,
    hostVethIfindex: ifindex + 1,
    hostVethMac: rng.mac() as MacAddress,
  };
}

/**
 * Docker >= 28 sends three unsolicited ARPs when a container's interface comes up: neighbours that
 * cached the address (perhaps for a container that had it before) learn the new MAC, and the bridge
 * learns the port. Older releases derive the MAC from the address, so a cached entry stays right.
 */
function announce(world: World, network: Network, ep: Endpoint): World {
  const device = network.bridge?.device;
  if (world.profile !== 'docker-29' || !device) return world;
  const onNet = new Map<string, string>([['host', device]]);
  for (const c of world.containers) {
    const mine = c.endpoints.find((e) => e.networkId === network.id);
    if (mine && mine.endpointId !== ep.endpointId) onNet.set(nodeId.container(c.name), mine.ifName);
  }
  let neigh = world.neigh;
  for (const [node, dev] of onNet) {
    const list = own(neigh, node);
    if (!list?.some((n) => n.ip === ep.ip && n.dev === dev)) continue;
    if (neigh === world.neigh) neigh = { ...world.neigh };
    neigh = {
      ...neigh,
      [node]: list.map((n) =>
        n.ip === ep.ip && n.dev === dev
          ? neighHeard(n, { ip: ep.ip, dev, mac: ep.mac }, world.clock)
          : n,
      ),
    };
  }
  const fdb = (own(world.fdb, device) ?? []).filter((e) => e.mac !== ep.mac);
  return {
    ...world,
    neigh,
    fdb: {
      ...world.fdb,
      [device]: [...fdb, { mac: ep.mac, port: ep.hostVeth, updated: world.clock }],
    },
  };
}

/** Installs the endpoint's rules and forgets stale conntrack entries for its address. */
export function programEndpoint(
  world: World,
  network: Network,
  ep: Endpoint,
  bindings: readonly PortBinding[],
): World {
  return {
    ...announce(world, network, ep),
    netfilter: addEndpointRules(world.netfilter, ctx(world), network, ep, bindings),
    conntrack: world.conntrack.filter(
      (e) =>
        e.orig.src !== ep.ip &&
        e.orig.dst !== ep.ip &&
        e.reply.src !== ep.ip &&
        e.reply.dst !== ep.ip,
    ),
  };
}

/**
 * dockerd's clearConntrackEntries when an endpoint stops being a container's gateway (it stops or
 * is disconnected): the host forgets the connections whose reply tuple names the address
 * (netlink's ConntrackReplyAnyIP), so a later owner of the address inherits no NAT state. An
 * outbound connection MASQUERADEd to the host's address does not name it there, and stays.
 */
export function clearConntrackEntries(world: World, ip: IPv4): World {
  const kept = world.conntrack.filter((e) => e.reply.src !== ip && e.reply.dst !== ip);
  return kept.length === world.conntrack.length ? world : { ...world, conntrack: kept };
}

/** Removes what an endpoint installed: rules, FDB entry, neighbour entries of its namespace. */
export function releaseEndpoint(world: World, c: Container, network: Network, ep: Endpoint): World {
  const bindings = c.bindings.filter((b) => b.networkId === network.id);
  const device = network.bridge?.device ?? '';
  const fdb = own(world.fdb, device);
  return {
    ...world,
    netfilter: removeEndpointRules(world.netfilter, ctx(world), network, ep, bindings),
    fdb: fdb ? { ...world.fdb, [device]: fdb.filter((e) => e.port !== ep.hostVeth) } : world.fdb,
  };
}
