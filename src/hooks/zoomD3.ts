// The d3 modules behind pan and zoom, in one chunk that useZoom imports after the first paint.
// d3-zoom brings d3-transition with it (it patches selection.transition), so a camera move can glide.
import { select } from 'd3-selection';
import { zoomIdentity, type ZoomBehavior } from 'd3-zoom';
export { select } from 'd3-selection';
export { zoom, zoomIdentity } from 'd3-zoom';

interface Glide {
  duration(ms: number): Glide;
  call(fn: unknown, ...args: unknown[]): Glide;
}

/** Moves the view to t, gliding over `ms` (0: at once); interrupts a glide under way. */
export function moveTo(
  svg: SVGSVGElement,
  z: ZoomBehavior<SVGSVGElement, unknown>,
  t: { x: number; y: number; k: number },
  ms: number,
): void {
  const target = zoomIdentity.translate(t.x, t.y).scale(t.k);
  const sel = select(svg);
  // On a selection, zoom.transform interrupts a glide under way and jumps.
  if (ms <= 0) {
    sel.call(z.transform, target);
    return;
  }
  // selection.transition exists at run time (d3-transition, loaded by d3-zoom); its types are not here.
  const glide = (sel as unknown as { transition(): Glide }).transition();
  glide.duration(ms).call(z.transform, target);
}
