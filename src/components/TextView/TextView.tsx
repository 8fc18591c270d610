// The lab as text: the topology and every hop of the current flow in tables, for screen readers,
// for copying into notes, and for anyone who prefers reading to watching.
import { useLang, useT } from '../../hooks/useT';
import { placeName } from '../../i18n/narrate';
import { selectTimeline } from '../../store/selectors';
import { useAppStore, useAppStoreRef } from '../../store/react';
import type { Frame } from '../../sim';
import { hopLabel } from '../Diagram/packetText';
import { TopologyTables } from './TopologyTables';

function endpoint(f: Frame, side: 'src' | 'dst'): string {
  if (f.arp) return side === 'src' ? f.arp.senderIp : f.arp.targetIp;
  const ip = f.ip?.[side] ?? '';
  const port = side === 'src' ? (f.tcp?.sport ?? f.udp?.sport) : (f.tcp?.dport ?? f.udp?.dport);
  return port === undefined ? ip : `${ip}:${port}`;
}

function what(f: Frame): string {
  if (f.arp) return `ARP ${f.arp.op}`;
  if (f.tcp) return `TCP [${f.tcp.flags.join(',')}]`;
  if (f.udp) return 'UDP';
  if (f.icmp) return `ICMP type ${f.icmp.type}`;
  return '';
}

export function TextView() {
  const t = useT();
  const lang = useLang();
  const timeline = useAppStoreRef(selectTimeline);
  const cursor = useAppStore((s) => s.cursor);
  return (
    <div className="text-view" data-testid="text-view">
      <TopologyTables />
      <h3>{t('text.trace')}</h3>
      {timeline.length === 0 ? (
        <p className="muted">{t('text.noTrace')}</p>
      ) : (
        <table className="kv text-trace">
          <caption className="sr-only">{t('text.trace')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('text.packet')}</th>
              <th scope="col">{t('text.where')}</th>
              <th scope="col">{t('text.event')}</th>
              <th scope="col">{t('text.addresses')}</th>
              <th scope="col">TTL</th>
              <th scope="col">{t('text.why')}</th>
            </tr>
          </thead>
          <tbody>
            {timeline.map((e) => (
              <tr key={e.index} aria-current={e.index === cursor ? 'step' : undefined}>
                <td>{e.index + 1}</td>
                <td>{hopLabel(e.packet.label, e.hop.frame, t)}</td>
                <td className="mono">
                  {placeName(e.hop.node, lang)}
                  {e.hop.iface ? ` ${e.hop.iface}` : ''}
                </td>
                <td>{e.hop.event}</td>
                <td className="mono">
                  {`${endpoint(e.hop.frame, 'src')} → ${endpoint(e.hop.frame, 'dst')} ${what(e.hop.frame)}`}
                </td>
                <td>{e.hop.frame.ip?.ttl ?? ''}</td>
                <td>{t.why(e.hop.why, e.hop.node)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
