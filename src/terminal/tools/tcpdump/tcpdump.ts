// `tcpdump [-i IFACE|any] [-n] [-e] [-v] [-c N] [-l] [-p] [-S] [-t|-tt] [EXPR]` on the host: the
// last flow's frames at that interface, printed as tcpdump 4.99 prints them. A capture that is
// not ended by -c ends as Ctrl-C ends it (the tty's ^C, tcpdump's newline, its statistics).
// With a trailing `&` it is a job beside the flows to come instead (live.ts).
import { namespacesOf, type Namespace } from '../../../sim';
import type { Command, Ctx } from '../../context';
import { compileFilter } from './filter';
import type { PrintOptions } from './print';
import { startLive } from './live';
import { plural, stampOf, type Stamp } from './stamp';
import { receivedBy, renderCapture } from './render';

export interface Args {
  iface: string | null;
  print: PrintOptions;
  count: number | null;
  promiscuous: boolean;
  stamp: Stamp;
  expr: string[];
}

type Parsed = { ok: true; args: Args } | { ok: false; error: string };

export function parseArgs(argv: readonly string[]): Parsed {
  const a: Args = {
    iface: null,
    print: { numeric: false, link: false, verbose: false, absolute: false },
    count: null,
    promiscuous: true,
    stamp: 'time',
    expr: [],
  };
  const p = { ...a.print };
  let t = 0;
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i] ?? '';
    if (!w.startsWith('-') || w === '-') {
      a.expr.push(w);
      continue;
    }
    for (let j = 1; j < w.length; j++) {
      const c = w[j];
      if (c === 'i' || c === 'c') {
        const rest = w.slice(j + 1);
        const value = rest !== '' ? rest : argv[++i];
        if (value === undefined)
          return { ok: false, error: `tcpdump: option requires an argument -- '${c}'` };
        if (c === 'i') a.iface = value;
        else {
          const n = /^\d+$/.test(value) ? Number(value) : 0;
          if (n <= 0) return { ok: false, error: `tcpdump: invalid packet count ${value}` };
          a.count = n;
        }
        break;
      } else if (c === 'n') p.numeric = true;
      else if (c === 'e') p.link = true;
      else if (c === 'v') p.verbose = true;
      else if (c === 'S') p.absolute = true;
      else if (c === 'p') a.promiscuous = false;
      else if (c === 't') t++;
      else if (c !== 'l') return { ok: false, error: `tcpdump: invalid option -- '${c}'` };
    }
  }
  a.stamp = t === 0 ? 'time' : t === 1 ? 'none' : 'epoch';
  return { ok: true, args: { ...a, print: p } };
}

export const tcpdump: Command = (words, ctx: Ctx) => tcpdumpIn(words, ctx, null);

/**
 * tcpdump in namespace `ns` (null: the host's). `nsenter -t PID -n tcpdump …` reads a container's
 * (its lo carries the queries to Docker's embedded DNS); a job (`&`) runs only on the host's.
 */
export function tcpdumpIn(words: readonly string[], ctx: Ctx, ns: Namespace | null): number {
  // A trailing `&`: a job beside the flows (live.ts) instead of a read of the last flow.
  const background = ns === null && words[words.length - 1] === '&';
  const argv = background ? words.slice(0, -1) : words;
  // bash numbers the job after those still running and prints its number and pid first.
  const job = Math.max(0, ...ctx.api.captures().map((c) => c.job)) + 1;
  if (background) ctx.err(`[${job}] ${4200 + job}\n`);
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    ctx.err(`${parsed.error}\n`);
    return 1;
  }
  const a = parsed.args;
  const world = ctx.api.world();
  const host = ns ?? namespacesOf(world).get('host');
  const devices = host ? [...host.devices.values()] : [];
  const iface = a.iface ?? devices.find((d) => d.name !== 'lo')?.name ?? 'lo';
  const device = devices.find((d) => d.name === iface);
  if (!device && iface !== 'any') {
    ctx.err(`tcpdump: ${iface}: No such device exists\n(No such device exists)\n`);
    return 1;
  }
  const filter = compileFilter(a.expr);
  if (!filter.ok) {
    ctx.err(`tcpdump: ${filter.error}\n`);
    return 1;
  }
  const any = iface === 'any';
  if (any) ctx.err('tcpdump: data link type LINUX_SLL2\n');
  if (!a.print.verbose)
    ctx.err('tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n');
  const link = any ? 'LINUX_SLL2 (Linux cooked v2)' : 'EN10MB (Ethernet)';
  ctx.err(
    `${a.print.verbose ? 'tcpdump: ' : ''}listening on ${iface}, link-type ${link}, snapshot length 262144 bytes\n`,
  );
  const last = ctx.api.lastFlow();
  if (background) {
    ctx.api.startCapture(
      startLive(job, ['tcpdump', ...argv].join(' '), a, iface, filter.match, last),
    );
    return 0;
  }
  const rendered = host
    ? renderCapture(last.packets, host, iface, a.print, a.promiscuous, filter.match)
    : [];
  let captured = 0;
  let received = 0;
  for (const r of rendered) {
    received += receivedBy(r);
    if (r.text === null) continue;
    captured++;
    ctx.out(`${stampOf(a.stamp, last.clock, r.seen.t)}${r.text}\n`);
    if (a.count !== null && captured >= a.count) break;
  }
  // Not stopped by -c: the capture runs until Ctrl-C (the tty echoes ^C, tcpdump ends the line).
  if (a.count === null || captured < a.count) ctx.out('^C\n');
  ctx.err(plural(captured, 'captured'));
  ctx.err(plural(received, 'received by filter'));
  ctx.err(plural(0, 'dropped by kernel'));
  return 0;
}
