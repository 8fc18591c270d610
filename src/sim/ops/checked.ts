// Every operation a user can start (terminal, forms, lessons through the store) goes through here:
// a world the lab could not save, share and reopen is refused with the lab's limit, nothing changed.
import { labProblems } from '../limits';
import type { World } from '../types';
import { labLimit, type OpResult } from './result';

/**
 * Refuses the op's result when it breaks a limit the world before it kept. Docker's own errors come
 * first (the op returns them); this is the lab's bound on what Docker allows. A world that broke a
 * limit already (none the parser or createWorld make) is not held against the next op.
 */
export function withinLimits<T>(before: World, r: OpResult<T>): OpResult<T> {
  if (!r.ok || r.world === before) return r;
  const after = labProblems(r.world);
  if (after.length === 0) return r;
  const old = new Set(labProblems(before));
  const fresh = after.find((p) => !old.has(p));
  return fresh === undefined ? r : labLimit(fresh);
}

/** The op, checked: same arguments, same result, or the lab's limit. */
export function checked<A extends unknown[], T>(
  op: (world: World, ...args: A) => OpResult<T>,
): (world: World, ...args: A) => OpResult<T> {
  return (world, ...args) => withinLimits(world, op(world, ...args));
}
