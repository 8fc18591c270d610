// The packet's words beside its glyph: what it is, src → dst, and for a NAT hop the ends before the
// rewrite. Inside the diagram (an export keeps it) but scaled by 1/zoom: it reads at its own CSS
// size (15 px, 22 px when projecting) whatever the diagram's scale, placed on the side of the glyph
// that covers the least label area.
import { useT } from '../../hooks/useT';
import type { HopView } from '../../hooks/useDiagramLayout';
import { TOP_INSET, type ZoomView } from '../../hooks/camera';
import { overlaps } from '../../layout/labels';
import type { Box, Point } from '../../layout/geometry';
import { changedEnds, frameBefore, frameEnds, hopLabel } from './packetText';

const NAT_FIELD = /^(ip\.(src|dst)|(tcp|udp)\.(sport|dport))$/;

const area = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

/** Label area a callout at `box` covers, or Infinity when it would sit on the glyph itself. */
function cost(box: Box, glyph: Box, labels: readonly Box[]): number {
  if (overlaps(box, glyph)) return Infinity;
  return labels.reduce((sum, b) => sum + area(box, b), 0);
}

const inside = (s: Point, w: number, h: number, view: Box): Box => ({
  x: Math.min(Math.max(s.x, view.x + 4), view.x + view.w - w - 4),
  y: Math.min(Math.max(s.y, view.y + 4), view.y + view.h - h - 4),
  w,
  h,
});

/**
 * Where a w×h callout goes beside the glyph at p (screen px): of the spots above, below, right and
 * left of it (centred or aligned to either side), kept inside the view, the first that covers no
 * label. When each of them covers one (a crowded place, a large projected callout), the nearest spot
 * of the whole view that covers none, on a 12 px grid; only when there is none, the least covered
 * of the spots beside it.
 */
function place(
  p: Point,
  w: number,
  h: number,
  all: readonly Box[],
  view: Box,
): { at: Point; covered: number } {
  const labels = all.filter((b) => overlaps(b, view));
  const gap = 24;
  const xs = [p.x - w / 2, p.x - 30, p.x + 30 - w];
  const ys = [p.y - h / 2, p.y - 20, p.y + 20 - h];
  const spots: Point[] = [
    ...xs.map((x) => ({ x, y: p.y - gap - h })),
    ...xs.map((x) => ({ x, y: p.y + gap })),
    ...ys.map((y) => ({ x: p.x + gap + 8, y })),
    ...ys.map((y) => ({ x: p.x - gap - 8 - w, y })),
  ];
  const glyph = { x: p.x - 26, y: p.y - 20, w: 52, h: 40 };
  let best: Box | null = null;
  let least = Infinity;
  for (const s of spots) {
    const box = inside(s, w, h, view);
    const c = cost(box, glyph, labels);
    if (c === 0) return { at: box, covered: 0 };
    if (c < least - 1) [least, best] = [c, box];
  }
  // Farther out: the free spot whose centre is nearest the glyph.
  let near = Infinity;
  const step = 12;
  for (let y = view.y + 4; y + h <= view.y + view.h - 4; y += step)
    for (let x = view.x + 4; x + w <= view.x + view.w - 4; x += step) {
      const box = { x, y, w, h };
      const c = cost(box, glyph, labels);
      const d = Math.hypot(x + w / 2 - p.x, y + h / 2 - p.y);
      if (c === 0 && d < near) [near, best] = [d, box];
    }
  // None free: the least covered spot beside the glyph, so the words stay by their packet.
  return { at: best ?? { x: p.x + gap, y: p.y + gap }, covered: near < Infinity ? 0 : least };
}

export function PacketCallout(props: {
  view: HopView;
  at: Point;
  zoom: ZoomView;
  labels: readonly Box[];
  size: { width: number; height: number };
  fontPx: number;
  /** Presenting: the what-changed card shows the header before the rewrite, so the words do not. */
  beforeShownElsewhere?: boolean;
}) {
  const { entry } = props.view;
  const { hop, packet } = entry;
  const t = useT();
  const ends = frameEnds(hop.frame, t);
  const nat = hop.changed.some((c) => NAT_FIELD.test(c.field));
  const before =
    nat && !props.beforeShownElsewhere ? frameEnds(frameBefore(hop.frame, hop.changed), t) : null;
  const hot = changedEnds(hop.changed);
  const dropped = hop.event === 'drop';
  const reply = packet.direction === 'reply';
  const z = props.zoom;
  const p = { x: z.x + props.at.x * z.k, y: z.y + props.at.y * z.k };
  // Its size from its text: monospace ends at about 0.6 em a character (0.62: bold DejaVu Sans Mono and rounding), the kind line a little less.
  const chars = Math.max(
    `${ends.src} → ${ends.dst}`.length,
    before ? `${before.src} → ${before.dst}`.length : 0,
    24,
  );
  const w = Math.min(props.size.width - 8, chars * 0.62 * props.fontPx + 28);
  const lines = 2 + (before ? 1 : 0) + (dropped ? 2 : 0);
  const h = lines * 1.45 * props.fontPx + 18;
  const line = 1.45 * props.fontPx;
  const screenLabels = props.labels.map((b) => ({
    x: z.x + b.x * z.k,
    y: z.y + b.y * z.k,
    w: b.w * z.k,
    h: b.h * z.k,
  }));
  // Below the top band, where the zoom buttons and the toasts sit (camera.ts TOP_INSET).
  const view = { x: 0, y: TOP_INSET, w: props.size.width, h: props.size.height - TOP_INSET };
  // Where every spot covers a label, the words without their kind line (the narration names the
  // packet and its chapter), if that fits somewhere free.
  const full = place(p, w, h, screenLabels, view);
  const short = full.covered > 0 ? place(p, w, h - line, screenLabels, view) : null;
  const compact = short !== null && short.covered < full.covered;
  const at = compact ? short.at : full.at;
  const cls = `glyph-label${nat ? ' nat' : ''}${dropped ? ' dropped' : ''}`;
  // Back into diagram units; the foreignObject is sized in screen px under a 1/k scale.
  const gx = p.x - at.x;
  const gy = p.y - at.y;
  const ex = Math.min(Math.max(gx, 0), w);
  const ey = Math.min(Math.max(gy, 0), h);
  const leader = Math.hypot(gx - ex, gy - ey) > 60 ? { x1: gx, y1: gy, x2: ex, y2: ey } : null;
  const ox = (at.x - z.x) / z.k;
  const oy = (at.y - z.y) / z.k;
  return (
    <g className="glyph-words" transform={`translate(${ox},${oy}) scale(${1 / z.k})`}>
      {/* Words placed away from their packet point back at it (in the callout's own px). */}
      {leader && (
        <line
          className="glyph-leader"
          x1={leader.x1}
          y1={leader.y1}
          x2={leader.x2}
          y2={leader.y2}
        />
      )}
      <foreignObject x={0} y={0} width={w} height={h + 60} className="glyph-fo">
        <div className={cls} data-testid="glyph-label">
          {!compact && (
            <div className="glyph-kind">
              <span className="pkt-name">{hopLabel(packet.label, hop.frame, t)}</span>
              <span className="pkt-dir">{t(reply ? 'glyph.reply' : 'glyph.request')}</span>
              <span className="pkt-event">{hop.event}</span>
            </div>
          )}
          {before && (
            <div className="glyph-ends old" data-testid="glyph-old">
              <span className={hot.src ? 'was' : ''}>{before.src}</span> →{' '}
              <span className={hot.dst ? 'was' : ''}>{before.dst}</span>
            </div>
          )}
          <div className="glyph-ends" data-testid="glyph-ends">
            <span className={hot.src ? 'now' : ''}>{ends.src}</span> →{' '}
            <span className={hot.dst ? 'now' : ''}>{ends.dst}</span>
          </div>
          {dropped && (
            <div className="glyph-drop" data-testid="glyph-drop">
              ✕ {t.why(hop.why, hop.node)}
            </div>
          )}
        </div>
      </foreignObject>
    </g>
  );
}
