// `docker exec [-it] NAME CMD…`: runs a busybox command in the container, or enters its shell.
import { findContainer } from '../../sim';
import type { Ctx } from '../context';
import { isSet, parseFlags, type FlagSpec } from '../flags';
import { execNotFound, runInContainer } from '../container-commands';
import { imageHas, shellOf } from '../container-shell';
import { argsError, flagError } from './errors';
import { commandHelp } from './help';
import { foregroundNote, portTaken, serverIn } from './servers';

const EXEC_FLAGS: readonly FlagSpec[] = [
  { long: 'detach', short: 'd' },
  { long: 'interactive', short: 'i' },
  { long: 'tty', short: 't' },
  { long: 'user', short: 'u', value: true },
  { long: 'help' },
];

const SHELLS = ['sh', '/bin/sh', 'ash', '/bin/ash', 'bash', '/bin/bash'];

export function dockerExec(args: readonly string[], ctx: Ctx): number {
  const p = parseFlags(args, EXEC_FLAGS, { interspersed: false });
  if (!p.ok) {
    ctx.err(flagError('exec', p.error));
    return 125;
  }
  if (isSet(p.value, 'help')) {
    ctx.out(commandHelp('exec'));
    return 0;
  }
  const [ref, ...command] = p.value.args;
  if (ref === undefined || command.length === 0) {
    ctx.err(argsError('exec', '[OPTIONS] CONTAINER COMMAND [ARG...]', 'at least 2 arguments'));
    return 1;
  }
  const c = findContainer(ctx.api.world(), ref);
  if (!c) {
    ctx.err(`Error response from daemon: No such container: ${ref}\n`);
    return 1;
  }
  if (c.state !== 'running') {
    ctx.err(`Error response from daemon: container ${c.id} is not running\n`);
    return 1;
  }
  const cmd = command[0] ?? '';
  const where = { kind: 'container', name: c.name, attached: false } as const;
  if (SHELLS.includes(cmd) && command.length === 1) {
    if (!imageHas(ctx.api.world(), where, cmd)) {
      ctx.out(execNotFound(cmd));
      return 127;
    }
    // Without -i the shell reads EOF and exits at once, as `docker exec c1 sh` does.
    if (isSet(p.value, 'interactive'))
      ctx.api.setLocation({ ...where, shell: shellOf(ctx.api.world(), where, cmd) });
    return 0;
  }
  const server = serverIn(c, command);
  if (server) {
    const prog = cmd === 'busybox' ? (command[1] ?? cmd) : cmd;
    // With -d nobody sees the server's own errors: docker exec -d prints nothing either way.
    const detach = isSet(p.value, 'detach');
    if (portTaken(c, server)) {
      if (!detach) ctx.err(`${prog}: bind: Address in use\n`);
      return detach ? 0 : 1;
    }
    ctx.api.startServer(c.id, command);
    if (!detach && server.foreground) foregroundNote(ctx, prog, c.name, 'exec');
    return 0;
  }
  return runInContainer(command, ctx, where);
}
