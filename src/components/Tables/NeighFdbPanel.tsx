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
      {/* Each entry as `ip neigh` prints it; a narrow panel wraps it between fields, not inside one. */}
      {nodes.map((n) => (
        <section key={n} className="neigh" aria-label={n}>
          <h4>{n}</h4>
          <ul>
            {(neigh[n] ?? []).map((e) => (
              <li key={`${e.ip}/${e.dev}`}>
                <span>{e.ip}</span> <span>dev {e.dev}</span> <span>lladdr {e.mac}</span>{' '}
                <span className="muted">{e.state}</span>
              </li>
            ))}
          </ul>
        </section>
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
