// `docker run`: flags as the CLI parses them, then the store's runContainer; output as the CLI prints it.
import { findImage, parsePortSpecs, type PortRequest, type RunOptions } from '../../sim';
import type { Ctx } from '../context';
import { allValues, isSet, lastValue, parseFlags, type FlagSpec } from '../flags';
import { argsError, daemonText, flagError, runReport } from './errors';
import { commandHelp } from './help';
import { detachedRunOutput } from './run-line';

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
  const opts: RunOptions = {
    image,
    command,
    ports: ports.value as PortRequest[],
    publishAll: isSet(f, 'publish-all'),
    detach: isSet(f, 'detach'),
    tty: isSet(f, 'tty'),
    interactive: isSet(f, 'interactive'),
    autoRemove: isSet(f, 'rm'),
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
    // Errors found while creating get the help hint; errors while starting (ports) do not.
    const atStart = r.error.message.includes('driver failed programming');
    ctx.err(
      runReport(
        profile,
        r.error.source === 'lab' ? r.error.message : daemonText(r.error),
        !atStart,
      ),
    );
    return 125;
  }
  const c = r.value;
  if (opts.detach) {
    for (const ch of detachedRunOutput(c, r.warnings))
      (ch.stream === 'stdout' ? ctx.out : ctx.err)(ch.text);
    return 0;
  }
  for (const w of r.warnings) ctx.err(`${w}\n`);
  if (
    c.state === 'running' &&
    opts.tty &&
    opts.interactive &&
    SHELLS.includes(c.command[0] ?? '')
  ) {
    ctx.api.setLocation({ kind: 'container', name: c.name, attached: true });
    return 0;
  }
  // A foreground container: show what it printed (the lab does not block on it).
  const cmd = c.command[0] ?? '';
  if (cmd === 'echo') ctx.out(`${c.command.slice(1).join(' ')}\n`);
  else if (cmd === 'hostname') ctx.out(`${c.id.slice(0, 12)}\n`);
  else if (c.state === 'running') {
    for (const line of r.value.listeners.length > 0 ? logsOf(c.image) : []) ctx.out(`${line}\n`);
  }
  return c.exitCode;
}

const logsOf = (image: string): readonly string[] => findImage(image)?.logs ?? [];
