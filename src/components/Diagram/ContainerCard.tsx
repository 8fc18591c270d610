// One container as a card: its own network namespace, its interfaces, addresses and published ports.
import { memo } from 'react';
import type { Container, FlowSource } from '../../sim';
import type { CardLayout } from '../../layout/diagram';
import { useAppStore } from '../../store/react';
import { useT, type Translate } from '../../hooks/useT';
import { portText } from './format';
import { HostProcess } from './HostProcess';

function modeText(c: Container, t: Translate): string {
  switch (c.mode.kind) {
    case 'bridge':
      return `--network ${c.mode.network}`;
    case 'host':
      return '--network host';
    case 'none':
      return `--network none · ${t('card.loOnly')}`;
    case 'container':
      return '--network container:…';
  }
}

export const ContainerCard = memo(
  function ContainerCard(props: {
    card: CardLayout;
    active: boolean;
    pickable: boolean;
    onPick: (source: FlowSource) => void;
  }) {
    const c = props.card.model.container;
    const { box } = props.card;
    const start = useAppStore((s) => s.startContainer);
    const stop = useAppStore((s) => s.stopContainer);
    const remove = useAppStore((s) => s.removeContainer);
    const setNotice = useAppStore((s) => s.setNotice);
    const setLaunched = useAppStore((s) => s.setLaunched);
    const launched = useAppStore((s) => s.launched === c.name);
    const t = useT();
    const echo = useAppStore((s) => s.echoCommand);
    // A click is the command it stands for: the terminal shows it as typed (a recorded lesson too).
    const act = (r: { ok: boolean; error?: { message: string } }, done: string, verb: string) => {
      if (r.ok)
        echo(`docker ${verb} ${c.name}`, {
          chunks: [{ stream: 'stdout', text: `${c.name}\n` }],
          exit: 0,
        });
      setNotice(
        r.ok
          ? { kind: 'info', text: done }
          : { kind: 'error', text: `Error response from daemon: ${r.error?.message ?? ''}` },
      );
    };
    const running = c.state === 'running';
    const cls = [
      'card',
      `mode-${c.mode.kind}`,
      running ? 'running' : 'stopped',
      props.active ? 'active' : '',
      props.pickable ? 'pickable' : '',
      launched ? 'launching' : '',
    ].join(' ');
    return (
      // Placed by the parent's translate: a card that only moves keeps its HTML and its layout.
      <foreignObject x={0} y={0} width={box.w} height={box.h} className="card-fo">
        <div
          className={cls}
          data-testid={`card-${c.name}`}
          onClick={
            props.pickable ? () => props.onPick({ kind: 'container', name: c.name }) : undefined
          }
          role={props.pickable ? 'button' : undefined}
          aria-label={props.pickable ? t('diagram.pick', { name: c.name }) : undefined}
        >
          <div className="card-head">
            <span className="card-name" data-tier="name" title={c.name}>
              {c.name}
            </span>
            {/* How eth0 came to be: the creation story, from its first moment (a name-tier
                control, so the map view keeps it at a readable size). */}
            {running &&
              c.mode.kind === 'bridge' &&
              c.endpoints.some((e) => e.ifName === 'eth0') && (
                <button
                  type="button"
                  className="if-story"
                  data-tier="name"
                  onClick={() => setLaunched(c.name)}
                  aria-label={t('card.replay', { name: c.name })}
                  title={t('card.replay', { name: c.name })}
                  data-testid={`replay-${c.name}`}
                >
                  ↻
                </button>
              )}
            <span className={`state state-${c.state}`} data-tier="detail">
              {running ? t('card.running') : t('card.exited', { code: c.exitCode })}
            </span>
          </div>
          <div className="card-meta" data-tier="detail">
            {c.image} · {modeText(c, t)}
          </div>
          {c.mode.kind === 'host' && <HostProcess />}
          {c.endpoints.map((e) => (
            <div
              key={e.ifName}
              className="card-if"
              data-tier="addr"
              data-testid={`addr-${c.name}-${e.ifName}`}
            >
              <span className="if-name">{e.ifName}</span>
              <span className="if-ip">
                {e.ip}/{e.prefix}
              </span>
              <span className="if-mac" data-tier="detail">
                {e.mac}
              </span>
            </div>
          ))}
          {c.bindings.length > 0 && (
            <div className="card-ports" data-tier="addr" data-testid={`ports-${c.name}`}>
              {c.bindings.map((b) => (
                <span key={`${b.hostPort}/${b.proto}`} className="port-pill">
                  {portText(b)}
                </span>
              ))}
            </div>
          )}
          <div className="card-foot">
            <span className="lo-chip" data-tier="detail" hidden={c.mode.kind === 'host'}>
              lo 127.0.0.1
            </span>
            <span className="card-actions" data-tier="detail">
              {running ? (
                <button
                  type="button"
                  onClick={() => act(stop(c.name), t('card.stopped', { name: c.name }), 'stop')}
                >
                  {t('card.stop')}
                </button>
              ) : (
                <button
                  type="button"
                  onClick={() => act(start(c.name), t('card.started', { name: c.name }), 'start')}
                >
                  {t('card.start')}
                </button>
              )}
              <button
                type="button"
                className="danger"
                onClick={() => act(remove(c.name), t('card.removed', { name: c.name }), 'rm')}
              >
                {t('common.remove')}
              </button>
            </span>
          </div>
        </div>
      </foreignObject>
    );
  },
  // Re-render only what changed: a card pushed down by a new one moves with its parent's transform.
  (a, b) =>
    a.card.model.container === b.card.model.container &&
    a.card.box.w === b.card.box.w &&
    a.card.box.h === b.card.box.h &&
    a.active === b.active &&
    a.pickable === b.pickable &&
    a.onPick === b.onPick,
);
