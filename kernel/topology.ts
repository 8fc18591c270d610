// From the engine's namespace model (`namespacesOf`) to the namespaces that reproduce it: names,
// ip commands, sysctls, interfaces. Pure: every device, address and route comes from the model.
import { namespaceOf, namespacesOf, nodeId, parseNodeId } from '../src/sim';
import type { Device, Namespace, NodeId, World } from '../src/sim';

export type Role = 'host' | 'router' | 'internet' | `c-${string}` | `r-${string}`;

/** One namespace: what to run inside it, in build order. */
export interface NsPlan {
  readonly ns: string;
  readonly role: Role;
  /** The model's namespace it reproduces. */
  readonly node: NodeId;
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

function role(id: NodeId): Role {
  const p = parseNodeId(id);
  switch (p?.kind) {
    case 'host':
    case 'router':
    case 'internet':
      return p.kind;
    case 'container':
      return `c-${safe(p.name)}`;
    case 'remote':
      return `r-${safe(p.name)}`;
    case undefined:
      throw new Error(`not a node id: ${id}`);
  }
}

/**
 * Build order: the host first, then the router, then the rest. A pair is created by the earlier of
 * its two namespaces with the peer placed straight into the later one, which configures its end
 * in its own, later stage.
 */
const rank = (id: NodeId): number => (id === 'host' ? 0 : id === 'router' ? 1 : 2);

/** A device's own settings for `ip link add`; `ether` (a cable in the model) is a veth here. */
const linkOpts = (d: Device): string =>
  `${d.name} address ${d.mac} mtu ${d.mtu} txqueuelen ${d.txqueuelen}`;

function batch(ns: Namespace, all: ReadonlyMap<NodeId, Namespace>, nsName: (id: NodeId) => string) {
  const devices = [...ns.devices.values()].filter((d) => d.kind !== 'loopback');
  const lines: string[] = [];
  // In the model's ifindex order: the kernel numbers devices as they are created, and the order
  // matters (an address picked for a device with none of its own is the first device's, as
  // MASQUERADE does for a packet leaving on lo).
  for (const d of devices) {
    if (d.kind === 'bridge') lines.push(`link add ${linkOpts(d)} type bridge`);
    if (!d.peer || rank(d.peer.ns) <= rank(ns.id)) continue;
    const peer = all.get(d.peer.ns)?.devices.get(d.peer.name);
    if (!peer)
      throw new Error(`${ns.id}/${d.name}: peer ${d.peer.ns}/${d.peer.name} not in the model`);
    lines.push(
      `link add ${linkOpts(d)} type veth peer name ${linkOpts(peer)} netns ${nsName(peer.ns)}`,
    );
  }
  for (const d of devices) if (d.master) lines.push(`link set ${d.name} master ${d.master}`);
  for (const d of devices)
    for (const a of d.addrs)
      lines.push(`addr add ${a.ip}/${a.prefix}${a.prefix < 31 ? ' brd +' : ''} dev ${d.name}`);
  for (const d of devices) lines.push(`link set ${d.name} up`);
  // Routes with no gateway first: they are what makes a gateway reachable (a remote's default
  // goes through its /32 route to the router's end of the link).
  const boot = ns.routes.filter((r) => r.proto === 'boot'); // the kernel adds its own with each address
  for (const r of [...boot.filter((x) => !x.via), ...boot.filter((x) => x.via)]) {
    const dst = r.dst.prefix === 0 ? 'default' : `${r.dst.address}/${r.dst.prefix}`;
    const via = r.via ? ` via ${r.via}` : '';
    lines.push(`route add ${dst}${via} dev ${r.dev}${r.onlink ? ' onlink' : ''}`);
  }
  // The internet's AnyIP prefixes: type local, so iproute2 puts them in the local table.
  for (const c of ns.anyIp) lines.push(`route add local ${c.address}/${c.prefix} dev lo`);
  return lines;
}

export function planTopology(world: World, prefix: string): TopologyPlan {
  const all = new Map<NodeId, Namespace>(namespacesOf(world));
  const nsName = (id: NodeId): string => `${prefix}${role(id)}`;
  const nodeNs: Record<string, string> = {};
  for (const id of all.keys()) nodeNs[id] = nsName(id);
  // A container in host mode or joined to another's namespace runs its processes there.
  for (const c of world.containers) {
    const home = c.state === 'running' ? namespaceOf(world, c) : null;
    if (home && all.has(home)) nodeNs[nodeId.container(c.name)] ??= nsName(home);
  }
  const proxyless = !world.daemon.userlandProxy;
  const namespaces = [...all.values()]
    .sort((a, b) => rank(a.id) - rank(b.id))
    .map((ns): NsPlan => {
      const stages: string[][] = [[], [], []];
      stages[rank(ns.id)] = batch(ns, all, nsName);
      const devices = [...ns.devices.values()];
      const sysctls: Record<string, string | number> = {
        ...BASE_SYSCTLS,
        'net.ipv4.ip_forward': bool(ns.forwarding),
      };
      const bridgeCmds: string[][] = [];
      if (ns.netfilter) {
        sysctls['net.bridge.bridge-nf-call-iptables'] = bool(world.host.bridgeNfCallIptables);
        for (const d of devices) {
          if (proxyless && d.kind === 'bridge')
            sysctls[`net.ipv4.conf.${d.name}.route_localnet`] = 1;
          if (proxyless && d.master)
            bridgeCmds.push(['bridge', 'link', 'set', 'dev', d.name, 'hairpin', 'on']);
        }
      }
      return {
        ns: nsName(ns.id),
        role: role(ns.id),
        node: ns.id,
        stages: stages.slice(0, rank(ns.id) + 1),
        sysctls,
        bridgeCmds,
        ifaces: devices.map((d) => d.name),
      };
    });
  return { namespaces, nodeNs };
}
