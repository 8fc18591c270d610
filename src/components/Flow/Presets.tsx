// One click sends a preset flow through the current lab.
import { useAppStore } from '../../store/react';
import { useUi } from '../../hooks/useUi';
import { PRESETS } from './presets';

export function Presets() {
  const sendFlow = useAppStore((s) => s.sendFlow);
  const current = useAppStore((s) => s.flow);
  const setDraft = useUi((s) => s.setDraft);
  return (
    <div className="presets" role="group" aria-label="Preset flows">
      {PRESETS.map((p) => (
        <button
          key={p.id}
          type="button"
          className={current === p.flow ? 'preset on' : 'preset'}
          title={p.hint}
          data-testid={`preset-${p.id}`}
          onClick={() => {
            setDraft({ picking: null });
            sendFlow(p.flow);
          }}
        >
          {p.label}
        </button>
      ))}
    </div>
  );
}
