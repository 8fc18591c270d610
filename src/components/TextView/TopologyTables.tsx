// The topology as tables: networks, containers with their interfaces and ports, the outside world.
import { useT } from '../../hooks/useT';
import { useAppStore } from '../../store/react';
import type { Container, World } from '../../sim';

function ports(c: Container): string {
  return c.bindings
    .map((b) => `${b.hostIp ?? '0.0.0.0'}:${b.hostPort}->${b.containerPort}/${b.proto}`)
    .join(', ');
}

function interfaces(world: World, c: Container, hostNs: string): string {
  if (c.mode.kind === 'host') return hostNs;
  if (c.mode.kind === 'none') return 'lo 127.0.0.1';
  return c.endpoints
    .map((ep) => {
      const net = world.networks.find((n) => n.id === ep.networkId);
      return `${ep.ifName} ${ep.ip}/${ep.prefix} ${ep.mac} ⇄ ${ep.hostVeth}@${net?.bridge?.device ?? '?'}`;
    })
    .join('; ');
}

export function TopologyTables() {
  const t = useT();
  const world = useAppStore((s) => s.world);
  return (
    <>
      <h3>{t('text.networks')}</h3>
      <table className="kv">
        <thead>
          <tr>
            <th scope="col">{t('text.name')}</th>
            <th scope="col">{t('text.driver')}</th>
            <th scope="col">{t('text.bridge')}</th>
            <th scope="col">{t('text.subnet')}</th>
          </tr>
        </thead>
        <tbody>
          {world.networks.map((n) => (
            <tr key={n.id}>
              <td>{n.name}</td>
              <td>{n.driver}</td>
              <td className="mono">{n.bridge ? `${n.bridge.device} ${n.bridge.gateway}` : ''}</td>
              <td className="mono">
                {n.bridge ? `${n.bridge.subnet.address}/${n.bridge.subnet.prefix}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('text.containers')}</h3>
      <table className="kv">
        <thead>
          <tr>
            <th scope="col">{t('text.name')}</th>
            <th scope="col">{t('text.state')}</th>
            <th scope="col">{t('text.interfaces')}</th>
            <th scope="col">{t('text.ports')}</th>
          </tr>
        </thead>
        <tbody>
          {world.containers.map((c) => (
            <tr key={c.id}>
              <td>{`${c.name} (${c.image})`}</td>
              <td>{c.state}</td>
              <td className="mono">{interfaces(world, c, t('text.hostNs'))}</td>
              <td className="mono">{ports(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('text.outside')}</h3>
      <table className="kv">
        <tbody>
          <tr>
            <td>docker-host eth0</td>
            <td className="mono">{`${world.host.eth0.ip}/${world.host.eth0.prefix} via ${world.host.gateway}`}</td>
          </tr>
          <tr>
            <td>router</td>
            <td className="mono">{world.router.ip}</td>
          </tr>
          {world.remotes.map((r) => (
            <tr key={r.name}>
              <td>{r.name}</td>
              <td className="mono">{r.ip}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
