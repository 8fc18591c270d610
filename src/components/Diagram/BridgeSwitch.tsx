// A bridge drawn as a switch: its own port (its address, facing the host stack) on top, veth ports below.
import { memo } from 'react';
import { useT } from '../../hooks/useT';
import { cidrText } from '../../sim';
import type { BridgeLayout } from '../../layout/bridges';
import { VethPort } from './VethPort';

export const BridgeSwitch = memo(function BridgeSwitch(props: {
  layout: BridgeLayout;
  tap: { inbound: string; outbound: string } | undefined;
  switching: boolean;
  local: boolean;
  activePort: string | null;
}) {
  const { layout: b, tap } = props;
  const br = b.network.bridge;
  const t = useT();
  const label = `${t('diagram.bridgeNetwork', { name: b.network.name })}${br ? ` · ${cidrText(br.subnet)} · ${br.mac}` : ''}`;
  return (
    <g
      className={`bridge${props.switching ? ' switching' : ''}`}
      data-testid={`bridge-${b.device}`}
    >
      {tap && (
        <g className={`tap${props.local ? ' active' : ''}`}>
          <path d={tap.inbound} markerEnd="url(#arrow)" />
          <path d={tap.outbound} markerEnd="url(#arrow)" />
        </g>
      )}
      <rect
        className="bridge-bar"
        x={b.bar.x}
        y={b.bar.y}
        width={b.bar.w}
        height={b.bar.h}
        rx={12}
      />
      <text
        className="bridge-title"
        data-tier="name"
        x={b.hostPort.x + b.hostPort.w + 18}
        y={b.bar.y + 30}
      >
        {b.device}
        <tspan className="bridge-kind" data-tier="detail">
          {t('diagram.bridgeKind')}
        </tspan>
      </text>
      <text
        className="bridge-sub"
        data-tier="detail"
        x={b.hostPort.x + b.hostPort.w + 18}
        y={b.bar.y + 52}
      >
        {label}
      </text>
      <g
        className={`chip chip-hostport${props.local ? ' active' : ''}`}
        data-testid={`hostport-${b.device}`}
      >
        <rect x={b.hostPort.x} y={b.hostPort.y} width={b.hostPort.w} height={b.hostPort.h} rx={8} />
        <text className="chip-name" data-tier="addr" x={b.hostPort.x + 10} y={b.hostPort.y + 20}>
          {b.device}
        </text>
        <text
          className="chip-addr"
          data-tier="addr"
          x={b.hostPort.x + b.hostPort.w - 10}
          y={b.hostPort.y + 20}
          textAnchor="end"
        >
          {br ? br.gateway : ''}
        </text>
      </g>
      {b.ports.map((p) => (
        <VethPort
          key={p.endpoint.hostVeth}
          port={p}
          compact={b.compact}
          active={props.activePort === p.endpoint.hostVeth}
        />
      ))}
    </g>
  );
});
