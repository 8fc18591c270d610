import { describe, expect, it } from 'vitest';
import { fitTransform, fitViewBox } from './useZoom';

/** What SVG's viewBox with preserveAspectRatio="xMidYMid meet" does (SVG 2, §8.2), for a point. */
function meet(viewBox: string, box: { width: number; height: number }, p: [number, number]) {
  const [minX = 0, minY = 0, vw = 1, vh = 1] = viewBox.split(' ').map(Number);
  const s = Math.min(box.width / vw, box.height / vh);
  const tx = (box.width - vw * s) / 2 - minX * s;
  const ty = (box.height - vh * s) / 2 - minY * s;
  return [tx + p[0] * s, ty + p[1] * s];
}

describe('the fitted view', () => {
  it.each([
    [800, 600, { width: 1400, height: 700 }],
    [1200, 400, { width: 900, height: 900 }],
    [560, 400, { width: 640, height: 480 }],
  ])('of a %ix%i picture puts every point where the viewBox draws it', (w, h, box) => {
    const t = fitTransform(w, h, box);
    for (const p of [
      [0, 0],
      [w, h],
      [w / 3, h / 2],
    ] as [number, number][]) {
      const [x, y] = meet(fitViewBox(w, h), box, p);
      expect(t.x + p[0] * t.k).toBeCloseTo(x ?? NaN, 6);
      expect(t.y + p[1] * t.k).toBeCloseTo(y ?? NaN, 6);
    }
  });
  it('never magnifies a small picture past 1.6× (where it stops matching the viewBox)', () => {
    expect(fitTransform(100, 100, { width: 2000, height: 2000 }).k).toBe(1.6);
  });
});
