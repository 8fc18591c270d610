// `ip -j` (and `-j -p`): the same records as the text views, as iproute2 6.1 names and orders their
// keys (recorded in src/__fixtures__/terminal-corpus.json). Lifetimes are forever (0xffffffff).
import { isValid, neighAt, type NeighEntry } from '../../sim';
import { ZERO_MAC } from '../../sim/addr';
import { flags, state } from './ip';
import { dstText, type Shown } from './ip-route';
import type { Json } from './json-writer';
import { broadcastFor, type Iface } from './netns';

const FOREVER = 4294967295;

type Obj = { [k: string]: Json };

function linkObject(i: Iface, withMode: boolean): Obj {
  const o: Obj = { ifindex: i.ifindex };
  if (i.kind === 'veth' && i.peer) o['link_index'] = i.peer.ifindex;
  o['ifname'] = i.name;
  o['flags'] = flags(i, 'iproute2').slice(1, -1).split(',');
  o['mtu'] = i.mtu;
  o['qdisc'] = i.qdisc;
  if (i.master) o['master'] = i.master;
  o['operstate'] = state(i);
  if (withMode) o['linkmode'] = 'DEFAULT';
  o['group'] = 'default';
  if (i.txqueuelen > 0) o['txqlen'] = i.txqueuelen;
  const lo = i.kind === 'loopback';
  o['link_type'] = lo ? 'loopback' : 'ether';
  o['address'] = lo ? ZERO_MAC : i.mac;
  o['broadcast'] = lo ? ZERO_MAC : 'ff:ff:ff:ff:ff:ff';
  if (i.peer?.netnsid != null) o['link_netnsid'] = i.peer.netnsid;
  return o;
}

/** `ip -j link`. */
export const linksJson = (ifaces: readonly Iface[]): Json => ifaces.map((i) => linkObject(i, true));

/** `ip -j addr` (`inet4Only`: `-4`, which also leaves out interfaces without IPv4). */
export function addrsJson(ifaces: readonly Iface[], inet4Only = false): Json {
  return ifaces
    .filter((i) => !inet4Only || i.addrs.length > 0)
    .map((i) => {
      const info: Json[] = i.addrs.map((a) => {
        const brd = broadcastFor(i);
        return {
          family: 'inet',
          local: a.ip,
          prefixlen: a.prefix,
          ...(brd ? { broadcast: brd } : {}),
          scope: i.kind === 'loopback' ? 'host' : 'global',
          label: i.name,
          valid_life_time: FOREVER,
          preferred_life_time: FOREVER,
        };
      });
      if (!inet4Only)
        for (const a of i.addrs6)
          info.push({
            family: 'inet6',
            local: a.ip,
            prefixlen: a.prefix,
            scope: a.scope,
            valid_life_time: FOREVER,
            preferred_life_time: FOREVER,
          });
      return { ...linkObject(i, false), addr_info: info };
    });
}

/** `ip -j route`: what the text view prints, under iproute2's JSON names. */
export const routesJson = (routes: readonly Shown[]): Json =>
  routes.map((r) => {
    const o: Obj = {};
    if (r.type !== 'unicast') o['type'] = r.type;
    o['dst'] = dstText(r.dst);
    if (r.via) o['gateway'] = r.via;
    o['dev'] = r.dev;
    if (r.table === 'local') o['table'] = 'local';
    if (r.proto === 'kernel') o['protocol'] = 'kernel';
    if (r.scope !== 'global') o['scope'] = r.scope;
    if (r.src) o['prefsrc'] = r.src;
    o['flags'] = r.flags.split(' ').filter((f) => f !== '');
    return o;
  });

/** `ip -j neigh`. */
export const neighJson = (entries: readonly NeighEntry[], clock: number): Json =>
  entries.map((entry) => {
    const e = neighAt(entry, clock);
    const valid = isValid(e.state) && e.mac !== null;
    return { dst: e.ip, dev: e.dev, ...(valid ? { lladdr: e.mac } : {}), state: [e.state] };
  });
