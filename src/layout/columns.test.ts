import { describe, expect, it } from 'vitest';
import { createNetwork, createWorld, runContainer, type World } from '../sim';
import { diagramLayout, type DiagramLayout } from './diagram';
import type { Point } from './geometry';

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

function lab(n: number, networks: readonly string[] = ['bridge']): World {
  let w = createWorld();
  for (const name of networks.filter((x) => x !== 'bridge')) {
    const r = createNetwork(w, { name });
    if (!r.ok) throw new Error(r.error.message);
    w = r.world;
  }
  for (let i = 0; i < n; i++) w = run(w, `web${i}`, networks[i % networks.length]);
  return w;
}

/** The corner points of an orthogonal cable path "Mx,yLx,y…". */
function points(d: string): Point[] {
  return [...d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
  }));
}

type Seg = readonly [Point, Point];
const segments = (d: string): Seg[] => {
  const p = points(d);
  return p.slice(1).map((q, i) => [p[i]!, q] as const);
};

/** A horizontal and a vertical segment crossing strictly inside both. */
function cross(a: Seg, b: Seg): boolean {
  const [h, v] = a[0].y === a[1].y ? [a, b] : [b, a];
  if (h[0].y !== h[1].y || v[0].x !== v[1].x) return false;
  const [x1, x2] = [Math.min(h[0].x, h[1].x), Math.max(h[0].x, h[1].x)];
  const [y1, y2] = [Math.min(v[0].y, v[1].y), Math.max(v[0].y, v[1].y)];
  return v[0].x > x1 && v[0].x < x2 && h[0].y > y1 && h[0].y < y2;
}

function crossings(layout: DiagramLayout): string[] {
  const found: string[] = [];
  layout.cables.forEach((a, i) => {
    for (const b of layout.cables.slice(i + 1)) {
      if (segments(a.d).some((s) => segments(b.d).some((t) => cross(s, t))))
        found.push(`${a.container}×${b.container}`);
    }
  });
  return found;
}

describe('ports by card column (crowded bridges)', () => {
  it('adds one port and one cable for one more container and moves no other', () => {
    for (const n of [24, 50, 63]) {
      const before = diagramLayout(lab(n));
      const after = diagramLayout(run(lab(n), 'one-more'));
      expect(after.bridges[0]?.compact).toBe(true);
      const portsBefore = new Map(
        before.bridges[0]?.ports.map((p) => [p.endpoint.hostVeth, p.box]),
      );
      const portsAfter = after.bridges[0]?.ports ?? [];
      expect(portsAfter).toHaveLength(n + 1);
      const moved = portsAfter.filter((p) => {
        const was = portsBefore.get(p.endpoint.hostVeth);
        return was === undefined || JSON.stringify(was) !== JSON.stringify(p.box);
      });
      expect(moved.map((p) => p.container.name)).toEqual(['one-more']);
      const cablesBefore = new Map(before.cables.map((c) => [c.id, c.d]));
      const changed = after.cables.filter((c) => cablesBefore.get(c.id) !== c.d);
      expect(changed.map((c) => c.container)).toEqual(['one-more']);
    }
  });

  it('keeps each port on its bridge bar, over its own card column, apart from every other port', () => {
    const layout = diagramLayout(lab(50));
    const bridge = layout.bridges[0]!;
    for (const p of bridge.ports) {
      expect(p.box.x).toBeGreaterThanOrEqual(bridge.bar.x);
      expect(p.box.x + p.box.w).toBeLessThanOrEqual(bridge.bar.x + bridge.bar.w);
      const card = layout.cards.find((c) => c.model.container.name === p.container.name)!;
      expect(p.box.x).toBeGreaterThanOrEqual(card.box.x);
      expect(p.box.x + p.box.w).toBeLessThanOrEqual(card.box.x + card.box.w);
    }
    const xs = bridge.ports.map((p) => p.box.x).sort((a, b) => a - b);
    xs.slice(1).forEach((x, i) =>
      expect(x - xs[i]!).toBeGreaterThanOrEqual(bridge.ports[0]!.box.w),
    );
  });

  it('runs every cable from its port to its interface badge without crossing another', () => {
    for (const layout of [
      diagramLayout(lab(50)),
      diagramLayout(lab(30, ['bridge', 'front', 'back'])),
    ]) {
      expect(layout.bridges.every((b) => b.compact)).toBe(true);
      for (const c of layout.cables) {
        const p = points(c.d);
        expect(p[0]).toEqual(c.from);
        expect(p.at(-1)).toEqual(c.to);
      }
      expect(crossings(layout)).toEqual([]);
    }
  });

  it('leaves a small lab its labelled ports spread along the bar', () => {
    const layout = diagramLayout(lab(3));
    expect(layout.bridges[0]?.compact).toBe(false);
    expect(layout.bridges[0]?.ports.map((p) => p.box.w)).toEqual([112, 112, 112]);
  });
});
