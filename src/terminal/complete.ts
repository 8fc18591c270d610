// Tab completion as a pure function the UI calls: commands, docker subcommands, flags, names.
import type { World } from '../sim';
import type { Location } from './api';
import { containerCommandNames } from './container-commands';
import { DOCKER_SUBCOMMANDS } from './docker';
import { NETWORK_SUBCOMMANDS } from './docker/network';
import { RUN_FLAGS } from './docker/run';
import { HOST_COMMANDS } from './host-commands';

export interface CompletionState {
  readonly world: World;
  readonly location: Location;
}

export interface Completion {
  /** Candidates for the word under the cursor, sorted. */
  readonly candidates: readonly string[];
  /** The line with the word replaced by the candidates' common prefix (unchanged if none). */
  readonly line: string;
  readonly cursor: number;
}

const FLAGS: { readonly [command: string]: readonly string[] } = {
  run: RUN_FLAGS.flatMap((f) => [`--${f.long}`, ...(f.short ? [`-${f.short}`] : [])]),
  ps: ['--all', '-a', '--quiet', '-q'],
  rm: ['--force', '-f'],
  exec: ['-i', '-t', '-it', '-d'],
};

function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let p = words[0] ?? '';
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

function candidatesFor(state: CompletionState, words: readonly string[]): readonly string[] {
  const containers = state.world.containers.map((c) => c.name);
  const running = state.world.containers.filter((c) => c.state === 'running').map((c) => c.name);
  const networks = state.world.networks.map((n) => n.name);
  if (words.length === 0)
    return state.location.kind === 'host'
      ? Object.keys(HOST_COMMANDS)
      : containerCommandNames(state.world, state.location);
  const [cmd, sub] = words;
  if (cmd !== 'docker' || state.location.kind !== 'host') return [...containers];
  if (words.length === 1) return DOCKER_SUBCOMMANDS;
  if (sub === 'network') {
    if (words.length === 2) return NETWORK_SUBCOMMANDS;
    if (words[2] === 'connect' || words[2] === 'disconnect')
      return words.length === 3 ? networks : containers;
    return networks;
  }
  const flags = FLAGS[sub ?? ''] ?? [];
  if (sub === 'run') {
    const prev = words[words.length - 1];
    if (prev === '--network' || prev === '--net') return [...networks, 'host', 'none'];
    return [...flags, 'busybox', 'nginx', 'alpine', 'training/webapp', 'redis', 'httpd'];
  }
  if (sub === 'exec' || sub === 'stop' || sub === 'port' || sub === 'logs')
    return [...flags, ...running];
  return [...flags, ...containers, ...(sub === 'inspect' ? networks : [])];
}

/** Completes the word that ends at `cursor`. */
export function complete(state: CompletionState, line: string, cursor: number): Completion {
  const before = line.slice(0, cursor);
  const start = before.search(/\S*$/);
  const word = before.slice(start);
  const done = before
    .slice(0, start)
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const candidates = [...new Set(candidatesFor(state, done))]
    .filter((c) => c.startsWith(word))
    .sort();
  const prefix = commonPrefix(candidates);
  if (prefix.length <= word.length) return { candidates, line, cursor };
  const insert = candidates.length === 1 ? `${prefix} ` : prefix;
  return {
    candidates,
    line: line.slice(0, start) + insert + line.slice(cursor),
    cursor: start + insert.length,
  };
}
