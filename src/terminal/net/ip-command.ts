// The host's `ip` (iproute2 6.1): global options, objects and commands matched by prefix as
// iproute2 matches them, the show selectors, and its own errors and exit statuses (recorded in
// src/__fixtures__/terminal-corpus.json). Options the lab does not model say so.
import type { NeighEntry } from '../../sim';
import { neighAt } from '../../sim';
import type { Ctx } from '../context';
import { ipAddr, ipBrief, ipLink } from './ip';
import { parsePrefix, routeGet, showRoutes, type Outcome, type RouteFilter } from './ip-route';
import { ipNeigh, ipNeighBrief } from './neigh';
import type { Iface, Netns } from './netns';

interface Opts {
  inet4: boolean;
  brief: boolean;
  oneline: boolean;
}

/** iproute2's matches(): the word is a non-empty prefix of the keyword. */
const is = (word: string, ...keywords: string[]): boolean =>
  word !== '' && keywords.some((k) => k.startsWith(word));

const NOT_IN_LAB = [
  '-6',
  '-s',
  '-stats',
  '-d',
  '-details',
  '-j',
  '-json',
  '-p',
  '-pretty',
  '-h',
  '-human',
  '-n',
  '-netns',
];
const fail = (err: string, exit: number): Outcome => ({ out: '', err, exit });
const ok = (out: string): Outcome => ({ out, err: '', exit: 0 });
const INCOMPLETE = fail('Command line is not complete. Try option "help"\n', 255);
const noDevice = (d: string) => fail(`Device "${d}" does not exist.\n`, 1);
const cannotFind = (d: string) => fail(`Cannot find device "${d}"\n`, 1);
const unknownCommand = (w: string, obj: string) =>
  fail(`Command "${w}" is unknown, try "ip ${obj} help".\n`, 255);
const notInLab = (what: string) => fail(`ip: ${what} is not in this lab\n`, 255);

/** `ip addr|link show [dev] NAME [up] [master BR] [type KIND]`. */
function showLinks(ns: Netns, obj: 'addr' | 'link', args: readonly string[], o: Opts): Outcome {
  let list: readonly Iface[] = ns.ifaces;
  const known = (name: string) => ns.ifaces.some((i) => i.name === name);
  for (let i = 0; i < args.length; i++) {
    const w = args[i] ?? '';
    const next = args[i + 1];
    if (w === 'up') list = list.filter((x) => x.kind === 'loopback' || x.lowerUp);
    else if (w === 'dev' || w === 'master' || w === 'type') {
      if (next === undefined) return INCOMPLETE;
      i++;
      if (w === 'type') list = list.filter((x) => x.kind === next);
      else if (!known(next)) return noDevice(next);
      else list = list.filter((x) => (w === 'dev' ? x.name === next : x.master === next));
    } else if (!known(w)) return noDevice(w);
    else list = list.filter((x) => x.name === w);
  }
  if (o.brief) return ok(ipBrief(list, obj, o.inet4 && obj === 'addr'));
  const view = { inet4Only: o.inet4, oneline: o.oneline };
  return ok(obj === 'addr' ? ipAddr(list, 'iproute2', view) : ipLink(list, 'iproute2', view));
}

function showRouteCmd(ns: Netns, args: readonly string[]): Outcome {
  const f: { -readonly [K in keyof RouteFilter]: RouteFilter[K] } = {};
  for (let i = 0; i < args.length; i++) {
    const w = args[i] ?? '';
    const takes = ['dev', 'proto', 'scope', 'table', 'root', 'match', 'exact'].includes(w);
    const v = takes ? args[++i] : w;
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
      if (w === 'root') f.root = p;
      else if (w === 'match') f.match = p;
      else f.exact = p;
    }
  }
  return ok(showRoutes(ns, f, 'iproute2'));
}

function showNeigh(
  entries: readonly NeighEntry[],
  ns: Netns,
  clock: number,
  args: readonly string[],
  o: Opts,
): Outcome {
  let list = entries;
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
  return ok(o.brief ? ipNeighBrief(list, clock) : ipNeigh(list, clock, 'iproute2', dev));
}

type Obj = 'address' | 'link' | 'route' | 'neigh';

function objectOf(word: string): Obj | null {
  if (is(word, 'address')) return 'address';
  if (is(word, 'link')) return 'link';
  if (is(word, 'route')) return 'route';
  if (is(word, 'neighbour', 'neighbor')) return 'neigh';
  return null;
}

/** Runs `ip ARGS` over the host's namespace and neighbour table. */
export function ipHost(
  args: readonly string[],
  ns: Netns,
  neigh: readonly NeighEntry[],
  clock: number,
): Outcome {
  const o: Opts = { inet4: false, brief: false, oneline: false };
  let i = 0;
  for (; i < args.length && (args[i] ?? '').startsWith('-'); i++) {
    const w = args[i] ?? '';
    if (w === '-4' || w === '-family=inet') o.inet4 = true;
    else if (is(w, '-brief') && w.length > 2) o.brief = true;
    else if (is(w, '-oneline')) o.oneline = true;
    // -human only changes -s counters; -color=never is the default on a pipe and a tty alike.
    else if (is(w, '-human') || w === '-color=never') continue;
    else if (is(w, '-Version') || w === '-V')
      return ok('ip utility, iproute2-6.1.0, libbpf 1.1.2\n');
    else if (NOT_IN_LAB.includes(w) || w.startsWith('-c')) return notInLab(`option ${w}`);
    else return fail(`Option "${w}" is unknown, try "ip -help".\n`, 255);
  }
  const [objWord, cmd = '', ...rest] = args.slice(i);
  if (objWord === undefined)
    return fail(
      'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { address | link | neighbour | route | ... }\n',
      255,
    );
  const obj = objectOf(objWord);
  if (!obj) {
    if (
      ['rule', 'maddress', 'netns', 'tunnel', 'monitor', 'xfrm', 'ntable', 'tuntap', 'mroute'].some(
        (k) => is(objWord, k),
      )
    )
      return notInLab(`ip ${objWord}`);
    return fail(`Object "${objWord}" is unknown, try "ip help".\n`, 1);
  }
  const show = cmd === '' || is(cmd, 'list', 'show', 'lst');
  if (obj === 'route' && is(cmd, 'get') && !show) return routeGet(ns, rest);
  if (!show) {
    const writes = [
      'add',
      'delete',
      'change',
      'replace',
      'flush',
      'set',
      'append',
      'help',
      'save',
      'restore',
    ];
    if (writes.some((k) => is(cmd, k))) return notInLab(`ip ${obj} ${cmd}`);
    return unknownCommand(cmd, obj);
  }
  switch (obj) {
    case 'address':
      return showLinks(ns, 'addr', rest, o);
    case 'link':
      return showLinks(ns, 'link', rest, o);
    case 'route':
      return showRouteCmd(ns, rest);
    case 'neigh':
      return showNeigh(neigh, ns, clock, rest, o);
  }
}

export function ipCommand(args: readonly string[], ctx: Ctx, ns: Netns): number {
  const w = ctx.api.world();
  const r = ipHost(args, ns, w.neigh['host'] ?? [], w.clock);
  ctx.out(r.out);
  ctx.err(r.err);
  return r.exit;
}
