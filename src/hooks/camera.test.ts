import { describe, expect, it } from 'vitest';
import {
  DETAIL_FONT,
  fitTransform,
  followTransform,
  keepCentre,
  lodOf,
  readableScale,
  visibleBox,
} from './camera';

const content = { width: 1400, height: 900 };
const box = { width: 960, height: 460 };

describe('the camera', () => {
  it('follows a hop at the readable scale, the hop inside the view', () => {
    const k = readableScale(14);
    expect(DETAIL_FONT * k).toBeCloseTo(14, 6);
    for (const at of [
      { x: 100, y: 80 },
      { x: 1300, y: 850 },
      { x: 700, y: 400 },
    ]) {
      const v = followTransform(content, box, { at, from: null }, k);
      expect(v.k).toBeCloseTo(k, 6);
      const seen = visibleBox(v, box);
      expect(at.x).toBeGreaterThan(seen.x);
      expect(at.x).toBeLessThan(seen.x + seen.w);
      expect(at.y).toBeGreaterThan(seen.y);
      expect(at.y).toBeLessThan(seen.y + seen.h);
    }
  });

  it('shows the whole picture when the whole picture is readable', () => {
    const small = { width: 500, height: 300 };
    const v = followTransform(small, box, { at: { x: 10, y: 10 }, from: null }, 1.08);
    expect(v).toEqual(fitTransform(small.width, small.height, box));
    expect(v.y).toBeGreaterThanOrEqual(0);
  });

  it('keeps a user view through a resize: same scale, same centre', () => {
    const v = { x: -300, y: -120, k: 1.3 };
    const after = { width: 960, height: 380 };
    const w = keepCentre(v, box, after);
    const centre = (t: typeof v, b: typeof box) => [
      (b.width / 2 - t.x) / t.k,
      (b.height / 2 - t.y) / t.k,
    ];
    expect(w.k).toBe(1.3);
    expect(centre(w, after)[0]).toBeCloseTo(centre(v, box)[0] ?? NaN, 6);
    expect(centre(w, after)[1]).toBeCloseTo(centre(v, box)[1] ?? NaN, 6);
  });

  it('leaves out text before it would render under 14 px', () => {
    expect(lodOf(14 / 13)).toBe('near');
    expect(lodOf(1.07)).toBe('mid');
    expect(lodOf(1)).toBe('mid');
    expect(lodOf(0.99)).toBe('far');
  });

  it('keeps the picture out from under a card at the lower left (the creation story)', () => {
    const card = { w: 604, h: 250 };
    // A wide picture goes above the card, a tall one beside it: whichever is shown larger.
    for (const picture of [content, { width: 600, height: 1400 }]) {
      const v = fitTransform(picture.width, picture.height, box, card);
      const left = v.x;
      const right = v.x + picture.width * v.k;
      const bottom = v.y + picture.height * v.k;
      expect(left >= card.w || bottom <= box.height - card.h).toBe(true);
      expect(right).toBeLessThanOrEqual(box.width + 1e-6);
      expect(v.y).toBeGreaterThanOrEqual(0);
      expect(v.k).toBeGreaterThan(0);
    }
    // Followed: the hop stays in the free part too.
    const k = readableScale(14);
    const at = { x: 100, y: 850 };
    const v = followTransform(content, box, { at, from: null }, k, card);
    const sx = v.x + at.x * v.k;
    const sy = v.y + at.y * v.k;
    expect(sx >= card.w || sy <= box.height - card.h).toBe(true);
  });
});
