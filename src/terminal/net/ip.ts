// `ip` in two dialects: iproute2 6.1 on the host, busybox 1.35 in containers. Pure formatting.
import { maskOf, ZERO_MAC } from '../../sim/addr';
import { broadcastFor, type Iface, type Netns, type Route } from './netns';

export type Dialect = 'iproute2' | 'busybox';

function flags(i: Iface, d: Dialect): string {
  if (i.kind === 'loopback') return '<LOOPBACK,UP,LOWER_UP>';
  const base = i.lowerUp ? 'BROADCAST,MULTICAST,UP,LOWER_UP' : 'NO-CARRIER,BROADCAST,MULTICAST,UP';
  // busybox prints the IFF_DORMANT-era M-DOWN bit it finds set on a container's veth end.
  return d === 'busybox' && i.kind === 'veth' ? `<${base},M-DOWN>` : `<${base}>`;
}

const state = (i: Iface): string => (i.kind === 'loopback' ? 'UNKNOWN' : i.lowerUp ? 'UP' : 'DOWN');
// A veth names its peer's ifindex; the ether's peer is at the end of a cable, not in the kernel.
const label = (i: Iface): string =>
  i.kind === 'veth' && i.peer ? `${i.name}@if${i.peer.ifindex}` : i.name;

function headLine(i: Iface, d: Dialect, link: boolean): string {
  const qlen = i.txqueuelen > 0 ? `qlen ${i.txqueuelen}` : '';
  if (d === 'busybox')
    return `${i.ifindex}: ${label(i)}: ${flags(i, d)} mtu ${i.mtu} qdisc ${i.qdisc} ${qlen}\n`;
  const master = i.master ? `master ${i.master} ` : '';
  const mode = link ? 'mode DEFAULT ' : '';
  return (
    `${i.ifindex}: ${label(i)}: ${flags(i, d)} mtu ${i.mtu} qdisc ${i.qdisc} ${master}state ${state(i)} ${mode}group default ${qlen}`.trimEnd() +
    (qlen ? '\n' : ' \n')
  );
}

function linkLine(i: Iface, d: Dialect): string {
  if (i.kind === 'loopback') return `    link/loopback ${ZERO_MAC} brd ${ZERO_MAC}\n`;
  const netnsid = i.peer?.netnsid ?? null;
  const nsid = d === 'iproute2' && netnsid !== null ? ` link-netnsid ${netnsid}` : '';
  return `    link/ether ${i.mac} brd ff:ff:ff:ff:ff:ff${nsid}\n`;
}

function addrLines(i: Iface): string {
  let s = '';
  for (const a of i.addrs) {
    const brd = broadcastFor(i);
    const scope = i.kind === 'loopback' ? 'host' : 'global';
    s += `    inet ${a.ip}/${a.prefix}${brd ? ` brd ${brd}` : ''} scope ${scope} ${i.name}\n`;
    s += '       valid_lft forever preferred_lft forever\n';
  }
  for (const a of i.addrs6)
    s += `    inet6 ${a.ip}/${a.prefix} scope ${a.scope} \n       valid_lft forever preferred_lft forever\n`;
  return s;
}

export function ipAddr(ns: Netns, d: Dialect, dev?: string): string {
  return ns.ifaces
    .filter((i) => dev === undefined || i.name === dev)
    .map((i) => headLine(i, d, false) + linkLine(i, d) + addrLines(i))
    .join('');
}

export function ipLink(ns: Netns, d: Dialect, dev?: string): string {
  return ns.ifaces
    .filter((i) => dev === undefined || i.name === dev)
    .map((i) => headLine(i, d, d === 'iproute2') + linkLine(i, d))
    .join('');
}

/** `ip -br addr` / `ip -br link`: name, state, then addresses or MAC and flags. */
export function ipBrief(ns: Netns, what: 'addr' | 'link'): string {
  return ns.ifaces
    .map((i) => {
      const head = `${label(i).padEnd(16)} ${state(i).padEnd(14)} `;
      if (what === 'link') return `${head}${i.mac} ${flags(i, 'iproute2')} \n`;
      const addrs = [...i.addrs, ...i.addrs6].map((a) => `${a.ip}/${a.prefix}`);
      return `${head}${addrs.map((a) => `${a} `).join('')}\n`;
    })
    .join('');
}

const isDefault = (r: Route): boolean => r.dst.prefix === 0;

function routeLine(r: Route, d: Dialect): string {
  const dst = isDefault(r) ? 'default' : `${r.dst.address}/${r.dst.prefix}`;
  const flags = `${r.onlink ? 'onlink ' : ''}${r.linkdown ? 'linkdown ' : ''}`;
  if (r.via) return `${dst} via ${r.via} dev ${r.dev} ${flags}\n`;
  if (r.proto === 'boot') return `${dst} dev ${r.dev} scope link ${flags}\n`;
  if (d === 'busybox') return `${dst} dev ${r.dev} scope link  src ${r.src ?? ''} \n`;
  return `${dst} dev ${r.dev} proto kernel scope link src ${r.src ?? ''} ${flags}\n`;
}

export function ipRoute(ns: Netns, d: Dialect): string {
  return ns.routes.map((r) => routeLine(r, d)).join('');
}

/** net-tools `route -n`. */
export function routeN(ns: Netns): string {
  let s =
    'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n';
  for (const r of ns.routes) {
    const dst = r.dst.address;
    const mask = maskOf(r.dst.prefix);
    const gw = r.via ?? '0.0.0.0';
    const fl = r.via ? 'UG' : 'U';
    s += `${dst.padEnd(15)} ${gw.padEnd(15)} ${mask.padEnd(15)} ${fl.padEnd(6)}${'0'.padEnd(6)} ${'0'.padEnd(2)} ${'0'.padStart(7)} ${r.dev}\n`;
  }
  return s;
}
