// `ip` in two dialects: iproute2 6.1 on the host, busybox 1.35 in containers. Pure formatting.
import { ZERO_MAC } from '../../sim/addr';
import { NO_PAINT, type Paint } from './ip-color';
import { statsBlock } from './ip-stats';
import { broadcastFor, type Iface } from './netns';

export type Dialect = 'iproute2' | 'busybox';

export function flags(i: Iface, d: Dialect): string {
  if (i.kind === 'loopback') return '<LOOPBACK,UP,LOWER_UP>';
  const base = i.lowerUp ? 'BROADCAST,MULTICAST,UP,LOWER_UP' : 'NO-CARRIER,BROADCAST,MULTICAST,UP';
  // busybox prints the IFF_DORMANT-era M-DOWN bit it finds set on a container's veth end.
  return d === 'busybox' && i.kind === 'veth' ? `<${base},M-DOWN>` : `<${base}>`;
}

export const state = (i: Iface): string =>
  i.kind === 'loopback' ? 'UNKNOWN' : i.lowerUp ? 'UP' : 'DOWN';
// A veth names its peer's ifindex; the ether's peer is at the end of a cable, not in the kernel.
export const label = (i: Iface): string =>
  i.kind === 'veth' && i.peer ? `${i.name}@if${i.peer.ifindex}` : i.name;

/**
 * What `ip addr|link` prints of each interface: `-4` keeps inet only, `-6` inet6 only (and its
 * link dump, which has no qdisc, master or group), `-o` one line per record, `-s` counters
 * (`stats` is how many times it was given), `-c` colours.
 */
export interface AddrView {
  readonly inet4Only?: boolean;
  readonly inet6Only?: boolean;
  /**
   * A device was named (`show dev X`): its link comes from a request for that device, with qdisc
   * and group, rather than from -6's link dump, which has neither.
   */
  readonly named?: boolean;
  readonly oneline?: boolean;
  readonly stats?: number;
  /** `-h`/`-iec`: the base -s counters are shown in. */
  readonly human?: 1000 | 1024;
  readonly paint?: Paint;
}

function headLine(i: Iface, d: Dialect, link: boolean, v: AddrView = {}): string {
  const qlen = i.txqueuelen > 0 ? `qlen ${i.txqueuelen}` : '';
  const master = i.master ? `master ${i.master} ` : '';
  const dump6 = v.inet6Only === true && v.named !== true;
  if (d === 'busybox') {
    const qdisc = dump6 ? '' : `qdisc ${i.qdisc} ${master}`;
    return `${i.ifindex}: ${label(i)}: ${flags(i, d)} mtu ${i.mtu} ${qdisc}${qlen}\n`;
  }
  const p = v.paint ?? NO_PAINT;
  const st = state(i) === 'UNKNOWN' ? 'UNKNOWN ' : p.state(`${state(i)} `);
  const head = `${i.ifindex}: ${p.ifname(`${label(i)}: `)}${flags(i, d)} mtu ${i.mtu} `;
  if (dump6) return `${head}state ${st}${qlen}\n`;
  const mode = link ? 'mode DEFAULT ' : '';
  return (
    `${head}qdisc ${i.qdisc} ${master}state ${st}${mode}group default ${qlen}`.trimEnd() +
    (qlen ? '\n' : ' \n')
  );
}

function linkLine(i: Iface, d: Dialect, p: Paint = NO_PAINT): string {
  if (i.kind === 'loopback') return `    link/loopback ${p.mac(ZERO_MAC)} brd ${p.mac(ZERO_MAC)}\n`;
  const netnsid = i.peer?.netnsid ?? null;
  const nsid = d === 'iproute2' && netnsid !== null ? ` link-netnsid ${netnsid}` : '';
  return `    link/ether ${p.mac(i.mac)} brd ${p.mac('ff:ff:ff:ff:ff:ff')}${nsid}\n`;
}

const VALID = '       valid_lft forever preferred_lft forever\n';

function addrRecords(i: Iface, v: AddrView): string[] {
  const out: string[] = [];
  const p = v.paint ?? NO_PAINT;
  if (!v.inet6Only)
    for (const a of i.addrs) {
      const brd = broadcastFor(i);
      const scope = i.kind === 'loopback' ? 'host' : 'global';
      out.push(
        `    inet ${p.inet(a.ip)}/${a.prefix}${brd ? ` brd ${p.inet(`${brd} `)}` : ' '}scope ${scope} ${i.name}\n${VALID}`,
      );
    }
  if (!v.inet4Only)
    for (const a of i.addrs6)
      out.push(`    inet6 ${p.inet6(a.ip)}/${a.prefix} scope ${a.scope} \n${VALID}`);
  return out;
}

/** iproute2's -o: a record's inner newlines become `\`. */
const oneline = (record: string): string => record.slice(0, -1).replaceAll('\n', '\\') + '\n';

export function ipAddr(ifaces: readonly Iface[], d: Dialect, v: AddrView = {}): string {
  return ifaces
    .map((i) => {
      const recs = addrRecords(i, v);
      // With -4 or -6, an interface without an address of that family is not listed at all.
      const family = v.inet4Only === true || v.inet6Only === true;
      if (family && recs.length === 0) return '';
      if (v.oneline) return recs.map((r) => oneline(`${i.ifindex}: ${i.name}${r}`)).join('');
      const stats = v.stats ? statsBlock(i, v.stats, v.human) : '';
      return (
        headLine(i, d, false, v) + (family ? '' : linkLine(i, d, v.paint)) + recs.join('') + stats
      );
    })
    .join('');
}

export function ipLink(ifaces: readonly Iface[], d: Dialect, v: AddrView = {}): string {
  return ifaces
    .map((i) => {
      const stats = v.stats ? statsBlock(i, v.stats, v.human) : '';
      const rec =
        headLine(i, d, d === 'iproute2', { ...v, inet6Only: false }) + linkLine(i, d, v.paint);
      return v.oneline ? oneline(rec + stats) : rec + stats;
    })
    .join('');
}

/**
 * `ip -br addr` / `ip -br link`: name, state, then addresses or MAC and flags. With -4 or -6 an
 * interface without an address of that family is left out.
 */
export function ipBrief(
  ifaces: readonly Iface[],
  what: 'addr' | 'link',
  family: 'any' | 'inet' | 'inet6' = 'any',
  p: Paint = NO_PAINT,
): string {
  return ifaces
    .map((i) => {
      const st = `${state(i).padEnd(14)} `;
      const head = `${p.ifname(`${label(i).padEnd(16)} `)}${state(i) === 'UNKNOWN' ? st : p.state(st)}`;
      if (what === 'link') return `${head}${p.mac(`${i.mac} `)}${flags(i, 'iproute2')} \n`;
      const addrs = [
        ...(family === 'inet6' ? [] : i.addrs.map((a) => `${p.inet(a.ip)}/${a.prefix}`)),
        ...(family === 'inet' ? [] : i.addrs6.map((a) => `${p.inet6(a.ip)}/${a.prefix}`)),
      ];
      if (family !== 'any' && addrs.length === 0) return '';
      return `${head}${addrs.map((a) => `${a} `).join('')}\n`;
    })
    .join('');
}
