// One sentence for the current hop, from the engine's why.key in the chosen language.
import { useT } from '../../hooks/useT';
import { useAppStore } from '../../store/react';
import { selectCurrentEntry } from '../../store/selectors';

export function Narration() {
  const entry = useAppStore(selectCurrentEntry);
  const result = useAppStore((s) => s.result);
  const flow = useAppStore((s) => s.flow);
  const t = useT();
  if (!entry) {
    return (
      <p className="narration empty" data-testid="narration">
        {flow && result ? t('narration.noPackets', { result: result.kind }) : t('narration.empty')}
      </p>
    );
  }
  const { hop, packet } = entry;
  return (
    <p
      className={`narration${hop.event === 'drop' ? ' drop' : ''}`}
      data-testid="narration"
      aria-live="polite"
    >
      <span className="narration-tag">{packet.label}</span>
      {t.why(hop.why, hop.node)}
    </p>
  );
}
