// The host's bash: Docker's CLI, iproute2, net-tools, bridge tools, iptables, conntrack and clients.
import { jobsCommand, killCommand } from './host/jobs';
import { own } from './own';
import type { Command, Ctx } from './context';
import { CONTAINER_COMMANDS } from './container-commands';
import { docker } from './docker';
import { cat } from './files';
import { iptables } from './host/iptables';
import { iptablesSaveCommand } from './host/iptables-save-cmd';
import { lab } from './host/lab';
import { nsenter } from './host/nsenter';
import { sysctl } from './host/sysctl';
import { bridgeCommand } from './net/bridge';
import { brctl } from './net/brctl';
import { conntrackCommand } from './net/conntrack-cmd';
import { ifconfig } from './net/ifconfig';
import { route } from './net/route';
import { netstat } from './net/netstat';
import { ss } from './net/ss';
import type { Outcome } from './net/ip-route';
import { ipCommand } from './net/ip-command';
import { arp } from './net/arp';
import { hostNetns } from './net/netns';
import { curl } from './tools/curl';
import { nc } from './tools/nc';
import { ping } from './tools/ping';
import { tcpdump } from './tools/tcpdump/tcpdump';
import { uname } from './tools/uname';
import { wget } from './tools/wget';
import { HOST_HELP } from './help-text';

const hostNs = (ctx: Ctx) => hostNetns(ctx.api.world());
const hostNeigh = (ctx: Ctx) => ctx.api.world().neigh['host'] ?? [];

/** A command's outcome written to its streams; its exit status. */
function emit(ctx: Ctx, r: Outcome): number {
  ctx.out(r.out);
  ctx.err(r.err);
  return r.exit;
}

export const HOST_COMMANDS: { readonly [name: string]: Command } = {
  docker,
  ip: (args, ctx) => ipCommand(args, ctx, hostNs(ctx)),
  ifconfig: (args, ctx) => {
    if (args[0] === '-V') {
      ctx.out('net-tools 2.10\n');
      return 0;
    }
    const r = ifconfig(hostNs(ctx).ifaces, args, 'net-tools');
    ctx.out(r.out);
    ctx.err(r.err);
    return r.exit;
  },
  route: (args, ctx) => emit(ctx, route(args, hostNs(ctx))),
  netstat: (args, ctx) => emit(ctx, netstat(args, ctx.api.world(), hostNs(ctx))),
  ss: (args, ctx) => emit(ctx, ss(args, ctx.api.world(), hostNs(ctx))),
  arp: (args, ctx) => emit(ctx, arp(args, hostNeigh(ctx), ctx.api.world().clock)),
  brctl: (args, ctx) => emit(ctx, brctl(args, ctx.api.world(), hostNs(ctx))),
  bridge: (args, ctx) => emit(ctx, bridgeCommand(args, ctx.api.world(), hostNs(ctx))),
  iptables,
  'iptables-save': iptablesSaveCommand,
  conntrack: (args, ctx) =>
    emit(
      ctx,
      conntrackCommand(args, ctx.api.world(), () => ctx.api.lastFlow()),
    ),
  sysctl,
  nsenter,
  cat,
  ping,
  curl,
  wget,
  nc,
  tcpdump,
  lab,
  hostname: (_args, ctx) => {
    ctx.out(`${ctx.api.world().host.hostname}\n`);
    return 0;
  },
  // A root login shell on Debian 12 runs with a UTF-8 locale: coreutils quotes with ‘ ’.
  uname: (args, ctx) =>
    emit(ctx, uname(args, ctx.api.world().host.hostname, { kind: 'coreutils', quotes: 'utf8' })),
  echo: (args, ctx) => {
    ctx.out(`${args.join(' ')}\n`);
    return 0;
  },
  clear: (_args, ctx) => {
    ctx.api.clearTranscript();
    return 0;
  },
  history: (_args, ctx) => {
    const first = ctx.api.historyOffset() + 1;
    ctx.out(
      ctx.api
        .history()
        .map((h, i) => `${String(first + i).padStart(5)}  ${h}\n`)
        .join(''),
    );
    return 0;
  },
  help: (_args, ctx) => {
    ctx.out(HOST_HELP);
    return 0;
  },
  exit: () => 0,
  jobs: jobsCommand,
  kill: killCommand,
  true: () => 0,
  false: () => 1,
  busybox: (args, ctx) => {
    const [applet, ...rest] = args;
    const cmd = own(CONTAINER_COMMANDS, applet);
    if (!cmd || applet === 'exit') {
      ctx.err(`${applet ?? 'busybox'}: applet not found\n`);
      return 127;
    }
    // busybox on the host speaks its own dialect over the host's namespace.
    // A container location naming no container: busybox's dialect, the host's namespace and names.
    return cmd(rest, { ...ctx, where: { kind: 'container', name: '', attached: false } });
  },
};
