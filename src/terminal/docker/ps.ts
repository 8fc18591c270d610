// `docker ps [-a] [-q]` and `docker images`: tabwriter tables as docker/cli prints them. Pure.
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

export function commandText(c: Container): string {
  return JSON.stringify(ellipsis(c.command.join(' '), 20));
}

/** Newest first, as the daemon lists them. */
function listed(world: World, all: boolean): Container[] {
  return world.containers
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => all || c.state === 'running')
    .sort((a, b) => b.c.created - a.c.created || b.i - a.i)
    .map(({ c }) => c);
}

export function dockerPs(world: World, all: boolean, quiet: boolean): string {
  const rows = listed(world, all);
  if (quiet) return rows.map((c) => `${c.id.slice(0, 12)}\n`).join('');
  return tabwrite([
    ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
    ...rows.map((c) => [
      c.id.slice(0, 12),
      c.image,
      commandText(c),
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
