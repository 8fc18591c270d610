// conntrack -L, as of the current hop (selectSeen): orig and reply tuples, state, timeout; the
// entry this hop created or used lit. A new entry is not in the table until its first packet
// leaves POSTROUTING (the kernel confirms it there): until then it shows apart, as unconfirmed.
import type { ConntrackEntry } from '../../sim';
import { useT } from '../../hooks/useT';
import { useAppStore, useAppStoreRef } from '../../store/react';
import { selectCurrentEntry, selectSeen } from '../../store/selectors';
import { isNatted, tupleText } from './tuple';

export function ConntrackPanel() {
  const table = useAppStoreRef((s) => selectSeen(s).conntrack);
  const clock = useAppStore((s) => s.world.clock);
  const current = useAppStore(selectCurrentEntry);
  const t = useT();
  const hot = current?.hop.ct ?? null;
  const reply = current?.packet.direction === 'reply';
  // The hop's own entry, when the table does not hold it (yet, or any more: a RST deleted it).
  const apart = hot && !table.some((e) => e.id === hot.entry.id) ? hot.entry : null;
  const entries: readonly ConntrackEntry[] = apart
    ? [...table, apart].sort((a, b) => a.id - b.id)
    : table;
  if (entries.length === 0) return <p className="muted">{t('conntrack.empty')}</p>;
  return (
    <ul className="ct-list" data-testid="conntrack-list">
      {entries.map((e) => {
        const isHot = hot?.entry.id === e.id;
        const deNat = isHot && reply && isNatted(e);
        return (
          <li
            key={e.id}
            className={isHot ? 'hot' : ''}
            data-testid={`ct-${e.id}`}
            aria-current={isHot ? 'true' : undefined}
          >
            <div className="ct-head">
              <span className="ct-proto">{e.proto}</span>
              <span className="ct-timeout">{Math.max(0, Math.round(e.expires - clock))}s</span>
              {e.tcpState && <span className="ct-state">{e.tcpState}</span>}
              {e.assured && <span className="ct-flag">[ASSURED]</span>}
              {!e.seenReply && <span className="ct-flag">[UNREPLIED]</span>}
              {e === apart && !hot?.deleted && (
                <span className="ct-flag" title={t('conntrack.unconfirmedTitle')}>
                  {t('conntrack.unconfirmed')}
                </span>
              )}
              {isNatted(e) && <span className="ct-flag nat">NAT</span>}
              {isHot && (
                <span className="ct-flag hotflag">
                  {deNat
                    ? t('conntrack.deNat')
                    : hot.created
                      ? t('conntrack.createdNow')
                      : hot.state}
                </span>
              )}
            </div>
            <div className="ct-tuple">
              <span className="ct-dir">{t('conntrack.orig')}</span> {tupleText(e.orig)}
            </div>
            <div className="ct-tuple">
              <span className="ct-dir">{t('conntrack.reply')}</span> {tupleText(e.reply)}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
