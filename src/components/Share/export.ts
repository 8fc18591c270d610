// The diagram as a standalone picture: its SVG with the computed styles inlined and its HTML cards
// redrawn as SVG shapes (vectorize.ts), and a 2× PNG drawn from it.
// Reads the live DOM once per export; never changes what the page shows (the clone is what gets edited).

import { vectorizeIslands } from './vectorize';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const PAD = 16;
/** Chromium's canvas limit is 16384 px a side; stay well under it. */
const MAX_CANVAS_SIDE = 8192;

/** What the diagram's CSS sets on SVG shapes and text. */
const SVG_PROPS = [
  'display',
  'visibility',
  'opacity',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'paint-order',
  'marker-end',
  'marker-start',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'letter-spacing',
  'text-anchor',
  'dominant-baseline',
  'transform',
  'transform-origin',
  'transform-box',
  'filter',
  'overflow',
] as const;

export interface DiagramPicture {
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

function inlineStyles(from: Element, to: Element): void {
  // HTML (inside foreignObject) is redrawn as SVG by vectorizeIslands, from the live page.
  if (from.namespaceURI !== SVG_NS) return;
  const cs = getComputedStyle(from);
  const style = (to as SVGElement).style;
  for (const p of SVG_PROPS) {
    const v = cs.getPropertyValue(p);
    if (v !== '') style.setProperty(p, v);
  }
  // SVG readers (librsvg, Inkscape) ignore CSS text-transform: write the letters as shown.
  const caps = cs.getPropertyValue('text-transform');
  if (caps === 'uppercase' || caps === 'lowercase') {
    for (const t of Array.from(to.childNodes)) {
      if (t instanceof Text)
        t.data = caps === 'uppercase' ? t.data.toUpperCase() : t.data.toLowerCase();
    }
  }
  // Values are final: no animation or transition replays in a viewer.
  style.setProperty('animation', 'none');
  style.setProperty('transition', 'none');
  const a = from.children;
  const b = to.children;
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x && y) inlineStyles(x, y);
  }
}

/** The diagram's <svg> element on the page, or null before it is mounted. */
export function findDiagramSvg(): SVGSVGElement | null {
  return document.querySelector<SVGSVGElement>('svg.diagram-svg');
}

/** The whole picture (not just what the zoom shows), at the current hop, as standalone SVG text. */
export function diagramSvg(svg: SVGSVGElement): DiagramPicture {
  const content = svg.querySelector<SVGGElement>(':scope > g');
  if (!content) throw new Error('the diagram has nothing to export');
  // Read final styles: with animations off, a card still fading in is read as it will end.
  svg.setAttribute('data-exporting', '');
  let clone: SVGSVGElement;
  let box: DOMRect;
  try {
    box = content.getBBox();
    clone = svg.cloneNode(true) as SVGSVGElement;
    inlineStyles(svg, clone);
    // Cards and labels are HTML on screen; in the file they are rects and text, which every
    // SVG reader draws (none of Inkscape, PowerPoint, Keynote, librsvg draws foreignObject).
    vectorizeIslands(svg, clone);
  } finally {
    svg.removeAttribute('data-exporting');
  }
  const x = Math.floor(box.x - PAD);
  const y = Math.floor(box.y - PAD);
  const width = Math.ceil(box.width + 2 * PAD);
  const height = Math.ceil(box.height + 2 * PAD);
  clone.removeAttribute('data-exporting');
  clone.removeAttribute('class');
  clone.setAttribute('xmlns', SVG_NS);
  // Spaces at the edge of a <tspan> ("docker0" + " switch") are kept, as the browser keeps them.
  clone.setAttributeNS(XML_NS, 'xml:space', 'preserve');
  clone.setAttribute('viewBox', `${x} ${y} ${width} ${height}`);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.style.removeProperty('width');
  clone.style.removeProperty('height');
  clone.style.removeProperty('cursor');
  const g = clone.querySelector(':scope > g');
  g?.removeAttribute('transform');
  (g as SVGGElement | null)?.style.removeProperty('transform');
  // The page background, so the picture reads the same on a white slide and in a dark viewer.
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('x', String(x));
  bg.setAttribute('y', String(y));
  bg.setAttribute('width', String(width));
  bg.setAttribute('height', String(height));
  bg.setAttribute('fill', pageBackground(svg));
  clone.insertBefore(bg, clone.firstChild);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
  return { text, width, height };
}

function pageBackground(el: Element): string {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const v = getComputedStyle(e).getPropertyValue('--bg').trim();
    if (v !== '') return v;
  }
  return '#ffffff';
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the browser could not draw the diagram'));
    img.src = url;
  });
}

/** The picture drawn into a canvas at `scale` (2× by default, smaller if the canvas would be too big). */
export async function diagramPng(picture: DiagramPicture, scale = 2): Promise<Blob> {
  const k = Math.min(scale, MAX_CANVAS_SIDE / picture.width, MAX_CANVAS_SIDE / picture.height);
  // A data: URL: Chromium taints a canvas drawn from a blob: SVG that holds foreignObject.
  const img = await loadImage(
    `data:image/svg+xml;charset=utf-8,${encodeURIComponent(picture.text)}`,
  );
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(picture.width * k));
  canvas.height = Math.max(1, Math.round(picture.height * k));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser has no 2D canvas');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))),
      'image/png',
    ),
  );
}

/** Hands a file to the browser's download (an <a download> click on a blob: URL). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Late enough for the download to have started reading it.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
