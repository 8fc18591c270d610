// Neighbour (ARP) tables per namespace and each bridge's learned forwarding database.
import { useT } from '../../hooks/useT';
import { useAppStore } from '../../store/react';

export function NeighFdbPanel() {
  const neigh = useAppStore((s) => s.world.neigh);
  const fdb = useAppStore((s) => s.world.fdb);
  const t = useT();
  const nodes = Object.keys(neigh).sort();
  const bridges = Object.keys(fdb).sort();
  return (
    <div className="tables-panel" data-testid="tables-panel">
      <h3>{t('tables.arp')}</h3>
      {nodes.length === 0 && <p className="muted">{t('tables.noNeigh')}</p>}
      {nodes.map((n) => (
        <table key={n} className="kv">
          <caption>{n}</caption>
          <tbody>
            {(neigh[n] ?? []).map((e) => (
              <tr key={`${e.ip}/${e.dev}`}>
                <td>{e.ip}</td>
                <td>dev {e.dev}</td>
                <td className="mono">{e.mac}</td>
                <td className="muted">{e.state}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <h3>{t('tables.fdb')}</h3>
      {bridges.length === 0 && <p className="muted">{t('tables.noFdb')}</p>}
      {bridges.map((b) => (
        <table key={b} className="kv">
          <caption>{b}</caption>
          <tbody>
            {(fdb[b] ?? []).map((e) => (
              <tr key={e.mac}>
                <td className="mono">{e.mac}</td>
                <td>{t('tables.port', { port: e.port })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
