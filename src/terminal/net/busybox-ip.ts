// busybox 1.35's `ip` in a container: its few options (-4, -6, -0, -f FAMILY, -o), its objects and
// commands matched as index_in_substrings matches them (a unique prefix or an exact word), its
// usage text for anything else, and its errors (`ip link` dies with status 2, the others with 1).
// Writes (add, del, set, flush) are not in the lab. Recorded in src/__fixtures__/terminal-corpus.json.
import type { NeighEntry } from '../../sim';
import { ipAddr, ipLink } from './ip';
import { routeGet, showRoutes, type Outcome } from './ip-route';
import { BUSYBOX_IP_USAGE } from './ip-usage';
import { ipNeigh } from './neigh';
import type { Iface, Netns } from './netns';

/** busybox's index_in_substrings: an exact word, else the one word the key is a prefix of. */
function indexIn(words: readonly string[], key: string): number {
  if (key === '') return -1;
  let found = -1;
  for (const [i, w] of words.entries()) {
    if (!w.startsWith(key)) continue;
    if (w === key) return i;
    if (found >= 0) return -1;
    found = i;
  }
  return found;
}

const usage: Outcome = { out: '', err: BUSYBOX_IP_USAGE, exit: 1 };
const die = (msg: string, exit: number): Outcome => ({ out: '', err: `ip: ${msg}\n`, exit });
const ok = (out: string): Outcome => ({ out, err: '', exit: 0 });
const invalid = (word: string, exit = 1) => die(`invalid argument '${word}' to 'ip'`, exit);
const notInLab = (what: string) => die(`${what} is not in this lab`, 1);

interface Opts {
  family: 'any' | 'inet' | 'inet6' | 'link';
  oneline: boolean;
}

/** `ip addr|link [show] [dev] [IFACE] [up]`: the interfaces, filtered. */
function listLinks(
  ns: Netns,
  obj: 'addr' | 'link',
  args: readonly string[],
  o: Opts,
  exit: number,
): Outcome {
  let list: readonly Iface[] = ns.ifaces;
  for (let i = 0; i < args.length; i++) {
    const w = args[i] ?? '';
    if (w === 'up') {
      list = list.filter((x) => x.kind === 'loopback' || x.lowerUp);
      continue;
    }
    if (['to', 'scope', 'label'].includes(w)) return notInLab(`ip ${obj} show ${w}`);
    const dev = w === 'dev' ? args[++i] : w;
    if (dev === undefined) return usage;
    if (!ns.ifaces.some((x) => x.name === dev)) return die(`can't find device '${dev}'`, exit);
    list = list.filter((x) => x.name === dev);
  }
  if (o.family === 'inet6' && obj === 'link') return notInLab('ip -6 link');
  const named = args.some((w) => w !== 'up');
  const view = {
    inet4Only: o.family === 'inet',
    inet6Only: o.family === 'inet6',
    named,
    oneline: o.oneline,
  };
  return ok(obj === 'addr' ? ipAddr(list, 'busybox', view) : ipLink(list, 'busybox', view));
}

function address(ns: Netns, args: readonly string[], o: Opts): Outcome {
  const [cmd, ...rest] = args;
  if (cmd === undefined) return listLinks(ns, 'addr', [], o, 1);
  const k = indexIn(
    ['add', 'change', 'chg', 'replace', 'delete', 'list', 'flush', 'show', 'lst'],
    cmd,
  );
  if (k < 0) return invalid(cmd);
  if (k < 5 || k === 6) return notInLab(`ip addr ${cmd}`);
  return listLinks(ns, 'addr', rest, o, 1);
}

function link(ns: Netns, args: readonly string[], o: Opts): Outcome {
  const [cmd, ...rest] = args;
  if (cmd === undefined) return listLinks(ns, 'link', [], o, 2);
  const k = indexIn(['add', 'delete', 'set', 'show', 'lst', 'list'], cmd);
  if (k < 0) return invalid(cmd, 2);
  if (k < 3) return notInLab(`ip link ${cmd}`);
  return listLinks(ns, 'link', rest, o, 2);
}

function route(ns: Netns, args: readonly string[], o: Opts): Outcome {
  const [cmd, ...rest] = args;
  const k =
    cmd === undefined
      ? 7
      : indexIn(
          [
            'a',
            'add',
            'append',
            'change',
            'chg',
            'delete',
            'get',
            'list',
            'show',
            'prepend',
            'replace',
            'test',
            'flush',
          ],
          cmd,
        );
  if (k < 0) return invalid(cmd ?? '');
  if (k === 6) return routeGet(ns, rest, 'busybox');
  if (k !== 7 && k !== 8) return notInLab(`ip route ${cmd ?? ''}`);
  if (o.family === 'inet6') return notInLab('ip -6');
  let dev: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i] ?? '';
    if (w !== 'dev' && w !== 'oif') return notInLab(`ip route show ${w}`);
    dev = rest[++i];
    if (dev === undefined) return usage;
    if (!ns.ifaces.some((x) => x.name === dev)) return die(`can't find device '${dev}'`, 1);
  }
  // busybox filters by the device yet still prints `dev IFACE` on each route.
  const routes = showRoutes(ns, {}, 'busybox');
  return ok(
    dev === undefined
      ? routes
      : routes
          .split('\n')
          .filter((l) => l.includes(` dev ${dev} `))
          .map((l) => `${l}\n`)
          .join(''),
  );
}

/** Runs busybox `ip ARGS` in a container's namespace. */
export function busyboxIp(
  args: readonly string[],
  ns: Netns,
  neigh: readonly NeighEntry[],
  clock: number,
): Outcome {
  const o: Opts = { family: 'any', oneline: false };
  let i = 0;
  for (; i < args.length && (args[i] ?? '').startsWith('-'); i++) {
    let opt = (args[i] ?? '').slice(1);
    if (opt.startsWith('-')) opt = opt.slice(1);
    if (opt === '') {
      i++;
      break;
    }
    const k = indexIn(['oneline', 'family', '4', '6', '0'], opt);
    if (k < 0) return usage;
    if (k === 0) o.oneline = true;
    else if (k === 1) {
      const f = args[++i];
      if (f === undefined) return usage;
      if (f !== 'inet' && f !== 'inet6' && f !== 'link')
        return die(`invalid argument '${f}' to 'family'`, 1);
      o.family = f;
    } else o.family = k === 2 ? 'inet' : k === 3 ? 'inet6' : 'link';
  }
  const [objWord = '', ...rest] = args.slice(i);
  const obj = indexIn(
    ['address', 'route', 'r', 'link', 'tunnel', 'tunl', 'rule', 'neigh'],
    objWord,
  );
  switch (obj) {
    case 0:
      return address(ns, rest, o);
    case 1:
    case 2:
      return route(ns, rest, o);
    case 3:
      return link(ns, rest, o);
    case 6:
      if (rest.length > 0 && indexIn(['list', 'show'], rest[0] ?? '') < 0)
        return notInLab(`ip rule ${rest[0] ?? ''}`);
      // busybox ends each rule with a space.
      return ok(
        '0:\tfrom all lookup local \n32766:\tfrom all lookup main \n32767:\tfrom all lookup default \n',
      );
    case 7:
      if (rest.length > 0 && indexIn(['show', 'list'], rest[0] ?? '') < 0)
        return notInLab(`ip neigh ${rest[0] ?? ''}`);
      if (rest.length > 1) return notInLab('ip neigh show with a selector');
      return ok(o.family === 'inet6' ? '' : ipNeigh(neigh, clock, 'busybox'));
    case 4:
    case 5:
      return notInLab('ip tunnel');
    default:
      return usage;
  }
}
