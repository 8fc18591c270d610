// The diagram as a standalone picture: its SVG with the computed styles inlined, and a 2× PNG drawn from it.
// Reads the live DOM once per export; never changes what the page shows (the clone is what gets edited).

const SVG_NS = 'http://www.w3.org/2000/svg';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';
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
  'text-transform',
  'transform',
  'transform-origin',
  'transform-box',
  'filter',
  'overflow',
] as const;

/** What the HTML inside the cards and the packet label needs to look the same. */
const HTML_PROPS = [
  'display',
  'visibility',
  'opacity',
  'box-sizing',
  'width',
  'height',
  'min-width',
  'max-width',
  'margin',
  'padding',
  'border-top',
  'border-right',
  'border-bottom',
  'border-left',
  'border-radius',
  'background-color',
  'background-image',
  'box-shadow',
  'color',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant-numeric',
  'line-height',
  'letter-spacing',
  'text-align',
  'text-transform',
  'text-decoration',
  'text-overflow',
  'white-space',
  'word-break',
  'overflow',
  'position',
  'top',
  'left',
  'right',
  'bottom',
  'flex-direction',
  'flex-wrap',
  'flex-grow',
  'flex-shrink',
  'flex-basis',
  'align-items',
  'align-self',
  'justify-content',
  'gap',
  'grid-template-columns',
  'grid-template-rows',
  'grid-column',
  'grid-row',
  'transform',
  'vertical-align',
] as const;

export interface DiagramPicture {
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

function inlineStyles(from: Element, to: Element): void {
  const cs = getComputedStyle(from);
  const props = from.namespaceURI === SVG_NS ? SVG_PROPS : HTML_PROPS;
  const style = (to as HTMLElement | SVGElement).style;
  for (const p of props) {
    const v = cs.getPropertyValue(p);
    if (v !== '') style.setProperty(p, v);
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
  for (const fo of clone.querySelectorAll('foreignObject > *')) fo.setAttribute('xmlns', XHTML_NS);
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
