// The packet on the diagram: a glyph on the current hop's anchor, labelled src → dst; NAT shows old → new.
import { useT } from '../../hooks/useT';
import type { HopView } from '../../hooks/useDiagramLayout';
import { changedEnds, frameBefore, frameEnds, hopLabel } from './packetText';

const LABEL_W = 460;
const LABEL_H = 150;

export function PacketGlyph(props: { view: HopView }) {
  const { entry, anchor, previous } = props.view;
  const { hop, packet } = entry;
  const t = useT();
  const ends = frameEnds(hop.frame, t);
  const nat = hop.changed.some((c) => /^(ip\.(src|dst)|(tcp|udp)\.(sport|dport))$/.test(c.field));
  const before = nat ? frameEnds(frameBefore(hop.frame, hop.changed), t) : null;
  const hot = changedEnds(hop.changed);
  const dropped = hop.event === 'drop';
  const reply = packet.direction === 'reply';
  const { x, y } = anchor.point;
  // Labels near the top edge would leave the picture: flip them below the glyph.
  const below = y < LABEL_H + 40;
  const cls = `glyph${dropped ? ' dropped' : ''}${nat ? ' nat' : ''}${reply ? ' reply' : ''}`;
  return (
    <g className="glyph-layer" data-testid="packet-glyph">
      {previous && (
        <line className="glyph-trail" x1={previous.point.x} y1={previous.point.y} x2={x} y2={y} />
      )}
      <g className={cls} style={{ transform: `translate(${x}px, ${y}px)` }}>
        {dropped ? (
          <g className="glyph-shape">
            <polygon points="-13,-31 13,-31 31,-13 31,13 13,31 -13,31 -31,13 -31,-13" />
            <path d="M-12,-12 L12,12 M12,-12 L-12,12" className="glyph-x" />
          </g>
        ) : (
          <g className="glyph-shape">
            <rect x={-26} y={-18} width={52} height={36} rx={6} />
            <path
              d={reply ? 'M20,-12 L0,4 L-20,-12' : 'M-20,-12 L0,4 L20,-12'}
              className="glyph-flap"
            />
          </g>
        )}
        <foreignObject
          x={-LABEL_W / 2}
          y={below ? 40 : -LABEL_H - 40}
          width={LABEL_W}
          height={LABEL_H}
          className="glyph-fo"
        >
          <div className={`glyph-label-wrap${below ? ' below' : ''}`}>
            <div className="glyph-label" data-testid="glyph-label">
              <div className="glyph-kind">
                <span className="pkt-name">{hopLabel(packet.label, hop.frame, t)}</span>
                <span className="pkt-dir">{t(reply ? 'glyph.reply' : 'glyph.request')}</span>
                <span className="pkt-event">{hop.event}</span>
              </div>
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
          </div>
        </foreignObject>
      </g>
    </g>
  );
}
