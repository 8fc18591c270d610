// The host's bash: Docker's CLI, iproute2, net-tools, bridge tools, iptables, conntrack and clients.
import { own } from './own';
import type { Command, Ctx } from './context';
import { CONTAINER_COMMANDS } from './container-commands';
import { docker } from './docker';
import { cat } from './files';
import { iptables, iptablesSaveCommand } from './host/iptables';
import { lab } from './host/lab';
import { sysctl } from './host/sysctl';
import { bridgeFdbShow, bridgeLink, brctlShow } from './net/bridge';
import { conntrackList } from './net/conntrack';
import { ifconfig } from './net/ifconfig';
import { ipAddr, ipBrief, ipLink, ipRoute, routeN } from './net/ip';
import { arpN, ipNeigh } from './net/neigh';
import { hostNetns } from './net/netns';
import { curl } from './tools/curl';
import { nc } from './tools/nc';
import { ping } from './tools/ping';
import { tcpdump } from './tools/tcpdump/tcpdump';
import { wget } from './tools/wget';
import { HOST_HELP } from './help-text';

const hostNs = (ctx: Ctx) => hostNetns(ctx.api.world());
const hostNeigh = (ctx: Ctx) => ctx.api.world().neigh['host'] ?? [];

function ipCommand(args: readonly string[], ctx: Ctx): number {
  const brief = args.includes('-br') || args.includes('-brief');
  const words = args.filter((a) => a !== '-br' && a !== '-brief' && a !== '-4');
  const [obj = '', verb, devWord, dev] = words;
  const ns = hostNs(ctx);
  const device = verb === 'show' && devWord === 'dev' ? dev : verb === 'show' ? devWord : undefined;
  if (obj === '-V') ctx.out('ip utility, iproute2-6.1.0, libbpf 1.1.2\n');
  else if (obj === '') {
    ctx.err(
      'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { address | link | neighbour | route | ... }\n',
    );
    return 255;
  } else if ('address'.startsWith(obj))
    ctx.out(brief ? ipBrief(ns, 'addr') : ipAddr(ns, 'iproute2', device));
  else if ('link'.startsWith(obj))
    ctx.out(brief ? ipBrief(ns, 'link') : ipLink(ns, 'iproute2', device));
  else if ('route'.startsWith(obj)) ctx.out(ipRoute(ns, 'iproute2'));
  else if ('neighbour'.startsWith(obj) || 'neighbor'.startsWith(obj))
    ctx.out(ipNeigh(hostNeigh(ctx), ctx.api.world().clock, 'iproute2'));
  else {
    ctx.err(`Object "${obj}" is unknown, try "ip help".\n`);
    return 255;
  }
  return 0;
}

export const HOST_COMMANDS: { readonly [name: string]: Command } = {
  docker,
  ip: ipCommand,
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
  route: (_args, ctx) => {
    ctx.out(routeN(hostNs(ctx)));
    return 0;
  },
  arp: (_args, ctx) => {
    ctx.out(arpN(hostNeigh(ctx), ctx.api.world().clock));
    return 0;
  },
  brctl: (args, ctx) => {
    if (args[0] === 'show' || args.length === 0) ctx.out(brctlShow(hostNs(ctx)));
    else if (args[0] === '-V') ctx.out('bridge-utils, 1.7\n');
    else {
      ctx.err(`never heard of command [${args[0] ?? ''}]\n`);
      return 1;
    }
    return 0;
  },
  bridge: (args, ctx) => {
    const [obj = '', verb] = args;
    if ('link'.startsWith(obj) && obj !== '') ctx.out(bridgeLink(hostNs(ctx)));
    else if (obj === 'fdb' && (verb === undefined || verb === 'show'))
      ctx.out(bridgeFdbShow(ctx.api.world(), hostNs(ctx)));
    else {
      ctx.err(`Object "${obj}" is unknown, try "bridge help".\n`);
      return 255;
    }
    return 0;
  },
  iptables,
  'iptables-save': iptablesSaveCommand,
  conntrack: (args, ctx) => {
    if (args[0] === '-V') {
      ctx.out('conntrack v1.4.7 (conntrack-tools)\n');
      return 0;
    }
    if (args[0] !== '-L' && args[0] !== '--dump') {
      ctx.err('conntrack v1.4.7 (conntrack-tools): this lab supports -L only\n');
      return 1;
    }
    const r = conntrackList(ctx.api.world());
    ctx.out(r.out);
    ctx.err(r.err);
    return 0;
  },
  sysctl,
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
