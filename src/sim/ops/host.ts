// Host-level settings: daemon options, sysctls, the host's address, remote hosts, the clock. Pure.
import { inCidr, ip, parseCidr, parseIPv4, type MacAddress } from '../addr';
import { namespacesOf } from '../netns';
import { addEndpointRules, addNetworkRules, daemonStartRules } from '../netfilter/docker';
import { REMOTE_NAME_PATTERN } from '../limits';
import { Rng } from '../rng';
import type { DaemonConfig, Listener, Netfilter, RemoteHost, World } from '../types';
import { networkById } from './lookup';
import { ageNeighbours } from './neigh-age';
import { cliError, done, type OpResult } from './result';
import { daemonSetsBrNetfilter, remoteGateway } from '../world';
import { restartWithBip, type DaemonRestart } from './bip';

/**
 * The rules a daemon (re)start installs for the current state: daemon chains, then each network in
 * creation order, then each running endpoint in start order.
 */
export function rebuildNetfilter(world: World): Netfilter {
  const ctx = { profile: world.profile, daemon: world.daemon };
  let nf = daemonStartRules(ctx);
  for (const n of world.networks) if (n.bridge) nf = addNetworkRules(nf, ctx, n);
  const running = world.containers
    .filter((c) => c.state === 'running')
    .sort((a, b) => a.startedAt - b.startedAt);
  for (const c of running) {
    for (const ep of c.endpoints) {
      const n = networkById(world, ep.networkId);
      if (n)
        nf = addEndpointRules(
          nf,
          ctx,
          n,
          ep,
          c.bindings.filter((b) => b.networkId === n.id),
        );
    }
  }
  return nf;
}

/**
 * Restarting dockerd with new options (`--icc`, `--userland-proxy`, `--bip`). For icc and the proxy
 * the lab keeps live containers running and rebuilds the rules around them; a real restart without
 * live-restore stops them, which the lab models where it shows: a new `bip` (bip.ts).
 */
export function setDaemonOptions(before: World, restart: DaemonRestart): OpResult {
  const { bip, ...patch } = restart;
  const readdressed = bip === undefined ? done(before, undefined) : restartWithBip(before, bip);
  if (!readdressed.ok) return readdressed;
  const world = readdressed.world;
  const daemon: DaemonConfig = { ...world.daemon, ...patch };
  const networks = world.networks.map((n) =>
    n.isDefault && n.bridge ? { ...n, bridge: { ...n.bridge, icc: daemon.icc } } : n,
  );
  const needsBrNf = daemonSetsBrNetfilter(daemon);
  const host = needsBrNf ? { ...world.host, bridgeNfCallIptables: true } : world.host;
  const next: World = { ...world, daemon, networks, host };
  return done({ ...next, netfilter: rebuildNetfilter(next) }, undefined);
}

export type SysctlKey = 'net.ipv4.ip_forward' | 'net.bridge.bridge-nf-call-iptables';
export const SYSCTLS: readonly SysctlKey[] = [
  'net.ipv4.ip_forward',
  'net.bridge.bridge-nf-call-iptables',
];

export function readSysctl(world: World, key: SysctlKey): number {
  return key === 'net.ipv4.ip_forward'
    ? Number(world.host.ipForward)
    : Number(world.host.bridgeNfCallIptables);
}

export function setSysctl(world: World, key: SysctlKey, value: string): OpResult {
  if (value !== '0' && value !== '1') {
    return cliError(`sysctl: setting key "${key}": Invalid argument`);
  }
  const on = value === '1';
  const host =
    key === 'net.ipv4.ip_forward'
      ? { ...world.host, ipForward: on }
      : { ...world.host, bridgeNfCallIptables: on };
  return done({ ...world, host }, undefined);
}

/** The lab's own `lab host eth0 ADDR/PREFIX [gw GW]`: readdress the host's uplink. */
export function setHostAddress(world: World, address: string, gateway?: string): OpResult {
  const c = parseCidr(address.includes('/') ? address : `${address}/24`);
  const a = parseIPv4(address.split('/')[0] ?? '');
  if (!c.ok || !a.ok) return cliError(`invalid address: ${address}`);
  const gw = gateway === undefined ? world.host.gateway : parseIPv4(gateway);
  const gwIp = typeof gw === 'string' ? gw : gw.ok ? gw.value : null;
  if (!gwIp) return cliError(`invalid gateway: ${gateway}`);
  if (!inCidr(gwIp, c.value)) return cliError(`Error: Nexthop has invalid gateway.`);
  return done(
    {
      ...world,
      host: {
        ...world.host,
        eth0: { ...world.host.eth0, ip: a.value, prefix: c.value.prefix },
        gateway: gwIp,
      },
      router: { ...world.router, ip: gwIp },
      neigh: {},
      conntrack: [],
    },
    undefined,
  );
}

export interface RemoteOptions {
  readonly name: string;
  readonly ip: string;
  readonly listen?: readonly Listener[];
}

/** The lab's own `lab remote add NAME IP [PORT/PROTO…]`: a machine somewhere beyond the router. */
export function addRemote(world: World, opts: RemoteOptions): OpResult<RemoteHost> {
  const a = parseIPv4(opts.ip);
  if (!a.ok) return cliError(a.error);
  if (!REMOTE_NAME_PATTERN.test(opts.name)) return cliError(`invalid remote name: ${opts.name}`);
  if (world.remotes.some((r) => r.name === opts.name))
    return cliError(`remote ${opts.name} already exists`);
  // Nor an address the router holds as another machine's gateway, nor one whose gateway is taken.
  const gw = remoteGateway(a.value);
  if (
    world.remotes.some((r) => r.ip === a.value || remoteGateway(r.ip) === a.value || r.ip === gw) ||
    a.value === world.host.eth0.ip ||
    gw === world.host.eth0.ip ||
    a.value === world.router.ip
  ) {
    return cliError(`address ${opts.ip} is already in use`);
  }
  const rng = new Rng(world.rng);
  const used = new Set(world.remotes.map((r) => r.routerIface));
  let n = 1;
  while (used.has(`eth${n}`)) n++;
  const remote: RemoteHost = {
    name: opts.name,
    ip: a.value,
    mac: rng.mac() as MacAddress,
    routerIface: `eth${n}`,
    routerIfaceMac: rng.mac() as MacAddress,
    listeners: opts.listen ?? [],
  };
  return done({ ...world, rng: rng.state, remotes: [...world.remotes, remote] }, remote);
}

export function removeRemote(world: World, name: string): OpResult {
  if (!world.remotes.some((r) => r.name === name)) return cliError(`no such remote: ${name}`);
  return done({ ...world, remotes: world.remotes.filter((r) => r.name !== name) }, undefined);
}

/** Lets simulated time pass; expired conntrack entries disappear, unanswered neighbours are probed. */
export function advanceClock(world: World, seconds: number): World {
  const clock = world.clock + seconds;
  const conntrack = world.conntrack.filter((e) => e.expires > clock);
  return {
    ...world,
    clock,
    conntrack: conntrack.length === world.conntrack.length ? world.conntrack : conntrack,
    neigh: ageNeighbours(world, clock),
  };
}

export const LOOPBACK = ip('127.0.0.1');

/** The lab's own `lab router route add CIDR via IP`: a static route on the upstream router. */
export function addRouterRoute(world: World, dst: string, via: string): OpResult {
  const c = parseCidr(dst);
  if (!c.ok) return cliError(`Error: any valid prefix is expected rather than "${dst}".`);
  const g = parseIPv4(via);
  if (!g.ok) return cliError(`Error: inet address is expected rather than "${via}".`);
  // As the kernel: the gateway must be on a link, reached by a route with no gateway of its own
  // (static routes go out of the router's eth0, so its LAN).
  const router = namespacesOf(world).get('router');
  const onLink = router?.routes.some(
    (r) => r.via === null && r.dev === 'eth0' && inCidr(g.value, r.dst),
  );
  if (!onLink) {
    return cliError('Error: Nexthop has invalid gateway.');
  }
  if (
    world.router.routes.some(
      (r) => r.dst.address === c.value.address && r.dst.prefix === c.value.prefix,
    )
  ) {
    return cliError('RTNETLINK answers: File exists');
  }
  return done(
    {
      ...world,
      router: { ...world.router, routes: [...world.router.routes, { dst: c.value, via: g.value }] },
    },
    undefined,
  );
}
