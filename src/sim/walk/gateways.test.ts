// Every machine's default gateway is on its own link: reachable by a route with no gateway of its
// own out of the same device (the client 203.0.113.5 once used 192.0.2.1, on another subnet).
import { describe, expect, it } from 'vitest';
import { inCidr } from '../addr';
import { SCENARIOS, buildScenario } from '../../scenarios';
import { addRemote } from '../ops/host';
import { createWorld } from '../world';
import { buildTopology } from './topology';
import type { World } from '../types';
import { nodeId, type NodeId } from '../node';

function offLink(world: World): string[] {
  const topo = buildTopology(world);
  const nodes: NodeId[] = ['host', 'router', ...world.remotes.map((r) => nodeId.remote(r.name))];
  return nodes.flatMap((id) => {
    const ns = topo.ns.get(id);
    return (ns?.routes ?? [])
      .filter((r) => r.dst.prefix === 0 && r.via)
      .filter(
        (d) => !ns?.routes.some((r) => r.via === null && r.dev === d.dev && inCidr(d.via!, r.dst)),
      )
      .map((d) => `${id}: default via ${d.via} out of ${d.dev}`);
  });
}

describe('gateways', () => {
  it('the default world: the host, the router, the client and the server', () => {
    expect(offLink(createWorld())).toEqual([]);
  });
  it('every scenario, and a machine added in the server’s own /24', () => {
    for (const s of SCENARIOS) expect(offLink(buildScenario(s, 'docker-27')), s.id).toEqual([]);
    const r = addRemote(createWorld(), { name: 'srv', ip: '198.51.100.9' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(offLink(r.world)).toEqual([]);
  });
  it('refuses a machine at an address the router holds as another’s gateway', () => {
    expect(addRemote(createWorld(), { name: 'x', ip: '203.0.113.1' }).ok).toBe(false);
  });
});
