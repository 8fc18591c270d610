// SVG path strings for the diagram's links and wires, written as d3-shape writes them
// (linkVertical/linkHorizontal with their bump curves, line with curveLinear, 3 digits).
// d3-shape ships as one module whose curve factories are built at import time, so a bundler
// keeps all of them (13 KB minified) for these three shapes; paths.test.ts checks the strings
// are d3-shape's own.
import type { Point } from './geometry';

const r = (n: number): number => Math.round(n * 1000) / 1000;

/** A vertical bump link: leaves and arrives vertically (d3-shape's linkVertical). */
export function linkV(source: Point, target: Point): string {
  const my = (source.y + target.y) / 2;
  return `M${r(source.x)},${r(source.y)}C${r(source.x)},${r(my)},${r(target.x)},${r(my)},${r(target.x)},${r(target.y)}`;
}

/** A horizontal bump link: leaves and arrives horizontally (d3-shape's linkHorizontal). */
export function linkH(source: Point, target: Point): string {
  const mx = (source.x + target.x) / 2;
  return `M${r(source.x)},${r(source.y)}C${r(mx)},${r(source.y)},${r(mx)},${r(target.y)},${r(target.x)},${r(target.y)}`;
}

/** Straight segments through the points (d3-shape's line: one point closes with Z); '' for none. */
export function polyline(points: readonly Point[]): string {
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(p.x)},${r(p.y)}`).join('');
  return points.length === 1 ? `${d}Z` : d;
}
