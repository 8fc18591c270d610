// A lab reset to one world: what resetWorld and an opened lab document both set.
import type { World } from '../sim';
import { HOST } from '../terminal/api';

/** The store showing just `world`: no flow on screen, playback stopped, the terminal on the host. */
export function showingOnly(world: World) {
  return {
    world,
    flow: null,
    packets: [],
    flowClock: 0,
    result: null,
    cursor: 0,
    playing: false,
    location: HOST,
  } as const;
}
