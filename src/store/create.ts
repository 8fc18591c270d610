// The app store made from its slices and the parts they are handed: the shell, the lesson engine
// and the packet walk, at hand (createAppStore, headless) or fetched on first need (the browser's boot).
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createWorld } from '../sim';
import { HOST, type Shell } from '../terminal/api';
import { trackCaptures } from './capture';
import { trackFlowOrigin } from './flow-origin';
import { createFlowSlice } from './flow-slice';
import { inOrder } from './in-order';
import { atHand, type Late } from './late';
import { createLessonSlice, type LabState, type LessonEngine } from './lesson-slice';
import { createTerminalSlice } from './terminal-slice';
import { createShareSlice } from './share-slice';
import { createUiSlice } from './ui-slice';
import type { AppStoreOptions, Simulate } from './types';
import { createWorldSlice } from './world-slice';

export type AppStore = StoreApi<LabState>;

/** The code the store runs but does not hold: what the terminal executes, what lessons play. */
export interface StoreParts {
  readonly shell: Late<Shell>;
  readonly lessons: Late<LessonEngine>;
  /** The packet walk (`simulate`, src/sim/walk): every flow sent. */
  readonly walk: Late<Simulate>;
}

export function createLabStore(options: AppStoreOptions, parts: StoreParts): AppStore {
  const world = options.world ?? createWorld();
  const walk = options.simulate ? atHand(options.simulate) : parts.walk;
  // Lines and flows that wait for a part share one queue: they run in the order they were made.
  const queue = inOrder();
  const store = createStore<LabState>()((...a) => ({
    ...createWorldSlice(world)(...a),
    ...createFlowSlice(walk, queue, options.speed ?? 1)(...a),
    ...createTerminalSlice(options.location ?? HOST, parts.shell, walk, queue)(...a),
    ...createLessonSlice(parts.lessons)(...a),
    ...createUiSlice(options.ui)(...a),
    ...createShareSlice(...a),
  }));
  // From the first flow on, remember which world each flow started from (a shared link replays it).
  trackFlowOrigin(store);
  // Playback feeds the captures running beside the flows.
  trackCaptures(store);
  return store;
}
