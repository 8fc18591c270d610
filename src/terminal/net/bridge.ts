// iproute2 6.1's `bridge [-s] [-d] [-j] link|fdb|vlan [show …]` from the host netns. Pure.
// Checked against the real tool in src/__fixtures__/terminal-corpus.json (bridge -d/-s/-j cases).
import type { World } from '../../sim';
import type { Iface, Netns } from './netns';
import { own } from '../own';
import type { Outcome } from './ip-route';

/** FDB entries age out after the bridge's default 300 s. */
export const FDB_AGEING_SECONDS = 300;

export const BRIDGE_USAGE = `Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }
       bridge [ -force ] -batch filename
where  OBJECT := { link | fdb | mdb | vlan | monitor }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |
                    -o[neline] | -t[imestamp] | -n[etns] name |
                    -c[ompressvlans] -color -p[retty] -j[son] }
`;

interface Opts {
  readonly stats: boolean;
  readonly details: boolean;
  readonly json: boolean;
}

/**
 * A bridge port's flags as `bridge -d link` prints them. Docker turns hairpin on for its ports when
 * the userland proxy is off, so that a container reaches its own published port through the host.
 */
function portDetails(hairpin: boolean): readonly (readonly [string, boolean | number])[] {
  return [
    ['hairpin', hairpin],
    ...(['guard', 'root_block', 'fastleave'] as const).map((k) => [k, false] as const),
    ...(['learning', 'flood', 'mcast_flood', 'bcast_flood'] as const).map(
      (k) => [k, true] as const,
    ),
    ['mcast_router', 1],
    ...(['mcast_to_unicast', 'neigh_suppress', 'vlan_tunnel', 'isolated', 'locked'] as const).map(
      (k) => [k, false] as const,
    ),
  ];
}

const onOff = (v: boolean | number): string =>
  typeof v === 'number' ? String(v) : v ? 'on' : 'off';

/** The peer as iproute2 names it: `ifN` when it lives in another namespace. */
const linkOf = (i: Iface): string =>
  i.peer && i.peer.ns !== i.ns ? `if${i.peer.ifindex}` : (i.peer?.name ?? '');

function bridgeLink(world: World, ns: Netns, o: Opts, dev?: string): string {
  const ports = ns.ifaces.filter((i) => i.master && (dev === undefined || i.name === dev));
  const details = portDetails(!world.daemon.userlandProxy);
  if (o.json) {
    const objs = ports.map((i) => ({
      ifindex: i.ifindex,
      link: linkOf(i),
      ifname: i.name,
      flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
      mtu: i.mtu,
      master: i.master,
      state: 'forwarding',
      priority: 32,
      cost: 2,
      ...(o.details ? Object.fromEntries(details) : {}),
    }));
    return `${JSON.stringify(objs)}\n`;
  }
  return ports
    .map((i) => {
      const head = `${i.ifindex}: ${i.name}@${linkOf(i)}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu ${i.mtu} master ${i.master ?? ''} state forwarding priority 32 cost 2 \n`;
      if (!o.details) return head;
      return `${head}    ${details.map(([k, v]) => `${k} ${onOff(v)} `).join('')}\n`;
    })
    .join('');
}

/** The IPv6 solicited-node multicast MAC for a device's link-local address. */
const solicited = (mac: string): string => `33:33:ff:${mac.split(':').slice(3).join(':')}`;

interface Fdb {
  readonly mac: string;
  readonly dev: string;
  /** The bridge, for an entry of the bridge's own table; null for the device's own (`self`). */
  readonly master: string | null;
  readonly permanent: boolean;
  /** Seconds since the entry was last used and updated (`-s`). */
  readonly age: number;
}

const selfOf = (i: Iface, macs: readonly string[]): Fdb[] =>
  macs.map((mac) => ({ mac, dev: i.name, master: null, permanent: true, age: 0 }));

/** Multicast and local entries per device, learned MACs from world.fdb, in the kernel's dump order. */
function fdbEntries(world: World, ns: Netns, br?: string, dev?: string): Fdb[] {
  const out: Fdb[] = [];
  const local = { permanent: true, age: world.clock };
  for (const i of ns.ifaces) {
    if (i.kind === 'loopback') continue;
    if (br !== undefined && i.name !== br && i.master !== br) continue;
    if (dev !== undefined && i.name !== dev) continue;
    const mc = ['33:33:00:00:00:01', '01:00:5e:00:00:01', solicited(i.mac)];
    if (i.kind === 'ether') out.push(...selfOf(i, mc));
    else if (i.kind === 'bridge') {
      const linkLocal = i.addrs6.some((x) => x.scope === 'link');
      const groups = linkLocal
        ? ['33:33:00:00:00:01', '01:00:5e:00:00:6a', '33:33:00:00:00:6a', '01:00:5e:00:00:01']
        : ['33:33:00:00:00:01', '01:00:5e:00:00:01'];
      out.push(...selfOf(i, linkLocal ? [...groups, solicited(i.mac)] : groups));
      out.push({ mac: i.mac, dev: i.name, master: i.name, ...local });
    } else if (i.master) {
      const learned = (own(world.fdb, i.master) ?? []).filter(
        (e) => e.port === i.name && world.clock - e.updated < FDB_AGEING_SECONDS,
      );
      for (const e of learned)
        out.push({
          mac: e.mac,
          dev: i.name,
          master: i.master,
          permanent: false,
          age: world.clock - e.updated,
        });
      out.push({ mac: i.mac, dev: i.name, master: i.master, ...local }, ...selfOf(i, mc));
    }
  }
  return out;
}

/** `bridge fdb show [br B] [dev D]`: with `dev`, the device is not printed. */
function bridgeFdb(world: World, ns: Netns, o: Opts, br?: string, dev?: string): string {
  const list = fdbEntries(world, ns, br, dev);
  const stats = (e: Fdb) => o.stats && e.master !== null;
  if (o.json) {
    const objs = list.map((e) => ({
      mac: e.mac,
      ...(dev === undefined ? { ifname: e.dev } : {}),
      ...(stats(e) ? { used: e.age, updated: e.age } : {}),
      flags: e.master === null ? ['self'] : [],
      ...(e.master !== null ? { master: e.master } : {}),
      state: e.permanent ? 'permanent' : '',
    }));
    return `${JSON.stringify(objs)}\n`;
  }
  return list
    .map((e) => {
      const on = dev === undefined ? ` dev ${e.dev}` : '';
      const used = stats(e) ? ` used ${e.age}/${e.age}` : '';
      const by = e.master === null ? 'self ' : `master ${e.master} `;
      return `${e.mac}${on}${used} ${by}${e.permanent ? 'permanent' : ''}\n`;
    })
    .join('');
}

const fail = (err: string): Outcome => ({ out: '', err, exit: 255 });
const ok = (out: string): Outcome => ({ out, err: '', exit: 0 });

/** iproute2's matches(): a word is an abbreviation of the option's full name. */
const abbrev = (word: string, full: string): boolean => word.length > 1 && full.startsWith(word);

/** `bridge [-s] [-d] [-j] link [show [dev D]] | fdb [show [br B] [dev D]] | vlan [show]`. */
export function bridgeCommand(args: readonly string[], world: World, ns: Netns): Outcome {
  let stats = false;
  let details = false;
  let json = false;
  let i = 0;
  for (; i < args.length && (args[i] ?? '').startsWith('-'); i++) {
    const a = (args[i] ?? '').replace(/^--/, '-');
    if (abbrev(a, '-statistics') || abbrev(a, '-stats')) stats = true;
    else if (abbrev(a, '-details')) details = true;
    else if (abbrev(a, '-json')) json = true;
    else if (abbrev(a, '-Version')) return ok('bridge utility, 6.1.0\n');
    else if (abbrev(a, '-help')) return fail(BRIDGE_USAGE);
    else if (/^-(o|t|n|c|p|color|force|batch)/.test(a))
      return fail(`bridge: option ${a} is not in this lab\n`);
    else return fail(`Option "${a}" is unknown, try "bridge help".\n`);
  }
  const o: Opts = { stats, details, json };
  const [obj, verb, ...rest] = args.slice(i);
  if (obj === undefined || abbrev(`-${obj}`, '-help')) return fail(BRIDGE_USAGE);
  const known = ['link', 'fdb', 'vlan'].find((x) => x.startsWith(obj));
  if (known === undefined) {
    if (['mdb', 'monitor'].some((x) => x.startsWith(obj)))
      return fail(`bridge: ${obj} is not in this lab\n`);
    return fail(`Object "${obj}" is unknown, try "bridge help".\n`);
  }
  if (verb !== undefined && !'show'.startsWith(verb) && !'list'.startsWith(verb))
    return fail(`bridge: ${known} ${verb} is not in this lab\n`);
  const sel = new Map<string, string>();
  for (let k = 0; k + 1 < rest.length; k += 2) sel.set(rest[k] ?? '', rest[k + 1] ?? '');
  const dev = sel.get('dev');
  if (dev !== undefined && !ns.ifaces.some((x) => x.name === dev))
    return fail(`Cannot find device "${dev}"\n`);
  // -s adds to fdb's lines only, -d to link's only (measured); vlan: Docker's bridge filters none.
  if (stats && known === 'vlan') return fail('bridge: -s vlan is not in this lab\n');
  if (known === 'link') return ok(bridgeLink(world, ns, o, dev));
  if (known === 'vlan') return ok(json ? '[]\n' : 'port              vlan-id  \n');
  const br = sel.get('br');
  if (br !== undefined && !ns.ifaces.some((x) => x.kind === 'bridge' && x.name === br))
    return fail(`Cannot find bridge device "${br}"\n`);
  return ok(bridgeFdb(world, ns, o, br, dev));
}
