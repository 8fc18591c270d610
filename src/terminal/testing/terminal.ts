// For tests: a store around a given world, and helpers to type lines and read what they printed.
import { createAppStore, type AppStore, type Simulate } from '../../store';
import type { World } from '../../sim';
import type { Location } from '../api';

export interface TestTerminal {
  readonly store: AppStore;
  /** Types a line; returns its stdout, its stderr and both as a terminal interleaves them. */
  run(line: string): { out: string; err: string; tty: string; exit: number };
}

export function terminalOn(
  world: World,
  options: { simulate?: Simulate; location?: Location } = {},
): TestTerminal {
  const store = createAppStore({ world, ...options });
  return {
    store,
    run(line) {
      const r = store.getState().runCommand(line);
      const pick = (s: 'stdout' | 'stderr') =>
        r.chunks
          .filter((c) => c.stream === s)
          .map((c) => c.text)
          .join('');
      return {
        out: pick('stdout'),
        err: pick('stderr'),
        tty: r.chunks.map((c) => c.text).join(''),
        exit: r.exit,
      };
    },
  };
}
