// The band at the diagram's top that its overlaid controls occupy: the zoom buttons, the status toast,
// the share banner (a link opened beside the user's lab, a file refused) and, while presenting, the
// "Exit presentation" pill. Measured, not guessed (they wrap, grow when
// projected, differ by language): the diagram's SVG is drawn below it (its padding), so the camera's
// views, fitted or followed, put no node and no text under a control.
import { useLayoutEffect, useState, type RefObject } from 'react';
import { useAppStore } from '../store/react';

/** What sits over the diagram's top edge (the pill is fixed to the page: it counts where it overlaps). */
export const BAND_CONTROLS = '.zoom-controls, .status-line, .present-exit, .share-banner';

/** Space between the lowest control and the picture, in px. */
const GAP = 8;

interface Rect {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * The band's height, in px from the section's top: the lowest bottom of the controls that stand over
 * the section's top half (a control lower down is not in the band), plus a gap; 0 with none.
 */
export function bandHeight(section: Rect, controls: readonly Rect[]): number {
  const middle = (section.top + section.bottom) / 2;
  let low = section.top;
  for (const c of controls) {
    const across = c.right > section.left && c.left < section.right;
    if (across && c.top < middle && c.bottom > section.top) low = Math.max(low, c.bottom);
  }
  return low > section.top ? Math.ceil(low - section.top + GAP) : 0;
}

export function useControlsBand(section: RefObject<HTMLElement | null>): number | null {
  const [band, setBand] = useState<number | null>(null);
  // A toast or the pill coming or going, or the language (the buttons' widths), measures again.
  const presenting = useAppStore((s) => s.presenting);
  const notice = useAppStore((s) => s.notice);
  const lang = useAppStore((s) => s.lang);
  const banner = useAppStore((s) => s.shareIssue);
  useLayoutEffect(() => {
    const el = section.current;
    if (!el) return;
    const measure = () => {
      const controls = Array.from(document.querySelectorAll(BAND_CONTROLS), (c) =>
        c.getBoundingClientRect(),
      );
      const next = bandHeight(el.getBoundingClientRect(), controls);
      setBand((was) => (was === next ? was : next));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    for (const c of Array.from(document.querySelectorAll(BAND_CONTROLS))) ro.observe(c);
    return () => ro.disconnect();
  }, [section, presenting, notice, lang, banner]);
  return band;
}
