// Outside the Docker host: the internet, the upstream router and the remote machines behind it.
import { memo } from 'react';
import { useT } from '../../hooks/useT';
import { nodeId, type FlowSource, type World } from '../../sim';
import type { OutsideLayout } from '../../layout/outside';

export const Outside = memo(function Outside(props: {
  layout: OutsideLayout;
  world: World;
  activeNode: string | null;
  pickable: boolean;
  onPick: (source: FlowSource) => void;
}) {
  const { layout, world, activeNode } = props;
  const r = layout.router;
  const t = useT();
  return (
    <g className="outside">
      <path className="wire" d={layout.uplink} />
      <path className="wire" d={layout.wan} />
      <g
        className={`node internet${activeNode === 'internet' ? ' active' : ''}`}
        data-testid="internet"
      >
        <path d={layout.cloud} />
        <text
          className="node-title"
          data-tier="name"
          x={layout.internet.x + layout.internet.w / 2}
          y={layout.internet.y + 30}
        >
          {t('outside.internet')}
        </text>
        <text
          className="node-sub"
          data-tier="addr"
          x={layout.internet.x + layout.internet.w / 2}
          y={layout.internet.y + 49}
        >
          {t('outside.internetSub')}
        </text>
      </g>
      {layout.remotes.map((x) => (
        <path key={x.remote.name} className="wire" d={x.link} />
      ))}
      <g className={`node router${activeNode === 'router' ? ' active' : ''}`} data-testid="router">
        <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={37} />
        <text className="node-title" data-tier="name" x={r.x + r.w / 2} y={r.y + 32}>
          {t('outside.router')}
        </text>
        <text className="node-sub" data-tier="addr" x={r.x + r.w / 2} y={r.y + 54}>
          {t('outside.gateway', { ip: world.router.ip })}
        </text>
      </g>
      {layout.remotes.map(({ remote, box }) => {
        const listens = remote.listeners.map((l) => `${l.port}/${l.proto}`).join(' ');
        const id = nodeId.remote(remote.name);
        return (
          <g
            key={remote.name}
            className={`node remote${activeNode === id ? ' active' : ''}${props.pickable ? ' pickable' : ''}`}
            data-testid={`remote-${remote.name}`}
            onClick={
              props.pickable ? () => props.onPick({ kind: 'remote', name: remote.name }) : undefined
            }
            role={props.pickable ? 'button' : undefined}
            aria-label={props.pickable ? t('diagram.pick', { name: remote.name }) : undefined}
          >
            <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={10} />
            <text
              className="node-title"
              data-tier="name"
              x={box.x + 16}
              y={box.y + 28}
              textAnchor="start"
            >
              {remote.name}
            </text>
            <text
              className="node-addr"
              data-tier="addr"
              x={box.x + box.w - 16}
              y={box.y + 28}
              textAnchor="end"
            >
              {remote.ip}
            </text>
            <text
              className="node-sub"
              data-tier="detail"
              x={box.x + 16}
              y={box.y + 54}
              textAnchor="start"
            >
              {listens ? t('outside.listens', { ports: listens }) : t('outside.client')}
            </text>
          </g>
        );
      })}
    </g>
  );
});
