// The packet's words beside its glyph: what it is, src → dst, and for a NAT hop the ends before the
// rewrite. Inside the diagram (an export keeps it) but scaled by 1/zoom: it reads at its own CSS
// size (15 px, 22 px when projecting) whatever the diagram's scale, at a spot beside the glyph that
// covers no label (layout/callout.ts chooses the spot and, where space is short, a shorter form).
import { useT } from '../../hooks/useT';
import type { HopView } from '../../hooks/useDiagramLayout';
import type { ZoomView } from '../../hooks/camera';
import { calloutSpot, leaderEnd } from '../../layout/callout';
import type { Box, Point } from '../../layout/geometry';
import { GLYPH } from '../../layout/labels';
import { changedEnds, frameBefore, frameEnds, hopLabel } from './packetText';
import { endsLines, formSize, formsOf } from './calloutForms';

const NAT_FIELD = /^(ip\.(src|dst)|(tcp|udp)\.(sport|dport))$/;

export function PacketCallout(props: {
  view: HopView;
  at: Point;
  zoom: ZoomView;
  labels: readonly Box[];
  size: { width: number; height: number };
  fontPx: number;
  /** A card over the diagram (screen px) the words must not go under. */
  avoid?: Box | null;
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
  // Its forms, most to least said, each sized from its text (calloutForms.ts).
  const kindText = `${hopLabel(packet.label, hop.frame, t)}  ${t(reply ? 'glyph.reply' : 'glyph.request')}  ${hop.event}`;
  const forms = formsOf(before, hot);
  const sizes = forms.map((f) =>
    formSize(
      f,
      endsLines(f, ends, before, hot),
      kindText,
      dropped,
      props.fontPx,
      props.size.width - 8,
    ),
  );
  // The envelope as drawn (it scales with the diagram), and a margin.
  const gw = GLYPH.w * z.k + 8;
  const gh = GLYPH.h * z.k + 8;
  const glyph = { x: p.x - gw / 2, y: p.y - gh / 2, w: gw, h: gh };
  const screenLabels = props.labels.map((b) => ({
    x: z.x + b.x * z.k,
    y: z.y + b.y * z.k,
    w: b.w * z.k,
    h: b.h * z.k,
  }));
  // The SVG is the free area (the controls' band is above it).
  const view = { x: 0, y: 0, w: props.size.width, h: props.size.height };
  if (props.avoid) screenLabels.push(props.avoid);
  const spot = calloutSpot(glyph, sizes, screenLabels, view);
  const form = forms[spot.form] ?? forms[0]!;
  const at = spot.box;
  const { w, h } = at;
  const br = form.broken ? <br /> : ' ';
  const cls = `glyph-label${nat ? ' nat' : ''}${dropped ? ' dropped' : ''}`;
  // Back into diagram units; the foreignObject is sized in screen px under a 1/k scale.
  const gx = p.x - at.x;
  const gy = p.y - at.y;
  const { x: ex, y: ey } = leaderEnd({ x: gx, y: gy }, { x: 0, y: 0, w, h });
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
          {form.kind && (
            <div className="glyph-kind">
              <span className="pkt-name">{hopLabel(packet.label, hop.frame, t)}</span>
              <span className="pkt-dir">{t(reply ? 'glyph.reply' : 'glyph.request')}</span>
              <span className="pkt-event">{hop.event}</span>
            </div>
          )}
          {form.ends === 'all' ? (
            <>
              {before && (
                <div className="glyph-ends old" data-testid="glyph-old">
                  <span className={hot.src ? 'was' : ''}>{before.src}</span> →{br}
                  <span className={hot.dst ? 'was' : ''}>{before.dst}</span>
                </div>
              )}
              <div className="glyph-ends" data-testid="glyph-ends">
                <span className={hot.src ? 'now' : ''}>{ends.src}</span> →{br}
                <span className={hot.dst ? 'now' : ''}>{ends.dst}</span>
              </div>
            </>
          ) : (
            // Only what the rewrite did: each changed end, old → new.
            (['src', 'dst'] as const)
              .filter((end) => hot[end] && before)
              .map((end, i) => (
                <div
                  key={end}
                  className="glyph-ends"
                  data-testid={i === 0 ? 'glyph-old' : undefined}
                >
                  <span className="was">{before?.[end]}</span> →{br}
                  <span className="now">{ends[end]}</span>
                </div>
              ))
          )}
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
