// The `docker` command: global dispatch and the container subcommands (ps, stop, start, rm, …).
import { own } from '../own';
import { findContainer, findNetwork, RELEASES } from '../../sim';
import type { Ctx } from '../context';
import { allValues, isSet, parseFlags, type FlagSpec, type ParsedFlags } from '../flags';
import { FILTER_FLAG, parseFilters } from './filters';
import { printInspected } from './format';
import { argsError, daemonText, flagError } from './errors';
import { dockerExec } from './exec';
import { dockerInfo } from './info';
import { commandHelp, dockerHelp } from './help';
import { containerInspect, networkInspect } from './inspect';
import { dockerNetwork } from './network';
import { portLines } from './ports';
import { dockerImages, dockerPs } from './ps';
import { dockerRun } from './run';
import { startupLogs } from './servers';

type Sub = (args: readonly string[], ctx: Ctx) => number;

/** A subcommand with flags, --help and a minimum argument count, as cobra wires them. */
function sub(
  name: string,
  specs: readonly FlagSpec[],
  min: number,
  usage: string,
  body: (f: ParsedFlags, ctx: Ctx) => number,
): Sub {
  return (args, ctx) => {
    const p = parseFlags(args, [...specs, { long: 'help' }]);
    if (!p.ok) {
      ctx.err(flagError(name, p.error));
      return 125;
    }
    if (isSet(p.value, 'help')) {
      ctx.out(commandHelp(name));
      return 0;
    }
    if (p.value.args.length < min) {
      ctx.err(
        argsError(name, usage, min === 1 ? 'at least 1 argument' : `at least ${min} arguments`),
      );
      return 1;
    }
    return body(p.value, ctx);
  };
}

/** Runs an action per reference: prints the reference on success, the daemon's error otherwise. */
function perContainer(
  f: ParsedFlags,
  ctx: Ctx,
  act: (ref: string) => ReturnType<Ctx['api']['stopContainer']>,
): number {
  let status = 0;
  for (const ref of f.args) {
    const r = act(ref);
    if (r.ok) ctx.out(`${ref}\n`);
    else {
      ctx.err(`${daemonText(r.error)}\n`);
      status = 1;
    }
  }
  return status;
}

const CONTAINER_ARGS = 'CONTAINER [CONTAINER...]';

const SUBCOMMANDS: { readonly [name: string]: Sub } = {
  run: dockerRun,
  exec: dockerExec,
  network: dockerNetwork,
  info: dockerInfo,
  ps: sub(
    'ps',
    [
      { long: 'all', short: 'a' },
      { long: 'quiet', short: 'q' },
      { long: 'no-trunc' },
      { long: 'latest', short: 'l' },
      { long: 'last', short: 'n', value: true },
      { long: 'format', value: true },
      FILTER_FLAG,
    ],
    0,
    '[OPTIONS]',
    (f, ctx) => {
      const last = f.values.get('last')?.at(-1);
      const format = f.values.get('format')?.at(-1);
      const filters = parseFilters(allValues(f, 'filter'));
      if (!filters.ok) {
        ctx.err(flagError('ps', filters.error));
        return 125;
      }
      const r = dockerPs(ctx.api.world(), {
        all: isSet(f, 'all'),
        quiet: isSet(f, 'quiet'),
        trunc: !isSet(f, 'no-trunc'),
        filters: filters.value,
        ...(isSet(f, 'latest') ? { last: 1 } : last !== undefined ? { last: Number(last) } : {}),
        ...(format === undefined ? {} : { format }),
      });
      if (!r.ok) {
        ctx.err(`${r.error}\n`);
        return 1;
      }
      ctx.out(r.text);
      return 0;
    },
  ),
  stop: sub(
    'stop',
    [{ long: 'time', short: 't', value: true }],
    1,
    `[OPTIONS] ${CONTAINER_ARGS}`,
    (f, ctx) => perContainer(f, ctx, (ref) => ctx.api.stopContainer(ref)),
  ),
  start: sub(
    'start',
    [
      { long: 'attach', short: 'a' },
      { long: 'interactive', short: 'i' },
    ],
    1,
    `[OPTIONS] ${CONTAINER_ARGS}`,
    (f, ctx) => perContainer(f, ctx, (ref) => ctx.api.startContainer(ref)),
  ),
  rm: sub('rm', [{ long: 'force', short: 'f' }], 1, `[OPTIONS] ${CONTAINER_ARGS}`, (f, ctx) =>
    perContainer(f, ctx, (ref) => ctx.api.removeContainer(ref, isSet(f, 'force'))),
  ),
  port: sub('port', [], 1, 'CONTAINER [PRIVATE_PORT[/PROTO]]', (f, ctx) => {
    const ref = f.args[0] ?? '';
    const c = findContainer(ctx.api.world(), ref);
    if (!c) {
      ctx.err(`Error response from daemon: No such container: ${ref}\n`);
      return 1;
    }
    const want = f.args[1];
    const lines = portLines(c)
      .split('\n')
      .filter(
        (l) =>
          l !== '' &&
          (want === undefined || l.startsWith(want.includes('/') ? `${want} ` : `${want}/tcp `)),
      );
    if (want !== undefined && lines.length === 0) {
      ctx.err(
        `Error: No public port '${want.includes('/') ? want : `${want}/tcp`}' published for ${ref}\n`,
      );
      return 1;
    }
    ctx.out(
      lines
        .map((l) => (want === undefined ? l : l.replace(/^\S+ -> /, '')))
        .map((l) => `${l}\n`)
        .join(''),
    );
    return 0;
  }),
  logs: sub('logs', [{ long: 'follow', short: 'f' }], 1, '[OPTIONS] CONTAINER', (f, ctx) => {
    const ref = f.args[0] ?? '';
    const c = findContainer(ctx.api.world(), ref);
    if (!c) {
      ctx.err(`Error response from daemon: No such container: ${ref}\n`);
      return 1;
    }
    if (c.state === 'created') return 0;
    const lines = (ls: readonly string[]) => ls.map((l) => `${l}\n`).join('');
    const started = lines(startupLogs(c));
    if (started !== '') ctx.out(started);
    // The server's stderr (Python's access log): on a tty both streams are the terminal's output.
    const logged = lines(c.log ?? []);
    if (logged !== '' && c.tty) ctx.out(logged);
    else if (logged !== '') ctx.err(logged);
    return 0;
  }),
  inspect: sub(
    'inspect',
    [
      { long: 'type', value: true },
      { long: 'format', short: 'f', value: true },
    ],
    1,
    '[OPTIONS] NAME|ID [NAME|ID...]',
    (f, ctx) => {
      const world = ctx.api.world();
      const found = f.args.map((ref) => {
        const c = findContainer(world, ref);
        const n = c ? undefined : findNetwork(world, ref);
        if (c) return { ok: true as const, value: containerInspect(world, c) };
        if (n) return { ok: true as const, value: networkInspect(world, n) };
        return { ok: false as const, error: `Error: No such object: ${ref}` };
      });
      return printInspected(ctx, found, f.values.get('format')?.at(-1));
    },
  ),
  images: sub(
    'images',
    [{ long: 'all', short: 'a' }],
    0,
    '[OPTIONS] [REPOSITORY[:TAG]]',
    (_f, ctx) => {
      ctx.out(dockerImages());
      return 0;
    },
  ),
  version: (_args, ctx) => {
    // The lines of the real layout whose values the release table holds (no Go version or build
    // date: those it does not record).
    const r = RELEASES[ctx.api.world().profile];
    ctx.out(
      `Client:\n Version:           ${r.version}\n API version:       ${r.api}\n Git commit:        ${r.build}\n OS/Arch:           linux/amd64\n\nServer:\n Engine:\n  Version:          ${r.version}\n  API version:      ${r.api} (minimum version ${r.minApi})\n  Git commit:       ${r.engineCommit}\n  OS/Arch:          linux/amd64\n`,
    );
    return 0;
  },
};

const ALIASES: { readonly [name: string]: string } = { container: '', image: '' };

export const DOCKER_SUBCOMMANDS = Object.keys(SUBCOMMANDS);

export function docker(args: readonly string[], ctx: Ctx): number {
  const [first, ...rest] = args;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    ctx.out(dockerHelp());
    return 0;
  }
  if (first === '--version' || first === '-v') {
    const r = RELEASES[ctx.api.world().profile];
    ctx.out(`Docker version ${r.version}, build ${r.build}\n`);
    return 0;
  }
  if (first.startsWith('-')) {
    ctx.err(`unknown flag: ${first}\nSee 'docker --help'.\n`);
    return 125;
  }
  if (first === 'system' && rest[0] === 'info') return dockerInfo(rest.slice(1), ctx);
  // `docker container ls` and friends reach the same commands.
  if (own(ALIASES, first) !== undefined && rest[0] !== undefined) {
    const name = rest[0] === 'ls' || rest[0] === 'list' ? 'ps' : rest[0];
    const run = own(SUBCOMMANDS, name);
    if (run) return run(rest.slice(1), ctx);
  }
  const run = own(SUBCOMMANDS, first);
  if (!run) {
    ctx.err(`docker: '${first}' is not a docker command.\nSee 'docker --help'\n`);
    return 1;
  }
  return run(rest, ctx);
}
