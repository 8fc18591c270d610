// The Share menu's Recent labs: every lab this browser kept (autosaves, labs put aside by a link, a
// file or another lab, labs it could not open), newest first, each one click from the screen.
import { useLang, useT } from '../../hooks/useT';
import type { Lang } from '../../i18n/locale';
import { readHistory, type KeptLab } from '../../store/history';
import { useAppStoreApi, useAppStoreRef } from '../../store/react';
import { browserStorage } from '../../store/storage';
import { keeping } from './keeper';
import { downloadKept, openKept } from './restore';

const when = (at: number, lang: Lang) =>
  new Date(at).toLocaleString(lang, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

export function RecentLabs(props: { onStatus: (text: string) => void }) {
  const app = useAppStoreApi();
  const t = useT();
  const lang = useLang();
  // Read again whenever the history changed, here or in another tab.
  useAppStoreRef((s) => s.recentSeq);
  const storage = browserStorage();
  const active = keeping() !== null;
  const list: readonly KeptLab[] = storage && active ? readHistory(storage) : [];

  const open = async (e: KeptLab) => {
    if (await openKept(app, e.id))
      props.onStatus(t('share.recentOpened', { time: when(e.at, lang) }));
  };

  return (
    <div className="share-row">
      <span className="share-label">{t('share.recent')}</span>
      {list.length === 0 ? (
        <span className="share-status" data-testid="recent-empty">
          {t(active ? 'share.recentEmpty' : 'share.recentOff')}
        </span>
      ) : (
        <ul className="share-recent" data-testid="recent-labs">
          {list.map((e) => (
            <li key={e.id} data-testid="recent-lab" data-origin={e.origin}>
              <span className="share-recent-what">
                {when(e.at, lang)} ·{' '}
                {e.containers === null
                  ? t('share.recentUnreadable')
                  : e.containers === 1
                    ? t('share.recentContainer')
                    : t('share.recentContainers', { n: e.containers })}
                <small>{t(`share.origin.${e.origin}`, { reason: e.reason ?? '' })}</small>
              </span>
              {e.containers !== null && (
                <button type="button" onClick={() => void open(e)} data-testid="recent-open">
                  {t('share.recentOpen')}
                </button>
              )}
              <button
                type="button"
                onClick={() => downloadKept(app, e.id)}
                data-testid="recent-download"
              >
                {t('share.recentDownload')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
