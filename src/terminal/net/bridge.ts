// brctl show, bridge link, bridge fdb show (bridge-utils 1.7 / iproute2 6.1), from the host netns. Pure.
import type { World } from '../../sim';
import type { Iface, Netns } from './netns';
import { own } from '../own';

/** FDB entries age out after the bridge's default 300 s. */
export const FDB_AGEING_SECONDS = 300;

export function brctlShow(ns: Netns): string {
  let s = 'bridge name\tbridge id\t\tSTP enabled\tinterfaces\n';
  const bridges = ns.ifaces.filter((i) => i.kind === 'bridge').sort((a, b) => cmp(a.name, b.name));
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

export function bridgeLink(ns: Netns): string {
  return ns.ifaces
    .filter((i) => i.master)
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

/** `bridge fdb show`: multicast and local entries per device, learned MACs from world.fdb. */
export function bridgeFdbShow(world: World, ns: Netns): string {
  let s = '';
  for (const i of ns.ifaces) {
    if (i.kind === 'loopback') continue;
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
  return s;
}
