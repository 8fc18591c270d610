// `conntrack` (conntrack-tools 1.4.7): -L [conntrack|expect] with its filters (-p, -s/-d/-r/-q,
// --sport/--dport, -n/-g/-j for NATed flows, -f ipv4), -o extended, -z; -C; -S; -E (the last
// flow's events, conntrack-events.ts); the usage text; its own errors. The lab tracks IPv4 only.
import { parseIPv4 } from '../../sim/addr';
import type { ConntrackEntry, World } from '../../sim';
import type { PacketTrace } from '../../sim/trace';
import { conntrackLine } from './conntrack';
import { CONNTRACK_HELP } from './conntrack-help';
import { conntrackEvents } from './conntrack-events';
import { natFilter, type NatOption } from './conntrack-nat';
import { own } from '../own';
import type { Outcome } from './ip-route';

const TOOL = 'conntrack v1.4.7 (conntrack-tools)';
const usage = (msg: string): Outcome => ({
  out: '',
  err: `${TOOL}: ${msg}\nTry \`conntrack -h' or 'conntrack --help' for more information.\n`,
  exit: 2,
});

type Test = (e: ConntrackEntry) => boolean;
type Action = 'L' | 'C' | 'S' | 'E';

/** Each option's long name: conntrack names it so when a command does not take it. */
const NAMES: { readonly [opt: string]: string } = {
  '-s': '--src',
  '--src': '--src',
  '--orig-src': '--src',
  '-d': '--dst',
  '--dst': '--dst',
  '--orig-dst': '--dst',
  '-r': '--reply-src',
  '--reply-src': '--reply-src',
  '-q': '--reply-dst',
  '--reply-dst': '--reply-dst',
  '-p': '--protonum',
  '--proto': '--protonum',
  '--protonum': '--protonum',
  '--sport': '--sport',
  '--orig-port-src': '--sport',
  '--dport': '--dport',
  '--orig-port-dst': '--dport',
  '-n': '--src-nat',
  '--src-nat': '--src-nat',
  '-g': '--dst-nat',
  '--dst-nat': '--dst-nat',
  '-j': '--any-nat',
  '--any-nat': '--any-nat',
  '-f': '--family',
  '--family': '--family',
  '-o': '--output',
  '--output': '--output',
  '-z': '--zero',
  '--zero': '--zero',
  '-e': '--event-mask',
  '--event-mask': '--event-mask',
};
const ADDR: { readonly [name: string]: (e: ConntrackEntry, a: string) => boolean } = {
  '--src': (e, a) => e.orig.src === a,
  '--dst': (e, a) => e.orig.dst === a,
  '--reply-src': (e, a) => e.reply.src === a,
  '--reply-dst': (e, a) => e.reply.dst === a,
};
const COMMANDS: { readonly [opt: string]: Action } = {
  '-L': 'L',
  '--dump': 'L',
  '-C': 'C',
  '--count': 'C',
  '-S': 'S',
  '--stats': 'S',
  '-E': 'E',
  '--event': 'E',
};
/** The options each command takes (conntrack's commands_v_options, for what the lab has). */
const TAKES: { readonly [A in Action]: readonly string[] } = {
  L: ['--src', '--dst', '--reply-src', '--reply-dst', '--protonum', '--sport', '--dport'].concat([
    '--src-nat',
    '--dst-nat',
    '--any-nat',
    '--family',
    '--output',
    '--zero',
  ]),
  C: [],
  S: [],
  E: ['--src', '--dst', '--reply-src', '--reply-dst', '--protonum', '--sport', '--dport'].concat([
    '--src-nat',
    '--dst-nat',
    '--any-nat',
    '--family',
    '--output',
    '--event-mask',
  ]),
};
const OUTPUTS = ['extended', 'xml', 'timestamp', 'id', 'ktimestamp', 'labels', 'userspace'];
const EVENTS = ['NEW', 'UPDATE', 'DESTROY', 'ALL'];

/** `cpu=N   \t…`: the statistics of each of the host's two CPUs (all zero in a fresh netns). */
const stats = (): string =>
  [0, 1]
    .map(
      (cpu) =>
        `cpu=${cpu}   \tfound=0 invalid=0 insert=0 insert_failed=0 drop=0 early_drop=0 error=0 search_restart=0 clash_resolve=0 chaintoolong=0 \n`,
    )
    .join('');

export function conntrackCommand(
  args: readonly string[],
  world: World,
  lastFlow?: () => { readonly packets: readonly PacketTrace[]; readonly clock: number },
): Outcome {
  let action: Action | null = null;
  let table: 'conntrack' | 'expect' = 'conntrack';
  let extended = false;
  let events: readonly string[] = ['ALL'];
  const used: string[] = [];
  const nat: NatOption[] = [];
  const tests: Test[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const command = own(COMMANDS, a);
    const name = own(NAMES, a);
    if (command) {
      if (action !== null) return usage('Invalid commands combination');
      action = command;
      const t = args[i + 1];
      if (t === 'conntrack' || t === 'expect') {
        table = t;
        i++;
      }
    } else if (a === '-V' || a === '--version') return { out: `${TOOL}\n`, err: '', exit: 0 };
    else if (a === '-h' || a === '--help') return { out: CONNTRACK_HELP, err: '', exit: 0 };
    else if (name === '--src-nat' || name === '--dst-nat' || name === '--any-nat') {
      used.push(name);
      // The address is optional, and only ever the next word: `-n10.0.0.1` counts as a bare -n.
      const next = args[i + 1];
      const ip = next !== undefined && !next.startsWith('-') ? next : undefined;
      if (ip !== undefined) {
        i++;
        if (!parseIPv4(ip).ok) return usage(`Invalid IP address \`${ip}'`);
      }
      nat.push({ kind: name, ip });
    } else if (name !== undefined) {
      used.push(name);
      const v = args[++i] ?? '';
      if (name === '--protonum') {
        if (!['tcp', 'udp', 'icmp'].includes(v)) return usage(`\`${v}' unsupported protocol`);
        tests.push((e) => e.proto === v);
      } else if (own(ADDR, name)) {
        if (!parseIPv4(v).ok) return usage(`Invalid IP address \`${v}'`);
        const test = own(ADDR, name);
        if (test) tests.push((e) => test(e, v));
      } else if (name === '--sport' || name === '--dport') {
        const port = Number(v);
        const src = name === '--sport';
        tests.push((e) => e.proto !== 'icmp' && (src ? e.orig.sport : e.orig.dport) === port);
      } else if (name === '--family') {
        if (v !== 'ipv4') tests.push(() => false);
      } else if (name === '--output') {
        const kinds = v.split(',');
        const bad = kinds.find((k) => !OUTPUTS.includes(k));
        if (bad !== undefined) return usage(`Bad parameter \`${bad}'`);
        if (kinds.some((k) => k !== 'extended'))
          return {
            out: '',
            err: `${TOOL}: -o ${v} is not in this lab (-o extended is)\n`,
            exit: 1,
          };
        extended = true;
      } else if (name === '--event-mask') {
        events = v.split(',');
        const bad = events.find((k) => !EVENTS.includes(k));
        if (bad !== undefined) return usage(`Bad parameter \`${bad}'`);
      } else i--; // -z takes no argument
    } else if (a.startsWith('-')) {
      if (/^-[DFGIU]$/.test(a) || /^--(delete|flush|get|create|update)$/.test(a))
        return {
          out: '',
          err: `${TOOL}: ${a} is not in this lab (-L, -C, -S and -E are)\n`,
          exit: 1,
        };
      return usage(`unknown option \`${a}'`);
    } else return usage(`Bad parameter \`${a}'`);
  }
  // No command: conntrack prints its usage text, and that is not an error.
  if (action === null) return { out: CONNTRACK_HELP, err: '', exit: 0 };
  const illegal = used.find((n) => !TAKES[action].includes(n));
  if (illegal !== undefined) return usage(`Illegal option \`${illegal}' with this command`);
  if (used.includes('--zero') && used.some((n) => n !== '--zero' && n !== '--output'))
    return usage("Can't use -z with filtering parameters");
  if (action === 'S') return { out: stats(), err: '', exit: 0 };
  const match = (e: ConntrackEntry) =>
    e.ns === 'host' && tests.every((t) => t(e)) && natFilter(e, nat);
  if (action === 'E') return conntrackEvents(lastFlow?.(), match, events, extended);
  if (table === 'expect')
    return action === 'C'
      ? { out: '0\n', err: '', exit: 0 }
      : { out: '', err: `${TOOL}: 0 expectations have been shown.\n`, exit: 0 };
  const live = world.conntrack.filter((e) => e.expires > world.clock && match(e));
  if (action === 'C') return { out: `${live.length}\n`, err: '', exit: 0 };
  const prefix = extended ? 'ipv4     2 ' : '';
  return {
    out: live.map((e) => prefix + conntrackLine(e, world.clock)).join(''),
    err: `${TOOL}: ${live.length} flow entries have been shown.\n`,
    exit: 0,
  };
}
