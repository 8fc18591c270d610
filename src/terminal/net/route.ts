// net-tools' routing table: `route [-n] [-e[e]] [-C]` and `netstat -r[n]` (2.10). Without -n the default
// route's destination reads `default` (the other addresses have no name on the reference host).
import { maskOf } from '../../sim/addr';
import type { Outcome } from './ip-route';
import type { Netns } from './netns';
import { asksHelp, helpOf, rejected, routeUsage } from './net-tools-usage';

export interface RouteView {
  readonly numeric: boolean;
  /** `-e` / netstat: MSS, Window and irtt columns instead of Metric, Ref and Use. */
  readonly netstat: boolean;
  /** `-ee`: both sets of columns, the interface cut to 6 characters. */
  readonly both?: boolean;
  /** busybox's route: without -n, a gateway of 0.0.0.0 reads `*`. */
  readonly busybox?: boolean;
}

const METRIC_COLS = 'Flags Metric Ref    Use Iface';
const MSS_COLS = 'Flags   MSS Window  irtt Iface';

export function routeTable(ns: Netns, v: RouteView): string {
  const cols = v.both ? `${METRIC_COLS}    MSS   Window irtt` : v.netstat ? MSS_COLS : METRIC_COLS;
  let s = `Kernel IP routing table\nDestination     Gateway         Genmask         ${cols}\n`;
  for (const r of ns.routes) {
    const dst = r.dst.prefix === 0 && !v.numeric ? 'default' : r.dst.address;
    const gw = r.via ?? (v.busybox && !v.numeric ? '*' : '0.0.0.0');
    const fl = r.via ? 'UG' : 'U';
    const head = `${dst.padEnd(15)} ${gw.padEnd(15)} ${maskOf(r.dst.prefix).padEnd(15)} `;
    const metric = `${fl.padEnd(6)}${'0'.padEnd(6)} ${'0'.padEnd(2)} ${'0'.padStart(7)} `;
    if (v.both) s += `${head}${metric}${r.dev.slice(0, 6).padEnd(6)}   0     0      0\n`;
    else if (v.netstat)
      s += `${head}${fl.padEnd(5)} ${'0'.padStart(5)} ${'0'.padEnd(6)} ${'0'.padStart(5)} ${r.dev}\n`;
    else s += `${head}${metric}${r.dev}\n`;
  }
  return s;
}

/** `route -C`: Linux has had no IPv4 routing cache since 3.6, so only the headers. */
const routeCache = (netstat: boolean): string =>
  `Kernel IP routing cache\nSource          Destination     Gateway         ${netstat ? MSS_COLS : METRIC_COLS}\n`;

export const notInLab = (tool: string, a: string): Outcome => ({
  out: '',
  err: `${tool}: ${a} is not in this lab\n`,
  exit: 1,
});

const ROUTE_LONG = ['--numeric', '--extend', '--verbose', '--fib', '--cache', '--inet', '--help'];

/** `route [-n] [-e[e]] [-v] [-F|-C] [-4|-A inet]`; getopt's complaint and the usage otherwise. */
export function route(args: readonly string[], ns: Netns): Outcome {
  const bad = rejected(
    args.filter((a) => !ROUTE_LONG.includes(a)),
    'nNveFCA46hV',
  );
  if (bad !== null) return routeUsage(bad);
  if (asksHelp(args)) return helpOf('route');
  let numeric = false;
  let extend = 0;
  let cache = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-A' && args[i + 1] === 'inet') i++;
    else if (a === '-4' || a === '--inet' || a === '-F' || a === '--fib') continue;
    else if (a === '--numeric') numeric = true;
    else if (a === '--extend') extend++;
    else if (a === '--cache') cache = true;
    else if (/^-[nevFC]+$/.test(a)) {
      if (a.includes('n')) numeric = true;
      if (a.includes('C')) cache = true;
      extend += (a.match(/e/g) ?? []).length;
    } else if (a !== '--verbose') return notInLab('route', a);
  }
  if (extend > 2 || (cache && extend > 1)) return notInLab('route', '-eee');
  if (cache) return { out: routeCache(extend === 1), err: '', exit: 0 };
  const view = { numeric, netstat: extend === 1, both: extend === 2 };
  return { out: routeTable(ns, view), err: '', exit: 0 };
}
