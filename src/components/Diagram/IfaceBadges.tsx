// Interface badges on a card's top edge: where the veth cable enters the container namespace.
// Drawn inside the card's translated group, so their coordinates are the card's own.
import { memo } from 'react';
import type { CardLayout } from '../../layout/diagram';
import { sameBox, type Box } from '../../layout/geometry';

/** Each badge relative to its card: what is drawn, and all a re-render depends on. */
function localBadges(card: CardLayout): [string, Box][] {
  return Object.entries(card.badges).map(([ifName, b]) => [
    ifName,
    { x: b.x - card.box.x, y: b.y - card.box.y, w: b.w, h: b.h },
  ]);
}

function sameBadges(a: CardLayout, b: CardLayout): boolean {
  const x = localBadges(a);
  const y = localBadges(b);
  return (
    a.model.container.name === b.model.container.name &&
    x.length === y.length &&
    x.every(([ifName, box], i) => y[i]?.[0] === ifName && sameBox(box, y[i][1]))
  );
}

export const IfaceBadges = memo(
  function IfaceBadges(props: { card: CardLayout; activeIface: string | null }) {
    const name = props.card.model.container.name;
    return (
      <g className="badges">
        {localBadges(props.card).map(([ifName, b]) => (
          <g
            key={ifName}
            className={`chip chip-if${props.activeIface === ifName ? ' active' : ''}`}
            data-testid={`badge-${name}-${ifName}`}
          >
            <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={13} />
            <text data-tier="addr" x={b.x + b.w / 2} y={b.y + 18}>
              {ifName}
            </text>
          </g>
        ))}
      </g>
    );
  },
  (a, b) => a.activeIface === b.activeIface && (a.card === b.card || sameBadges(a.card, b.card)),
);
