// `docker ps [-a] [-q] [--no-trunc]` and `docker images`: tabwriter tables as docker/cli prints them. Pure.
import { IMAGES, type Container, type World } from '../../sim';
import { tabwrite } from '../tabwriter';
import { apiPorts, displayablePorts } from './ports';
import { humanDuration } from './time';

/** docker/cli Ellipsis: cut to maxlen runes with a trailing `…`. */
export function ellipsis(s: string, max: number): string {
  const r = Array.from(s);
  return r.length <= max ? s : `${r.slice(0, max - 1).join('')}…`;
}

export function statusText(c: Container, now: number): string {
  if (c.state === 'running') return `Up ${humanDuration(now - c.startedAt)}`;
  if (c.state === 'exited')
    return `Exited (${c.exitCode}) ${humanDuration(now - c.finishedAt)} ago`;
  return 'Created';
}

/**
 * The COMMAND column. The daemon joins path and arguments, wrapping an argument that holds a space
 * in single quotes (moby's container snapshot: "/docker-entrypoint.sh nginx -g 'daemon off;'"); the
 * CLI quotes it and cuts it to 20 runes unless --no-trunc.
 */
export function commandText(c: Container, trunc = true): string {
  const [path = '', ...args] = c.command;
  const command = [path, ...args.map((a) => (a.includes(' ') ? `'${a}'` : a))].join(' ');
  return JSON.stringify(trunc ? ellipsis(command, 20) : command);
}

/** Newest first, as the daemon lists them. */
function listed(world: World, all: boolean): Container[] {
  return world.containers
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => all || c.state === 'running')
    .sort((a, b) => b.c.created - a.c.created || b.i - a.i)
    .map(({ c }) => c);
}

/** --no-trunc shows the full 64-digit ID and the whole command. */
export function dockerPs(world: World, all: boolean, quiet: boolean, trunc = true): string {
  const rows = listed(world, all);
  const id = (c: Container) => (trunc ? c.id.slice(0, 12) : c.id);
  if (quiet) return rows.map((c) => `${id(c)}\n`).join('');
  return tabwrite([
    ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
    ...rows.map((c) => [
      id(c),
      c.image,
      commandText(c, trunc),
      `${humanDuration(world.clock - c.created)} ago`,
      statusText(c, world.clock),
      displayablePorts(apiPorts(c), world.profile),
      c.name,
    ]),
  ]);
}

export function dockerImages(): string {
  return tabwrite([
    ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'],
    ...IMAGES.map((i) => [i.name, 'latest', i.id, i.created, i.size]),
  ]);
}
