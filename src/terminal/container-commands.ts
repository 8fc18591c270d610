// The shell inside a container: the programs its image has (busybox applets, or Debian's few), over
// the container's own network namespace.
import { own } from './own';
import { findImage, lookPathError, type World } from '../sim';
import type { Location } from './api';
import type { Command, Ctx } from './context';
import { hereContainer, utsHostname } from './context';
import { uname, type UnameFlavour } from './tools/uname';
import { cat } from './files';
import { ifconfig } from './net/ifconfig';
import { busyboxIp } from './net/busybox-ip';
import { busyboxNetstat, busyboxRoute } from './net/busybox-net';
import type { Outcome } from './net/ip-route';
import { arp } from './net/arp';
import { netnsAt } from './net/netns';
import { nc } from './tools/nc';
import { nslookup } from './tools/nslookup';
import { ping } from './tools/ping';
import { wget } from './tools/wget';
import { curl } from './tools/curl';
import { imageHas, notFound, shellOf } from './container-shell';

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
  nslookup,
  curl,
  cat,
  hostname: (_args, ctx) => {
    ctx.out(`${utsHostname(ctx.api.world(), ctx.where)}\n`);
    return 0;
  },
  uname: (args, ctx) => {
    const world = ctx.api.world();
    const c = hereContainer(world, ctx.where);
    const image = c && findImage(c.image);
    // Debian-based images run coreutils' uname with no locale set (C: ASCII quotes), except
    // docker-library/python's 3.9-3.12 images, which set ENV LANG C.UTF-8.
    const flavour: UnameFlavour =
      image?.userland === 'debian'
        ? { kind: 'coreutils', quotes: image.name === 'python' ? 'utf8' : 'ascii' }
        : { kind: 'busybox', osName: image?.name === 'alpine' ? 'Linux' : 'GNU/Linux' };
    return emit(ctx, uname(args, utsHostname(world, ctx.where), flavour));
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
    const world = ctx.api.world();
    const names = containerCommandNames(world, ctx.where);
    const what = shellOf(world, ctx.where) === 'ash' ? 'busybox shell' : "container's shell";
    ctx.out(`Built-in commands and programs in this lab's ${what}:\n\t${names.join(' ')}\n`);
    return 0;
  },
};

/** What the lab runs in this container: the commands its image has, and the shell's own. */
export function containerCommandNames(world: World, where: Location): string[] {
  return Object.keys(CONTAINER_COMMANDS)
    .filter((n) => BUILTINS.includes(n) || imageHas(world, where, n))
    .sort();
}

/** The lab's shell-only words: typed in a shell they run whatever the image; exec cannot start them. */
const BUILTINS = ['exit', 'clear', 'help'];

/**
 * What the runtime says when `docker exec` names a program the image lacks. The daemon writes it
 * to the exec's stdout followed by CR LF and sets the exit code 127 (moby v27.5.1 and
 * docker-v29.0.4: router/container/exec.go postContainerExecStart `Fprintf(stdout, "%v\r\n", err)`,
 * daemon/errors.go setExitCodeFromError → exitCmdNotFound); the text is runc's.
 */
export const execNotFound = (name: string): string =>
  `OCI runtime exec failed: exec failed: unable to start container process: ${lookPathError(name)}: unknown\r\n`;

/** Runs one command line's words in a container; `docker exec` reports a missing binary its own way. */
export function runInContainer(
  words: readonly string[],
  ctx: Ctx,
  where: Location,
  viaExec = true,
): number {
  const [name = '', ...args] = words;
  const here: Ctx = { ...ctx, where };
  const world = ctx.api.world();
  const applet = name === 'busybox' ? (args[0] ?? '') : name;
  const builtin = !viaExec && BUILTINS.includes(name);
  const present = builtin || (imageHas(world, where, name) && imageHas(world, where, applet));
  const cmd = present ? own(CONTAINER_COMMANDS, applet) : undefined;
  if (present && !cmd) {
    // The image has it, the lab does not model it: say so rather than pretend it is missing.
    ctx.err(`${applet}: in the image, but not in this lab\n`);
    return 1;
  }
  if (!cmd || (viaExec && BUILTINS.includes(name))) {
    if (viaExec) {
      ctx.out(execNotFound(name));
      return 127;
    }
    const shell = where.kind === 'container' ? (where.shell ?? shellOf(world, where)) : 'ash';
    ctx.err(notFound(shell, name));
    return 127;
  }
  return cmd(name === 'busybox' ? args.slice(1) : args, here);
}
