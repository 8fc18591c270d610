// Neighbour (ARP) tables per namespace and each bridge's learned forwarding database, as the
// current hop saw them (selectSeen): the same moment as the netfilter and conntrack panels.
import { isValid, neighAt, neighTimer, type NeighEntry } from '../../sim';
import { useT } from '../../hooks/useT';
import { useAppStore } from '../../store/react';
import { selectSeen } from '../../store/selectors';

/**
 * One entry as `ip neigh` prints it in the state its timers have reached (no lladdr for an address
 * never resolved), then the seconds to its next change; a narrow panel wraps it between fields.
 */
function NeighRows({ entry, clock }: { entry: NeighEntry; clock: number }) {
  const t = useT();
  const e = neighAt(entry, clock);
  const mac = isValid(e.state) ? e.mac : null;
  const left = neighTimer(entry, clock);
  return (
    <li>
      <span>{e.ip}</span> <span>dev {e.dev}</span>{' '}
      {mac ? <span>lladdr {mac}</span> : <span className="sr-only">{t('tables.noMac')}</span>}{' '}
      <span className="muted" title={t(`tables.nud.${e.state}`)}>
        {e.state}
        {left !== null && <span aria-label={t('tables.nextIn', { n: left })}> · {left}s</span>}
      </span>
    </li>
  );
}

export function NeighFdbPanel() {
  const neigh = useAppStore((s) => selectSeen(s).neigh);
  const fdb = useAppStore((s) => selectSeen(s).fdb);
  const clock = useAppStore((s) => s.world.clock);
  const t = useT();
  const nodes = Object.keys(neigh).sort();
  const bridges = Object.keys(fdb).sort();
  return (
    <div className="tables-panel" data-testid="tables-panel">
      <h3>{t('tables.arp')}</h3>
      {nodes.length === 0 && <p className="muted">{t('tables.noNeigh')}</p>}
      {nodes.map((n) => (
        <section key={n} className="neigh" aria-label={n}>
          <h4>{n}</h4>
          <ul>
            {(neigh[n] ?? []).map((e) => (
              <NeighRows key={`${e.ip}/${e.dev}`} entry={e} clock={clock} />
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
