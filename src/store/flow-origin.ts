// The world each flow was sent from, remembered per store from its first flow on, so a shared lab
// can carry that world and replay the very same hops (persist.ts reads it).
import type { StoreApi } from 'zustand/vanilla';
import type { World } from '../sim';
import type { PacketTrace } from '../sim';
import type { AppState } from './types';

type Store = StoreApi<AppState>;

/** The world a flow was sent from, and the world it left: replaying the flow from `before` gives the same hops. */
export interface FlowOrigin {
  readonly packets: readonly PacketTrace[];
  readonly before: World;
  readonly after: World;
}

const origins = new WeakMap<Store, FlowOrigin>();

/** Remembers each flow's starting world; createLabStore calls this so no flow is missed. */
export function trackFlowOrigin(store: Store): () => void {
  return store.subscribe((s, prev) => {
    if (s.packets !== prev.packets && s.flow !== null)
      origins.set(store, { packets: s.packets, before: prev.world, after: s.world });
  });
}

/** The origin of the last flow sent in this store, if any. */
export const flowOriginOf = (store: Store): FlowOrigin | undefined => origins.get(store);
