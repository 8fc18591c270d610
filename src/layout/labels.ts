// Where the diagram's labels are, and a spot for the packet glyph that covers none of them.
// The glyph's anchor is the centre of the node it is at (a stage, a chip, a card): drawn there it
// would sit on that node's name. It is drawn beside it instead, at the nearest free spot.
import type { DiagramLayout } from './diagram';
import { SIZES, type Box, type Point } from './geometry';

/** The packet glyph's box around its centre (the envelope, and the drop octagon, fit in it). */
export const GLYPH = { w: 46, h: 32 } as const;

/** Boxes that hold text a reader needs: nodes, chips, cards, the frame's and bridges' titles. */
export function labelBoxes(layout: DiagramLayout): Box[] {
  const { host, outside } = layout;
  const f = host.frame;
  const boxes: Box[] = [
    outside.router,
    outside.internet,
    ...outside.remotes.map((r) => r.box),
    host.eth0,
    // The MAC beside eth0 and the frame's title: text without a box of their own.
    { x: host.eth0.x + host.eth0.w + 6, y: host.eth0.y, w: 170, h: host.eth0.h },
    // (`docker-host  HOST NETWORK NAMESPACE` runs to about 480 units.)
    { x: f.x + 16, y: f.y + 12, w: 500, h: 36 },
    host.lo,
    ...Object.values(host.stages),
  ];
  for (const b of layout.bridges) {
    boxes.push(b.hostPort);
    // The bridge's name and subtitle, right of its own port.
    // (Its subtitle, `network "bridge" · 172.17.0.0/16 · MAC`, runs to about 560 units.)
    boxes.push({ x: b.hostPort.x + b.hostPort.w + 8, y: b.bar.y + 8, w: 560, h: 52 });
    for (const p of b.ports) {
      // A compact port's name stands upright above it.
      boxes.push(b.compact ? { x: p.box.x - 4, y: p.box.y - 110, w: 24, h: 110 } : p.box);
    }
  }
  for (const c of layout.cards) boxes.push(c.box, ...Object.values(c.badges));
  if (layout.isolatedLabel)
    boxes.push({ x: layout.isolatedLabel.x, y: layout.isolatedLabel.y - 18, w: 260, h: 24 });
  return boxes;
}

export const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export const glyphBox = (c: Point): Box => ({
  x: c.x - GLYPH.w / 2,
  y: c.y - GLYPH.h / 2,
  w: GLYPH.w,
  h: GLYPH.h,
});

// Left and right first (the gaps between stages and between cards), then above and below, then
// the diagonals; each ring a little farther out.
const DIRECTIONS: readonly Point[] = [
  { x: -1, y: 0 },
  { x: 1, y: 0 },
  { x: 0, y: -1 },
  { x: 0, y: 1 },
  { x: -1, y: -1 },
  { x: 1, y: -1 },
  { x: -1, y: 1 },
  { x: 1, y: 1 },
];

/**
 * The glyph's centre for a hop at `at`: the nearest spot, ring by ring, whose glyph box touches no
 * label box. A hop in the middle of a crowded place falls back to the last ring's first spot.
 */
export function glyphSpot(at: Point, labels: readonly Box[]): Point {
  for (let r = 12; r <= SIZES.cardH + 60; r += 6) {
    for (const d of DIRECTIONS) {
      const p = {
        x: at.x + d.x * (r + GLYPH.w / 2),
        y: at.y + d.y * (r * 0.5 + GLYPH.h / 2),
      };
      const g = glyphBox(p);
      if (!labels.some((b) => overlaps(g, b))) return p;
    }
  }
  return { x: at.x - 2 * GLYPH.w, y: at.y };
}
