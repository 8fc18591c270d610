// The app store: one Zustand vanilla store built from the world, flow, terminal and lesson slices.
// This entry hands it the shell, the lesson engine and the packet walk at once (Node, tests, scripts); the browser
// builds it with createLabStore (create.ts) and fetches those parts on first need.
import { simulate } from '../sim';
import { SHELL } from '../terminal/shell';
import { createLabStore, type AppStore } from './create';
import { atHand } from './late';
import { LESSON_ENGINE } from './lesson-engine';
import type { AppStoreOptions } from './types';

export type { AppStore, StoreParts } from './create';

/** Creates the store; works headless (Node, tests, scripts): every command runs synchronously. */
export function createAppStore(options: AppStoreOptions = {}): AppStore {
  return createLabStore(options, {
    shell: atHand(SHELL),
    lessons: atHand(LESSON_ENGINE),
    walk: atHand(simulate),
  });
}

export type * from './types';
export * from './selectors';
export type { ChallengeRun, ChallengeCheckResult, GoalSeen } from './challenge-slice';
export type {
  LabState,
  LessonSlice,
  LessonView,
  AnsweredQuestion,
  LessonEngine,
} from './lesson-slice';
export { renderTranscript, toTranscriptLines } from './transcript';
export { MIN_SPEED, MAX_SPEED } from './flow-slice';
