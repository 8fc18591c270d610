// The app store: one Zustand vanilla store built from the world, flow, terminal and lesson slices.
// This entry hands it the shell at once (Node, tests, scripts); the browser builds it with
// createLabStore (create.ts) and fetches the shell on first need.
import { SHELL } from '../terminal/shell';
import { createLabStore, type AppStore } from './create';
import { atHand } from './late';
import type { AppStoreOptions } from './types';

export type { AppStore, StoreParts } from './create';

/** Creates the store; works headless (Node, tests, scripts): every command runs synchronously. */
export function createAppStore(options: AppStoreOptions = {}): AppStore {
  return createLabStore(options, { shell: atHand(SHELL) });
}

export type * from './types';
export * from './selectors';
export type { LabState, LessonSlice, LessonView, AnsweredQuestion } from './lesson-slice';
export { renderTranscript, toTranscriptLines } from './transcript';
export { MIN_SPEED, MAX_SPEED } from './flow-slice';
