// brctl show, bridge link, bridge fdb show (bridge-utils 1.7 / iproute2 6.1), from the host netns. Pure.
import type { World } from '../../sim';
import type { Iface, Netns } from './netns';
import { own } from '../own';
import type { Outcome } from './ip-route';

/** FDB entries age out after the bridge's default 300 s. */
export const FDB_AGEING_SECONDS = 300;

/** `brctl show [BRIDGE]`. */
export function brctlShow(ns: Netns, only?: string): string {
  let s = 'bridge name\tbridge id\t\tSTP enabled\tinterfaces\n';
  const bridges = ns.ifaces
    .filter((i) => i.kind === 'bridge' && (only === undefined || i.name === only))
    .sort((a, b) => cmp(a.name, b.name));
  for (const b of bridges) {
    const ports = ns.ifaces
      .filter((i) => i.master === b.name)
      .map((i) => i.name)
      .sort(cmp);
    s += `${b.name}\t\t8000.${b.mac.replaceAll(':', '')}\tno\t\t${ports.join('\n\t\t\t\t\t\t\t')}\n`;
  }
  return s;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function bridgeLink(ns: Netns, dev?: string): string {
  return ns.ifaces
    .filter((i) => i.master && (dev === undefined || i.name === dev))
    .map(
      (i) =>
        `${i.ifindex}: ${i.name}@if${i.peer?.ifindex ?? 0}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu ${i.mtu} master ${i.master ?? ''} state forwarding priority 32 cost 2 \n`,
    )
    .join('');
}

/** The IPv6 solicited-node multicast MAC for a device's link-local address. */
const solicited = (mac: string): string => `33:33:ff:${mac.split(':').slice(3).join(':')}`;

function selfEntries(i: Iface, macs: readonly string[]): string {
  return macs.map((m) => `${m} dev ${i.name} self permanent\n`).join('');
}

/**
 * `bridge fdb show [br BRIDGE] [dev DEV]`: multicast and local entries per device, learned MACs
 * from world.fdb; `br` keeps the bridge and its ports, `dev` one device (then not printed).
 */
export function bridgeFdbShow(world: World, ns: Netns, br?: string, dev?: string): string {
  let s = '';
  for (const i of ns.ifaces) {
    if (i.kind === 'loopback') continue;
    if (br !== undefined && i.name !== br && i.master !== br) continue;
    if (dev !== undefined && i.name !== dev) continue;
    if (i.kind === 'ether') {
      s += selfEntries(i, ['33:33:00:00:00:01', '01:00:5e:00:00:01', solicited(i.mac)]);
    } else if (i.kind === 'bridge') {
      const mc = i.addrs6.some((x) => x.scope === 'link')
        ? [
            '33:33:00:00:00:01',
            '01:00:5e:00:00:6a',
            '33:33:00:00:00:6a',
            '01:00:5e:00:00:01',
            solicited(i.mac),
          ]
        : ['33:33:00:00:00:01', '01:00:5e:00:00:01'];
      s += selfEntries(i, mc);
      s += `${i.mac} dev ${i.name} master ${i.name} permanent\n`;
    } else if (i.master) {
      const learned = (own(world.fdb, i.master) ?? []).filter(
        (e) => e.port === i.name && world.clock - e.updated < FDB_AGEING_SECONDS,
      );
      s += learned.map((e) => `${e.mac} dev ${i.name} master ${i.master ?? ''} \n`).join('');
      s += `${i.mac} dev ${i.name} master ${i.master} permanent\n`;
      s += selfEntries(i, ['33:33:00:00:00:01', '01:00:5e:00:00:01', solicited(i.mac)]);
    }
  }
  return dev === undefined ? s : s.replaceAll(` dev ${dev} `, ' ');
}

const fail = (err: string): Outcome => ({ out: '', err, exit: 255 });

/** `bridge [link [show [dev D]] | fdb [show [br B] [dev D]]]` (iproute2 6.1). */
export function bridgeCommand(args: readonly string[], world: World, ns: Netns): Outcome {
  const [obj = '', verb, ...rest] = args;
  if (obj.startsWith('-')) return fail(`bridge: option ${obj} is not in this lab\n`);
  if (verb !== undefined && !'show'.startsWith(verb) && !'list'.startsWith(verb))
    return fail(`bridge: ${obj} ${verb} is not in this lab\n`);
  const sel = new Map<string, string>();
  for (let i = 0; i + 1 < rest.length; i += 2) sel.set(rest[i] ?? '', rest[i + 1] ?? '');
  const dev = sel.get('dev');
  if (dev !== undefined && !ns.ifaces.some((i) => i.name === dev))
    return fail(`Cannot find device "${dev}"\n`);
  if (obj !== '' && 'link'.startsWith(obj)) return { out: bridgeLink(ns, dev), err: '', exit: 0 };
  if (obj !== '' && 'fdb'.startsWith(obj)) {
    const br = sel.get('br');
    if (br !== undefined && !ns.ifaces.some((i) => i.kind === 'bridge' && i.name === br))
      return fail(`Cannot find bridge device "${br}"\n`);
    return { out: bridgeFdbShow(world, ns, br, dev), err: '', exit: 0 };
  }
  if (obj === '')
    return fail(
      'Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { link | fdb | mdb | vlan | monitor }\n',
    );
  return fail(`Object "${obj}" is unknown, try "bridge help".\n`);
}
