// Build a flow by clicking: source, target, protocol and port; then send it.
import { useState, type FormEvent } from 'react';
import { parseIPv4, type FlowKind, type FlowSource } from '../../sim';
import { useAppStore } from '../../store/react';
import { useUi } from '../../hooks/useUi';

const KINDS: readonly FlowKind[] = ['http', 'tcp', 'udp', 'ping'];

const sourceText = (s: FlowSource | null): string =>
  s === null ? 'click to pick' : s.kind === 'host' ? 'host' : s.name;

export function FlowPicker() {
  const draft = useUi((s) => s.draft);
  const setDraft = useUi((s) => s.setDraft);
  const sendFlow = useAppStore((s) => s.sendFlow);
  const [error, setError] = useState<string | null>(null);
  const [toText, setToText] = useState<string | null>(null);
  const shownTo = toText ?? draft.to ?? '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.from) return setError('Pick a source first.');
    const to = parseIPv4(shownTo.trim());
    if (!to.ok) return setError(to.error);
    setError(null);
    setToText(null);
    setDraft({ to: to.value, picking: null });
    sendFlow({
      from: draft.from,
      to: to.value,
      kind: draft.kind,
      ...(draft.kind === 'ping' ? { count: 1 } : { port: draft.port }),
    });
  };

  return (
    <form className="flow-picker" onSubmit={submit} aria-label="Send a flow">
      <div className="pick-row">
        <button
          type="button"
          className={`pick${draft.picking === 'from' ? ' on' : ''}`}
          onClick={() => setDraft({ picking: draft.picking === 'from' ? null : 'from' })}
          data-testid="pick-source"
        >
          <span className="pick-label">from</span> {sourceText(draft.from)}
        </button>
        <span aria-hidden className="pick-arrow">→</span>
        <button
          type="button"
          className={`pick${draft.picking === 'to' ? ' on' : ''}`}
          onClick={() => {
            setToText(null);
            setDraft({ picking: draft.picking === 'to' ? null : 'to' });
          }}
          data-testid="pick-target"
        >
          <span className="pick-label">to</span> {draft.toLabel ?? 'click to pick'}
        </button>
      </div>
      <div className="flow-row">
        <label>
          <span>address</span>
          <input
            value={shownTo}
            onChange={(e) => setToText(e.target.value)}
            placeholder="198.51.100.7"
            spellCheck={false}
            aria-label="Target address"
          />
        </label>
        <label>
          <span>protocol</span>
          <select value={draft.kind} onChange={(e) => setDraft({ kind: e.target.value as FlowKind })} aria-label="Protocol">
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>port</span>
          <input
            type="number"
            min={1}
            max={65535}
            value={draft.port}
            disabled={draft.kind === 'ping'}
            onChange={(e) => setDraft({ port: Number(e.target.value) })}
            aria-label="Port"
          />
        </label>
        <button type="submit" className="primary">
          Send
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
