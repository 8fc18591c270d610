// The result of an operation on the world: a new world, or Docker's own error and the world untouched.
import type { World } from '../types';

/**
 * Where the error comes from: the daemon ("Error response from daemon: …"), the CLI, or the lab
 * itself (a limit of what it can save and reopen, src/sim/limits.ts, where Docker has none).
 */
export interface DockerError {
  readonly source: 'daemon' | 'cli' | 'lab';
  readonly message: string;
}

export type OpResult<T = undefined> =
  | {
      readonly ok: true;
      readonly world: World;
      readonly value: T;
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly error: DockerError };

export function done<T>(world: World, value: T, warnings: readonly string[] = []): OpResult<T> {
  return { ok: true, world, value, warnings };
}

export function daemonError(message: string): { ok: false; error: DockerError } {
  return { ok: false, error: { source: 'daemon', message } };
}

export function labLimit(message: string): { ok: false; error: DockerError } {
  return { ok: false, error: { source: 'lab', message } };
}

export function cliError(message: string): { ok: false; error: DockerError } {
  return { ok: false, error: { source: 'cli', message } };
}
