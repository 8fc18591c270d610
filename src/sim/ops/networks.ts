// docker network create / rm / connect / disconnect, with Docker's errors. Pure.
import {
  broadcastOf,
  cidrsOverlap,
  inCidr,
  intToIp,
  ipToInt,
  macFromBytes,
  parseCidr,
  parseIPv4,
  type Cidr,
  type IPv4,
  type MacAddress,
} from '../addr';
import { allocateSubnet } from '../ipam';
import { MTU, NAME_PATTERN } from '../limits';
import { addNetworkRules, removeNetworkRules } from '../netfilter/docker';
import { own } from '../own';
import { Rng } from '../rng';
import type { Container, Network, World } from '../types';
import { attachOne, detachOne } from './attach';
import { findContainer, findNetwork, noSuchContainer } from './lookup';
import { daemonError, done, type OpResult } from './result';

export interface NetworkCreateOptions {
  readonly name: string;
  readonly driver?: string;
  readonly subnet?: string;
  readonly gateway?: string;
  /** -o key=value driver options. */
  readonly options?: { readonly [key: string]: string };
}

const ctx = (w: World) => ({ profile: w.profile, daemon: w.daemon });
const PREDEFINED = ['bridge', 'host', 'none'];

function boolOption(value: string | undefined, fallback: boolean): boolean {
  return value === undefined ? fallback : value === 'true' || value === '1';
}

const MTU_OPTION = 'com.docker.network.driver.mtu';

/**
 * `-o com.docker.network.driver.mtu=V` as the bridge driver reads it (moby
 * libnetwork/drivers/bridge: strconv.Atoi in fromLabels, `Mtu < 0` refused by Validate, 0 = the
 * default). A value the kernel refuses for a bridge (ETH_MIN_MTU 68..ETH_MAX_MTU 65535) fails in
 * setupMTU, which returns netlink's EINVAL as it is.
 */
function bridgeMtu(value: string | undefined): number | string {
  if (value === undefined) return 1500;
  const atoi = `failed to parse ${MTU_OPTION} value: ${value} (strconv.Atoi: parsing ${JSON.stringify(value)}`;
  if (!/^[+-]?\d+$/.test(value)) return `${atoi}: invalid syntax)`;
  const n = Number(value);
  if (!Number.isSafeInteger(n)) return `${atoi}: value out of range)`;
  if (n < 0) return `invalid MTU number: ${n}`;
  if (n === 0) return 1500;
  return n < MTU.min || n > MTU.max ? 'invalid argument' : n;
}

export function createNetwork(world: World, opts: NetworkCreateOptions): OpResult<Network> {
  const driver = opts.driver ?? 'bridge';
  if (driver === 'host' || driver === 'null') {
    return daemonError(`only one instance of "${driver}" network is allowed`);
  }
  if (driver !== 'bridge') return daemonError(`plugin "${driver}" not found`);
  if (!NAME_PATTERN.test(opts.name)) {
    return daemonError(`invalid network name "${opts.name}"`);
  }
  if (world.networks.some((n) => n.name === opts.name)) {
    return daemonError(`network with name ${opts.name} already exists`);
  }
  let subnet: Cidr | null;
  if (opts.subnet !== undefined) {
    const parsed = parseCidr(opts.subnet);
    if (!parsed.ok) return daemonError(`invalid CIDR address: ${opts.subnet}`);
    subnet = parsed.value;
    if (world.networks.some((n) => n.bridge && cidrsOverlap(n.bridge.subnet, parsed.value))) {
      return daemonError(
        'invalid pool request: Pool overlaps with other one on this address space',
      );
    }
  } else {
    subnet = allocateSubnet(world);
    if (!subnet) return daemonError('all predefined address pools have been fully subnetted');
  }
  if (subnet.prefix > 30) {
    // A /31 or /32 leaves no address for the bridge's gateway next to the network and broadcast ones.
    return daemonError(
      `failed to allocate gateway (${opts.gateway ?? ''}): No available addresses on this pool`,
    );
  }
  let gateway: IPv4 = intToIp(ipToInt(subnet.address) + 1);
  if (opts.gateway !== undefined) {
    const g = parseIPv4(opts.gateway);
    if (!g.ok) return daemonError(`invalid gateway address ${opts.gateway}`);
    if (!inCidr(g.value, subnet)) {
      return daemonError(`no matching subnet for gateway ${opts.gateway}`);
    }
    if (g.value === subnet.address || g.value === broadcastOf(subnet)) {
      return daemonError(`failed to allocate gateway (${opts.gateway}): Address already in use`);
    }
    gateway = g.value;
  }
  const o = opts.options ?? {};
  const mtu = bridgeMtu(own(o, MTU_OPTION));
  if (typeof mtu === 'string') return daemonError(mtu);
  const rng = new Rng(world.rng);
  const id = rng.hex(64);
  const mac = (
    world.profile === 'docker-27' ? macFromBytes([0x02, 0x42, ...rng.bytes(4)]) : rng.mac()
  ) as MacAddress;
  const device = own(o, 'com.docker.network.bridge.name') ?? `br-${id.slice(0, 12)}`;
  const sameDevice = world.networks.find((n) => n.bridge?.device === device);
  if (sameDevice) {
    return daemonError(
      `cannot create network ${id} (${device}): conflicts with network ${sameDevice.id} (${device}): networks have same bridge name`,
    );
  }
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,14}$/.test(device)) {
    return daemonError(
      `invalid bridge name ${JSON.stringify(device)}: interface names are at most 15 characters`,
    );
  }
  const network: Network = {
    id,
    name: opts.name,
    driver: 'bridge',
    isDefault: false,
    created: world.clock,
    bridge: {
      device,
      subnet,
      gateway,
      mac,
      ifindex: world.nextIfindex,
      icc: boolOption(own(o, 'com.docker.network.bridge.enable_icc'), true),
      masquerade: boolOption(own(o, 'com.docker.network.bridge.enable_ip_masquerade'), true),
      mtu,
    },
  };
  const w: World = {
    ...world,
    rng: rng.state,
    nextIfindex: world.nextIfindex + 1,
    networks: [...world.networks, network],
    netfilter: addNetworkRules(world.netfilter, ctx(world), network),
  };
  return done(w, network);
}

export function removeNetwork(world: World, ref: string): OpResult<Network> {
  const network = findNetwork(world, ref);
  if (!network) return daemonError(`network ${ref} not found`);
  if (PREDEFINED.includes(network.name)) {
    return daemonError(`${network.name} is a pre-defined network and cannot be removed`);
  }
  const users = world.containers.filter((c) => c.endpoints.some((e) => e.networkId === network.id));
  if (users.length > 0) {
    return daemonError(
      `error while removing network: network ${network.name} id ${network.id} has active endpoints`,
    );
  }
  const device = network.bridge?.device ?? '';
  const { [device]: _gone, ...fdb } = world.fdb;
  return done(
    {
      ...world,
      networks: world.networks.filter((n) => n.id !== network.id),
      // Stopped containers keep the network in their config; Docker refuses to start them later.
      netfilter: removeNetworkRules(world.netfilter, ctx(world), network),
      fdb,
    },
    network,
  );
}

function resolvePair(
  world: World,
  netRef: string,
  ctrRef: string,
): OpResult<{ network: Network; container: Container }> {
  const network = findNetwork(world, netRef);
  if (!network) return daemonError(`network ${netRef} not found`);
  const container = findContainer(world, ctrRef);
  if (!container) return daemonError(noSuchContainer(ctrRef));
  return done(world, { network, container });
}

export function connectNetwork(world: World, netRef: string, ctrRef: string): OpResult<Container> {
  const pair = resolvePair(world, netRef, ctrRef);
  if (!pair.ok) return pair;
  const { network, container } = pair.value;
  if (network.driver !== 'bridge' || container.mode.kind === 'host') {
    return daemonError(
      'container cannot be disconnected from host network or connected to host network',
    );
  }
  if (container.mode.kind !== 'bridge') {
    return daemonError(
      `container sharing network namespace with another container or host cannot be connected to any other network`,
    );
  }
  if (container.networks.includes(network.id)) {
    return daemonError(
      `endpoint with name ${container.name} already exists in network ${network.name}`,
    );
  }
  if (container.state !== 'running') {
    const updated = { ...container, networks: [...container.networks, network.id] };
    return done(
      { ...world, containers: world.containers.map((c) => (c.id === container.id ? updated : c)) },
      updated,
    );
  }
  return attachOne(world, container, network.id);
}

export function disconnectNetwork(
  world: World,
  netRef: string,
  ctrRef: string,
): OpResult<Container> {
  const pair = resolvePair(world, netRef, ctrRef);
  if (!pair.ok) return pair;
  const { network, container } = pair.value;
  if (network.driver === 'host' || container.mode.kind === 'host') {
    return daemonError(
      'container cannot be disconnected from host network or connected to host network',
    );
  }
  if (!container.networks.includes(network.id)) {
    return daemonError(`container ${container.id} is not connected to network ${network.name}`);
  }
  const w = detachOne(world, container, network.id);
  return done(w, w.containers.find((c) => c.id === container.id) ?? container);
}
