// The busybox shell inside a container: its applets, over the container's own network namespace.
import { own } from './own';
import type { Location } from './api';
import type { Command, Ctx } from './context';
import { hereContainer } from './context';
import { cat } from './files';
import { ifconfig } from './net/ifconfig';
import { busyboxIp } from './net/busybox-ip';
import { busyboxNetstat, busyboxRoute } from './net/busybox-net';
import type { Outcome } from './net/ip-route';
import { arp } from './net/arp';
import { netnsAt } from './net/netns';
import { nc } from './tools/nc';
import { ping } from './tools/ping';
import { wget } from './tools/wget';

/** A command's outcome written to its streams; its exit status. */
function emit(ctx: Ctx, r: Outcome): number {
  ctx.out(r.out);
  ctx.err(r.err);
  return r.exit;
}

function ipCommand(args: readonly string[], ctx: Ctx): number {
  const w = ctx.api.world();
  const ns = netnsAt(w, ctx.where);
  return emit(ctx, busyboxIp(args, ns, own(w.neigh, ns.node) ?? [], w.clock));
}

export const CONTAINER_COMMANDS: { readonly [name: string]: Command } = {
  ifconfig: (args, ctx) => {
    const r = ifconfig(netnsAt(ctx.api.world(), ctx.where).ifaces, args, 'busybox');
    ctx.out(r.out);
    ctx.err(r.err);
    return r.exit;
  },
  ip: ipCommand,
  route: (args, ctx) => emit(ctx, busyboxRoute(args, netnsAt(ctx.api.world(), ctx.where))),
  netstat: (args, ctx) => emit(ctx, busyboxNetstat(args, netnsAt(ctx.api.world(), ctx.where))),
  arp: (args, ctx) => {
    const ns = netnsAt(ctx.api.world(), ctx.where);
    const r = arp(
      args,
      own(ctx.api.world().neigh, ns.node) ?? [],
      ctx.api.world().clock,
      'busybox',
    );
    ctx.out(r.out);
    ctx.err(r.err);
    return r.exit;
  },
  ping,
  wget,
  nc,
  cat,
  hostname: (_args, ctx) => {
    const c = hereContainer(ctx.api.world(), ctx.where);
    ctx.out(`${c && c.mode.kind !== 'host' ? c.id.slice(0, 12) : ctx.api.world().host.hostname}\n`);
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
  exit: (_args, ctx) => {
    const where = ctx.where;
    // Leaving the shell `docker run -it` started ends the container, as in Docker.
    if (where.kind === 'container' && where.attached) ctx.api.stopContainer(where.name);
    ctx.api.setLocation({ kind: 'host' });
    return 0;
  },
  help: (_args, ctx) => {
    ctx.out(
      `Built-in commands and applets in this lab's busybox shell:\n\t${Object.keys(CONTAINER_COMMANDS).sort().join(' ')}\n`,
    );
    return 0;
  },
};

/** Runs one command line's words in a container; `docker exec` reports a missing binary its own way. */
export function runInContainer(
  words: readonly string[],
  ctx: Ctx,
  where: Location,
  viaExec = true,
): number {
  const [name = '', ...args] = words;
  const here: Ctx = { ...ctx, where };
  const cmd = own(CONTAINER_COMMANDS, name === 'busybox' ? (args[0] ?? '') : name);
  if (!cmd || (viaExec && (name === 'exit' || name === 'clear'))) {
    if (viaExec) {
      ctx.err(
        `OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown\n`,
      );
      return 127;
    }
    ctx.err(`sh: ${name}: not found\n`);
    return 127;
  }
  return cmd(name === 'busybox' ? args.slice(1) : args, here);
}
