// From a World to the namespaces that reproduce it: names, ip commands, sysctls, interfaces. Pure.
import type { Container, Network, World } from '../src/sim';
import { remoteGateway } from '../src/sim';

export type Role = 'host' | 'router' | `c-${string}` | `r-${string}`;

/** One namespace: what to run inside it, in build order. */
export interface NsPlan {
  readonly ns: string;
  readonly role: Role;
  /** `ip -batch` lines; a stage runs after every namespace's earlier stages (peers must exist). */
  readonly stages: readonly (readonly string[])[];
  readonly sysctls: Readonly<Record<string, string | number>>;
  /** `bridge` commands (hairpin) run after the links exist. */
  readonly bridgeCmds: readonly (readonly string[])[];
  /** Every interface tcpdump watches, lo included. */
  readonly ifaces: readonly string[];
}

export interface TopologyPlan {
  readonly namespaces: readonly NsPlan[];
  /** Engine node id ('host', 'router', 'container:NAME', 'remote:NAME') → namespace. */
  readonly nodeNs: Readonly<Record<string, string>>;
}

const safe = (name: string): string => name.replace(/[^A-Za-z0-9_.-]/g, '_');
const bool = (b: boolean): number => (b ? 1 : 0);

/** Kernel defaults pinned, whatever the root namespace passes on (IPv4 conf is inherited). */
const BASE_SYSCTLS = {
  'net.ipv4.conf.all.rp_filter': 0,
  'net.ipv4.conf.default.rp_filter': 0,
};

function bridgeOf(world: World, networkId: string): Network | undefined {
  return world.networks.find((n) => n.id === networkId && n.bridge);
}

/** The namespace a container's processes live in, or null when it has none of its own. */
function containerHome(world: World, c: Container, prefix: string, depth = 0): string | null {
  if (c.state !== 'running' || depth > 4) return null;
  switch (c.mode.kind) {
    case 'host':
      return `${prefix}host`;
    case 'container': {
      const targetId = c.mode.target;
      const t = world.containers.find((x) => x.id === targetId || x.name === targetId);
      return t ? containerHome(world, t, prefix, depth + 1) : null;
    }
    case 'bridge':
    case 'none':
      return `${prefix}c-${safe(c.name)}`;
  }
}

export function planTopology(world: World, prefix: string): TopologyPlan {
  const hostNs = `${prefix}host`;
  const routerNs = `${prefix}router`;
  const nodeNs: Record<string, string> = { host: hostNs, router: routerNs };
  const h = world.host;

  const hostLinks: string[] = [
    `link add eth0 address ${h.eth0.mac} type veth peer name eth0 address ${world.router.mac} netns ${routerNs}`,
  ];
  const hostAddrs: string[] = [`addr add ${h.eth0.ip}/${h.eth0.prefix} brd + dev eth0`];
  const hostUp: string[] = ['link set eth0 up'];
  const hostIfaces = ['lo', 'eth0'];
  const hostBridgeCmds: string[][] = [];
  const hostSysctls: Record<string, string | number> = {
    ...BASE_SYSCTLS,
    'net.ipv4.ip_forward': bool(h.ipForward),
    'net.bridge.bridge-nf-call-iptables': bool(h.bridgeNfCallIptables),
  };
  for (const n of world.networks) {
    if (!n.bridge) continue;
    const b = n.bridge;
    hostLinks.push(`link add ${b.device} address ${b.mac} mtu ${b.mtu} type bridge`);
    hostAddrs.push(`addr add ${b.gateway}/${b.subnet.prefix} brd + dev ${b.device}`);
    hostUp.push(`link set ${b.device} up`);
    hostIfaces.push(b.device);
    if (!world.daemon.userlandProxy) hostSysctls[`net.ipv4.conf.${b.device}.route_localnet`] = 1;
  }

  const containerPlans: NsPlan[] = [];
  for (const c of world.containers) {
    const home = containerHome(world, c, prefix);
    if (home === null) continue;
    nodeNs[`container:${c.name}`] = home;
    if (c.mode.kind !== 'bridge' && c.mode.kind !== 'none') continue;
    const batch: string[] = [];
    const ifaces = ['lo'];
    c.endpoints.forEach((ep, i) => {
      const net = bridgeOf(world, ep.networkId);
      if (!net?.bridge) return;
      hostLinks.push(
        `link add ${ep.hostVeth} address ${ep.hostVethMac} type veth peer name ${ep.ifName} address ${ep.mac} netns ${home}`,
        `link set ${ep.hostVeth} master ${net.bridge.device}`,
      );
      hostUp.push(`link set ${ep.hostVeth} up`);
      hostIfaces.push(ep.hostVeth);
      if (!world.daemon.userlandProxy) {
        hostBridgeCmds.push(['bridge', 'link', 'set', 'dev', ep.hostVeth, 'hairpin', 'on']);
      }
      batch.push(
        `addr add ${ep.ip}/${ep.prefix} brd + dev ${ep.ifName}`,
        `link set ${ep.ifName} up`,
      );
      if (i === 0) batch.push(`route add default via ${ep.gateway} dev ${ep.ifName}`);
      ifaces.push(ep.ifName);
    });
    containerPlans.push({
      ns: home,
      role: `c-${safe(c.name)}`,
      stages: [[], [], batch],
      sysctls: { ...BASE_SYSCTLS, 'net.ipv4.ip_forward': 0 },
      bridgeCmds: [],
      ifaces,
    });
  }

  const routerBatch: string[] = [
    `addr add ${world.router.ip}/24 brd + dev eth0`,
    'link set eth0 up',
  ];
  const remotePlans: NsPlan[] = [];
  const routerIfaces = ['lo', 'eth0'];
  for (const r of world.remotes) {
    const ns = `${prefix}r-${safe(r.name)}`;
    nodeNs[`remote:${r.name}`] = ns;
    routerBatch.push(
      `link add ${r.routerIface} address ${r.routerIfaceMac} type veth peer name eth0 address ${r.mac} netns ${ns}`,
      `link set ${r.routerIface} up`,
      // Point-to-point: the peer route to the machine comes with the address.
      `addr add ${remoteGateway(r.ip)} peer ${r.ip} dev ${r.routerIface}`,
    );
    routerIfaces.push(r.routerIface);
    remotePlans.push({
      ns,
      role: `r-${safe(r.name)}`,
      stages: [
        [],
        [],
        [
          `addr add ${r.ip} peer ${remoteGateway(r.ip)} dev eth0`,
          'link set eth0 up',
          `route add default via ${remoteGateway(r.ip)} dev eth0`,
        ],
      ],
      sysctls: { ...BASE_SYSCTLS, 'net.ipv4.ip_forward': 0 },
      bridgeCmds: [],
      ifaces: ['lo', 'eth0'],
    });
  }
  for (const route of world.router.routes) {
    routerBatch.push(`route add ${route.dst.address}/${route.dst.prefix} via ${route.via}`);
  }

  const host: NsPlan = {
    ns: hostNs,
    role: 'host',
    stages: [
      [...hostLinks, ...hostAddrs, ...hostUp, `route add default via ${h.gateway} dev eth0`],
    ],
    sysctls: hostSysctls,
    bridgeCmds: hostBridgeCmds,
    ifaces: hostIfaces,
  };
  const router: NsPlan = {
    ns: routerNs,
    role: 'router',
    stages: [[], routerBatch],
    sysctls: { ...BASE_SYSCTLS, 'net.ipv4.ip_forward': 1 },
    bridgeCmds: [],
    ifaces: routerIfaces,
  };
  return { namespaces: [host, router, ...containerPlans, ...remotePlans], nodeNs };
}
