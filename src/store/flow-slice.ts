// The flow slice: the last flow's packets and result, and the playback cursor over their hops.
import type { StateCreator } from 'zustand/vanilla';
import type { SimResult, World } from '../sim';
import type { InOrder } from './in-order';
import type { Late } from './late';
import type { AppState, FlowSlice, Simulate } from './types';
import { momentTarget, timelineLength } from './selectors';

export const MIN_SPEED = 0.25;
export const MAX_SPEED = 4;

const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

export function createFlowSlice(
  walk: Late<Simulate>,
  queue: InOrder,
  speed: number,
): StateCreator<AppState, [], [], FlowSlice> {
  return (set, get) => ({
    flow: null,
    packets: [],
    flowClock: 0,
    result: null,
    cursor: 0,
    playing: false,
    speed: clamp(speed, MIN_SPEED, MAX_SPEED),
    sendFlow: (flow, then) => {
      let sent: SimResult<World> | null = null;
      // The walk is fetched in the browser: a flow sent before it arrives (a click, a ?flow= link,
      // a saved lab) goes when it does, after the lines and flows that came before it.
      queue.add(
        [walk],
        () => {
          const r = (walk.current() as Simulate)(get().world, flow);
          const flowClock = get().world.clock;
          set({ world: r.world, flow, packets: r.packets, flowClock, result: r.result, cursor: 0 });
          sent = r;
          then?.();
        },
        // Offline before the walk ever came: the flow is not sent; the next one asks again.
        () => undefined,
      );
      return sent;
    },
    loadWalk: () => walk.load().then(() => undefined),
    stepForward: () => {
      const last = timelineLength(get()) - 1;
      const { cursor } = get();
      // Playing past the last hop stops playback, as a video player does.
      if (cursor >= last) set({ playing: false, cursor: Math.max(0, last) });
      else set({ cursor: cursor + 1 });
    },
    stepBack: () => set({ cursor: Math.max(0, get().cursor - 1) }),
    seek: (index) => {
      const last = Math.max(0, timelineLength(get()) - 1);
      set({ cursor: Number.isFinite(index) ? clamp(Math.trunc(index), 0, last) : 0 });
    },
    nextMoment: () => {
      const at = momentTarget(get(), 1);
      if (at !== null) set({ cursor: at });
    },
    prevMoment: () => {
      const at = momentTarget(get(), -1);
      if (at !== null) set({ cursor: at });
    },
    togglePlay: () => {
      const s = get();
      const last = timelineLength(s) - 1;
      if (s.playing) set({ playing: false });
      // Play from the start again when the cursor sits on the last hop.
      else if (last >= 0) set({ playing: true, cursor: s.cursor >= last ? 0 : s.cursor });
    },
    setSpeed: (value) => {
      if (Number.isFinite(value)) set({ speed: clamp(value, MIN_SPEED, MAX_SPEED) });
    },
  });
}
