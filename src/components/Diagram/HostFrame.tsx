// The Docker host's network namespace: frame, eth0, lo and the netfilter pipeline.
import { memo } from 'react';
import { useT } from '../../hooks/useT';
import type { UiKey } from '../../i18n';
import type { FlowSource, HostConfig } from '../../sim';
import type { HostLayout } from '../../layout/host';
import { STAGES, type Stage } from '../../layout/geometry';

// Chain names stay as iptables spells them; a UiKey (stage.*) is said in the reader's language.
const STAGE_TEXT: { readonly [S in Stage]: readonly [string | UiKey, string | UiKey] } = {
  PREROUTING: ['PREROUTING', 'raw · nat (DNAT)'],
  ROUTING: ['stage.routing', 'stage.routingSub'],
  INPUT: ['INPUT', 'filter'],
  LOCAL: ['stage.local', 'docker-proxy · sshd'],
  OUTPUT: ['OUTPUT', 'raw · nat · filter'],
  FORWARD: ['FORWARD', 'filter (DOCKER-…)'],
  POSTROUTING: ['POSTROUTING', 'nat (MASQUERADE)'],
};

export const HostFrame = memo(function HostFrame(props: {
  layout: HostLayout;
  host: HostConfig;
  activeStage: Stage | null;
  pickable: boolean;
  onPick: (source: FlowSource) => void;
}) {
  const { layout, host, activeStage } = props;
  const f = layout.frame;
  const t = useT();
  const say = (s: string) => (s.startsWith('stage.') ? t(s as UiKey) : s);
  return (
    <g className="host" data-testid="host-frame">
      <rect
        className={`host-frame${props.pickable ? ' pickable' : ''}`}
        x={f.x}
        y={f.y}
        width={f.w}
        height={f.h}
        rx={22}
        onClick={props.pickable ? () => props.onPick({ kind: 'host' }) : undefined}
      />
      {/* elementtiming: the load benchmark reads when this text is first painted. */}
      <text
        className="frame-title"
        data-tier="name"
        x={f.x + 24}
        y={f.y + 40}
        elementtiming="diagram"
      >
        {host.hostname}
        <tspan className="frame-sub" data-tier="detail" dx={14}>
          {t('diagram.hostNamespace')}
        </tspan>
      </text>
      {layout.arrows.map((a) => (
        <path key={a.id} className="pipe-arrow" d={a.d} markerEnd="url(#arrow)" />
      ))}
      {STAGES.map((s) => {
        const b = layout.stages[s];
        const [title, sub] = STAGE_TEXT[s];
        const cls = `stage stage-${s.toLowerCase()}${s === activeStage ? ' active' : ''}`;
        return (
          <g key={s} className={cls} data-testid={`stage-${s}`}>
            <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={s === 'ROUTING' ? 23 : 8} />
            <text className="stage-title" data-tier="chain" x={b.x + b.w / 2} y={b.y + 20}>
              {say(title)}
            </text>
            <text className="stage-sub" data-tier="detail" x={b.x + b.w / 2} y={b.y + 37}>
              {say(sub)}
            </text>
          </g>
        );
      })}
      <g className="chip chip-lo">
        <rect x={layout.lo.x} y={layout.lo.y} width={layout.lo.w} height={layout.lo.h} rx={13} />
        <text data-tier="addr" x={layout.lo.x + layout.lo.w / 2} y={layout.lo.y + 17}>
          lo 127.0.0.1
        </text>
      </g>
      <g className="chip chip-eth0" data-testid="host-eth0">
        <rect
          x={layout.eth0.x}
          y={layout.eth0.y}
          width={layout.eth0.w}
          height={layout.eth0.h}
          rx={8}
        />
        <text x={layout.eth0.x + 12} y={layout.eth0.y + 20} className="chip-name" data-tier="name">
          eth0
        </text>
        <text
          x={layout.eth0.x + layout.eth0.w - 12}
          y={layout.eth0.y + 20}
          className="chip-addr"
          data-tier="addr"
          textAnchor="end"
        >
          {host.eth0.ip}/{host.eth0.prefix}
        </text>
      </g>
      <text
        className="mac-note"
        data-tier="detail"
        x={layout.eth0.x + layout.eth0.w + 12}
        y={layout.eth0.y + 20}
      >
        {host.eth0.mac}
      </text>
    </g>
  );
});
