// `docker ps [-a] [-q] [-l] [-n N] [--no-trunc] [--format T] [--filter K=V]` and `docker images`: tabwriter tables as docker/cli prints them. Pure.
import { findImage, IMAGES, type Container, type World } from '../../sim';
import { tabwrite } from '../tabwriter';
import { apiPorts, displayablePorts } from './ports';
import { goTimeString, humanDuration } from './time';
import type { TemplateResult } from './template';
import { formatRows, type ListFormat } from './format';
import { invalidFilter, match, type Filters } from './filters';

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

export interface PsOptions {
  readonly all: boolean;
  readonly quiet: boolean;
  /** --no-trunc shows the full 64-digit ID and the whole command. */
  readonly trunc: boolean;
  /** -n N / -l (N = 1): the N last created, whatever their state. */
  readonly last?: number;
  /** --format: a Go template over each row's fields; `table …` adds the header row. */
  readonly format?: string;
  readonly filters?: Filters;
}

/** The container formatter's row type and headers (docker/cli cli/command/formatter/container.go). */
const PS_FORMAT: ListFormat = {
  type: '*formatter.ContainerContext',
  headers: {
    ID: 'CONTAINER ID',
    Names: 'NAMES',
    Image: 'IMAGE',
    Command: 'COMMAND',
    CreatedAt: 'CREATED AT',
    RunningFor: 'CREATED',
    Ports: 'PORTS',
    State: 'STATE',
    Status: 'STATUS',
    Size: 'SIZE',
    Labels: 'LABELS',
    Mounts: 'MOUNTS',
    LocalVolumes: 'LOCAL VOLUMES',
    Networks: 'NETWORKS',
  },
  defaultTable:
    'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}',
  quiet: '{{.ID}}',
};

/** The daemon's ps filters (moby daemon/list.go acceptedPsFilterTags). */
const PS_FILTERS = [
  ...['ancestor', 'before', 'exited', 'id', 'isolation', 'label', 'name', 'status'],
  ...['health', 'since', 'volume', 'network', 'is-task', 'publish', 'expose'],
];
const STATES = ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'];

/** The networks a container's NetworkSettings.Networks names (host and none included). */
function networkNames(world: World, c: Container): { name: string; id: string }[] {
  if (c.mode.kind === 'host' || c.mode.kind === 'none') {
    const n = world.networks.find((x) => x.name === c.mode.kind);
    return [{ name: c.mode.kind, id: n?.id ?? '' }];
  }
  return c.networks.flatMap((id) => {
    const n = world.networks.find((x) => x.id === id);
    return n ? [{ name: n.name, id: n.id }] : [];
  });
}

/** includeContainerInList for the filters the lab's containers can meet (no labels, volumes). */
function passes(world: World, c: Container, f: Filters): boolean {
  const image = findImage(c.image);
  const ports = apiPorts(c);
  const portSet = (key: string) =>
    (f.get(key) ?? []).map((v) => (v.includes('/') ? v : `${v}/tcp`));
  const published = portSet('publish');
  const exposed = portSet('expose');
  const nets = networkNames(world, c);
  return (
    (match(f, 'name', c.name) || match(f, 'name', `/${c.name}`)) &&
    match(f, 'id', c.id) &&
    !f.has('label') &&
    !f.has('volume') &&
    match(f, 'status', c.state) &&
    (!f.has('ancestor') ||
      (f.get('ancestor') ?? []).some((a) => image !== undefined && findImage(a) === image)) &&
    (!f.has('network') ||
      (f.get('network') ?? []).some((v) => nets.some((n) => n.name === v || n.id.startsWith(v)))) &&
    (published.length + exposed.length === 0 ||
      ports.some(
        (p) =>
          published.includes(`${p.publicPort}/${p.type}`) ||
          exposed.includes(`${p.privatePort}/${p.type}`),
      ))
  );
}

export function dockerPs(world: World, o: PsOptions): TemplateResult {
  const f = o.filters ?? new Map<string, readonly string[]>();
  const bad =
    invalidFilter(f, PS_FILTERS) ??
    (f.get('status') ?? [])
      .map((v) => (STATES.includes(v) ? '' : `invalid filter 'status=${v}'`))
      .find((e) => e);
  if (bad) return { ok: false, kind: 'lab', error: `Error response from daemon: ${bad}` };
  // A status filter lists stopped containers too, as -a does (daemon/list.go).
  const all = o.all || f.has('status');
  const candidates = o.last !== undefined && o.last >= 0 ? listed(world, true) : listed(world, all);
  const filtered = candidates.filter((c) => passes(world, c, f));
  const rows = o.last !== undefined && o.last >= 0 ? filtered.slice(0, o.last) : filtered;
  const fields = (c: Container) => ({
    Command: commandText(c, o.trunc),
    CreatedAt: goTimeString(c.created),
    ID: o.trunc ? c.id.slice(0, 12) : c.id,
    Image: c.image,
    Labels: '',
    LocalVolumes: '0',
    Mounts: '',
    Names: c.name,
    Networks: networkNames(world, c)
      .map((n) => n.name)
      .join(','),
    Ports: displayablePorts(apiPorts(c), world.profile),
    RunningFor: `${humanDuration(world.clock - c.created)} ago`,
    Size: '0B',
    State: c.state,
    Status: statusText(c, world.clock),
  });
  return formatRows(PS_FORMAT, rows.map(fields), o);
}

export function dockerImages(): string {
  return tabwrite([
    ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'],
    ...IMAGES.map((i) => [i.name, i.tag ?? 'latest', i.id, i.created, i.size]),
  ]);
}
