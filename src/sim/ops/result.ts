// The result of an operation on the world: a new world, or Docker's own error and the world untouched.
import type { World } from '../types';

/** Where Docker prints the error from: the daemon ("Error response from daemon: …") or the CLI. */
export interface DockerError {
  readonly source: 'daemon' | 'cli';
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

export function cliError(message: string): { ok: false; error: DockerError } {
  return { ok: false, error: { source: 'cli', message } };
}
