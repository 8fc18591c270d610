// The packet on the diagram: a glyph beside the node of the current hop (never on its label), and a
// trail from where it was one hop earlier. Its words (src → dst, NAT old → new) are PacketCallout.
import type { Point } from '../../layout/geometry';

export function PacketGlyph(props: {
  at: Point;
  previous: Point | null;
  dropped: boolean;
  reply: boolean;
  nat: boolean;
}) {
  const { at, previous, dropped, reply, nat } = props;
  const cls = `glyph${dropped ? ' dropped' : ''}${nat ? ' nat' : ''}${reply ? ' reply' : ''}`;
  return (
    <g className="glyph-layer" data-testid="packet-glyph">
      {previous && (
        <line className="glyph-trail" x1={previous.x} y1={previous.y} x2={at.x} y2={at.y} />
      )}
      <g className={cls} style={{ transform: `translate(${at.x}px, ${at.y}px)` }}>
        {dropped ? (
          <g className="glyph-shape" data-testid="glyph-shape">
            <polygon points="-8,-16 8,-16 16,-8 16,8 8,16 -8,16 -16,8 -16,-8" />
            <path d="M-7,-7 L7,7 M7,-7 L-7,7" className="glyph-x" />
          </g>
        ) : (
          <g className="glyph-shape" data-testid="glyph-shape">
            <rect x={-22} y={-15} width={44} height={30} rx={5} />
            <path
              d={reply ? 'M17,-10 L0,3 L-17,-10' : 'M-17,-10 L0,3 L17,-10'}
              className="glyph-flap"
            />
          </g>
        )}
      </g>
    </g>
  );
}
