// `docker run` the other way round: the command line that asks for given options, so a launch from
// the form can be echoed into the terminal as the line a user would have typed (and that the
// terminal would run to the same container), and what `docker run -d` prints for it. Pure.
import type { Container } from '../../sim';
import type { Chunk } from '../api';

export interface RunLine {
  readonly image: string;
  readonly name?: string;
  /** Omitted or `bridge`: the default network, which needs no flag. */
  readonly network?: string;
  /** `-p` specs as typed (`8080:80`, `127.0.0.1::53/udp`). */
  readonly publish?: readonly string[];
  readonly publishAll?: boolean;
  readonly detach?: boolean;
  readonly interactive?: boolean;
  readonly tty?: boolean;
  readonly autoRemove?: boolean;
  readonly command?: readonly string[];
}

/** A word as bash reads it back: bare when it has nothing the shell would interpret. */
export function shellWord(w: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replaceAll("'", `'\\''`)}'`;
}

export function dockerRunLine(o: RunLine): string {
  const shorts = `${o.detach ? 'd' : ''}${o.interactive ? 'i' : ''}${o.tty ? 't' : ''}`;
  const words = [
    'docker',
    'run',
    ...(shorts === '' ? [] : [`-${shorts}`]),
    ...(o.autoRemove ? ['--rm'] : []),
    ...(o.name === undefined ? [] : ['--name', o.name]),
    ...(o.network === undefined || o.network === 'bridge' ? [] : ['--network', o.network]),
    ...(o.publish ?? []).flatMap((p) => ['-p', p]),
    ...(o.publishAll ? ['-P'] : []),
    o.image,
    ...(o.command ?? []),
  ];
  return words.map(shellWord).join(' ');
}

/** What `docker run -d` prints: its warnings on stderr, then the new container's full id. */
export function detachedRunOutput(c: Container, warnings: readonly string[]): readonly Chunk[] {
  return [
    ...warnings.map((w): Chunk => ({ stream: 'stderr', text: `${w}\n` })),
    { stream: 'stdout', text: `${c.id}\n` },
  ];
}
