// net-tools' routing table: `route [-n] [-e]` and `netstat -r[n]` (2.10). Without -n the default
// route's destination reads `default` (the other addresses have no name on the reference host).
import { maskOf } from '../../sim/addr';
import type { Outcome } from './ip-route';
import type { Netns } from './netns';

export interface RouteView {
  readonly numeric: boolean;
  /** `-e` / netstat: MSS, Window and irtt columns instead of Metric, Ref and Use. */
  readonly netstat: boolean;
  /** busybox's route: without -n, a gateway of 0.0.0.0 reads `*`. */
  readonly busybox?: boolean;
}

export function routeTable(ns: Netns, v: RouteView): string {
  const cols = v.netstat ? 'Flags   MSS Window  irtt Iface' : 'Flags Metric Ref    Use Iface';
  let s = `Kernel IP routing table\nDestination     Gateway         Genmask         ${cols}\n`;
  for (const r of ns.routes) {
    const dst = r.dst.prefix === 0 && !v.numeric ? 'default' : r.dst.address;
    const gw = r.via ?? (v.busybox && !v.numeric ? '*' : '0.0.0.0');
    const fl = r.via ? 'UG' : 'U';
    const head = `${dst.padEnd(15)} ${gw.padEnd(15)} ${maskOf(r.dst.prefix).padEnd(15)} `;
    s += v.netstat
      ? `${head}${fl.padEnd(5)} ${'0'.padStart(5)} ${'0'.padEnd(6)} ${'0'.padStart(5)} ${r.dev}\n`
      : `${head}${fl.padEnd(6)}${'0'.padEnd(6)} ${'0'.padEnd(2)} ${'0'.padStart(7)} ${r.dev}\n`;
  }
  return s;
}

const notInLab = (tool: string, a: string): Outcome => ({
  out: '',
  err: `${tool}: ${a} is not in this lab\n`,
  exit: 1,
});

/** `route [-n] [-e] [-4|-A inet]`. */
export function route(args: readonly string[], ns: Netns): Outcome {
  let numeric = false;
  let netstat = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-A' && args[i + 1] === 'inet') i++;
    else if (a === '-4' || a === '--inet') continue;
    else if (/^-[nev]+$/.test(a)) {
      if (a.includes('n')) numeric = true;
      if ((a.match(/e/g) ?? []).length === 1) netstat = true;
      if ((a.match(/e/g) ?? []).length > 1) return notInLab('route', '-ee');
    } else return notInLab('route', a);
  }
  return { out: routeTable(ns, { numeric, netstat }), err: '', exit: 0 };
}

/** `netstat -r [-n] [-4]`: the routing table only; the lab has no sockets to list. */
export function netstat(args: readonly string[], ns: Netns): Outcome {
  let numeric = false;
  let table = false;
  for (const a of args) {
    if (/^-[rn4]+$/.test(a)) {
      if (a.includes('n')) numeric = true;
      if (a.includes('r')) table = true;
    } else return notInLab('netstat', a);
  }
  if (!table) return notInLab('netstat', args.length ? args.join(' ') : 'without -r');
  return { out: routeTable(ns, { numeric, netstat: true }), err: '', exit: 0 };
}
