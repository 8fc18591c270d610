import { line, linkHorizontal, linkVertical } from 'd3-shape';
import { describe, expect, it } from 'vitest';
import type { Point } from './geometry';
import { linkH, linkV, polyline } from './paths';

// d3-shape is the reference: the diagram's path strings must be the ones it writes.
const v = linkVertical<{ source: Point; target: Point }, Point>()
  .x((p) => p.x)
  .y((p) => p.y);
const h = linkHorizontal<{ source: Point; target: Point }, Point>()
  .x((p) => p.x)
  .y((p) => p.y);
const l = line<Point>()
  .x((p) => p.x)
  .y((p) => p.y);

// Deterministic points with fractions, negatives and 4+ decimals (rounding to 3 digits).
const points: Point[] = Array.from({ length: 40 }, (_, i) => ({
  x: ((i * 7919) % 1000) / 7 - 40,
  y: ((i * 104729) % 997) / 3.3 - 12.34567,
}));

describe('diagram paths', () => {
  it('a vertical link is d3-shape linkVertical', () => {
    for (let i = 1; i < points.length; i++) {
      const [a, b] = [points[i - 1] as Point, points[i] as Point];
      expect(linkV(a, b)).toBe(v({ source: a, target: b }));
    }
  });
  it('a horizontal link is d3-shape linkHorizontal', () => {
    for (let i = 1; i < points.length; i++) {
      const [a, b] = [points[i - 1] as Point, points[i] as Point];
      expect(linkH(a, b)).toBe(h({ source: a, target: b }));
    }
  });
  it('a polyline is d3-shape line, and empty for no points', () => {
    for (let n = 1; n <= 6; n++) expect(polyline(points.slice(0, n))).toBe(l(points.slice(0, n)));
    expect(polyline([])).toBe(l([]) ?? '');
  });
});
