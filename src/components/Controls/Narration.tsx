// One sentence for the current hop, from the engine's why.key in the chosen language.
import { translate } from '../../i18n';
import { useAppStore } from '../../store/react';
import { selectCurrentEntry } from '../../store/selectors';

export function Narration() {
  const entry = useAppStore(selectCurrentEntry);
  const result = useAppStore((s) => s.result);
  const flow = useAppStore((s) => s.flow);
  if (!entry) {
    return (
      <p className="narration empty" data-testid="narration">
        {flow && result
          ? `The flow produced no packets (${result.kind}).`
          : 'Pick a preset flow, or choose a source and a target, then press Send.'}
      </p>
    );
  }
  const { hop, packet } = entry;
  return (
    <p className={`narration${hop.event === 'drop' ? ' drop' : ''}`} data-testid="narration" aria-live="polite">
      <span className="narration-tag">{packet.label}</span>
      {translate(hop.why.key, hop.why.params)}
    </p>
  );
}
