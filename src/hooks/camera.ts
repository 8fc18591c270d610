// Where the diagram's camera looks: the whole picture (fit), or the current hop and its neighbours at
// a scale every label can be read at (follow). Pure numbers, shared by useZoom and its tests. The box
// is the SVG's, which is the diagram's free area: the controls' band above it is measured and kept
// out of it (useControlsBand), so no view puts a node under a button, a toast or the pill.
import type { Box, Point } from '../layout/geometry';

export interface ZoomView {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

interface Size {
  readonly width: number;
  readonly height: number;
}

/** Margin, in diagram units, around the picture when it is fitted. */
export const PAD = 24;

/**
 * The smallest font the diagram draws, in its own units (px at zoom 1): the detail tier (MACs, stage
 * subtitles, card buttons). Everything else is 14 (addresses, interfaces) or 16 and more (names).
 */
export const DETAIL_FONT = 13;
export const ADDRESS_FONT = 14;
/** The floor a student reads at: 14 CSS px; a projected current hop, 20. */
export const READ_PX = 14;
export const PRESENT_PX = 20;

/** The scale at which the diagram's smallest text reaches `px` on screen. */
export const readableScale = (px: number): number => px / DETAIL_FONT;

/**
 * What the diagram draws at scale k (its level of detail). Text that would render under the
 * 14 px floor is not drawn smaller: it is left out and the view says less.
 * - near: everything;
 * - mid: no detail tier (MACs, subtitles, buttons);
 * - far: names only, each drawn at READ_PX on screen whatever the scale (a map of the lab).
 */
export type Lod = 'near' | 'mid' | 'far';
export function lodOf(k: number): Lod {
  if (k * DETAIL_FONT >= READ_PX - 1e-6) return 'near';
  if (k * ADDRESS_FONT >= READ_PX - 1e-6) return 'mid';
  return 'far';
}

/**
 * A card over the diagram's lower left (the creation story), its size in px with a margin: the
 * camera keeps nodes out from under it.
 */
export interface Obstacle {
  readonly w: number;
  readonly h: number;
}

/**
 * Scale and offset that show a width×height picture (with a PAD margin) whole inside the element,
 * centred: what the SVG viewBox draws by itself, capped at 1.6× so three cards never fill a projector.
 */
export function fitTransform(
  width: number,
  height: number,
  box: Size,
  obstacle: Obstacle | null = null,
): ZoomView {
  if (box.width <= 0 || box.height <= 0) return { x: 0, y: 0, k: 1 };
  if (obstacle) {
    // Beside the card or above it, whichever shows the picture larger.
    const [beside, above] = besideOrAbove(box, obstacle).map((b) =>
      shifted(fitTransform(width, height, b.box), b.dx),
    );
    if (beside && above) return beside.k > above.k ? beside : above;
  }
  const k = Math.min(box.width / (width + 2 * PAD), box.height / (height + 2 * PAD), 1.6);
  return { x: (box.width - width * k) / 2, y: (box.height - height * k) / 2, k };
}

/** The element's part right of an obstacle at its lower left, and its part above it. */
function besideOrAbove(box: Size, o: Obstacle): { box: Size; dx: number }[] {
  const w = Math.min(o.w, box.width - 1);
  const h = Math.min(o.h, box.height - 1);
  return [
    { box: { width: box.width - w, height: box.height }, dx: w },
    { box: { width: box.width, height: box.height - h }, dx: 0 },
  ];
}

const shifted = (v: ZoomView, dx: number): ZoomView => ({ ...v, x: v.x + dx });

/** The same fit done by the browser before the element is measured (the prerendered page). */
export function fitViewBox(width: number, height: number): string {
  return `${-PAD} ${-PAD} ${width + 2 * PAD} ${height + 2 * PAD}`;
}

/** Keeps an axis of the view inside the picture where it can: no empty band beside a big picture. */
function clampAxis(offset: number, content: number, view: number, k: number): number {
  const inside = content * k;
  if (inside + 2 * PAD * k <= view) return (view - inside) / 2;
  const max = PAD * k;
  const min = view - inside - PAD * k;
  return Math.min(max, Math.max(min, offset));
}

/**
 * Follow: the current hop (and the one before it, the link just crossed) at scale `k`, centred, the
 * current hop kept at least `margin` px inside the element. If the whole picture is readable at
 * `k` or more, the fitted view is the answer: nothing needs to move.
 */
export function followTransform(
  content: Size,
  box: Size,
  focus: { readonly at: Point; readonly from: Point | null },
  k: number,
  obstacle: Obstacle | null = null,
): ZoomView {
  const fit = fitTransform(content.width, content.height, box, obstacle);
  if (fit.k >= k || box.width <= 0 || box.height <= 0) return fit;
  if (obstacle) {
    // The hop is followed in the larger free part: right of the card, or above it.
    const [beside, above] = besideOrAbove(box, obstacle);
    const part =
      beside && above && beside.box.width * beside.box.height >= above.box.width * above.box.height
        ? beside
        : above;
    if (part) return shifted(followTransform(content, part.box, focus, k), part.dx);
  }
  const from = focus.from ?? focus.at;
  // Both ends of the link when they fit in the view; the current hop alone when they do not.
  const spanX = Math.abs(focus.at.x - from.x) * k;
  const spanY = Math.abs(focus.at.y - from.y) * k;
  const both = spanX < box.width * 0.7 && spanY < box.height * 0.6;
  const cx = both ? (focus.at.x + from.x) / 2 : focus.at.x;
  const cy = both ? (focus.at.y + from.y) / 2 : focus.at.y;
  const x = clampAxis(box.width / 2 - cx * k, content.width, box.width, k);
  const y = clampAxis(box.height / 2 - cy * k, content.height, box.height, k);
  return { x, y, k };
}

/** The part of the picture a view shows, in diagram units. */
export function visibleBox(view: ZoomView, box: Size): Box {
  return {
    x: -view.x / view.k,
    y: -view.y / view.k,
    w: box.width / view.k,
    h: box.height / view.k,
  };
}

/**
 * A view kept through a resize of its element (the narration grew a line, a drawer opened): the
 * same scale and the same point of the picture at the centre. A zoom the user set is never reset.
 */
export function keepCentre(view: ZoomView, before: Size, after: Size): ZoomView {
  return {
    k: view.k,
    x: view.x + (after.width - before.width) / 2,
    y: view.y + (after.height - before.height) / 2,
  };
}
