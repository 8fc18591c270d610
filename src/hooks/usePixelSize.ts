// Sizes an element in pixels to fill its parent, and keeps it so as the parent resizes.
// Why: an SVG root sized in percent is laid out again, every <text> in it included, each time
// anything else in the page grid changes (a terminal line, the narration, a status message): about
// 10 ms a time with 50 containers in software-rendered Chromium, even behind `contain: strict`.
// Sized in pixels, it is laid out only when the diagram itself changes. CSS gives the size until then.
import { useEffect, type RefObject } from 'react';

export function usePixelSize(ref: RefObject<HTMLElement | SVGElement | null>): void {
  useEffect(() => {
    const el = ref.current;
    const box = el?.parentElement;
    if (!el || !box) return;
    const ro = new ResizeObserver((entries) => {
      const r = entries[entries.length - 1]?.contentRect;
      if (!r) return;
      el.style.width = `${r.width}px`;
      el.style.height = `${r.height}px`;
    });
    ro.observe(box);
    return () => {
      ro.disconnect();
      el.style.removeProperty('width');
      el.style.removeProperty('height');
    };
  }, [ref]);
}
