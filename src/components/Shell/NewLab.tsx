// The header's "New lab": a fresh host (as `lab reset`) and an empty terminal, with an Undo in the
// status line that brings the previous lab back, terminal and flow included.
import { useT } from '../../hooks/useT';
import { newLab, restoreLab } from '../../store/new-lab';
import { useAppStore, useAppStoreApi } from '../../store/react';

export function NewLab() {
  const t = useT();
  const store = useAppStoreApi();
  const setNotice = useAppStore((s) => s.setNotice);
  const setLaunched = useAppStore((s) => s.setLaunched);
  const start = () => {
    const previous = newLab(store);
    setLaunched(null);
    setNotice({
      kind: 'info',
      text: t('header.newLabDone'),
      action: {
        label: t('header.undo'),
        run: () => {
          restoreLab(store, previous);
          setNotice({ kind: 'info', text: t('header.newLabUndone') });
        },
      },
    });
  };
  return (
    <button type="button" onClick={start} data-testid="new-lab">
      {t('header.newLab')}
    </button>
  );
}
