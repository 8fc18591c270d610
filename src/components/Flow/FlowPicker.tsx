// Build a flow by clicking: source, target, protocol and port; then send it.
import { useState, type FormEvent } from 'react';
import { parseIPv4, type FlowKind, type FlowSource } from '../../sim';
import { useAppStore } from '../../store/react';
import { useT, type Translate } from '../../hooks/useT';
import { withShownWait } from '../../scenarios';

const KINDS: readonly FlowKind[] = ['http', 'tcp', 'udp', 'ping'];

/** Nothing picked yet: the hint, in the interface's type (a node's name is in the mono one). */
const Unpicked = ({ t }: { t: Translate }) => (
  <span className="pick-empty">{t('flow.clickToPick')}</span>
);

const sourceText = (s: FlowSource | null, t: Translate) =>
  s === null ? <Unpicked t={t} /> : s.kind === 'host' ? t('flow.host') : s.name;

export function FlowPicker() {
  const draft = useAppStore((s) => s.draft);
  const setDraft = useAppStore((s) => s.setDraft);
  const t = useT();
  const sendFlow = useAppStore((s) => s.sendFlow);
  // The lab's own message is kept as its key, so it follows a language switch; the parser's as printed.
  const [error, setError] = useState<{ key: 'flow.pickSourceFirst' } | { text: string } | null>(
    null,
  );
  const [toText, setToText] = useState<string | null>(null);
  const shownTo = toText ?? draft.to ?? '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.from) return setError({ key: 'flow.pickSourceFirst' });
    const to = parseIPv4(shownTo.trim());
    if (!to.ok) return setError({ text: to.error });
    setError(null);
    setToText(null);
    setDraft({ to: to.value, picking: null });
    sendFlow(
      withShownWait({
        from: draft.from,
        to: to.value,
        kind: draft.kind,
        ...(draft.kind === 'ping' ? { count: 1 } : { port: draft.port }),
      }),
    );
  };

  return (
    <form className="flow-picker" onSubmit={submit} aria-label={t('flow.form')}>
      <div className="pick-row">
        <button
          type="button"
          className={`pick${draft.picking === 'from' ? ' on' : ''}`}
          onClick={() => setDraft({ picking: draft.picking === 'from' ? null : 'from' })}
          data-testid="pick-source"
        >
          <span className="pick-label">{t('flow.from')}</span> {sourceText(draft.from, t)}
        </button>
        <span aria-hidden className="pick-arrow">
          →
        </span>
        <button
          type="button"
          className={`pick${draft.picking === 'to' ? ' on' : ''}`}
          onClick={() => {
            setToText(null);
            setDraft({ picking: draft.picking === 'to' ? null : 'to' });
          }}
          data-testid="pick-target"
        >
          <span className="pick-label">{t('flow.to')}</span> {draft.toLabel ?? <Unpicked t={t} />}
        </button>
      </div>
      <div className="flow-row">
        <label>
          <span>{t('flow.address')}</span>
          <input
            value={shownTo}
            onChange={(e) => setToText(e.target.value)}
            placeholder="198.51.100.7"
            spellCheck={false}
            aria-label={t('flow.targetAddress')}
          />
        </label>
        <label>
          <span>{t('flow.protocol')}</span>
          <select
            value={draft.kind}
            onChange={(e) => setDraft({ kind: e.target.value as FlowKind })}
            aria-label={t('flow.protocolLabel')}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('flow.port')}</span>
          <input
            type="number"
            min={1}
            max={65535}
            value={draft.port}
            disabled={draft.kind === 'ping'}
            onChange={(e) => setDraft({ port: Number(e.target.value) })}
            aria-label={t('flow.portLabel')}
          />
        </label>
        <button type="submit" className="primary">
          {t('flow.send')}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {'key' in error ? t(error.key) : error.text}
        </p>
      )}
    </form>
  );
}
