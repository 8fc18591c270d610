// `conntrack` (conntrack-tools 1.4.7): -L [conntrack] with its filters (-p, -s/-d, --sport/--dport,
// -n/-g for NATed flows, -f ipv4), -o extended, -C; its own errors. The lab tracks IPv4 only.
import { parseIPv4 } from '../../sim/addr';
import type { ConntrackEntry, World } from '../../sim';
import { conntrackLine } from './conntrack';
import { own } from '../own';
import type { Outcome } from './ip-route';

const TOOL = 'conntrack v1.4.7 (conntrack-tools)';
const usage = (msg: string): Outcome => ({
  out: '',
  err: `${TOOL}: ${msg}\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`,
  exit: 2,
});

type Test = (e: ConntrackEntry) => boolean;

const ADDR_OPTS: { readonly [opt: string]: (e: ConntrackEntry, a: string) => boolean } = {
  '-s': (e, a) => e.orig.src === a,
  '-d': (e, a) => e.orig.dst === a,
  '-r': (e, a) => e.reply.src === a,
  '-q': (e, a) => e.reply.dst === a,
};
const ALIASES: { readonly [opt: string]: string } = {
  '--src': '-s',
  '--orig-src': '-s',
  '--dst': '-d',
  '--orig-dst': '-d',
  '--reply-src': '-r',
  '--reply-dst': '-q',
};

export function conntrackCommand(args: readonly string[], world: World): Outcome {
  let action: 'L' | 'C' | null = null;
  let extended = false;
  const tests: Test[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const opt = own(ALIASES, a) ?? a;
    if (opt === '-L' || opt === '--dump' || opt === '-C' || opt === '--count') {
      action = opt === '-L' || opt === '--dump' ? 'L' : 'C';
      if (args[i + 1] === 'conntrack') i++;
    } else if (opt === '-V' || opt === '--version') return { out: `${TOOL}\n`, err: '', exit: 0 };
    else if (opt === '-p' || opt === '--proto' || opt === '--protonum') {
      const p = args[++i] ?? '';
      if (!['tcp', 'udp', 'icmp'].includes(p)) return usage(`\`${p}' unsupported protocol`);
      tests.push((e) => e.proto === p);
    } else if (own(ADDR_OPTS, opt)) {
      const v = args[++i] ?? '';
      if (!parseIPv4(v).ok) return usage(`Invalid IP address \`${v}'`);
      const test = own(ADDR_OPTS, opt);
      if (test) tests.push((e) => test(e, v));
    } else if (
      opt === '--sport' ||
      opt === '--orig-port-src' ||
      opt === '--dport' ||
      opt === '--orig-port-dst'
    ) {
      const port = Number(args[++i]);
      const src = opt === '--sport' || opt === '--orig-port-src';
      tests.push((e) => e.proto !== 'icmp' && (src ? e.orig.sport : e.orig.dport) === port);
    } else if (opt === '-f' || opt === '--family') {
      const f = args[++i];
      if (f !== 'ipv4') tests.push(() => false);
    } else if (opt === '-o' || opt === '--output') {
      const o = args[++i] ?? '';
      if (o !== 'extended') return usage(`${o} is not in this lab (only -o extended)`);
      extended = true;
    } else if (opt.startsWith('-')) {
      if (
        /^-[EDFGIUSZngjmcezlutwb]$/.test(opt) ||
        /^--(event|delete|flush|get|create|update|stats|zero)/.test(opt)
      )
        return { out: '', err: `${TOOL}: ${opt} is not in this lab (-L and -C are)\n`, exit: 1 };
      return usage(`unknown option \`${a}'`);
    } else if (action === 'L' && a === 'expect')
      return { out: '', err: `${TOOL}: 0 expectations have been shown.\n`, exit: 0 };
    else return usage(`Bad parameter \`${a}'`);
  }
  if (action === null) return { out: '', err: `${TOOL}: no command specified (try -L)\n`, exit: 2 };
  const live = world.conntrack.filter(
    (e) => e.ns === 'host' && e.expires > world.clock && tests.every((t) => t(e)),
  );
  if (action === 'C') return { out: `${live.length}\n`, err: '', exit: 0 };
  const prefix = extended ? 'ipv4     2 ' : '';
  return {
    out: live.map((e) => prefix + conntrackLine(e, world.clock)).join(''),
    err: `${TOOL}: ${live.length} flow entries have been shown.\n`,
    exit: 0,
  };
}
