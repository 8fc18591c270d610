// The one place D3 touches the DOM: d3-zoom on the diagram's <svg>. React renders the transform.
// d3-zoom (with d3-selection, -transition, -drag, -interpolate: ~16 KB gzip) loads after the first
// paint; until then the fitted view is set directly, so the diagram draws without waiting for it.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { ZoomBehavior, ZoomTransform } from 'd3-zoom';
import type * as ZoomD3 from './zoomD3';

type D3 = typeof ZoomD3;

export interface ZoomView {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

export interface UseZoom {
  readonly svgRef: RefObject<SVGSVGElement | null>;
  /** The pan and zoom; null until the element is measured (then draw with `fitViewBox`). */
  readonly view: ZoomView | null;
  fitToScreen(): void;
  zoomBy(factor: number): void;
}

const PAD = 24;

/**
 * Scale and offset that show a width×height picture (with a PAD margin) whole inside the element,
 * centred: what the SVG viewBox below draws by itself, capped at 1.6× so three cards never fill a
 * projector.
 */
export function fitTransform(
  width: number,
  height: number,
  box: { readonly width: number; readonly height: number },
): ZoomView {
  if (box.width <= 0 || box.height <= 0) return { x: 0, y: 0, k: 1 };
  const k = Math.min(box.width / (width + 2 * PAD), box.height / (height + 2 * PAD), 1.6);
  return { x: (box.width - width * k) / 2, y: (box.height - height * k) / 2, k };
}

/**
 * The same fit done by the browser: before the element is measured (the page prerendered at build
 * time, the first render) the SVG's viewBox centres the picture, so it is drawn fitted at once.
 */
export function fitViewBox(width: number, height: number): string {
  return `${-PAD} ${-PAD} ${width + 2 * PAD} ${height + 2 * PAD}`;
}

export function useZoom(contentWidth: number, contentHeight: number): UseZoom {
  const svgRef = useRef<SVGSVGElement | null>(null);
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const d3 = useRef<D3 | null>(null);
  const [view, setView] = useState<ZoomView | null>(null);
  const viewRef = useRef(view);

  useEffect(() => {
    viewRef.current = view;
  }, [view]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    let live = true;
    void import('./zoomD3').then((mod) => {
      if (!live) return;
      const z = mod
        .zoom<SVGSVGElement, unknown>()
        .scaleExtent([0.15, 4])
        .on('zoom', (e: { transform: ZoomTransform }) =>
          setView({ x: e.transform.x, y: e.transform.y, k: e.transform.k }),
        );
      d3.current = mod;
      behaviour.current = z;
      mod.select(svg).call(z).on('dblclick.zoom', null);
      // Take over the view set before d3-zoom arrived.
      const t = viewRef.current;
      if (t) mod.select(svg).call(z.transform, mod.zoomIdentity.translate(t.x, t.y).scale(t.k));
    });
    return () => {
      live = false;
      if (d3.current) d3.current.select(svg).on('.zoom', null);
      behaviour.current = null;
    };
  }, []);

  const apply = useCallback((t: ZoomView) => {
    const svg = svgRef.current;
    const z = behaviour.current;
    const mod = d3.current;
    if (svg && z && mod)
      mod.select(svg).call(z.transform, mod.zoomIdentity.translate(t.x, t.y).scale(t.k));
    else setView(t);
  }, []);

  const fit = useCallback(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const r = svg.getBoundingClientRect();
    apply(fitTransform(contentWidth, contentHeight, r));
  }, [apply, contentWidth, contentHeight]);

  const zoomBy = useCallback((factor: number) => {
    const svg = svgRef.current;
    const z = behaviour.current;
    if (svg && z && d3.current) d3.current.select(svg).call(z.scaleBy, factor);
  }, []);

  // Refit whenever the picture or the element changes size: a new container never lands off-screen.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const refit = () =>
      apply(fitTransform(contentWidth, contentHeight, svg.getBoundingClientRect()));
    refit();
    const ro = new ResizeObserver(refit);
    ro.observe(svg);
    return () => ro.disconnect();
  }, [apply, contentWidth, contentHeight]);

  return { svgRef, view, fitToScreen: fit, zoomBy };
}
