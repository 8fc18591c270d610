// `docker run`: flags as the CLI parses them, then the store's runContainer; output as the CLI prints it.
import { parsePortSpecs, type PortRequest, type RunOptions } from '../../sim';
import type { Ctx } from '../context';
import { allValues, isSet, lastValue, parseFlags, type FlagSpec } from '../flags';
import { argsError, daemonText, flagError, runReport } from './errors';
import { commandHelp } from './help';
import { detachedRunOutput } from './run-line';
import { CONTAINER_COMMANDS, runInContainer } from '../container-commands';
import { own } from '../own';
import { shellOf } from '../container-shell';
import { foregroundNote, serverIn, startupLogs } from './servers';

export const RUN_FLAGS: readonly FlagSpec[] = [
  { long: 'detach', short: 'd' },
  { long: 'interactive', short: 'i' },
  { long: 'tty', short: 't' },
  { long: 'name', value: true },
  { long: 'network', value: true },
  { long: 'net', value: true },
  { long: 'publish', short: 'p', value: true },
  { long: 'publish-all', short: 'P' },
  { long: 'rm' },
  { long: 'help' },
];

const SHELLS = ['sh', '/bin/sh', 'ash', 'bash', '/bin/bash'];

export function dockerRun(args: readonly string[], ctx: Ctx): number {
  const profile = ctx.api.world().profile;
  const parsed = parseFlags(args, RUN_FLAGS, { interspersed: false });
  if (!parsed.ok) {
    ctx.err(flagError('run', parsed.error));
    return 125;
  }
  const f = parsed.value;
  if (isSet(f, 'help')) {
    ctx.out(commandHelp('run'));
    return 0;
  }
  const [image, ...command] = f.args;
  if (image === undefined) {
    ctx.err(argsError('run', '[OPTIONS] IMAGE [COMMAND] [ARG...]', 'at least 1 argument'));
    return 125;
  }
  const ports = parsePortSpecs(allValues(f, 'publish'));
  if (!ports.ok) {
    ctx.err(runReport(profile, ports.error, true));
    return 125;
  }
  const network = lastValue(f, 'network') ?? lastValue(f, 'net');
  const name = lastValue(f, 'name');
  // `docker run [--rm] IMAGE ip route`: a program the lab runs itself, in the started container.
  const program = command[0] === 'busybox' ? command[1] : command[0];
  // A server (`nc -l -p 80`) is the container's process, not a command the lab runs and ends.
  const server = serverIn({ image }, command);
  const foreground =
    server === null &&
    !isSet(f, 'detach') &&
    program !== undefined &&
    !['exit', 'clear', 'help'].includes(program) &&
    own(CONTAINER_COMMANDS, program) !== undefined;
  const opts: RunOptions = {
    image,
    command,
    ports: ports.value as PortRequest[],
    publishAll: isSet(f, 'publish-all'),
    detach: isSet(f, 'detach'),
    tty: isSet(f, 'tty'),
    interactive: isSet(f, 'interactive'),
    autoRemove: isSet(f, 'rm'),
    ...(foreground ? { foreground } : {}),
    ...(network === undefined ? {} : { network }),
    ...(name === undefined ? {} : { name }),
  };
  const r = ctx.api.runContainer(opts);
  if (!r.ok) {
    if (r.error.message.startsWith('pull access denied')) {
      ctx.err(
        `Unable to find image '${image.includes(':') ? image : `${image}:latest`}' locally\n`,
      );
    }
    // Errors found while creating get the help hint; errors while starting (ports, a missing
    // program) do not, and a missing program exits 127 (cli v27.5.1 run.go runStartContainerErr,
    // v29.0.4 toStatusError).
    const notFound = /executable file not found|no such file or directory/.test(r.error.message);
    const atStart = notFound || r.error.message.includes('driver failed programming');
    ctx.err(
      runReport(
        profile,
        r.error.source === 'lab' ? r.error.message : daemonText(r.error),
        !atStart,
      ),
    );
    return notFound ? 127 : 125;
  }
  const c = r.value;
  if (opts.detach) {
    for (const ch of detachedRunOutput(c, r.warnings))
      (ch.stream === 'stdout' ? ctx.out : ctx.err)(ch.text);
    return 0;
  }
  for (const w of r.warnings) ctx.err(`${w}\n`);
  if (foreground) {
    // Its output, then it exits with the command's status (--rm: removed, its address freed).
    const where = { kind: 'container', name: c.name, attached: false } as const;
    const status = runInContainer(command, ctx, where, false);
    ctx.api.stopContainer(c.id, status);
    return status;
  }
  if (
    c.state === 'running' &&
    opts.tty &&
    opts.interactive &&
    SHELLS.includes(c.command[0] ?? '')
  ) {
    const where = { kind: 'container', name: c.name, attached: true } as const;
    ctx.api.setLocation({ ...where, shell: shellOf(ctx.api.world(), where, c.command[0]) });
    return 0;
  }
  if (c.state === 'running' && server?.foreground === true)
    foregroundNote(ctx, program ?? '', c.name, 'run');
  // A foreground container: show what it printed (the lab does not block on it).
  if (c.state === 'running') {
    for (const line of r.value.listeners.length > 0 ? startupLogs(c) : []) ctx.out(`${line}\n`);
  }
  return c.exitCode;
}
