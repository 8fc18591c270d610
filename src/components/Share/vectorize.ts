// The diagram's HTML islands (cards, the packet's label) redrawn as plain SVG for the export:
// every box with a background or border becomes a <rect>, every line of text a <text>, placed where
// the browser laid them out. Inkscape, PowerPoint, Keynote and librsvg do not render
// <foreignObject>; these shapes they do. Reads the live layout; writes only into the clone.

const SVG_NS = 'http://www.w3.org/2000/svg';

type ToLocal = (x: number, y: number) => { x: number; y: number };

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

let clipSeq = 0;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

function boxOf(r: DOMRect, local: ToLocal): Box {
  const a = local(r.left, r.top);
  const b = local(r.right, r.bottom);
  return { x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y };
}

const transparent = (c: string) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
const n = (v: number) => Math.round(v * 100) / 100;

/** A font list that ends in a generic family, so any renderer finds something of the right kind. */
function fontFamily(cs: CSSStyleDeclaration): string {
  const f = cs.fontFamily;
  return /(sans-serif|serif|monospace)\s*$/.test(f) ? f : `${f}, sans-serif`;
}

/** Ascent and descent of the element's font (CSS px), to put a baseline inside a line's box. */
const metrics = new Map<string, { asc: number; desc: number }>();
function fontMetrics(cs: CSSStyleDeclaration): { asc: number; desc: number } {
  const font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
  let m = metrics.get(font);
  if (!m) {
    const ctx = document.createElement('canvas').getContext('2d');
    const size = parseFloat(cs.fontSize);
    if (ctx) ctx.font = font;
    const t = ctx?.measureText('Hg');
    m = {
      asc: t?.fontBoundingBoxAscent ?? size * 0.8,
      desc: t?.fontBoundingBoxDescent ?? size * 0.2,
    };
    metrics.set(font, m);
  }
  return m;
}

/** Background and borders: one rect when the border is even, else a fill and one bar a side. */
function boxShapes(cs: CSSStyleDeclaration, b: Box): SVGElement[] {
  const out: SVGElement[] = [];
  const sides = (['top', 'right', 'bottom', 'left'] as const).map((s) => ({
    side: s,
    w: parseFloat(cs.getPropertyValue(`border-${s}-width`)) || 0,
    c: cs.getPropertyValue(`border-${s}-color`),
    style: cs.getPropertyValue(`border-${s}-style`),
  }));
  const shown = sides.filter((s) => s.w > 0 && s.style !== 'none' && !transparent(s.c));
  const rx = n(parseFloat(cs.borderTopLeftRadius) || 0);
  const bg = cs.backgroundColor;
  const even =
    shown.length === 4 &&
    shown.every((s) => s.w === shown[0]?.w && s.c === shown[0]?.c && s.style === shown[0]?.style);
  if (even && shown[0]) {
    const w = shown[0].w;
    out.push(
      svg('rect', {
        x: n(b.x + w / 2),
        y: n(b.y + w / 2),
        width: n(Math.max(0, b.w - w)),
        height: n(Math.max(0, b.h - w)),
        rx,
        fill: transparent(bg) ? 'none' : bg,
        stroke: shown[0].c,
        'stroke-width': n(w),
        ...(shown[0].style === 'dashed' ? { 'stroke-dasharray': `${n(w * 3)} ${n(w * 2)}` } : {}),
      }),
    );
    return out;
  }
  if (!transparent(bg)) {
    out.push(svg('rect', { x: n(b.x), y: n(b.y), width: n(b.w), height: n(b.h), rx, fill: bg }));
  }
  for (const s of shown) {
    const bar =
      s.side === 'top'
        ? { x: b.x, y: b.y, width: b.w, height: s.w }
        : s.side === 'bottom'
          ? { x: b.x, y: b.y + b.h - s.w, width: b.w, height: s.w }
          : s.side === 'left'
            ? { x: b.x, y: b.y, width: s.w, height: b.h }
            : { x: b.x + b.w - s.w, y: b.y, width: s.w, height: b.h };
    out.push(
      svg('rect', {
        x: n(bar.x),
        y: n(bar.y),
        width: n(bar.width),
        height: n(bar.height),
        fill: s.c,
      }),
    );
  }
  return out;
}

function transformText(text: string, how: string): string {
  if (how === 'uppercase') return text.toUpperCase();
  if (how === 'lowercase') return text.toLowerCase();
  return text;
}

/** One text node as <text> lines: a line per row the browser wrapped it onto. */
function textShapes(node: Text, cs: CSSStyleDeclaration, local: ToLocal): SVGElement[] {
  const raw = node.data;
  const pre = cs.whiteSpace.startsWith('pre') || cs.whiteSpace === 'break-spaces';
  const range = document.createRange();
  // Words with their offsets: a wrapped node is laid out word by word, a line per row.
  const words: { start: number; end: number }[] = [];
  for (const m of raw.matchAll(/\S+/g)) words.push({ start: m.index, end: m.index + m[0].length });
  const lines: { start: number; end: number; rect: DOMRect }[] = [];
  for (const w of words) {
    range.setStart(node, w.start);
    range.setEnd(node, w.end);
    const r = range.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const last = lines[lines.length - 1];
    if (last && Math.abs(r.top - last.rect.top) < r.height / 2) {
      range.setStart(node, last.start);
      lines[lines.length - 1] = {
        start: last.start,
        end: w.end,
        rect: range.getBoundingClientRect(),
      };
    } else {
      lines.push({ start: w.start, end: w.end, rect: r });
    }
  }
  const { asc, desc } = fontMetrics(cs);
  const size = parseFloat(cs.fontSize);
  return lines.map((l) => {
    const b = boxOf(l.rect, local);
    const text = raw.slice(l.start, l.end);
    const baseline = b.y + (b.h - (asc + desc)) / 2 + asc;
    const t = svg('text', {
      x: n(b.x),
      y: n(baseline),
      fill: cs.color,
      'font-family': fontFamily(cs),
      'font-size': n(size),
      'font-weight': cs.fontWeight,
      ...(cs.fontStyle === 'normal' ? {} : { 'font-style': cs.fontStyle }),
      ...(cs.letterSpacing === 'normal' ? {} : { 'letter-spacing': cs.letterSpacing }),
    });
    if (pre) t.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
    t.textContent = transformText(pre ? text : text.replace(/\s+/g, ' '), cs.textTransform);
    return t;
  });
}

function visit(el: Element, into: SVGGElement, local: ToLocal, defs: SVGDefsElement) {
  const cs = getComputedStyle(el);
  if (cs.display === 'none') return;
  const g = svg('g', {});
  for (const a of ['data-testid', 'class']) {
    const v = el.getAttribute(a);
    if (v) g.setAttribute(a, v);
  }
  if (parseFloat(cs.opacity) < 1) g.setAttribute('opacity', cs.opacity);
  const b = boxOf(el.getBoundingClientRect(), local);
  const visible = cs.visibility !== 'hidden';
  if (visible && b.w > 0 && b.h > 0) for (const s of boxShapes(cs, b)) g.append(s);
  // What overflows a box that clips (an ellipsised name) is cut at its edge, as on screen.
  let inner: SVGGElement = g;
  if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') {
    const id = `vx-clip-${++clipSeq}`;
    const clip = svg('clipPath', { id });
    clip.append(svg('rect', { x: n(b.x), y: n(b.y), width: n(b.w), height: n(b.h) }));
    defs.append(clip);
    inner = svg('g', { 'clip-path': `url(#${id})` });
    g.append(inner);
  }
  for (const child of Array.from(el.childNodes)) {
    if (child instanceof Text) {
      if (visible && child.data.trim() !== '')
        for (const t of textShapes(child, cs, local)) inner.append(t);
    } else if (child instanceof Element) {
      visit(child, inner, local, defs);
    }
  }
  if (g.childNodes.length > 0) into.append(g);
}

/**
 * Replaces each <foreignObject> of `clone` by SVG shapes drawn from its twin in `live` (the same
 * element order: the clone is a deep copy of it).
 */
export function vectorizeIslands(live: SVGSVGElement, clone: SVGSVGElement): void {
  const liveFos = Array.from(live.querySelectorAll('foreignObject'));
  const cloneFos = Array.from(clone.querySelectorAll('foreignObject'));
  let defs = clone.querySelector('defs');
  if (!defs) {
    defs = svg('defs', {});
    clone.prepend(defs);
  }
  liveFos.forEach((fo, i) => {
    const twin = cloneFos[i];
    if (!twin) return;
    const ctm = fo.getScreenCTM();
    const g = svg('g', {});
    const cls = fo.getAttribute('class');
    if (cls) g.setAttribute('class', cls);
    if (ctm) {
      const inv = ctm.inverse();
      const local: ToLocal = (x, y) => new DOMPoint(x, y).matrixTransform(inv);
      // Client rects are screen px (the zoom applied); computed sizes inside the island (fonts,
      // borders, radii) are CSS px, which are already the island's user units.
      for (const child of Array.from(fo.children)) visit(child, g, local, defs);
    }
    twin.replaceWith(g);
  });
}
