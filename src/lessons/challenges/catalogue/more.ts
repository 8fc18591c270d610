// Challenges 4–7 of issue 13 (chal2's share); the lead wires them into CHALLENGES (index.ts).
import type { Challenge } from '../types';
import { CHALLENGE_DIRECT_ACCESS } from './direct-access';
import { CHALLENGE_NAMES } from './names';

export const MORE_CHALLENGES: readonly Challenge[] = [CHALLENGE_NAMES, CHALLENGE_DIRECT_ACCESS];
