// `docker ps [-a] [-q] [-l] [-n N] [--no-trunc] [--format T]` and `docker images`: tabwriter tables as docker/cli prints them. Pure.
import { IMAGES, type Container, type World } from '../../sim';
import { tabwrite } from '../tabwriter';
import { apiPorts, displayablePorts } from './ports';
import { humanDuration } from './time';
import { executeTemplate, type TemplateResult } from './template';

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
}

/** A row's fields as the CLI's container formatter names them, and their column headers. */
const HEADERS = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  RunningFor: 'CREATED',
  Status: 'STATUS',
  Ports: 'PORTS',
  Names: 'NAMES',
  State: 'STATE',
  Networks: 'NETWORKS',
} as const;

const DEFAULT_TABLE =
  'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

export function dockerPs(world: World, o: PsOptions): TemplateResult {
  const rows =
    o.last !== undefined && o.last >= 0
      ? listed(world, true).slice(0, o.last)
      : listed(world, o.all);
  const fields = (c: Container): Record<keyof typeof HEADERS, string> => ({
    ID: o.trunc ? c.id.slice(0, 12) : c.id,
    Image: c.image,
    Command: commandText(c, o.trunc),
    RunningFor: `${humanDuration(world.clock - c.created)} ago`,
    Status: statusText(c, world.clock),
    Ports: displayablePorts(apiPorts(c), world.profile),
    Names: c.name,
    State: c.state,
    Networks: c.networks.map((id) => world.networks.find((n) => n.id === id)?.name ?? id).join(','),
  });
  // A custom --format wins over -q; `table` alone is the default (cli formatter.NewContainerFormat).
  const named = o.format === undefined || o.format === 'table';
  const format = named ? (o.quiet ? '{{.ID}}' : DEFAULT_TABLE) : (o.format ?? '');
  const table = /^table\s/.test(format);
  // formatter.Context.preFormat: `table` cut, spaces trimmed, a typed \t or \n made real.
  const body = (table ? format.slice('table'.length) : format)
    .trim()
    .replaceAll('\\t', '\t')
    .replaceAll('\\n', '\n');
  const lines: string[] = [];
  for (const data of table ? [HEADERS, ...rows.map(fields)] : rows.map(fields)) {
    const r = executeTemplate(body, data);
    if (!r.ok) return r;
    lines.push(r.text);
  }
  if (!table) return { ok: true, text: lines.map((l) => `${l}\n`).join('') };
  return { ok: true, text: tabwrite(lines.map((l) => l.split('\t'))) };
}

export function dockerImages(): string {
  return tabwrite([
    ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'],
    ...IMAGES.map((i) => [i.name, 'latest', i.id, i.created, i.size]),
  ]);
}
