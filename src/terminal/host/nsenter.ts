// util-linux 2.38's `nsenter -t PID -n CMD…`: how one looks into a container's network namespace
// from the host (the PID from `docker inspect -f '{{.State.Pid}}' NAME`). The lab runs the host's
// `ip` there, and `iptables -S` / `iptables -t nat -S`, which show what dockerd wrote inside a
// container on a user-defined network for its embedded DNS (sim/netfilter/embedded-dns.ts).
import { namespaceOf, namespacesOf, netnsOwner, type Container, type World } from '../../sim';
import { tcpdumpIn } from '../tools/tcpdump/tcpdump';
import { embeddedDnsNatRules, hasEmbeddedDns } from '../../sim/netfilter/embedded-dns';
import type { Ctx } from '../context';
import { containerPid } from '../docker/inspect';
import { iptables } from './iptables';
import { ipCommand } from '../net/ip-command';
import { containerNetns } from '../net/netns';

const USAGE = "Try 'nsenter --help' for more information.\n";

/** The options before the command: -t/--target PID and -n/--net; null for anything else. */
function parse(args: readonly string[]): { pid: string | null; net: boolean; rest: number } | null {
  let pid: string | null = null;
  let net = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-n' || a === '--net') net = true;
    else if (a === '-t' || a === '--target') pid = args[++i] ?? '';
    else if (/^-t\d+$/.test(a)) pid = a.slice(2);
    else if (a.startsWith('--target=')) pid = a.slice(9);
    else if (/^-n?t$/.test(a) || a === '-tn') {
      net = true;
      pid = args[++i] ?? '';
    } else if (a.startsWith('-')) return null;
    else break;
  }
  return { pid, net, rest: i };
}

/** iptables -S [CHAIN] or -t nat -S [CHAIN] in the container's namespace. */
function iptablesIn(world: World, c: Container, args: readonly string[], ctx: Ctx): number {
  const t = args.indexOf('-t');
  const table = t >= 0 ? args[t + 1] : 'filter';
  const words = args.filter((_, i) => i !== t && i !== t + 1);
  if (words[0] !== '-S' || words.length > 2 || (table !== 'nat' && table !== 'filter')) {
    ctx.err('nsenter: in a container this lab runs only `iptables [-t nat] -S [CHAIN]`\n');
    return 1;
  }
  const rules =
    table === 'nat'
      ? embeddedDnsNatRules(hasEmbeddedDns(world, c) ? c : null)
      : ['INPUT', 'FORWARD', 'OUTPUT'].map((p) => `-P ${p} ACCEPT`);
  const chain = words[1];
  if (chain !== undefined && !rules.some((r) => r.split(' ')[1] === chain)) {
    ctx.err('iptables: No chain/target/match by that name.\n');
    return 1;
  }
  const shown = chain === undefined ? rules : rules.filter((r) => r.split(' ')[1] === chain);
  ctx.out(shown.map((r) => `${r}\n`).join(''));
  return 0;
}

export function nsenter(args: readonly string[], ctx: Ctx): number {
  const o = parse(args);
  if (!o) {
    ctx.err('nsenter: the lab enters only a network namespace: nsenter -t PID -n COMMAND\n');
    return 1;
  }
  if (o.pid === null) {
    ctx.err(`nsenter: no namespace specified\n${USAGE}`);
    return 1;
  }
  const world = ctx.api.world();
  const c = world.containers.find((x) => String(containerPid(world, x)) === o.pid);
  if (!c || o.pid === '0') {
    ctx.err(`nsenter: cannot open /proc/${o.pid}/ns/net: No such file or directory\n`);
    return 1;
  }
  const [cmd, ...rest] = args.slice(o.rest);
  if (!o.net || cmd === undefined) {
    ctx.err('nsenter: the lab enters only a network namespace: nsenter -t PID -n COMMAND\n');
    return 1;
  }
  const owner = netnsOwner(world, c);
  if (cmd === 'ip') return ipCommand(rest, ctx, containerNetns(world, c));
  // A host-mode container's namespace is the host's: the host's own iptables.
  if (cmd === 'iptables' && owner.mode.kind === 'host') return iptables(rest, ctx);
  if (cmd === 'iptables') return iptablesIn(world, owner, rest, ctx);
  if (cmd === 'tcpdump' && rest.at(-1) !== '&') {
    const ns = namespacesOf(world).get(namespaceOf(world, owner));
    if (ns) return tcpdumpIn(rest, ctx, ns);
  }
  ctx.err(
    `nsenter: in a container's namespace this lab runs ip, iptables -S and tcpdump (not as a job), not ${cmd}\n`,
  );
  return 1;
}
