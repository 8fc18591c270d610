// The servers the host's shell runs in the background (`nc -l -p 9000 &`): bash's jobs that hold a
// socket. The terminal decides what starts and what `kill` ends; this replaces the list. Pure.
import type { HostJob, World } from '../types';
import { done, type OpResult } from './result';

export function setHostJobs(world: World, jobs: readonly HostJob[]): OpResult {
  // No jobs: no key at all, so a lab without them saves as it did before they existed.
  const { jobs: _old, ...rest } = world.host;
  return done({ ...world, host: jobs.length === 0 ? rest : { ...rest, jobs } }, undefined);
}
