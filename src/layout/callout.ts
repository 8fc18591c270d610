// Where the packet's words (its callout) go beside the glyph: a spot that covers no text a student
// must read. Pure numbers in screen px, so the same choice is made and tested without a browser.
//
// The callout has a few forms, most to least said (all lines, no kind line, each src → dst line
// broken in two so it is narrow…): the caller sizes each at its one font size. The font never
// shrinks; what gives way, in this order, is the distance to the glyph (24, 12, then 4 px), the
// form, and last the nearness (a free spot farther off, a leader line pointing back).
import type { Box, Point } from './geometry';
import { overlaps } from './labels';

export interface CalloutSize {
  readonly w: number;
  readonly h: number;
}

export interface CalloutSpot {
  /** Which of the forms, by index. */
  readonly form: number;
  readonly box: Box;
  /** Label area it covers, px² (0 unless no spot of the view is free for any form). */
  readonly covered: number;
}

/** Distances from the glyph's edge, tried in this order: the offset shrinks before the form does. */
export const OFFSETS = [24, 12, 4] as const;
/** A spot on the grid of the whole view, when none beside the glyph is free. */
const STEP = 12;
/** Kept this far inside the view's edges. */
const EDGE = 4;

const area = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

/** Label area a box covers. */
export const coverage = (box: Box, labels: readonly Box[]): number =>
  labels.reduce((sum, b) => sum + area(box, b), 0);

const inside = (x: number, y: number, s: CalloutSize, view: Box): Box => ({
  x: Math.min(Math.max(x, view.x + EDGE), view.x + view.w - s.w - EDGE),
  y: Math.min(Math.max(y, view.y + EDGE), view.y + view.h - s.h - EDGE),
  w: s.w,
  h: s.h,
});

/**
 * Spots beside the glyph at distance d: above and below it (centred, or flush with either of its
 * sides), right and left of it (centred, or flush with its top or bottom), each kept in the view.
 */
export function besideSpots(glyph: Box, s: CalloutSize, d: number, view: Box): Box[] {
  const c: Point = { x: glyph.x + glyph.w / 2, y: glyph.y + glyph.h / 2 };
  const xs = [c.x - s.w / 2, glyph.x, glyph.x + glyph.w - s.w];
  const ys = [c.y - s.h / 2, glyph.y, glyph.y + glyph.h - s.h];
  return [
    ...xs.map((x) => inside(x, glyph.y - d - s.h, s, view)),
    ...xs.map((x) => inside(x, glyph.y + glyph.h + d, s, view)),
    ...ys.map((y) => inside(glyph.x + glyph.w + d, y, s, view)),
    ...ys.map((y) => inside(glyph.x - d - s.w, y, s, view)),
  ];
}

/** Where a leader from `from` meets the box: the box's point nearest it. */
export const leaderEnd = (from: Point, box: Box): Point => ({
  x: Math.min(Math.max(from.x, box.x), box.x + box.w),
  y: Math.min(Math.max(from.y, box.y), box.y + box.h),
});

/** Whether the segment a–b passes through the box (Liang–Barsky clipping). */
export function crosses(a: Point, b: Point, r: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const edges: [number, number][] = [
    [-dx, a.x - r.x],
    [dx, r.x + r.w - a.x],
    [-dy, a.y - r.y],
    [dy, r.y + r.h - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/**
 * The free spot of the view nearest the glyph (its centre's distance) whose leader crosses no
 * label; failing that, of the nearest, the one whose leader crosses the fewest; or null.
 */
function nearestFree(glyph: Box, s: CalloutSize, labels: readonly Box[], view: Box): Box | null {
  const c = { x: glyph.x + glyph.w / 2, y: glyph.y + glyph.h / 2 };
  const free: { d: number; box: Box }[] = [];
  for (let y = view.y + EDGE; y + s.h <= view.y + view.h - EDGE; y += STEP) {
    // Only the labels level with this row can meet a spot in it.
    const row = labels.filter((b) => b.y < y + s.h && y < b.y + b.h);
    for (let x = view.x + EDGE; x + s.w <= view.x + view.w - EDGE; x += STEP) {
      const box = { x, y, w: s.w, h: s.h };
      // Free or not is all that matters here: the first label it meets settles it.
      if (overlaps(box, glyph) || row.some((b) => overlaps(box, b))) continue;
      free.push({ d: Math.hypot(x + s.w / 2 - c.x, y + s.h / 2 - c.y), box });
    }
  }
  free.sort((a, b) => a.d - b.d);
  // Of the nearest few hundred, the first whose leader crosses no label, else the fewest.
  let best: Box | null = null;
  let fewest = Infinity;
  for (const { box } of free.slice(0, 300)) {
    const end = leaderEnd(c, box);
    const n = labels.reduce((k, b) => k + (crosses(c, end, b) ? 1 : 0), 0);
    if (n === 0) return box;
    if (n < fewest) [fewest, best] = [n, box];
  }
  return best;
}

/**
 * The callout's spot: beside the glyph, the first free one (form by form, each at the offsets in
 * order); else the free spot of the view nearest the glyph, form by form; else, with nothing free
 * anywhere, the least covered spot beside the glyph (the words stay by their packet).
 */
export function calloutSpot(
  glyph: Box,
  forms: readonly CalloutSize[],
  all: readonly Box[],
  view: Box,
): CalloutSpot {
  const labels = all.filter((b) => overlaps(b, view));
  let least: CalloutSpot | null = null;
  for (const [form, s] of forms.entries())
    for (const d of OFFSETS)
      for (const box of besideSpots(glyph, s, d, view)) {
        if (overlaps(box, glyph)) continue;
        const covered = coverage(box, labels);
        if (covered === 0) return { form, box, covered };
        if (!least || covered < least.covered) least = { form, box, covered };
      }
  for (const [form, s] of forms.entries()) {
    const box = nearestFree(glyph, s, labels, view);
    if (box) return { form, box, covered: 0 };
  }
  const s = forms[0] ?? { w: 0, h: 0 };
  return least ?? { form: 0, box: inside(glyph.x + glyph.w, glyph.y, s, view), covered: 0 };
}
