// A whole World from untrusted JSON: every field typed and bounded, then the references between them checked.
import { PROFILES, RELEASES, inCidr, profileNamed, rebuildNetfilter, type World } from '../sim';
import {
  arr,
  bool,
  cidr,
  fail,
  int,
  ipv4,
  mac,
  num,
  obj,
  oneOf,
  record,
  shown,
  str,
} from './guards';
import { LIMITS } from './limits';

/** The names a stored lab's profile may have: a release id, or its name before that. */
const STORED_PROFILES = [...PROFILES, ...PROFILES.map((id) => RELEASES[id].alias)];
import { container, hostJob, network, remote } from './parse-world';
import { conntrackEntry, fdbEntry, neighEntry, netfilter } from './parse-state';

const WORLD_KEYS = [
  'version',
  'profile',
  'rng',
  'clock',
  'daemon',
  'host',
  'router',
  'remotes',
  'networks',
  'containers',
  'netfilter',
  'conntrack',
  'neigh',
  'fdb',
  'ifStats',
  'nextIfindex',
  'nextConntrackId',
  'lastEphemeralPort',
  'nextSourcePort',
];

/** Parses a world as stored in a lab document: `netfilter` and `ifStats` may be left out (recomputed). */
export function parseWorld(v: unknown, p = 'world'): World {
  const o = obj(v, p, WORLD_KEYS);
  if (o['version'] !== 1) fail(`${p}.version`, `unsupported world version ${shown(o['version'])}`);
  const d = obj(o['daemon'], `${p}.daemon`, ['icc', 'userlandProxy']);
  const h = obj(o['host'], `${p}.host`, [
    'hostname',
    'eth0',
    'gateway',
    'ipForward',
    'bridgeNfCallIptables',
    'nameserver',
    'jobs',
  ]);
  const e = obj(h['eth0'], `${p}.host.eth0`, ['ip', 'prefix', 'mac']);
  const r = obj(o['router'], `${p}.router`, ['ip', 'mac', 'routes']);
  const clock = num(o['clock'], `${p}.clock`, 0, 1e10);
  const world: World = {
    version: 1,
    // A lab stored before the profiles were named by release says `classic` or `current`.
    profile: profileNamed(oneOf(o['profile'], `${p}.profile`, STORED_PROFILES))!,
    rng: int(o['rng'], `${p}.rng`, 0, 0xffffffff),
    clock,
    daemon: {
      icc: bool(d['icc'], `${p}.daemon.icc`),
      userlandProxy: bool(d['userlandProxy'], `${p}.daemon.userlandProxy`),
    },
    host: {
      hostname: str(h['hostname'], `${p}.host.hostname`, 64, /^[a-zA-Z0-9][a-zA-Z0-9.-]*$/),
      eth0: {
        ip: ipv4(e['ip'], `${p}.host.eth0.ip`),
        prefix: int(e['prefix'], `${p}.host.eth0.prefix`, 1, 32),
        mac: mac(e['mac'], `${p}.host.eth0.mac`),
      },
      gateway: ipv4(h['gateway'], `${p}.host.gateway`),
      ipForward: bool(h['ipForward'], `${p}.host.ipForward`),
      bridgeNfCallIptables: bool(h['bridgeNfCallIptables'], `${p}.host.bridgeNfCallIptables`),
      nameserver: ipv4(h['nameserver'], `${p}.host.nameserver`),
      ...(h['jobs'] === undefined
        ? {}
        : { jobs: arr(h['jobs'], `${p}.host.jobs`, LIMITS.listeners, hostJob) }),
    },
    router: {
      ip: ipv4(r['ip'], `${p}.router.ip`),
      mac: mac(r['mac'], `${p}.router.mac`),
      routes: arr(r['routes'], `${p}.router.routes`, LIMITS.routerRoutes, (x, q) => {
        const rt = obj(x, q, ['dst', 'via']);
        return { dst: cidr(rt['dst'], `${q}.dst`), via: ipv4(rt['via'], `${q}.via`) };
      }),
    },
    remotes: arr(o['remotes'], `${p}.remotes`, LIMITS.remotes, remote),
    networks: arr(o['networks'], `${p}.networks`, LIMITS.networks, network),
    containers: arr(o['containers'], `${p}.containers`, LIMITS.containers, container),
    netfilter: {
      raw: { name: 'raw', chains: [] },
      nat: { name: 'nat', chains: [] },
      filter: { name: 'filter', chains: [] },
    },
    conntrack: arr(o['conntrack'], `${p}.conntrack`, LIMITS.conntrack, conntrackEntry),
    neigh: record(o['neigh'], `${p}.neigh`, LIMITS.neighNodes, (x, q) =>
      arr(x, q, LIMITS.neighPerNode, (y, r) => neighEntry(y, r, clock)),
    ),
    fdb: record(o['fdb'], `${p}.fdb`, LIMITS.fdbBridges, (x, q) =>
      arr(x, q, LIMITS.fdbPerBridge, fdbEntry),
    ),
    ifStats: {},
    nextIfindex: int(o['nextIfindex'], `${p}.nextIfindex`, 1, 1 << 20),
    nextConntrackId: int(o['nextConntrackId'], `${p}.nextConntrackId`, 1, Number.MAX_SAFE_INTEGER),
    lastEphemeralPort: int(o['lastEphemeralPort'], `${p}.lastEphemeralPort`, 0, 65535),
    nextSourcePort: record(o['nextSourcePort'], `${p}.nextSourcePort`, LIMITS.neighNodes, (x, q) =>
      int(x, q, 1, 65535),
    ),
  };
  if (o['ifStats'] !== undefined) {
    // Counters are never shared; an old file that has them is fine, their content is dropped after a shape check.
    record(o['ifStats'], `${p}.ifStats`, 64, (x, q) => record(x, q, LIMITS.neighNodes, () => null));
  }
  checkReferences(world, p);
  const nf =
    o['netfilter'] === undefined
      ? rebuildNetfilter(world)
      : netfilter(o['netfilter'], `${p}.netfilter`);
  return { ...world, netfilter: nf };
}

function unique(values: readonly string[], path: string, what: string): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) fail(path, `duplicate ${what} "${v}"`);
    seen.add(v);
  }
}

/** What the engine relies on: names and ids unique, every reference pointing at something that exists. */
function checkReferences(w: World, p: string): void {
  unique(
    w.networks.map((n) => n.id),
    `${p}.networks`,
    'network id',
  );
  unique(
    w.networks.map((n) => n.name),
    `${p}.networks`,
    'network name',
  );
  unique(
    w.networks.flatMap((n) => (n.bridge ? [n.bridge.device] : [])),
    `${p}.networks`,
    'bridge device',
  );
  for (const name of ['bridge', 'host', 'none'])
    if (!w.networks.some((n) => n.name === name))
      fail(`${p}.networks`, `the predefined network "${name}" is missing`);
  unique(
    w.containers.map((c) => c.id),
    `${p}.containers`,
    'container id',
  );
  unique(
    w.containers.map((c) => c.name),
    `${p}.containers`,
    'container name',
  );
  unique(
    w.containers.flatMap((c) => c.endpoints.map((e) => e.hostVeth)),
    `${p}.containers`,
    'veth',
  );
  unique(
    w.containers.flatMap((c) => c.endpoints.map((e) => e.ip)),
    `${p}.containers`,
    'container address',
  );
  unique(
    w.remotes.map((r) => r.name),
    `${p}.remotes`,
    'remote name',
  );
  unique(
    w.remotes.map((r) => r.routerIface),
    `${p}.remotes`,
    'router interface',
  );
  const byId = new Map(w.networks.map((n) => [n.id, n]));
  w.containers.forEach((c, i) => {
    const q = `${p}.containers[${i}]`;
    // A stopped container may name a network removed since; only live ones must be consistent.
    if (c.state !== 'running') {
      if (c.endpoints.length > 0 || c.bindings.length > 0)
        fail(q, 'a container that is not running has no live endpoints or bindings');
      return;
    }
    if (
      c.mode.kind === 'bridge' &&
      !w.networks.some((n) => n.name === (c.mode as { network: string }).network)
    )
      fail(`${q}.mode.network`, `no network named "${c.mode.network}"`);
    // `container:X` may name a container removed since: dockerd lets X go and the dependent keeps
    // running in the namespace it joined (moby#22784); the engine then gives it only lo.
    for (const id of c.networks)
      if (!byId.has(id)) fail(`${q}.networks`, `no network with id ${id.slice(0, 12)}`);
    c.endpoints.forEach((ep, j) => {
      const n = byId.get(ep.networkId);
      if (!n?.bridge) fail(`${q}.endpoints[${j}].networkId`, 'not a bridge network of this world');
      if (!inCidr(ep.ip, n.bridge.subnet))
        fail(
          `${q}.endpoints[${j}].ip`,
          `${ep.ip} is outside ${n.bridge.subnet.address}/${n.bridge.subnet.prefix}`,
        );
    });
    c.bindings.forEach((b, j) => {
      if (!byId.has(b.networkId)) fail(`${q}.bindings[${j}].networkId`, 'no such network');
    });
  });
}
