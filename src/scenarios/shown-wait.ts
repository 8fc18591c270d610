// How long the lab's own clients wait for a connection: the flows of presets, lessons and the Send
// panel, which no tool with a timeout of its own sends. Linux 6.1 tries a dropped SYN 7 times over
// 127 s (sim/syn-tries.ts): walked in full, a blocked connection is 115-140 hops of the same drop.
// 2 s, as `curl -m 2`, shows the first SYN and the kernel's try at 1 s (its narration names the
// whole schedule), and is the tool wait the kernel suite gives these very flows (kernel/case.ts).
import type { Flow } from '../sim';

export const SHOWN_WAIT_S = 2;

/** A connection flow with the lab's wait, unless it names its own; other flows as they are. */
export function withShownWait(flow: Flow): Flow {
  if ((flow.kind !== 'http' && flow.kind !== 'tcp') || flow.wait !== undefined) return flow;
  return { ...flow, wait: SHOWN_WAIT_S };
}
