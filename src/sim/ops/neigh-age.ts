// Neighbour timers as the clock moves on: the one thing they do that depends on the world, whether
// a unicast probe is answered, is settled here. Pure; everything else is derived (neigh.ts).
import { probeDue, probeUnanswered } from '../neigh';
import type { NeighEntry, World } from '../types';
import { buildTopology, isLocal, type Topology } from '../walk/topology';

/**
 * Does anyone answer a unicast request to the entry's MAC for its address? The namespace whose
 * interface has that MAC, if it still holds the address (arp_ignore=0: any local address). A
 * container gone, moved to another address or off the network leaves it unanswered.
 */
function answered(topo: Topology, e: NeighEntry): boolean {
  if (e.mac === null) return false;
  for (const ns of topo.ns.values()) {
    for (const i of ns.devices.values()) {
      if (i.mac === e.mac && i.master === null && i.kind !== 'loopback') return isLocal(ns, e.ip);
    }
  }
  return false;
}

/**
 * The neighbour tables once the clock has reached `clock`: a DELAY entry whose probe falls due in
 * between, and that nobody answers in the world as it stands (it cannot change while time passes),
 * is stored as PROBE from then on. Answered probes need no change: `neighAt` makes them REACHABLE.
 */
export function ageNeighbours(world: World, clock: number): World['neigh'] {
  let out: { [node: string]: readonly NeighEntry[] } | null = null;
  let topo: Topology | null = null;
  for (const [node, list] of Object.entries(world.neigh)) {
    let changed = false;
    const aged = list.map((e) => {
      const due = probeDue(e);
      if (due === null || due <= world.clock || due > clock) return e;
      topo ??= buildTopology(world);
      if (answered(topo, e)) return e;
      changed = true;
      return probeUnanswered(e, due);
    });
    if (!changed) continue;
    out ??= { ...world.neigh };
    out[node] = aged;
  }
  return out ?? world.neigh;
}
