// Creating the initial world: a freshly started Docker host with its three networks. Pure.
import { cidr, intToIp, ip, ipToInt, macFromBytes, type IPv4, type MacAddress } from './addr';
import { addNetworkRules, daemonStartRules } from './netfilter/docker';
import { Rng } from './rng';
import { DEFAULT_PROFILE } from './releases';
import type { DaemonConfig, Listener, Network, Profile, RemoteHost, World } from './types';

export interface WorldOptions {
  readonly profile?: Profile;
  readonly seed?: number;
  readonly daemon?: Partial<DaemonConfig>;
  readonly bridgeNfCallIptables?: boolean;
}

export const DEFAULT_SEED = 20160520;

const web = (body: string): Listener => ({ proto: 'tcp', port: 80, http: { status: 200, body } });

/**
 * The router's address on the link to a machine outside: .1 of the machine's /24 (.254 when the
 * machine is .1 itself). Each such link is point-to-point (`ip addr add A peer B`), so the machine's
 * default gateway is on its own link and two machines in one /24 still reach each other through the
 * router. The kernel suite wires the same addresses.
 */
export function remoteGateway(remote: IPv4): IPv4 {
  const n = ipToInt(remote);
  const net = n - (n & 0xff);
  return intToIp((n & 0xff) === 1 ? net + 254 : net + 1);
}

/** Default outside world: one web server on the internet and one client, both behind the router. */
export function defaultRemotes(rng: Rng): RemoteHost[] {
  return [
    {
      name: 'server',
      ip: ip('198.51.100.7'),
      mac: rng.mac() as MacAddress,
      routerIface: 'eth1',
      routerIfaceMac: rng.mac() as MacAddress,
      listeners: [web('Hello from 198.51.100.7\n'), { proto: 'udp', port: 53 }],
    },
    {
      name: 'client',
      ip: ip('203.0.113.5'),
      mac: rng.mac() as MacAddress,
      routerIface: 'eth2',
      routerIfaceMac: rng.mac() as MacAddress,
      listeners: [],
    },
  ];
}

export function createWorld(options: WorldOptions = {}): World {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const rng = new Rng((options.seed ?? DEFAULT_SEED) >>> 0);
  const daemon: DaemonConfig = { icc: true, userlandProxy: true, ...options.daemon };
  const bridgeMac = (
    profile === 'docker-27' ? macFromBytes([0x02, 0x42, ...rng.bytes(4)]) : rng.mac()
  ) as MacAddress;
  const ids = [rng.hex(64), rng.hex(64), rng.hex(64)] as const;
  const bridge: Network = {
    id: ids[0],
    name: 'bridge',
    driver: 'bridge',
    isDefault: true,
    created: 0,
    bridge: {
      device: 'docker0',
      subnet: cidr('172.17.0.0/16'),
      gateway: ip('172.17.0.1'),
      mac: bridgeMac,
      ifindex: 3,
      icc: daemon.icc,
      masquerade: true,
      mtu: 1500,
    },
  };
  const host: Network = { id: ids[1], name: 'host', driver: 'host', isDefault: false, created: 0 };
  const none: Network = { id: ids[2], name: 'none', driver: 'null', isDefault: false, created: 0 };
  const ctx = { profile, daemon };
  const netfilter = addNetworkRules(daemonStartRules(ctx), ctx, bridge);
  const remotes = defaultRemotes(rng);
  return {
    version: 1,
    profile,
    rng: rng.state,
    clock: 0,
    daemon,
    host: {
      hostname: 'docker-host',
      eth0: { ip: ip('192.0.2.10'), prefix: 24, mac: '52:54:00:12:34:56' as MacAddress },
      gateway: ip('192.0.2.1'),
      ipForward: true,
      bridgeNfCallIptables: options.bridgeNfCallIptables ?? daemonSetsBrNetfilter(daemon),
      // A public resolver, as on a host with internet access (resolv.conf adds 1.1.1.1 after it).
      nameserver: ip('8.8.8.8') as IPv4,
    },
    router: { ip: ip('192.0.2.1'), mac: '52:54:00:00:00:01' as MacAddress, routes: [] },
    remotes,
    networks: [bridge, host, none],
    containers: [],
    netfilter,
    conntrack: [],
    neigh: {},
    fdb: {},
    ifStats: {},
    nextIfindex: 4,
    nextConntrackId: 1,
    lastEphemeralPort: 0,
    nextSourcePort: {},
  };
}

/**
 * Whether dockerd itself writes net.bridge.bridge-nf-call-iptables=1 (after `modprobe br_netfilter`)
 * while it sets a bridge up: for icc=false, and from v27.4.0 also for userland-proxy=false (moby
 * libnetwork/drivers/bridge/bridge_linux.go, enableBrNfCallIptables). Both profiles (27.5.1, 29.0.4)
 * are past 27.4.
 */
export function daemonSetsBrNetfilter(daemon: {
  readonly icc: boolean;
  readonly userlandProxy: boolean;
}): boolean {
  return !daemon.icc || !daemon.userlandProxy;
}
