// `"bip"` in /etc/docker/daemon.json and a restart of dockerd: docker0's address and subnet. Pure.
import {
  broadcastOf,
  cidrText,
  cidrsOverlap,
  parseCidr,
  parseIPv4,
  type Cidr,
  type IPv4,
} from '../addr';
import type { World } from '../types';
import { stopContainer } from './containers';
import { cliError, done, type OpResult } from './result';

/** A restart's options: the daemon's settings the world keeps, and `bip`, whose effect is docker0's address. */
export interface DaemonRestart {
  readonly icc?: boolean;
  readonly userlandProxy?: boolean;
  /** `ADDRESS/PREFIX`, e.g. `10.200.0.1/24`: docker0's own address, its prefix the subnet's. */
  readonly bip?: string;
}

const bad = (bip: string, why: string) => cliError(`invalid bip ${bip}: ${why}`);

/** What `bip` says, or why the lab will not take it. */
function parseBip(world: World, bip: string): OpResult<{ gateway: IPv4; subnet: Cidr }> {
  const [address, len] = bip.split('/');
  const a = parseIPv4(address ?? '');
  const c = parseCidr(bip);
  // dockerd parses it with net.ParseCIDR: a bare address is no CIDR (daemon_unix.go, "parse bip failed").
  if (len === undefined || !a.ok || !c.ok)
    return bad(bip, 'want the bridge address with its prefix, e.g. 10.200.0.1/24');
  const subnet = c.value;
  if (subnet.prefix < 8 || subnet.prefix > 30)
    return bad(bip, 'the lab takes a prefix from /8 to /30');
  if (a.value === subnet.address || a.value === broadcastOf(subnet))
    return bad(bip, `${a.value} is the network or broadcast address of ${cidrText(subnet)}`);
  const host = parseCidr(`${world.host.eth0.ip}/${world.host.eth0.prefix}`);
  if (host.ok && cidrsOverlap(host.value, subnet))
    return bad(bip, `${cidrText(subnet)} overlaps the host's eth0 (${cidrText(host.value)})`);
  const other = world.networks.find(
    (n) => !n.isDefault && n.bridge && cidrsOverlap(n.bridge.subnet, subnet),
  );
  if (other?.bridge)
    return bad(
      bip,
      `${cidrText(subnet)} overlaps network ${other.name} (${cidrText(other.bridge.subnet)})`,
    );
  return done(world, { gateway: a.value, subnet });
}

/**
 * dockerd stopping and starting again with `bip`. Without live-restore its shutdown stops every
 * running container (daemon.Shutdown → shutdownContainer), so their addresses and ports are
 * released; none has a restart policy in the lab, so none comes back by itself. At start, `bip`
 * becomes docker0's address and subnet (getDefaultBridgeIPAMConf: PreferredPool and Gateway), the
 * old address goes, and with it the connected route 172.17.0.0/16. A container started again gets
 * the lowest free address of the new subnet. Neighbours learnt on docker0 go with its carrier.
 */
export function restartWithBip(world: World, bip: string): OpResult {
  const parsed = parseBip(world, bip);
  if (!parsed.ok) return parsed;
  let w = world;
  const running = world.containers
    .filter((c) => c.state === 'running')
    .sort((a, b) => b.startedAt - a.startedAt);
  for (const c of running) {
    const r = stopContainer(w, c.id);
    if (!r.ok) return r;
    w = r.world;
  }
  const { gateway, subnet } = parsed.value;
  const networks = w.networks.map((n) =>
    n.isDefault && n.bridge ? { ...n, bridge: { ...n.bridge, subnet, gateway } } : n,
  );
  const docker0 = world.networks.find((n) => n.isDefault)?.bridge?.device ?? 'docker0';
  const hostNeigh = (w.neigh['host'] ?? []).filter((e) => e.dev !== docker0);
  return done({ ...w, networks, neigh: { ...w.neigh, host: hostNeigh } }, undefined);
}
