// Break-fix challenges: the lab opens broken, the student fixes it with real commands, the lab
// checks the goal by running its flows itself. Data in catalogue/, the check in goal.ts.
import { FIREWALL_PUBLISHED } from './catalogue/firewall';
import { LOCALHOST_ONLY } from './catalogue/localhost-only';
import { FORWARD_DROP, NO_FORWARDING, NO_MASQUERADE } from './catalogue/no-internet';
import { MORE_CHALLENGES } from './catalogue/more';
import { CHALLENGE_OVERLAP } from './catalogue/overlap';
import type { Challenge } from './types';

export type * from './types';
export { checkGoals, challengeWorld, outcomeOf, profilesOf } from './goal';
export type { GoalCheck, GoalStatus } from './goal';

export const CHALLENGES: readonly Challenge[] = [
  FIREWALL_PUBLISHED,
  LOCALHOST_ONLY,
  NO_FORWARDING,
  FORWARD_DROP,
  NO_MASQUERADE,
  ...MORE_CHALLENGES,
  CHALLENGE_OVERLAP,
];

export const findChallenge = (id: string): Challenge | undefined =>
  CHALLENGES.find((c) => c.id === id);
