// Interface badges on a card's top edge: where the veth cable enters the container namespace.
import { memo } from 'react';
import type { CardLayout } from '../../layout/diagram';

export const IfaceBadges = memo(function IfaceBadges(props: { card: CardLayout; activeIface: string | null }) {
  const name = props.card.model.container.name;
  return (
    <g className="badges">
      {Object.entries(props.card.badges).map(([ifName, b]) => (
        <g
          key={ifName}
          className={`chip chip-if${props.activeIface === ifName ? ' active' : ''}`}
          data-testid={`badge-${name}-${ifName}`}
        >
          <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={13} />
          <text x={b.x + b.w / 2} y={b.y + 18}>
            {ifName}
          </text>
        </g>
      ))}
    </g>
  );
});
