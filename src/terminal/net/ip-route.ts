// iproute2's routes: `ip route show` with its selectors (dev, proto, scope, table, default, PREFIX,
// root, match), the local table the kernel adds with each address, and `ip route get`. A field a
// selector fixes is not printed (iproute2 omits what the filter already says). Pure.
import { cidr, inCidr, ipToInt, parseCidr, parseIPv4, type Cidr, type IPv4 } from '../../sim/addr';
import type { Dialect } from './ip';
import type { Netns } from './netns';

type Scope = 'global' | 'link' | 'host';

/** One route as `ip route` lists it, from the main or the local table. */
export interface Shown {
  readonly type: 'unicast' | 'local' | 'broadcast';
  readonly dst: Cidr;
  readonly via: IPv4 | null;
  readonly dev: string;
  readonly table: 'main' | 'local';
  readonly proto: 'kernel' | 'boot';
  readonly scope: Scope;
  readonly src: IPv4 | null;
  readonly flags: string;
}

export interface RouteFilter {
  readonly dev?: string;
  readonly proto?: string;
  readonly scope?: string;
  readonly table?: 'main' | 'local' | 'all';
  /** `default`, PREFIX or `exact PREFIX`: that destination only. */
  readonly exact?: Cidr;
  readonly root?: Cidr;
  readonly match?: Cidr;
}

export function mainRoutes(ns: Netns): Shown[] {
  return ns.routes.map((r) => ({
    type: 'unicast',
    dst: r.dst,
    via: r.via,
    dev: r.dev,
    table: 'main',
    proto: r.proto,
    scope: r.via ? 'global' : 'link',
    src: r.proto === 'kernel' ? r.src : null,
    flags: `${r.onlink ? 'onlink ' : ''}${r.linkdown ? 'linkdown ' : ''}`,
  }));
}

/** The kernel's local table: each address as `local`, each subnet's broadcast, 127.0.0.0/8 on lo. */
export function localRoutes(ns: Netns): Shown[] {
  const out: Shown[] = [];
  const add = (type: Shown['type'], dst: string, dev: string, src: IPv4, scope: Scope) =>
    out.push({
      type,
      dst: cidr(dst),
      via: null,
      dev,
      table: 'local',
      proto: 'kernel',
      scope,
      src,
      flags: '',
    });
  for (const i of ns.ifaces)
    for (const a of i.addrs) {
      if (i.kind === 'loopback' && a.prefix < 32)
        add('local', `${a.ip}/${a.prefix}`, i.name, a.ip, 'host');
      add('local', `${a.ip}/32`, i.name, a.ip, 'host');
      if (a.prefix < 31) {
        const c = cidr(`${a.ip}/${a.prefix}`);
        const brd = (ipToInt(c.address) | (2 ** (32 - a.prefix) - 1)) >>> 0;
        add('broadcast', `${intText(brd)}/32`, i.name, a.ip, 'link');
      }
    }
  return out.sort(
    (x, y) => ipToInt(x.dst.address) - ipToInt(y.dst.address) || x.dst.prefix - y.dst.prefix,
  );
}

const intText = (n: number): string => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');

export const dstText = (c: Cidr): string =>
  c.prefix === 0 ? 'default' : c.prefix === 32 ? c.address : `${c.address}/${c.prefix}`;

/** `details` (`ip -d route`): the type, protocol and scope even when unicast, boot and global. */
function line(r: Shown, f: RouteFilter, d: Dialect, details: boolean): string {
  const type = r.type === 'unicast' && !details ? '' : `${r.type} `;
  const via = r.via ? `via ${r.via} ` : '';
  const dev = f.dev ? '' : `dev ${r.dev} `;
  const table = f.table === 'all' && r.table === 'local' ? 'table local ' : '';
  const proto = (r.proto === 'kernel' || details) && !f.proto ? `proto ${r.proto} ` : '';
  const scope = (r.scope !== 'global' || details) && !f.scope ? `scope ${r.scope} ` : '';
  if (d === 'busybox' && r.proto === 'kernel')
    return `${dstText(r.dst)} ${dev}scope link  src ${r.src ?? ''} \n`;
  const src = r.src ? `src ${r.src} ` : '';
  return `${type}${dstText(r.dst)} ${via}${dev}${table}${proto}${scope}${src}${r.flags}\n`;
}

const sameCidr = (a: Cidr, b: Cidr): boolean => a.address === b.address && a.prefix === b.prefix;

export function showRoutes(ns: Netns, f: RouteFilter, d: Dialect, details = false): string {
  return selectRoutes(ns, f)
    .map((r) => line(r, f, d, details))
    .join('');
}

/** The IPv4 routes a selector keeps, in the kernel's dump order (main, then local). */
export function selectRoutes(ns: Netns, f: RouteFilter): Shown[] {
  const tables =
    f.table === 'local'
      ? localRoutes(ns)
      : f.table === 'all'
        ? [...mainRoutes(ns), ...localRoutes(ns)]
        : mainRoutes(ns);
  return tables.filter(
    (r) =>
      (!f.dev || r.dev === f.dev) &&
      (!f.proto || r.proto === f.proto) &&
      (!f.scope || r.scope === f.scope) &&
      (!f.exact || sameCidr(r.dst, f.exact)) &&
      (!f.root || (r.dst.prefix >= f.root.prefix && inCidr(r.dst.address, f.root))) &&
      (!f.match || (r.dst.prefix <= f.match.prefix && inCidr(f.match.address, r.dst))),
  );
}

/** A selector's prefix: `default`, `A.B.C.D` (a /32) or `A.B.C.D/N`. */
export function parsePrefix(word: string): Cidr | null {
  if (word === 'default' || word === 'all' || word === 'any') return cidr('0.0.0.0/0');
  const p = parseCidr(word.includes('/') ? word : `${word}/32`);
  return p.ok ? p.value : null;
}

export interface Outcome {
  readonly out: string;
  readonly err: string;
  readonly exit: number;
}

/** `ip route get [to] ADDR [from SRC]`: the route the kernel would pick, as a cached route. */
/** busybox prints the result as a route line (two spaces before `src`), with no uid or cache line. */
export function routeGet(ns: Netns, args: readonly string[], d: Dialect = 'iproute2'): Outcome {
  let dst: string | undefined;
  let from: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const w = args[i] ?? '';
    if (w === 'from') from = args[++i];
    else if (w === 'to') dst = args[++i];
    else dst = w;
  }
  if (dst === undefined) return { out: '', err: 'need at least a destination address\n', exit: 1 };
  const [addrText = '', len] = dst.split('/');
  const addr = parseIPv4(addrText);
  if (!addr.ok || (len !== undefined && !/^\d+$/.test(len)))
    return { out: '', err: `Error: any valid prefix is expected rather than "${dst}".\n`, exit: 1 };
  const warn =
    len !== undefined && len !== '32'
      ? `Warning: /${len} as prefix is invalid, only /32 (or none) is supported.\n`
      : '';
  const a = addr.value;
  const local = ns.ifaces.find((i) => i.addrs.some((x) => x.ip === a));
  const bb = d === 'busybox';
  if (local || inCidr(a, cidr('127.0.0.0/8'))) {
    const out = bb
      ? `local ${a} dev lo  src ${a} \n`
      : `local ${a} dev lo src ${a} uid 0 \n    cache <local> \n`;
    return { out, err: warn, exit: 0 };
  }
  let best: Shown | null = null;
  for (const r of mainRoutes(ns))
    if (inCidr(a, r.dst) && (!best || r.dst.prefix > best.dst.prefix)) best = r;
  if (!best) return { out: '', err: `${warn}RTNETLINK answers: Network is unreachable\n`, exit: 2 };
  const dev = ns.ifaces.find((i) => i.name === best.dev);
  const src = from ? `from ${from} ` : '';
  const via = best.via ? `via ${best.via} ` : '';
  const pick = from ? '' : `src ${best.src ?? dev?.addrs[0]?.ip ?? ''} `;
  if (bb) return { out: `${a} ${src}${via}dev ${best.dev}  ${pick}\n`, err: warn, exit: 0 };
  return {
    out: `${a} ${src}${via}dev ${best.dev} ${pick}uid 0 \n    cache \n`,
    err: warn,
    exit: 0,
  };
}
