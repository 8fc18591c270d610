// The app store: one Zustand vanilla store built from the world, flow and terminal slices.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createWorld, simulate } from '../sim';
import { HOST } from '../terminal/api';
import { createFlowSlice } from './flow-slice';
import { createLessonSlice, type LabState } from './lesson-slice';
import { trackFlowOrigin } from './persist';
import { createTerminalSlice } from './terminal-slice';
import type { AppStoreOptions } from './types';
import { createWorldSlice } from './world-slice';

export type AppStore = StoreApi<LabState>;

/** Creates the store; works headless (Node, tests, scripts) as well as under React. */
export function createAppStore(options: AppStoreOptions = {}): AppStore {
  const world = options.world ?? createWorld();
  const sim = options.simulate ?? simulate;
  const store = createStore<LabState>()((...a) => ({
    ...createWorldSlice(world)(...a),
    ...createFlowSlice(sim, options.speed ?? 1)(...a),
    ...createTerminalSlice(options.location ?? HOST)(...a),
    ...createLessonSlice()(...a),
  }));
  // From the first flow on, remember which world each flow started from (a shared link replays it).
  trackFlowOrigin(store);
  return store;
}

export type * from './types';
export * from './selectors';
export type { LabState, LessonSlice, LessonView, AnsweredQuestion } from './lesson-slice';
export { renderTranscript, toTranscriptLines } from './transcript';
export { MIN_SPEED, MAX_SPEED } from './flow-slice';
