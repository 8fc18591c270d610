import { describe, expect, it } from 'vitest';
import { createWorld, simulate, type IPv4 } from '../sim';
import { packetAnchors } from './anchors';
import { diagramLayout } from './diagram';
import { center, type Box } from './geometry';

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('the internet cloud', () => {
  const world = createWorld();
  const { outside, host } = diagramLayout(world);

  it('sits above the router, over the host, touching no remote', () => {
    expect(outside.internet.y + outside.internet.h).toBeLessThan(outside.router.y);
    expect(center(outside.internet).x).toBe(center(outside.router).x);
    expect(outside.internet.y).toBeGreaterThanOrEqual(0);
    for (const r of outside.remotes) expect(overlaps(r.box, outside.internet)).toBe(false);
    expect(outside.router.y + outside.router.h).toBeLessThan(host.frame.y);
    expect(outside.cloud.startsWith('M ')).toBe(true);
    expect(outside.wan).not.toBe('');
  });

  it('is where the packets of a ping to 8.8.8.8 turn round', () => {
    const sim = simulate(world, {
      from: { kind: 'host' },
      to: '8.8.8.8' as IPv4,
      kind: 'ping',
      count: 1,
    });
    const hops = sim.packets.flatMap((p) => p.hops);
    const anchors = packetAnchors(diagramLayout(world), hops);
    const atCloud = hops.filter((h) => h.node === 'internet');
    expect(atCloud.length).toBeGreaterThan(0);
    hops.forEach((h, i) => {
      if (h.node === 'internet') expect(anchors[i]?.point).toEqual(center(outside.internet));
    });
  });
});
