import { describe, expect, it } from 'vitest';
import { createWorld, runContainer, type World } from '../sim';
import { diagramLayout } from './diagram';
import type { Box } from './geometry';
import { overlaps } from './labels';

function run(w: World, name: string, network?: string): World {
  const r = runContainer(w, {
    image: 'nginx',
    name,
    detach: true,
    ...(network ? { network } : {}),
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.world;
}

/** The box a cubic link between two points stays in (its control points share their ends' x or y). */
function spanOf(d: string): Box {
  const n = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  const xs = n.filter((_, i) => i % 2 === 0);
  const ys = n.filter((_, i) => i % 2 === 1);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

describe('a --network host container', () => {
  let w = run(run(createWorld(), 'c1'), 'c2');
  w = run(run(w, 'nifty_perlman', 'host'), 'agent', 'host');
  const layout = diagramLayout(w);
  const procs = layout.cards.filter((c) => c.model.container.mode.kind === 'host');

  it('is drawn inside the host frame, as a process there: no badge and no cable of its own', () => {
    expect(procs).toHaveLength(2);
    const f = layout.host.frame;
    for (const p of procs) {
      expect(p.box.x).toBeGreaterThanOrEqual(f.x);
      expect(p.box.x + p.box.w).toBeLessThanOrEqual(f.x + f.w);
      expect(p.box.y).toBeGreaterThan(f.y);
      expect(p.box.y + p.box.h).toBeLessThan(f.y + f.h);
      expect(p.badges).toEqual({});
      expect(layout.cables.filter((c) => c.container === p.model.container.name)).toEqual([]);
    }
  });

  it("is crossed by none of docker0's arrows and covers no stage, bridge or other card", () => {
    const taps = layout.taps.flatMap((t) => [spanOf(t.inbound), spanOf(t.outbound)]);
    const arrows = layout.host.arrows.map((a) => spanOf(a.d));
    const others = [
      ...Object.values(layout.host.stages),
      layout.host.eth0,
      layout.host.lo,
      ...layout.bridges.flatMap((b) => [b.bar, b.hostPort]),
      ...layout.cards.filter((c) => !procs.includes(c)).map((c) => c.box),
    ];
    for (const p of procs) {
      expect(taps.filter((t) => overlaps(p.box, t))).toEqual([]);
      expect(arrows.filter((a) => overlaps(p.box, a))).toEqual([]);
      expect(others.filter((o) => overlaps(p.box, o))).toEqual([]);
    }
    const [a, b] = procs;
    expect(overlaps(a!.box, b!.box)).toBe(false);
  });
});
