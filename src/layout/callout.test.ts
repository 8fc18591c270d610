import { describe, expect, it } from 'vitest';
import { calloutSpot, coverage, crosses, leaderEnd, OFFSETS } from './callout';
import { overlaps } from './labels';

const view = { x: 0, y: 0, w: 1000, h: 600 };
const glyph = { x: 480, y: 280, w: 40, h: 40 };
const wide = { w: 300, h: 60 };
const narrow = { w: 150, h: 100 };

/** Labels on every side of the glyph, 10 px from it and 200 px deep; the view beyond is free. */
const ring = () => {
  const [gx, gy, gr, gb] = [
    glyph.x - 10,
    glyph.y - 10,
    glyph.x + glyph.w + 10,
    glyph.y + glyph.h + 10,
  ];
  const [ox, oy, or, ob] = [gx - 200, gy - 200, gr + 200, gb + 200];
  return [
    { x: ox, y: oy, w: or - ox, h: gy - oy },
    { x: ox, y: gb, w: or - ox, h: ob - gb },
    { x: ox, y: gy, w: gx - ox, h: gb - gy },
    { x: gr, y: gy, w: or - gr, h: gb - gy },
  ];
};

describe("the packet's words beside the glyph", () => {
  it('go where they cover nothing: a label above the glyph sends them to another side', () => {
    const above = { x: 300, y: 180, w: 400, h: 90 };
    const s = calloutSpot(glyph, [wide], [above], view);
    expect(s.covered).toBe(0);
    expect(overlaps(s.box, above)).toBe(false);
    expect(overlaps(s.box, glyph)).toBe(false);
    // Beside the glyph, at the first offset, not somewhere far.
    const gap = Math.max(s.box.y - (glyph.y + glyph.h), glyph.y - (s.box.y + s.box.h));
    expect(gap).toBe(OFFSETS[0]);
  });

  it('come closer before they change form: the offset shrinks to what fits', () => {
    // Free only within 70 px below the glyph: 60 px of words fit at an offset of 4, not 12 or 24.
    const labels = [
      { x: 0, y: 0, w: 1000, h: glyph.y + glyph.h },
      { x: 0, y: glyph.y + glyph.h + 70, w: 1000, h: 300 },
    ];
    const s = calloutSpot(glyph, [wide, narrow], labels, view);
    expect(s).toMatchObject({ form: 0, covered: 0 });
    expect(s.box.y).toBe(glyph.y + glyph.h + OFFSETS[2]);
  });

  it('take a shorter form when no spot beside the glyph holds the longer one', () => {
    // Free: a column 180 px wide right of the glyph. The wide form fits nowhere near; the narrow one does.
    const labels = [
      { x: 0, y: 0, w: glyph.x - 2, h: 600 },
      { x: glyph.x + glyph.w + 200, y: 0, w: 400, h: 600 },
    ];
    const s = calloutSpot(glyph, [wide, narrow], labels, view);
    expect(s).toMatchObject({ form: 1, covered: 0 });
    expect(coverage(s.box, labels)).toBe(0);
  });

  it('go farther off (a leader points back) when every spot beside the glyph is taken', () => {
    const labels = ring();
    const s = calloutSpot(glyph, [wide], labels, view);
    expect(s.covered).toBe(0);
    expect(coverage(s.box, labels)).toBe(0);
    expect(s.box).toMatchObject({ w: wide.w, h: wide.h });
  });

  it('stay beside the glyph, covering the least, only when nothing in the view is free', () => {
    const labels = [{ x: 0, y: 0, w: 1000, h: 600 }];
    const s = calloutSpot(glyph, [wide, narrow], labels, view);
    expect(s.covered).toBeGreaterThan(0);
    expect(overlaps(s.box, glyph)).toBe(false);
    const d = Math.hypot(
      s.box.x + s.box.w / 2 - (glyph.x + 20),
      s.box.y + s.box.h / 2 - (glyph.y + 20),
    );
    expect(d).toBeLessThan(200);
  });

  it('never leave the view, nor shrink: every form keeps the size it was given', () => {
    const corner = { x: 2, y: 2, w: 40, h: 40 };
    const s = calloutSpot(corner, [wide, narrow], [], view);
    expect(s.box.x).toBeGreaterThanOrEqual(0);
    expect(s.box.y).toBeGreaterThanOrEqual(0);
    expect(s.box.x + s.box.w).toBeLessThanOrEqual(view.w);
    expect(s.box.y + s.box.h).toBeLessThanOrEqual(view.h);
    expect(s.box).toMatchObject({ w: wide.w, h: wide.h });
    expect(overlaps(s.box, corner)).toBe(false);
  });

  it('farther off, prefer a spot whose leader crosses no label', () => {
    // A block of labels round the glyph, open above it by a corridor too narrow for the words: the
    // free band below is nearer, but its leader would cross the block; the one above is clear.
    const labels = [
      { x: 100, y: 130, w: 370, h: 310 },
      { x: 530, y: 130, w: 370, h: 310 },
      { x: 470, y: glyph.y + glyph.h + 10, w: 60, h: 440 - (glyph.y + glyph.h + 10) },
    ];
    const s = calloutSpot(glyph, [wide], labels, view);
    expect(s.covered).toBe(0);
    expect(s.box.y + s.box.h).toBeLessThanOrEqual(130);
    const c = { x: glyph.x + glyph.w / 2, y: glyph.y + glyph.h / 2 };
    expect(labels.some((b) => crosses(c, leaderEnd(c, s.box), b))).toBe(false);
  });

  it('tells a segment through a box from one beside it', () => {
    const box = { x: 10, y: 10, w: 20, h: 20 };
    expect(crosses({ x: 0, y: 20 }, { x: 40, y: 20 }, box)).toBe(true);
    expect(crosses({ x: 0, y: 0 }, { x: 40, y: 5 }, box)).toBe(false);
    expect(crosses({ x: 20, y: 0 }, { x: 20, y: 9 }, box)).toBe(false);
  });
});
