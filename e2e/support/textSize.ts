// The rendered size of text on the page: each visible text's computed font size times the scale of
// the SVG transforms it is drawn under (the diagram's zoom, a card's foreignObject), in CSS px.
import type { Page } from '@playwright/test';

export interface Measured {
  readonly px: number;
  readonly text: string;
  readonly where: string;
}

/**
 * Every text node inside `scopes` that a viewer can see: laid out (not display:none), not hidden or
 * transparent, inside the viewport and the diagram's box, and not marked data-decorative.
 */
export function measureText(page: Page, scopes: readonly string[]): Promise<Measured[]> {
  return page.evaluate((sel) => {
    const out: { px: number; text: string; where: string }[] = [];
    const view = { w: window.innerWidth, h: window.innerHeight };
    for (const scope of sel) {
      for (const root of Array.from(document.querySelectorAll(scope))) {
        const clip = root.getBoundingClientRect();
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = (n.textContent ?? '').trim();
          const el = n.parentElement;
          if (!text || !el || el.closest('[data-decorative]')) continue;
          if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          const r = range.getBoundingClientRect();
          if (r.width < 1 || r.height < 1) continue;
          const cx = Math.min(r.right, clip.right, view.w) - Math.max(r.left, clip.left, 0);
          const cy = Math.min(r.bottom, clip.bottom, view.h) - Math.max(r.top, clip.top, 0);
          if (cx <= 1 || cy <= 1) continue; // scrolled or panned out of sight
          const fs = parseFloat(getComputedStyle(el).fontSize);
          const g =
            el instanceof SVGGraphicsElement
              ? el
              : (el.closest('foreignObject') as SVGGraphicsElement | null);
          const m = g?.getScreenCTM();
          const k = m ? Math.hypot(m.a, m.b) : 1;
          const cls = el.getAttribute('class') ?? '';
          out.push({ px: fs * k, text: text.slice(0, 40), where: `${el.tagName}.${cls}` });
        }
      }
    }
    return out;
  }, scopes);
}
