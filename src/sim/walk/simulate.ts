// STUB: the packet walk. Replaced by the real implementation.
import type { Flow, SimResult } from '../trace';
import type { World } from '../types';

/** Sends a flow through the world: every packet's hops, the tool's result, and the world after. */
export function simulate(world: World, _flow: Flow): SimResult<World> {
  return { packets: [], result: { kind: 'timeout' }, world };
}
