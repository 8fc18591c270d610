// bridge-utils 1.7's `brctl show|showmacs|showstp [BRIDGE]` over the host netns. Pure. Checked
// against the real tool in src/__fixtures__/terminal-corpus.json. Docker's bridge runs no STP, so
// every STP timer reads 0.00 and every port is forwarding.
import type { World } from '../../sim';
import { own } from '../own';
import { FDB_AGEING_SECONDS } from './bridge';
import type { Outcome } from './ip-route';
import type { Iface, Netns } from './netns';

const USAGE_LINES: readonly (readonly [string, string, string])[] = [
  ['addbr', '<bridge>\t', 'add bridge'],
  ['delbr', '<bridge>\t', 'delete bridge'],
  ['addif', '<bridge> <device>', 'add interface to bridge'],
  ['delif', '<bridge> <device>', 'delete interface from bridge'],
  ['hairpin', '<bridge> <port> {on|off}', 'turn hairpin on/off'],
  ['setageing', '<bridge> <time>\t', 'set ageing time'],
  ['setbridgeprio', '<bridge> <prio>\t', 'set bridge priority'],
  ['setfd', '<bridge> <time>\t', 'set bridge forward delay'],
  ['sethello', '<bridge> <time>\t', 'set hello time'],
  ['setmaxage', '<bridge> <time>\t', 'set max message age'],
  ['setpathcost', '<bridge> <port> <cost>', 'set path cost'],
  ['setportprio', '<bridge> <port> <prio>', 'set port priority'],
  ['show', '[ <bridge> ]\t', 'show a list of bridges'],
  ['showmacs', '<bridge>\t', 'show a list of mac addrs'],
  ['showstp', '<bridge>\t', 'show bridge stp info'],
  ['stp', '<bridge> {on|off}', 'turn stp on/off'],
];

const usageLine = ([cmd, args, help]: readonly [string, string, string]): string =>
  `\t${cmd.padEnd(10)}\t${args}\t${help}\n`;

export const BRCTL_USAGE = `Usage: brctl [commands]\ncommands:\n${USAGE_LINES.map(usageLine).join('')}`;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const bridgeId = (b: Iface): string => `8000.${b.mac.replaceAll(':', '')}`;

/** A bridge's ports numbered as the kernel numbers them: from 1, in the order they joined. */
const portsOf = (ns: Netns, b: Iface): readonly Iface[] =>
  ns.ifaces.filter((i) => i.master === b.name).sort((x, y) => x.ifindex - y.ifindex);

/** `brctl show [BRIDGE]`. */
export function brctlShow(ns: Netns, only?: string): string {
  let s = 'bridge name\tbridge id\t\tSTP enabled\tinterfaces\n';
  const bridges = ns.ifaces
    .filter((i) => i.kind === 'bridge' && (only === undefined || i.name === only))
    .sort((a, b) => cmp(a.name, b.name));
  for (const b of bridges) {
    const ports = portsOf(ns, b)
      .map((i) => i.name)
      .sort(cmp);
    s += `${b.name}\t\t${bridgeId(b)}\tno\t\t${ports.join('\n\t\t\t\t\t\t\t')}\n`;
  }
  return s;
}

/** bridge-utils prints a timer as `%4i.%.2i` (seconds and hundredths). */
const timer = (seconds: number): string => `${String(Math.floor(seconds)).padStart(4)}.00`;

/** `brctl showmacs BR`: the ports' own MACs and the learned ones, sorted by MAC. */
function showmacs(world: World, ns: Netns, b: Iface): string {
  const ports = portsOf(ns, b);
  const portNo = (name: string) => ports.findIndex((p) => p.name === name) + 1;
  const rows = [
    ...ports.map((p) => ({ port: portNo(p.name), mac: p.mac as string, local: true, age: 0 })),
    ...(own(world.fdb, b.name) ?? [])
      .filter((e) => portNo(e.port) > 0 && world.clock - e.updated < FDB_AGEING_SECONDS)
      .map((e) => ({
        port: portNo(e.port),
        mac: e.mac,
        local: false,
        age: world.clock - e.updated,
      })),
  ].sort((x, y) => cmp(x.mac, y.mac));
  return `port no\tmac addr\t\tis local?\tageing timer\n${rows
    .map(
      (r) =>
        `${String(r.port).padStart(3)}\t${r.mac}\t${r.local ? 'yes' : 'no'}\t\t${timer(r.age)}\n`,
    )
    .join('')}`;
}

/** `brctl showstp BR`: STP is off on Docker's bridges, so the bridge is its own root. */
function showstp(ns: Netns, b: Iface): string {
  const id = bridgeId(b);
  let s = `${b.name}\n bridge id\t\t${id}\n designated root\t${id}\n`;
  s += ` root port\t\t   0\t\t\tpath cost\t\t   0\n`;
  s += ` max age\t\t${timer(20)}\t\t\tbridge max age\t\t${timer(20)}\n`;
  s += ` hello time\t\t${timer(2)}\t\t\tbridge hello time\t${timer(2)}\n`;
  s += ` forward delay\t\t${timer(15)}\t\t\tbridge forward delay\t${timer(15)}\n`;
  s += ` ageing time\t\t${timer(FDB_AGEING_SECONDS)}\n`;
  s += ` hello timer\t\t${timer(0)}\t\t\ttcn timer\t\t${timer(0)}\n`;
  // The gc timer counts down to the next sweep of aged entries (normalised by the corpus test).
  s += ` topology change timer\t${timer(0)}\t\t\tgc timer\t\t${timer(0)}\n`;
  s += ' flags\t\t\t\n\n\n';
  portsOf(ns, b).forEach((p, k) => {
    const port = `${8001 + k}`;
    s += `${p.name} (${k + 1})\n port id\t\t${port}\t\t\tstate\t\t     forwarding\n`;
    s += ` designated root\t${id}\tpath cost\t\t   2\n`;
    s += ` designated bridge\t${id}\tmessage age timer\t${timer(0)}\n`;
    s += ` designated port\t${port}\t\t\tforward delay timer\t${timer(0)}\n`;
    s += ` designated cost\t   0\t\t\thold timer\t\t${timer(0)}\n flags\t\t\t\n\n`;
  });
  return s;
}

const fail = (out: string, err: string): Outcome => ({ out, err, exit: 1 });

/** `brctl [show [BR] | showmacs BR | showstp BR | -V]`; the writes are not in the lab. */
export function brctl(args: readonly string[], world: World, ns: Netns): Outcome {
  const [cmd, bridge] = args;
  if (cmd === undefined) return fail(BRCTL_USAGE, '');
  if (cmd === '-V') return { out: 'bridge-utils, 1.7\n', err: '', exit: 0 };
  const line = USAGE_LINES.find(([c]) => c === cmd);
  if (!line) return fail(BRCTL_USAGE, `never heard of command [${cmd}]\n`);
  const b = ns.ifaces.find((i) => i.kind === 'bridge' && i.name === bridge);
  if (cmd === 'show') {
    if (bridge !== undefined && !b) return fail('', `bridge ${bridge} does not exist!\n`);
    return { out: brctlShow(ns, bridge), err: '', exit: 0 };
  }
  if (cmd !== 'showmacs' && cmd !== 'showstp')
    return fail('', `brctl: ${cmd} is not in this lab (show, showmacs and showstp are)\n`);
  if (bridge === undefined)
    return fail(
      `Incorrect number of arguments for command\nUsage: brctl ${cmd} ${line[1]}\t${line[2]}\n`,
      '',
    );
  if (cmd === 'showmacs')
    return b
      ? { out: showmacs(world, ns, b), err: '', exit: 0 }
      : fail('', 'read of forward table failed: No such device\n');
  return b
    ? { out: showstp(ns, b), err: '', exit: 0 }
    : fail('', `bridge ${bridge} does not exist!\n`);
}
