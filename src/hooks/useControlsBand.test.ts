import { describe, expect, it } from 'vitest';
import { bandHeight } from './useControlsBand';

const section = { left: 0, right: 960, top: 100, bottom: 520 };
const at = (left: number, right: number, top: number, bottom: number) => ({
  left,
  right,
  top,
  bottom,
});

describe("the controls' band over the diagram", () => {
  it('reaches the lowest control over the top, plus a gap', () => {
    // Zoom buttons at 12–48 px, a toast at 8–52 px: the band is 52 + 8.
    expect(bandHeight(section, [at(500, 950, 112, 148), at(12, 480, 108, 152)])).toBe(60);
  });

  it('grows with controls that wrap to a second row, and is 0 with none', () => {
    expect(bandHeight(section, [at(700, 950, 112, 190)])).toBe(98);
    expect(bandHeight(section, [])).toBe(0);
  });

  it('leaves out what is not over the diagram: beside it, or over its lower half', () => {
    // The pill of a page whose diagram is to its right; a hint at the diagram's bottom.
    expect(bandHeight(section, [at(980, 1200, 110, 150), at(300, 600, 470, 510)])).toBe(0);
  });
});
