// The world slice: the simulated host and the Docker actions over it. A failed action changes nothing.
import type { StateCreator } from 'zustand/vanilla';
import { advanceClock, createWorld, worldOps, type OpResult, type World } from '../sim';
import { applyStep } from '../scenarios';
import { showingOnly } from './showing';
import type { AppState, WorldSlice } from './types';

export function createWorldSlice(initial: World): StateCreator<AppState, [], [], WorldSlice> {
  return (set, get) => {
    const setWorld = (world: World) => set({ world });
    return {
      world: initial,
      // The same mapping of ShellApi onto the sim's operations as the teacher's headless replay.
      ...worldOps(() => get().world, setWorld),
      applyStep: (step) => {
        const r: OpResult<unknown> = applyStep(get().world, step);
        if (r.ok) setWorld(r.world);
        return r;
      },
      advanceClock: (seconds) => setWorld(advanceClock(get().world, seconds)),
      resetWorld: (options) => set(showingOnly(createWorld(options))),
    };
  };
}
