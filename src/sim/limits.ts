// The one definition of a lab the engine can hold, save and reopen. The share parser refuses a
// document that breaks it (src/share), and every operation is checked against it before its world
// is kept (ops/checked.ts), so what the lab accepts it can always save, share and reopen.
// Where Docker or Linux refuse something themselves, the operation says so first with their error;
// these are the lab's own bounds on what they allow (generous for a classroom, small enough that
// a hostile link cannot hang the page), each stated plainly when it is reached.
import type { Flow } from './trace';
import type { World } from './types';
import { SYN_GIVE_UP_S } from './syn-tries';

export const LIMITS = {
  containers: 1000,
  /** bridge, host and none included. */
  networks: 64,
  remotes: 32,
  /** Networks one container joins (and so its endpoints). */
  endpoints: 16,
  /** `-p` requests of one container, a range counting each of its ports. */
  ports: 64,
  listeners: 16,
  commandArgs: 32,
  argChars: 256,
  /** Container and network names (Docker itself sets no length). */
  nameChars: 64,
  /** The path of a URL a client asks for. */
  pathChars: 2048,
  /** Echo requests of one ping (`-c`). */
  pingCount: 100,
  httpBody: 4096,
  /** Lines a container's log keeps (its server's access log): the last ones. */
  logLines: 200,
  routerRoutes: 64,
  chainsPerTable: 512,
  rulesPerChain: 8192,
  conntrack: 8192,
  neighNodes: 1100,
  neighPerNode: 1100,
  fdbBridges: 64,
  fdbPerBridge: 2048,
  /** Simulated seconds (over 300 years). */
  clock: 1e10,
} as const;

/** Docker's names (daemon/names: `[a-zA-Z0-9][a-zA-Z0-9_.-]`), containers and networks alike. */
export const NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
/** The lab's remote machines. */
export const REMOTE_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_.-]{0,30}$/;
/** A Linux interface name: at most 15 characters (IFNAMSIZ - 1). */
export const IFNAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.@:-]{0,14}$/;
/** The MTU a Linux bridge accepts (ETH_MIN_MTU..ETH_MAX_MTU). */
export const MTU = { min: 68, max: 65535 } as const;
/** C0 controls and DEL: what no request line may carry (a raw busybox path may keep spaces). */
export const isControl = (ch: string): boolean => {
  const c = ch.charCodeAt(0);
  return c < 0x20 || c === 0x7f;
};

/** Docker publishes any range; the lab keeps at most LIMITS.ports (ports.ts says so before expanding one). */
export const TOO_MANY_PORTS = `the lab holds at most ${LIMITS.ports} published ports per container`;

const tooMany = (n: number, max: number, what: string) =>
  n > max ? `the lab holds at most ${max} ${what}` : null;

function nameProblem(name: string, what: string): string | null {
  return name.length > LIMITS.nameChars
    ? `the lab holds ${what} names of at most ${LIMITS.nameChars} characters ("${name.slice(0, 20)}…" has ${name.length})`
    : null;
}

/** What makes a world one the lab cannot save: each problem as the sentence a user is shown. */
export function labProblems(w: World): string[] {
  const out: (string | null)[] = [
    tooMany(w.containers.length, LIMITS.containers, 'containers'),
    tooMany(w.networks.length, LIMITS.networks, 'networks (bridge, host and none included)'),
    tooMany(w.remotes.length, LIMITS.remotes, 'remote machines'),
    tooMany(w.router.routes.length, LIMITS.routerRoutes, 'routes on its router'),
    tooMany(w.conntrack.length, LIMITS.conntrack, 'conntrack entries'),
    w.host.eth0.prefix < 1
      ? `the lab's host needs a prefix of /1 to /32 on eth0 (a /0 puts every address on its link)`
      : null,
    w.clock > LIMITS.clock ? `the lab's clock stops at ${LIMITS.clock} seconds` : null,
  ];
  for (const n of w.networks) {
    out.push(nameProblem(n.name, 'network'));
    const mtu = n.bridge?.mtu;
    if (mtu !== undefined && (!Number.isInteger(mtu) || mtu < MTU.min || mtu > MTU.max))
      out.push(`network ${n.name}: an MTU of ${mtu} is outside ${MTU.min}..${MTU.max}`);
  }
  for (const c of w.containers) {
    out.push(nameProblem(c.name, 'container'));
    if (c.command.length > LIMITS.commandArgs)
      out.push(`the lab keeps commands of at most ${LIMITS.commandArgs} arguments`);
    if (c.command.some((a) => a.length > LIMITS.argChars))
      out.push(`the lab keeps command arguments of at most ${LIMITS.argChars} characters`);
    if (c.ports.length > LIMITS.ports) out.push(TOO_MANY_PORTS);
    if (Math.max(c.networks.length, c.endpoints.length) > LIMITS.endpoints)
      out.push(`a container in the lab joins at most ${LIMITS.endpoints} networks`);
  }
  if ((w.host.jobs?.length ?? 0) > LIMITS.listeners)
    out.push(`the lab's host runs at most ${LIMITS.listeners} servers in the background`);
  const taken = new Set([w.host.eth0.ip, w.router.ip]);
  for (const r of w.remotes) {
    if (r.listeners.length > LIMITS.listeners)
      out.push(`a remote machine in the lab listens on at most ${LIMITS.listeners} ports`);
    if (taken.has(r.ip)) out.push(`address ${r.ip} is already in use`);
    taken.add(r.ip);
  }
  return out.filter((p): p is string => p !== null);
}

/** What makes a flow one the lab cannot save (the clients never build one). */
export function flowProblem(f: Flow): string | null {
  if (f.port !== undefined && (!Number.isInteger(f.port) || f.port < 0 || f.port > 65535))
    return `port ${f.port} is outside 0..65535`;
  if (
    f.count !== undefined &&
    (!Number.isInteger(f.count) || f.count < 1 || f.count > LIMITS.pingCount)
  )
    return `the lab sends 1 to ${LIMITS.pingCount} echo requests per ping`;
  if (
    f.lookup !== undefined &&
    (!NAME_PATTERN.test(f.lookup) || f.lookup.length > LIMITS.nameChars)
  )
    return 'a looked-up name is a host name (letters, digits, _ . -)';
  if (f.wait !== undefined && !(f.wait >= 0 && f.wait <= SYN_GIVE_UP_S))
    return `a tool waits 0 to ${SYN_GIVE_UP_S} s for its connection (the kernel gives up then)`;
  if (f.path !== undefined && f.path.length > LIMITS.pathChars)
    return `the lab sends URL paths of at most ${LIMITS.pathChars} characters`;
  if (f.path !== undefined && (!f.path.startsWith('/') || [...f.path].some(isControl)))
    return 'a URL path starts with / and holds no control characters';
  return null;
}
