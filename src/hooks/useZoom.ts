// The one place D3 touches the DOM: d3-zoom on the diagram's <svg>. React renders the transform.
// d3-zoom (with d3-selection, -transition, -drag, -interpolate: ~16 KB gzip) loads after the first
// paint; until then the fitted view is set directly, so the diagram draws without waiting for it.
//
// The camera has three modes. follow: the current hop and its neighbours at a readable scale (the
// whole picture when it is readable whole). fit: the whole picture. user: where the user's wheel,
// drag or +/− put it; only the user leaves it (the follow toggle, Fit). A resize of the element (the
// narration grew, a drawer opened) refits follow and fit, and keeps a user's view at its centre.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { ZoomBehavior, ZoomTransform } from 'd3-zoom';
import type { Point } from '../layout/geometry';
import { fitTransform, followTransform, keepCentre, type Obstacle, type ZoomView } from './camera';
import type * as ZoomD3 from './zoomD3';

export { fitTransform, fitViewBox, type ZoomView } from './camera';

type D3 = typeof ZoomD3;
export type CameraMode = 'follow' | 'fit' | 'user';

export interface CameraFocus {
  readonly at: Point;
  readonly from: Point | null;
}

export interface UseZoom {
  readonly svgRef: RefObject<SVGSVGElement | null>;
  /** The pan and zoom; null until the element is measured (then draw with `fitViewBox`). */
  readonly view: ZoomView | null;
  readonly mode: CameraMode;
  fitToScreen(): void;
  zoomBy(factor: number): void;
  setFollow(on: boolean): void;
}

/** A camera glide: long enough to see where the view went, shorter than a hop at 1× (420 ms). */
const GLIDE_MS = 380;

export function useZoom(opts: {
  readonly width: number;
  readonly height: number;
  readonly focus: CameraFocus | null;
  /** The scale follow mode holds the current hop at (readable at 14 px, or 20 when projecting). */
  readonly followScale: number;
  readonly reducedMotion: boolean;
  /** A card over the lower left (the creation story) that nodes are kept out from under. */
  readonly obstacle?: Obstacle | null;
}): UseZoom {
  const { width, height, focus, followScale, reducedMotion } = opts;
  const obstacle = opts.obstacle ?? null;
  const svgRef = useRef<SVGSVGElement | null>(null);
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const d3 = useRef<D3 | null>(null);
  const [view, setView] = useState<ZoomView | null>(null);
  const [mode, setMode] = useState<CameraMode>('follow');
  const viewRef = useRef(view);
  const size = useRef({ width: 0, height: 0 });

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
        .on('zoom', (e: { transform: ZoomTransform; sourceEvent: unknown }) => {
          // A wheel, drag or pinch is the user's: the camera stops following until asked again.
          if (e.sourceEvent) setMode('user');
          setView({ x: e.transform.x, y: e.transform.y, k: e.transform.k });
        });
      d3.current = mod;
      behaviour.current = z;
      mod.select(svg).call(z).on('dblclick.zoom', null);
      // Take over the view set before d3-zoom arrived.
      const t = viewRef.current;
      if (t) mod.moveTo(svg, z, t, 0);
    });
    return () => {
      live = false;
      if (d3.current) d3.current.select(svg).on('.zoom', null);
      behaviour.current = null;
    };
  }, []);

  const apply = useCallback((t: ZoomView, ms: number) => {
    const svg = svgRef.current;
    const z = behaviour.current;
    const mod = d3.current;
    if (svg && z && mod) mod.moveTo(svg, z, t, ms);
    else {
      // Before d3-zoom: what it takes over when it arrives, which may be before React renders
      // this view (a flow that came with the packet walk's chunk, just ahead of d3-zoom's).
      viewRef.current = t;
      setView(t);
    }
  }, []);

  // Where follow and fit look for the element's present size.
  const target = useCallback(
    (m: CameraMode, box: { width: number; height: number }): ZoomView | null => {
      if (m === 'user') return null;
      if (m === 'follow' && focus)
        return followTransform({ width, height }, box, focus, followScale, obstacle);
      return fitTransform(width, height, box, obstacle);
    },
    [focus, followScale, width, height, obstacle],
  );

  const glide = reducedMotion ? 0 : GLIDE_MS;

  // The camera moves when the hop, the picture or the mode changes (not for a user's own view).
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const r = svg.getBoundingClientRect();
    const t = target(mode, r);
    if (t) apply(t, viewRef.current ? glide : 0);
  }, [apply, target, mode, glide]);

  // A resize refits follow and fit at once; a user's view keeps its scale and centre.
  const modeRef = useRef(mode);
  const targetRef = useRef(target);
  useEffect(() => {
    modeRef.current = mode;
    targetRef.current = target;
  }, [mode, target]);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const ro = new ResizeObserver(() => {
      const r = svg.getBoundingClientRect();
      const before = size.current;
      size.current = { width: r.width, height: r.height };
      const t = targetRef.current(modeRef.current, r);
      const v = viewRef.current;
      if (t) apply(t, 0);
      else if (v && before.width > 0) apply(keepCentre(v, before, size.current), 0);
    });
    ro.observe(svg);
    return () => ro.disconnect();
  }, [apply]);

  const fitToScreen = useCallback(() => {
    setMode('fit');
    const svg = svgRef.current;
    if (svg) apply(fitTransform(width, height, svg.getBoundingClientRect(), obstacle), glide);
  }, [apply, width, height, glide, obstacle]);

  const zoomBy = useCallback((factor: number) => {
    const svg = svgRef.current;
    const z = behaviour.current;
    setMode('user');
    if (svg && z && d3.current) d3.current.select(svg).call(z.scaleBy, factor);
  }, []);

  const setFollow = useCallback((on: boolean) => setMode(on ? 'follow' : 'user'), []);

  return { svgRef, view, mode, fitToScreen, zoomBy, setFollow };
}
