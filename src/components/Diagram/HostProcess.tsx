// What a --network host container's card shows instead of its own stack: it has none. It is a
// process in the host's network namespace and sees the host's interfaces: eth0, each bridge, the
// host ends of the veth pairs, lo. No badge, no cable: it has no interface of its own.
import { useAppStore } from '../../store/react';
import { useT } from '../../hooks/useT';

export function HostProcess() {
  const host = useAppStore((s) => s.world.host);
  const networks = useAppStore((s) => s.world.networks);
  const veths = useAppStore((s) => s.world.containers.reduce((n, c) => n + c.endpoints.length, 0));
  const t = useT();
  const bridges = networks.flatMap((n) => (n.bridge ? [n.bridge] : []));
  return (
    <div className="host-process" data-testid="host-process">
      <div className="card-meta" data-tier="detail">
        {t('card.hostProcess')}
      </div>
      <ul className="host-ifaces" data-tier="addr" aria-label={t('card.hostIfaces')}>
        <li>
          <span className="if-name">eth0</span> {host.eth0.ip}/{host.eth0.prefix}
        </li>
        {bridges.map((b) => (
          <li key={b.device}>
            <span className="if-name">{b.device}</span> {b.gateway}
          </li>
        ))}
        {veths > 0 && (
          <li>
            <span className="if-name">veth…</span> ×{veths}
          </li>
        )}
        <li>
          <span className="if-name">lo</span> 127.0.0.1
        </li>
      </ul>
    </div>
  );
}
