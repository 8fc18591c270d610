// One sentence for the current hop, from the engine's why.key in the chosen language, after the
// packet and the chapter of the story it is in (sim/moments.ts).
import { useT } from '../../hooks/useT';
import { useAppStore } from '../../store/react';
import { selectChapters, selectCurrentEntry } from '../../store/selectors';
import { hopLabel } from '../Diagram/packetText';

export function Narration() {
  const entry = useAppStore(selectCurrentEntry);
  const result = useAppStore((s) => s.result);
  const flow = useAppStore((s) => s.flow);
  const chapter = useAppStore((s) => selectChapters(s)[s.cursor]);
  // A lesson's question is waiting: this hop's sentence would answer it.
  const veiled = useAppStore((s) => s.lessonGate !== null && s.cursor >= s.lessonGate);
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
      <span className="narration-tag">{hopLabel(packet.label, hop.frame, t)}</span>
      {chapter && (
        <span className="narration-tag chapter" data-testid="narration-chapter">
          {t(`chapter.${chapter}`)}
        </span>
      )}
      {veiled ? (
        <span className="narration-veiled" data-testid="narration-veiled">
          {t('narration.veiled')}
        </span>
      ) : (
        t.why(hop.why, hop.node)
      )}
    </p>
  );
}
