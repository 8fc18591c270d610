// One click sends a preset flow through the current lab.
import { useAppStore } from '../../store/react';
import { useT } from '../../hooks/useT';
import { hasMessage } from '../../i18n';
import type { UiKey } from '../../i18n';
import { PRESETS } from './presets';

export function Presets() {
  const sendFlow = useAppStore((s) => s.sendFlow);
  const current = useAppStore((s) => s.flow);
  const setDraft = useAppStore((s) => s.setDraft);
  const t = useT();
  // preset.<id> is the hint and presetLabel.<id> a label that has words in it; names stay as they are.
  const say = (key: string, fallback: string) => (hasMessage(key) ? t(key as UiKey) : fallback);
  return (
    <div className="presets" role="group" aria-label={t('presets.label')}>
      {PRESETS.map((p) => (
        <button
          key={p.id}
          type="button"
          className={current === p.flow ? 'preset on' : 'preset'}
          title={say(`preset.${p.id}`, p.hint)}
          data-testid={`preset-${p.id}`}
          onClick={() => {
            setDraft({ picking: null });
            sendFlow(p.flow);
          }}
        >
          {say(`presetLabel.${p.id}`, p.label)}
        </button>
      ))}
    </div>
  );
}
