// Challenges 4, 6 and 7 of issue 13; index.ts adds them to CHALLENGES.
import type { Challenge } from '../types';
import { CHALLENGE_CLIENT_ADDRESS } from './client-address';
import { CHALLENGE_DIRECT_ACCESS } from './direct-access';
import { CHALLENGE_NAMES } from './names';

export const MORE_CHALLENGES: readonly Challenge[] = [
  CHALLENGE_NAMES,
  CHALLENGE_DIRECT_ACCESS,
  CHALLENGE_CLIENT_ADDRESS,
];
