// What a shared lab stores: the world minus what the lab recomputes on load, so links stay short.
import { rebuildNetfilter, type Netfilter, type World } from '../sim';
import { FORMAT, VERSION, type LabDocument } from './document';

/**
 * Left out, recomputed or reset on load:
 * - `ifStats` (interface counters): reset to zero;
 * - rule and chain counters (`pkts`, `bytes`): reset to zero;
 * - `netfilter` itself when it is exactly what dockerd would install for this world
 *   (`rebuildNetfilter`); kept in full when it is not, so nothing is silently changed.
 * Everything else is kept: containers, networks, addresses, MACs, the seeded generator's state,
 * the clock, conntrack entries, neighbour tables and FDBs, so the next walk behaves the same.
 */
function withoutCounters(nf: Netfilter): unknown {
  const table = (t: Netfilter['raw']) => ({
    name: t.name,
    chains: t.chains.map((c) => ({
      name: c.name,
      policy: c.policy,
      rules: c.rules.map((r) => ({ id: r.id, match: r.match, target: r.target })),
    })),
  });
  return { raw: table(nf.raw), nat: table(nf.nat), filter: table(nf.filter) };
}

export function compactWorld(world: World): unknown {
  const rules = withoutCounters(world.netfilter);
  const rebuildable =
    JSON.stringify(rules) === JSON.stringify(withoutCounters(rebuildNetfilter(world)));
  const { ifStats: _counters, netfilter: _nf, ...rest } = world;
  return rebuildable ? rest : { ...rest, netfilter: rules };
}

/** The JSON value written to a link or a file. */
export function toStored(doc: Omit<LabDocument, 'format' | 'version'>): unknown {
  return { format: FORMAT, version: VERSION, ...doc, world: compactWorld(doc.world) };
}
