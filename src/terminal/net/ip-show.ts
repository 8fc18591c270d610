// The host's `ip … show` for each object, with its selectors and the global options that change
// what is printed (-4/-6, -br, -o, -s, -d, -j/-p, -c). Pure; errors in iproute2's words.
import type { NeighEntry } from '../../sim';
import { neighAt } from '../../sim';
import { ipAddr, ipBrief, ipLink } from './ip';
import { COLOURS, NO_PAINT } from './ip-color';
import { addrsJson, linksJson, neighJson, routesJson } from './ip-json';
import { parsePrefix, selectRoutes, showRoutes, type Outcome, type RouteFilter } from './ip-route';
import { localRoutes6, mainRoutes6 } from './ip6';
import { jsonText, type Json } from './json-writer';
import { ipNeigh, ipNeighBrief } from './neigh';
import type { Iface, Netns } from './netns';

export interface Opts {
  family: 'any' | 'inet' | 'inet6';
  brief: boolean;
  oneline: boolean;
  stats: number;
  details: number;
  json: boolean;
  pretty: boolean;
  color: boolean;
  /** -h: -s counters in readable units, of 1024 with -iec (else 1000). */
  human: boolean;
  iec: boolean;
}

export const fail = (err: string, exit: number): Outcome => ({ out: '', err, exit });
export const ok = (out: string): Outcome => ({ out, err: '', exit: 0 });
export const INCOMPLETE = fail('Command line is not complete. Try option "help"\n', 255);
export const notInLab = (what: string) => fail(`ip: ${what} is not in this lab\n`, 255);
const noDevice = (d: string) => fail(`Device "${d}" does not exist.\n`, 1);
const cannotFind = (d: string) => fail(`Cannot find device "${d}"\n`, 1);
const json = (doc: Json, o: Opts) => ok(jsonText(doc, o.pretty));

/** `ip addr|link show [dev] NAME [up] [master BR] [type KIND]`. */
export function showLinks(
  ns: Netns,
  obj: 'addr' | 'link',
  args: readonly string[],
  o: Opts,
): Outcome {
  let list: readonly Iface[] = ns.ifaces;
  let named = false;
  const known = (name: string) => ns.ifaces.some((i) => i.name === name);
  for (let i = 0; i < args.length; i++) {
    const w = args[i] ?? '';
    const next = args[i + 1];
    if (w === 'up') list = list.filter((x) => x.kind === 'loopback' || x.lowerUp);
    else if (w === 'dev' || w === 'master' || w === 'type') {
      if (next === undefined) return INCOMPLETE;
      i++;
      named ||= w === 'dev';
      if (w === 'type') list = list.filter((x) => x.kind === next);
      else if (!known(next)) return noDevice(next);
      else list = list.filter((x) => (w === 'dev' ? x.name === next : x.master === next));
    } else if (!known(w)) return noDevice(w);
    else {
      named = true;
      list = list.filter((x) => x.name === w);
    }
  }
  const inet4 = o.family === 'inet' && obj === 'addr';
  const inet6 = o.family === 'inet6' && obj === 'addr';
  if (o.details > 0) return notInLab(`option -d with ip ${obj}`);
  if (o.json) {
    if (o.stats > 0 || inet6 || o.brief) return notInLab(`option -j with these options`);
    return json(obj === 'addr' ? addrsJson(list, inet4) : linksJson(list), o);
  }
  const paint = o.color ? COLOURS : NO_PAINT;
  if (o.brief) {
    if (o.stats > 0) return notInLab(`option -br with option -s`);
    return ok(ipBrief(list, obj, obj === 'addr' ? o.family : 'any', paint));
  }
  const view = {
    inet4Only: inet4,
    inet6Only: inet6,
    named,
    oneline: o.oneline,
    stats: o.stats,
    paint,
    ...(o.human ? { human: o.iec ? (1024 as const) : (1000 as const) } : {}),
  };
  return ok(obj === 'addr' ? ipAddr(list, 'iproute2', view) : ipLink(list, 'iproute2', view));
}

/**
 * A route selector's keyword as iproute2's iproute_list_flush_or_save tests them in turn (`t` is
 * table, `s` scope, `m` metric, `ma` match); null for a prefix. Unmodelled ones say so.
 */
function routeKey(w: string): string | null {
  const m = (k: string) => w !== '' && k.startsWith(w);
  if (m('table')) return 'table';
  if (m('vrf') || m('cached') || m('cloned') || w === 'tos' || m('dsfield')) return w;
  if (m('protocol')) return 'proto';
  if (m('scope')) return 'scope';
  if (m('type')) return w;
  if (w === 'dev' || w === 'oif') return 'dev';
  if (w === 'iif' || w === 'mark' || m('metric') || m('priority') || w === 'preference') return w;
  if (w === 'via' || w === 'src' || m('realms')) return w;
  if (m('exact')) return 'exact';
  if (m('root')) return 'root';
  if (m('match')) return 'match';
  if (w === 'to') return 'to';
  return null;
}

export function showRouteCmd(ns: Netns, args: readonly string[], o: Opts): Outcome {
  const f: { -readonly [K in keyof RouteFilter]: RouteFilter[K] } = {};
  for (let i = 0; i < args.length; i++) {
    const key = routeKey(args[i] ?? '');
    const modelled = ['dev', 'proto', 'scope', 'table', 'root', 'match', 'exact', 'to'];
    if (key !== null && !modelled.includes(key)) return notInLab(`ip route show ${key}`);
    const w = key ?? 'exact';
    const v = key === null ? args[i] : args[++i];
    if (v === undefined) return INCOMPLETE;
    if (w === 'dev') {
      if (!ns.ifaces.some((x) => x.name === v)) return cannotFind(v);
      f.dev = v;
    } else if (w === 'proto') f.proto = v;
    else if (w === 'scope') f.scope = v;
    else if (w === 'table') {
      if (v !== 'main' && v !== 'local' && v !== 'all') return notInLab(`table ${v}`);
      f.table = v;
    } else {
      const p = parsePrefix(v);
      if (!p) return fail(`Error: any valid prefix is expected rather than "${v}".\n`, 1);
      // A bare prefix, or `to PREFIX`, is iproute2's `to` selector: the routes of that prefix.
      if (w === 'root') f.root = p;
      else if (w === 'match') f.match = p;
      else f.exact = p;
    }
  }
  const selected = Object.keys(f).some((k) => k !== 'table');
  if (o.color) return notInLab('option -c with ip route');
  if (o.family === 'inet6') {
    const other = Object.keys(f).some((k) => k !== 'table' && k !== 'dev');
    if (other || o.json || o.details > 0) return notInLab('ip -6 route with these options');
    const local = localRoutes6(ns, f.dev, f.table === 'local');
    if (f.table === 'local') return ok(local);
    return ok(mainRoutes6(ns, f.dev) + (f.table === 'all' ? local : ''));
  }
  if (o.json) {
    if (o.details > 0) return notInLab('option -j with option -d');
    return json(routesJson(selectRoutes(ns, f)), o);
  }
  const v4 = showRoutes(ns, f, 'iproute2', o.details > 0);
  // `table all` with no family dumps every family: IPv6's main and local tables follow.
  const v6 = f.table === 'all' && o.family === 'any' && !selected;
  return ok(v6 ? v4 + mainRoutes6(ns) + localRoutes6(ns) : v4);
}

export function showNeigh(
  entries: readonly NeighEntry[],
  ns: Netns,
  clock: number,
  args: readonly string[],
  o: Opts,
): Outcome {
  // The lab's neighbours are IPv4 (ARP): the IPv6 table is empty.
  let list = o.family === 'inet6' ? [] : entries;
  let dev: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const w = args[i] ?? '';
    const takes = w === 'dev' || w === 'nud' || w === 'to';
    const v = takes ? args[++i] : w;
    if (v === undefined) return INCOMPLETE;
    if (w === 'dev') {
      if (!ns.ifaces.some((x) => x.name === v)) return cannotFind(v);
      dev = v;
      list = list.filter((e) => e.dev === v);
    } else if (w === 'nud') {
      if (v !== 'all')
        list = list.filter((e) => neighAt(e, clock).state.toLowerCase() === v.toLowerCase());
    } else list = list.filter((e) => e.ip === v);
  }
  if (o.color) return notInLab('option -c with ip neigh');
  if (o.json) {
    if (o.stats > 0) return notInLab('option -j with option -s');
    return json(neighJson(list, clock), o);
  }
  if (o.brief) return ok(ipNeighBrief(list, clock));
  return ok(ipNeigh(list, clock, 'iproute2', dev, o.stats > 0));
}
