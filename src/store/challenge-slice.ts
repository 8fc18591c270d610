// A break-fix challenge in progress: which one, how many hints are shown, the last goal check.
// Kept with the lesson slice (one drawer, one engine fetched on first need); the moves that need
// the challenges themselves are in challenge-engine.ts.
import type { StoreApi } from 'zustand/vanilla';
import type { GoalWant } from '../lessons/challenges/types';
import type { FlowResult, IPv4, Profile, World } from '../sim';

export interface GoalSeen {
  readonly want: GoalWant;
  readonly got: GoalWant;
  /** For a goal with `sees`: the address its server saw (null: nothing reached it). */
  readonly seen?: IPv4 | null;
  readonly met: boolean;
  readonly result: FlowResult;
}

export interface ChallengeCheckResult {
  readonly goals: readonly GoalSeen[];
  readonly solved: boolean;
  /** 'auto': run after a command changed the lab; 'button': the student asked. */
  readonly by: 'auto' | 'button';
  /** How many checks so far (the UI announces each one). */
  readonly n: number;
}

export interface ChallengeRun {
  readonly id: string;
  readonly profile: Profile;
  /** Hints shown so far, most general first. */
  readonly hints: number;
  readonly check: ChallengeCheckResult | null;
  /** Solved at least once: the explanation stays on screen even if the lab is broken again. */
  readonly solved: boolean;
}

export interface ChallengeSlice {
  readonly challenge: ChallengeRun | null;
  /** Opens a challenge: a freshly started host, broken quietly (nothing typed), a clean terminal. */
  beginChallenge(id: string): boolean;
  /** Runs every goal's flow on the lab as it is (changing nothing) and records the verdict. */
  checkChallenge(by?: 'auto' | 'button'): ChallengeCheckResult | null;
  revealChallengeHint(): void;
  /** Reopens a saved or shared challenge over the lab that came with it (nothing rebuilt), checked. */
  resumeChallenge(id: string, hints: number): boolean;
}

export type ChallengeMoves = Pick<
  ChallengeSlice,
  'beginChallenge' | 'checkChallenge' | 'revealChallengeHint' | 'resumeChallenge'
>;

/** The parts of the world a command can change that a goal depends on (not the clock, not counters' age). */
const KEYS = [
  'containers',
  'networks',
  'netfilter',
  'host',
  'daemon',
  'remotes',
  'router',
] as const;

export const worldChanged = (a: World, b: World): boolean => KEYS.some((k) => a[k] !== b[k]);

/** After each command that changes the lab, the goal is checked again. */
export function autoCheck<S extends { world: World; challenge: ChallengeRun | null }>(
  api: StoreApi<S>,
  check: () => void,
): void {
  api.subscribe((s, prev) => {
    if (s.challenge && prev.challenge?.id === s.challenge.id && worldChanged(prev.world, s.world))
      check();
  });
}
