// The host's `ip` (iproute2 6.1): global options, objects and commands matched by prefix as
// iproute2 matches them, its usage texts, and its own errors and exit statuses (recorded in
// src/__fixtures__/terminal-corpus.json). Options and writes the lab does not model say so.
import type { NeighEntry } from '../../sim';
import type { Ctx } from '../context';
import { routeGet, type Outcome } from './ip-route';
import { fail, notInLab, ok, showLinks, showNeigh, showRouteCmd, type Opts } from './ip-show';
import { IP_ADDRESS_USAGE, IP_ROUTE_USAGE, IP_USAGE } from './ip-usage';
import { ipMaddr } from './ip6';
import type { Netns } from './netns';

/** iproute2's matches(): the word is a non-empty prefix of the keyword. */
const is = (word: string, ...keywords: string[]): boolean =>
  word !== '' && keywords.some((k) => k.startsWith(word));

const unknownCommand = (w: string, obj: string) =>
  fail(`Command "${w}" is unknown, try "ip ${obj} help".\n`, 255);

type Obj = 'address' | 'link' | 'route' | 'neigh' | 'maddress' | 'rule' | 'netns';

function objectOf(word: string): Obj | null {
  // In ip.c's table order: the first object the word is a prefix of.
  if (is(word, 'address')) return 'address';
  if (is(word, 'link')) return 'link';
  if (is(word, 'maddress')) return 'maddress';
  if (is(word, 'neighbour', 'neighbor')) return 'neigh';
  if (is(word, 'netns')) return 'netns';
  if (is(word, 'route')) return 'route';
  if (is(word, 'rule')) return 'rule';
  return null;
}

/**
 * The global options, as ip.c tests them in turn (`--x` is `-x`). null: parsed; else the outcome
 * that ends the command (a version, a usage, an error).
 */
function parseOption(w: string, o: Opts): Outcome | null {
  const opt = w.startsWith('--') ? w.slice(1) : w;
  if (opt === '-4') o.family = 'inet';
  else if (opt === '-6') o.family = 'inet6';
  else if (is(opt, '-human', '-human-readable')) o.human = true;
  else if (is(opt, '-iec')) o.iec = true;
  else if (is(opt, '-stats', '-statistics')) o.stats++;
  else if (is(opt, '-details')) o.details++;
  else if (is(opt, '-oneline')) o.oneline = true;
  else if (is(opt, '-Version')) return ok('ip utility, iproute2-6.1.0, libbpf 1.1.2\n');
  else if (is(opt, '-brief') && opt.length > 2) o.brief = true;
  else if (is(opt, '-json')) o.json = true;
  else if (is(opt, '-pretty')) o.pretty = true;
  else if (/^-c(o(l(o(r)?)?)?)?(=(always|auto|never))?$/.test(opt)) {
    // -color (always), =auto (the lab's terminal is a tty), =never.
    o.color = !opt.endsWith('=never');
  } else if (is(opt, '-help')) return fail(IP_USAGE, 255);
  else if (
    ['-loops', '-family', '-resolve', '-timestamp', '-tshort', '-force', '-batch', '-rcvbuf'].some(
      (k) => is(opt, k),
    ) ||
    ['-0', '-M', '-B'].includes(opt) ||
    ['-netns', '-Numeric', '-all'].some((k) => is(opt, k))
  )
    return notInLab(`option ${w}`);
  else return fail(`Option "${w}" is unknown, try "ip -help".\n`, 255);
  return null;
}

/** A write with no arguments: what iproute2 says before it would talk to the kernel. */
function write(obj: Obj, cmd: string, rest: readonly string[]): Outcome {
  if (rest.length === 0) {
    if (obj === 'address' && is(cmd, 'add', 'change', 'replace', 'delete'))
      return fail('Not enough information: "dev" argument is required.\n', 1);
    if (obj === 'route' && is(cmd, 'add')) return fail(IP_ROUTE_USAGE, 255);
    if (obj === 'route' && is(cmd, 'flush'))
      return fail('"ip route flush" requires arguments.\n', 1);
    if (obj === 'address' && is(cmd, 'flush')) return fail('Flush requires arguments.\n', 1);
  }
  return notInLab(`ip ${obj} ${cmd}`);
}

const WRITES = ['add', 'delete', 'change', 'replace', 'flush', 'set', 'append', 'save', 'restore'];

/** Runs `ip ARGS` over the host's namespace and neighbour table. */
export function ipHost(
  args: readonly string[],
  ns: Netns,
  neigh: readonly NeighEntry[],
  clock: number,
): Outcome {
  const o: Opts = {
    family: 'any',
    brief: false,
    oneline: false,
    stats: 0,
    details: 0,
    json: false,
    pretty: false,
    color: false,
    human: false,
    iec: false,
  };
  let i = 0;
  for (; i < args.length && (args[i] ?? '').startsWith('-'); i++) {
    const end = parseOption(args[i] ?? '', o);
    if (end) return end;
  }
  const [objWord, cmd = '', ...rest] = args.slice(i);
  if (objWord === undefined) return fail(IP_USAGE, 255);
  const obj = objectOf(objWord);
  if (!obj) {
    if (is(objWord, 'help')) return fail(IP_USAGE, 255);
    if (['tunnel', 'monitor', 'xfrm', 'ntable', 'tuntap', 'mroute'].some((k) => is(objWord, k)))
      return notInLab(`ip ${objWord}`);
    return fail(`Object "${objWord}" is unknown, try "ip help".\n`, 1);
  }
  const show = cmd === '' || is(cmd, 'list', 'show', 'lst');
  if (is(cmd, 'help') && obj === 'address') return fail(IP_ADDRESS_USAGE, 255);
  if (is(cmd, 'help') && obj === 'route') return fail(IP_ROUTE_USAGE, 255);
  if (obj === 'route' && is(cmd, 'get') && !show) return routeGet(ns, rest);
  if (!show) {
    if (WRITES.some((k) => is(cmd, k))) return write(obj, cmd, rest);
    if (is(cmd, 'help')) return notInLab(`ip ${obj} help`);
    return unknownCommand(cmd, obj);
  }
  const plain = !o.json && !o.color && !o.brief && o.details === 0;
  switch (obj) {
    case 'address':
      return showLinks(ns, 'addr', rest, o);
    case 'link':
      return showLinks(ns, 'link', rest, o);
    case 'route':
      return showRouteCmd(ns, rest, o);
    case 'neigh':
      return showNeigh(neigh, ns, clock, rest, o);
    case 'maddress':
      if (!plain || rest.length > 0) return notInLab(`ip maddress with these arguments`);
      return ok(ipMaddr(ns));
    case 'rule':
      if (!plain || rest.length > 0) return notInLab(`ip rule with these arguments`);
      // The kernel's default rules (IPv6 has no `default` table rule).
      return ok(
        `0:\tfrom all lookup local\n32766:\tfrom all lookup main\n${o.family === 'inet6' ? '' : '32767:\tfrom all lookup default\n'}`,
      );
    case 'netns':
      // Docker's namespaces are not under /run/netns: `ip netns` lists none.
      if (!plain || rest.length > 0) return notInLab(`ip netns with these arguments`);
      return ok('');
  }
}

export function ipCommand(args: readonly string[], ctx: Ctx, ns: Netns): number {
  const w = ctx.api.world();
  const r = ipHost(args, ns, w.neigh['host'] ?? [], w.clock);
  ctx.out(r.out);
  ctx.err(r.err);
  return r.exit;
}
