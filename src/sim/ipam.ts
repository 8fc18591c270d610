// Address management as Docker's default IPAM does it: predefined pools, lowest free address. Pure.
import { cidr, cidrsOverlap, intToIp, ipToInt, broadcastOf, type Cidr, type IPv4 } from './addr';
import type { Network, World } from './types';

/** 172.17–172.31 as /16s, then 192.168.0.0/16 cut into /20s (daemon/libnetwork/ipamutils). */
export const LOCAL_POOLS: readonly Cidr[] = [
  ...Array.from({ length: 15 }, (_, i) => cidr(`172.${17 + i}.0.0/16`)),
  ...Array.from({ length: 16 }, (_, i) => cidr(`192.168.${i * 16}.0/20`)),
];

function hostRoutes(world: World): Cidr[] {
  const { eth0, nameserver } = world.host;
  return [cidr(`${eth0.ip}/${eth0.prefix}`), cidr(`${nameserver}/32`)];
}

export function subnetInUse(world: World, subnet: Cidr): Network | undefined {
  return world.networks.find((n) => n.bridge && cidrsOverlap(n.bridge.subnet, subnet));
}

/** The first predefined pool that overlaps no network and no host route, or null if all are taken. */
export function allocateSubnet(world: World): Cidr | null {
  const reserved = hostRoutes(world);
  for (const pool of LOCAL_POOLS) {
    if (subnetInUse(world, pool)) continue;
    if (reserved.some((r) => cidrsOverlap(r, pool))) continue;
    return pool;
  }
  return null;
}

/** Addresses held on a network by running containers' endpoints. */
export function usedAddresses(world: World, networkId: string): Set<number> {
  const used = new Set<number>();
  for (const c of world.containers) {
    for (const ep of c.endpoints) if (ep.networkId === networkId) used.add(ipToInt(ep.ip));
  }
  return used;
}

/** The lowest free address: not the network, broadcast or gateway address, nor one in use. */
export function allocateAddress(world: World, network: Network, extra?: Set<number>): IPv4 | null {
  const b = network.bridge;
  if (!b) return null;
  const used = usedAddresses(world, network.id);
  const first = ipToInt(b.subnet.address) + 1;
  const last = ipToInt(broadcastOf(b.subnet)) - 1;
  const gw = ipToInt(b.gateway);
  for (let a = first; a <= last; a++) {
    if (a === gw || used.has(a) || extra?.has(a)) continue;
    return intToIp(a);
  }
  return null;
}
