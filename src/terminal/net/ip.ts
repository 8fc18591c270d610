// `ip` in two dialects: iproute2 6.1 on the host, busybox 1.35 in containers. Pure formatting.
import { ZERO_MAC } from '../../sim/addr';
import { broadcastFor, type Iface } from './netns';

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
  const master = i.master ? `master ${i.master} ` : '';
  if (d === 'busybox')
    return `${i.ifindex}: ${label(i)}: ${flags(i, d)} mtu ${i.mtu} qdisc ${i.qdisc} ${master}${qlen}\n`;
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

/** What `ip addr|link` prints of each interface: `-4` keeps inet only, `-o` one line per record. */
export interface AddrView {
  readonly inet4Only?: boolean;
  readonly oneline?: boolean;
}

const VALID = '       valid_lft forever preferred_lft forever\n';

function addrRecords(i: Iface, v: AddrView): string[] {
  const out: string[] = [];
  for (const a of i.addrs) {
    const brd = broadcastFor(i);
    const scope = i.kind === 'loopback' ? 'host' : 'global';
    out.push(
      `    inet ${a.ip}/${a.prefix}${brd ? ` brd ${brd}` : ''} scope ${scope} ${i.name}\n${VALID}`,
    );
  }
  if (!v.inet4Only)
    for (const a of i.addrs6) out.push(`    inet6 ${a.ip}/${a.prefix} scope ${a.scope} \n${VALID}`);
  return out;
}

/** iproute2's -o: a record's inner newlines become `\`. */
const oneline = (record: string): string => record.slice(0, -1).replaceAll('\n', '\\') + '\n';

export function ipAddr(ifaces: readonly Iface[], d: Dialect, v: AddrView = {}): string {
  return ifaces
    .map((i) => {
      const recs = addrRecords(i, v);
      // With -4, an interface without an IPv4 address is not listed at all.
      if (v.inet4Only && recs.length === 0) return '';
      if (v.oneline) return recs.map((r) => oneline(`${i.ifindex}: ${i.name}${r}`)).join('');
      return headLine(i, d, false) + (v.inet4Only ? '' : linkLine(i, d)) + recs.join('');
    })
    .join('');
}

export function ipLink(ifaces: readonly Iface[], d: Dialect, v: AddrView = {}): string {
  return ifaces
    .map((i) => {
      const rec = headLine(i, d, d === 'iproute2') + linkLine(i, d);
      return v.oneline ? oneline(rec) : rec;
    })
    .join('');
}

/** `ip -br addr` / `ip -br link`: name, state, then addresses or MAC and flags. */
export function ipBrief(
  ifaces: readonly Iface[],
  what: 'addr' | 'link',
  inet4Only = false,
): string {
  return ifaces
    .map((i) => {
      const head = `${label(i).padEnd(16)} ${state(i).padEnd(14)} `;
      if (what === 'link') return `${head}${i.mac} ${flags(i, 'iproute2')} \n`;
      const addrs = [...i.addrs, ...(inet4Only ? [] : i.addrs6)].map((a) => `${a.ip}/${a.prefix}`);
      if (inet4Only && addrs.length === 0) return '';
      return `${head}${addrs.map((a) => `${a} `).join('')}\n`;
    })
    .join('');
}
