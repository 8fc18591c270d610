// conntrack -L, as of the current hop: orig and reply tuples, state, timeout; this hop's entry lit.
import { useT } from '../../hooks/useT';
import { useAppStore, useAppStoreRef } from '../../store/react';
import { selectCurrentEntry, selectTimeline } from '../../store/selectors';
import { conntrackAt, isNatted, tupleText } from './atCursor';

export function ConntrackPanel() {
  const final = useAppStoreRef((s) => s.world.conntrack);
  const clock = useAppStore((s) => s.world.clock);
  const timeline = useAppStoreRef(selectTimeline);
  const cursor = useAppStore((s) => s.cursor);
  const current = useAppStore(selectCurrentEntry);
  const t = useT();
  const entries = conntrackAt(final, timeline, cursor);
  const hot = current?.hop.ct ?? null;
  const reply = current?.packet.direction === 'reply';
  if (entries.length === 0) return <p className="muted">{t('conntrack.empty')}</p>;
  return (
    <ul className="ct-list" data-testid="conntrack-list">
      {entries.map((e) => {
        const isHot = hot?.entry.id === e.id;
        const deNat = isHot && reply && isNatted(e);
        return (
          <li key={e.id} className={isHot ? 'hot' : ''} data-testid={`ct-${e.id}`}>
            <div className="ct-head">
              <span className="ct-proto">{e.proto}</span>
              <span className="ct-timeout">{Math.max(0, Math.round(e.expires - clock))}s</span>
              {e.tcpState && <span className="ct-state">{e.tcpState}</span>}
              {e.assured && <span className="ct-flag">[ASSURED]</span>}
              {!e.seenReply && <span className="ct-flag">[UNREPLIED]</span>}
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
