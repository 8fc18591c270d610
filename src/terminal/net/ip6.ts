// IPv6 as iproute2 shows it on the host: the link-local routes the kernel adds with each fe80::
// address, the local table's IPv6 entries, and the multicast groups each device joined (ip maddr).
// Containers have IPv6 off on eth0 (Docker's default), so only the host's devices have fe80::.
// Pure formatting over the namespace model (recorded against iproute2 6.1, kernel 6.18).
import type { Iface, Netns } from './netns';

const linkLocalOf = (i: Iface): string | null =>
  i.addrs6.find((a) => a.scope === 'link')?.ip ?? null;

/**
 * The order the devices got carrier, which is the order of their fe80::/64 routes (addrconf adds
 * one when carrier comes, and fib6 appends a route after those of the same metric): eth0 at boot,
 * each veth when its container starts, a bridge right after its first port joins.
 */
export function carrierOrder(ns: Netns): Iface[] {
  const key = (i: Iface): number => {
    if (i.kind === 'ether') return 0;
    if (i.kind !== 'bridge') return i.ifindex;
    const first = ns.ifaces.find((p) => p.master === i.name);
    return first ? first.ifindex + 0.5 : i.ifindex;
  };
  return ns.ifaces.filter((i) => linkLocalOf(i) !== null).sort((a, b) => key(a) - key(b));
}

const PREF = 'pref medium';

// A selector's device or table is not printed again on each route (iproute2 omits what it filtered).
const devText = (name: string, dev?: string) => (dev === undefined ? `dev ${name} ` : '');

/** `ip -6 route [show dev DEV]`: the main table's IPv6 routes. */
export function mainRoutes6(ns: Netns, dev?: string): string {
  return carrierOrder(ns)
    .filter((i) => dev === undefined || i.name === dev)
    .map((i) => `fe80::/64 ${devText(i.name, dev)}proto kernel metric 256 ${PREF}\n`)
    .join('');
}

/**
 * The local table's IPv6 entries: each address (sorted), then ff00::/8 on each multicast device.
 * `onlyLocal`: `table local` was asked for, so `table local` is not printed.
 */
export function localRoutes6(ns: Netns, dev?: string, onlyLocal = false): string {
  const table = onlyLocal ? '' : 'table local ';
  const locals = ns.ifaces
    .filter((i) => dev === undefined || i.name === dev)
    .flatMap((i) => i.addrs6.map((a) => ({ ip: a.ip, dev: i.name })))
    .sort((a, b) => expand(a.ip).localeCompare(expand(b.ip)));
  const multicast = carrierOrder(ns)
    .filter((i) => dev === undefined || i.name === dev)
    .map(
      (i) => `multicast ff00::/8 ${devText(i.name, dev)}${table}proto kernel metric 256 ${PREF}\n`,
    );
  return (
    locals
      .map((l) => `local ${l.ip} ${devText(l.dev, dev)}${table}proto kernel metric 0 ${PREF}\n`)
      .join('') + multicast.join('')
  );
}

/** An IPv6 address as 32 hex digits, to sort as the kernel's trie lists them. */
function expand(ip: string): string {
  const [head = '', tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return groups.map((g) => g.padStart(4, '0')).join('');
}

/** The solicited-node group of an address: ff02::1:ff and its last 24 bits. */
function solicited(ip: string): { ip6: string; mac: string } {
  const x = expand(ip);
  const b = [x.slice(26, 28), x.slice(28, 30), x.slice(30, 32)];
  return {
    ip6: `ff02::1:ff${b[0] ?? ''}:${parseInt(`${b[1] ?? ''}${b[2] ?? ''}`, 16).toString(16)}`,
    mac: `33:33:ff:${b.join(':')}`,
  };
}

/**
 * `ip maddr`: each device's multicast list in the order it was joined (the link list appends,
 * the inet and inet6 lists prepend): ff02::1 and ff01::1 at registration; a bridge's snooping
 * groups (224.0.0.106, ff02::6a) when it opens; 224.0.0.1 when it comes up; the solicited-node
 * group of its fe80:: address when it gets carrier. lo, not multicast, has no link-layer list.
 */
export function ipMaddr(ns: Netns): string {
  return ns.ifaces
    .map((i) => {
      const ll = linkLocalOf(i);
      const sol = ll ? solicited(ll) : null;
      const bridge = i.kind === 'bridge';
      const link =
        i.kind === 'loopback'
          ? []
          : [
              '33:33:00:00:00:01',
              ...(bridge ? ['01:00:5e:00:00:6a', '33:33:00:00:00:6a'] : []),
              '01:00:5e:00:00:01',
              ...(sol ? [sol.mac] : []),
            ];
      const inet = ['224.0.0.1', ...(bridge ? ['224.0.0.106'] : [])];
      const inet6 = [
        ...(sol ? [sol.ip6] : []),
        ...(bridge ? ['ff02::6a'] : []),
        'ff02::1',
        'ff01::1',
      ];
      return (
        `${i.ifindex}:\t${i.name}\n` +
        link.map((m) => `\tlink  ${m}\n`).join('') +
        inet.map((a) => `\tinet  ${a}\n`).join('') +
        inet6.map((a) => `\tinet6 ${a}\n`).join('')
      );
    })
    .join('');
}
