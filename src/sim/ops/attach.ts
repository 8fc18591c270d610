// Attaching a starting container to its bridge networks and detaching it at stop. Pure.
import { Rng } from '../rng';
import { nodeId } from '../node';
import { dropIfStats } from '../walk/state';
import type { Container, Endpoint, PortBinding, PortRequest, World } from '../types';
import {
  bindPorts,
  clearConntrackEntries,
  createEndpoint,
  programEndpoint,
  releaseEndpoint,
} from './endpoints';
import { networkById } from './lookup';
import { daemonError, done, type OpResult } from './result';

/** Creates one endpoint per configured bridge network; ports are published on the first. */
export function attachNetworks(
  world: World,
  c: Container,
  requests: readonly PortRequest[],
): OpResult<Container> {
  if (c.mode.kind !== 'bridge') return done(world, c);
  const rng = new Rng(world.rng);
  let w = world;
  const endpoints: Endpoint[] = [];
  let bindings: PortBinding[] = [];
  for (const [i, netId] of c.networks.entries()) {
    const network = networkById(w, netId);
    if (!network) return daemonError(`network ${netId} not found`);
    const ep = createEndpoint(w, rng, network, `eth${i}`);
    if (!ep)
      return daemonError(
        `no available IPv4 addresses on this network's address pools: ${network.name} (${network.id})`,
      );
    let mine: PortBinding[] = [];
    if (i === 0 && requests.length > 0) {
      const bound = bindPorts(w, requests, ep.ip, network.id, ep.endpointId, c.name);
      if (!bound.ok) return bound;
      mine = bound.value.bindings;
      w = { ...w, lastEphemeralPort: bound.value.lastEphemeralPort };
    }
    // Reserve the address and ifindexes before the next endpoint is made.
    const holder: Container = {
      ...c,
      endpoints: [...endpoints, ep],
      bindings: [...bindings, ...mine],
    };
    w = {
      ...w,
      nextIfindex: w.nextIfindex + 2,
      containers: w.containers.map((x) => (x.id === c.id ? holder : x)),
    };
    w = programEndpoint(w, network, ep, mine);
    endpoints.push(ep);
    bindings = [...bindings, ...mine];
  }
  return done({ ...w, rng: rng.state }, { ...c, endpoints, bindings });
}

/** Adds one more network to a running container (`docker network connect`): eth<N>. */
export function attachOne(world: World, c: Container, networkId: string): OpResult<Container> {
  const network = networkById(world, networkId);
  if (!network) return daemonError(`network ${networkId} not found`);
  const rng = new Rng(world.rng);
  const ep = createEndpoint(world, rng, network, `eth${c.endpoints.length}`);
  if (!ep)
    return daemonError(
      `no available IPv4 addresses on this network's address pools: ${network.name} (${network.id})`,
    );
  const updated: Container = {
    ...c,
    endpoints: [...c.endpoints, ep],
    networks: [...c.networks, networkId],
  };
  let w: World = {
    ...world,
    rng: rng.state,
    nextIfindex: world.nextIfindex + 2,
    containers: world.containers.map((x) => (x.id === c.id ? updated : x)),
  };
  w = programEndpoint(w, network, ep, []);
  return done(w, updated);
}

/** Removes one endpoint of a running container (`docker network disconnect`). */
export function detachOne(world: World, c: Container, networkId: string): World {
  const network = networkById(world, networkId);
  const ep = c.endpoints.find((e) => e.networkId === networkId);
  let w = world;
  if (network && ep) w = releaseEndpoint(w, c, network, ep);
  const updated: Container = {
    ...c,
    endpoints: c.endpoints.filter((e) => e.networkId !== networkId),
    bindings: c.bindings.filter((b) => b.networkId !== networkId),
    networks: c.networks.filter((n) => n !== networkId),
  };
  // The first endpoint is the gateway: when it leaves, dockerd revokes its external connectivity
  // and programs the next one as gateway, flushing conntrack for both addresses.
  if (ep && ep === c.endpoints[0]) {
    w = clearConntrackEntries(w, ep.ip);
    const next = updated.endpoints[0];
    if (next) w = clearConntrackEntries(w, next.ip);
  }
  return { ...w, containers: w.containers.map((x) => (x.id === c.id ? updated : x)) };
}

/** Tears down every endpoint of a stopping container; its namespace and neighbour table go too. */
export function detachAll(world: World, c: Container): World {
  // The namespace and the host ends of its veth pairs disappear, and their counters with them.
  const veths = new Set(c.endpoints.map((ep) => `host/${ep.hostVeth}`));
  const prefix = `${nodeId.container(c.name)}/`;
  let w: World = {
    ...world,
    ifStats: dropIfStats(world.ifStats, (k) => k.startsWith(prefix) || veths.has(k)),
  };
  for (const ep of c.endpoints) {
    const network = networkById(w, ep.networkId);
    if (network) w = releaseEndpoint(w, c, network, ep);
  }
  // Leaving its gateway endpoint, dockerd flushes the connections of that address.
  const gateway = c.endpoints[0];
  if (gateway) w = clearConntrackEntries(w, gateway.ip);
  const key = nodeId.container(c.name);
  if (key in w.neigh) {
    const { [key]: _gone, ...rest } = w.neigh;
    w = { ...w, neigh: rest };
  }
  return w;
}
