// `ip` in two dialects: iproute2 6.1 on the host, busybox 1.35 in containers. Pure formatting.
import { broadcastFor, type Iface, type Netns, type Route } from './netns';

export type Dialect = 'iproute2' | 'busybox';

function flags(i: Iface, d: Dialect): string {
  if (i.kind === 'loopback') return '<LOOPBACK,UP,LOWER_UP>';
  const base = i.lowerUp ? 'BROADCAST,MULTICAST,UP,LOWER_UP' : 'NO-CARRIER,BROADCAST,MULTICAST,UP';
  // busybox prints the IFF_DORMANT-era M-DOWN bit it finds set on a container's veth end.
  return d === 'busybox' && i.kind === 'veth' ? `<${base},M-DOWN>` : `<${base}>`;
}

const state = (i: Iface): string => (i.kind === 'loopback' ? 'UNKNOWN' : i.lowerUp ? 'UP' : 'DOWN');
const label = (i: Iface): string => (i.peer ? `${i.name}@if${i.peer.ifindex}` : i.name);

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
  if (i.kind === 'loopback') return '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n';
  const nsid = d === 'iproute2' && i.peer ? ` link-netnsid ${i.peer.netnsid}` : '';
  return `    link/ether ${i.mac} brd ff:ff:ff:ff:ff:ff${nsid}\n`;
}

function addrLines(i: Iface): string {
  let s = '';
  if (i.addr) {
    const brd = broadcastFor(i);
    const scope = i.kind === 'loopback' ? 'host' : 'global';
    s += `    inet ${i.addr.ip}/${i.addr.prefix}${brd ? ` brd ${brd}` : ''} scope ${scope} ${i.name}\n`;
    s += '       valid_lft forever preferred_lft forever\n';
  }
  if (i.kind === 'loopback')
    s += '    inet6 ::1/128 scope host \n       valid_lft forever preferred_lft forever\n';
  if (i.linkLocal)
    s += `    inet6 ${i.linkLocal}/64 scope link \n       valid_lft forever preferred_lft forever\n`;
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
      const addrs = [
        ...(i.addr ? [`${i.addr.ip}/${i.addr.prefix}`] : []),
        ...(i.kind === 'loopback' ? ['::1/128'] : []),
        ...(i.linkLocal ? [`${i.linkLocal}/64`] : []),
      ];
      return `${head}${addrs.map((a) => `${a} `).join('')}\n`;
    })
    .join('');
}

function routeLine(r: Route, d: Dialect): string {
  if (r.dst === 'default') return `default via ${r.via ?? ''} dev ${r.dev} \n`;
  const dst = `${r.dst.address}/${r.dst.prefix}`;
  if (d === 'busybox') return `${dst} dev ${r.dev} scope link  src ${r.src ?? ''} \n`;
  return `${dst} dev ${r.dev} proto kernel scope link src ${r.src ?? ''} ${r.linkdown ? 'linkdown ' : ''}\n`;
}

export function ipRoute(ns: Netns, d: Dialect): string {
  return ns.routes.map((r) => routeLine(r, d)).join('');
}

/** net-tools `route -n`. */
export function routeN(ns: Netns): string {
  let s =
    'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n';
  for (const r of ns.routes) {
    const dst = r.dst === 'default' ? '0.0.0.0' : r.dst.address;
    const mask = r.dst === 'default' ? '0.0.0.0' : prefixMask(r.dst.prefix);
    const gw = r.via ?? '0.0.0.0';
    const fl = r.via ? 'UG' : 'U';
    s += `${dst.padEnd(15)} ${gw.padEnd(15)} ${mask.padEnd(15)} ${fl.padEnd(6)}${'0'.padEnd(6)} ${'0'.padEnd(2)} ${'0'.padStart(7)} ${r.dev}\n`;
  }
  return s;
}

function prefixMask(prefix: number): string {
  const m = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((sh) => (m >>> sh) & 255).join('.');
}
