// The terminal beside the diagram: where you are, the transcript, and the prompt line.
import { useDeferredValue, useId, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useLang } from '../../hooks/useT';
import { useAppStore, useAppStoreRef } from '../../store/react';
import { selectTranscript } from '../../store/selectors';
import { CaptureStrip } from './CaptureStrip';
import { PromptLine } from './PromptLine';
import { toRows } from './rows';
import { fill, terminalStrings } from './strings';
import { TerminalLog } from './TerminalLog';
import { useTerminal } from './useTerminal';
import './terminal.css';

/** Characters across the log: its inner width over one monospace cell. */
function columnsOf(log: HTMLElement | null, probe: HTMLElement | null): number {
  const cell = probe ? probe.getBoundingClientRect().width / 10 : 0;
  if (!log || cell <= 0) return 80;
  const style = getComputedStyle(log);
  const inner = log.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return Math.max(20, Math.floor(inner / cell));
}

export function TerminalPanel() {
  // The header's language switch applies here at once (the UI store's lang, as every panel).
  const strings = terminalStrings(useLang());
  const term = useTerminal();
  // While a paste runs, the log renders at transition priority: React builds its rows in small
  // interruptible pieces instead of one block after each slice of commands. A typed line renders
  // at once, as before (the log follows it in the same frame).
  const latest = useAppStoreRef(selectTranscript);
  const latestOffset = useAppStore((s) => s.transcriptOffset);
  const deferred = useDeferredValue(latest);
  const deferredOffset = useDeferredValue(latestOffset);
  const transcript = term.pasting ? deferred : latest;
  const offset = term.pasting ? deferredOffset : latestOffset;
  const { rows, open } = useMemo(
    () => toRows(transcript, term.echoes, undefined, offset),
    [transcript, term.echoes, offset],
  );
  const [follow, setFollow] = useState(0);
  // The capture strip appearing or going shrinks or grows the log: follow the newest line then too.
  const capturing = useAppStore((s) => s.captures.length);
  const [large, setLarge] = useState(false);
  const logRef = useRef<HTMLDivElement | null>(null);
  const probeRef = useRef<HTMLSpanElement | null>(null);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const hintId = useId();
  const whereId = useId();
  const where = term.containerName
    ? fill(strings.whereContainer, { name: term.containerName })
    : strings.whereHost;

  // Clicking anywhere in the panel types into the prompt, unless the click ended a text selection
  // (copying from the transcript must keep working) or landed on a control.
  const focusInput = (e: MouseEvent<HTMLElement>) => {
    if (e.target instanceof Element && e.target.closest('button, a, input')) return;
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    inputRef.current?.focus({ preventScroll: true });
  };

  return (
    <section
      className={`term${term.inContainer ? ' term-in-container' : ''}${large ? ' term-large' : ''}`}
      data-testid="terminal-slot"
      data-terminal=""
      aria-label={strings.panel}
      onMouseUp={focusInput}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && large) setLarge(false);
      }}
    >
      <header className="term-bar">
        <h2 className="term-title">{strings.panel}</h2>
        <span
          className="term-where"
          id={whereId}
          data-testid="terminal-location"
          data-where={term.inContainer ? 'container' : 'host'}
          aria-label={fill(strings.whereLabel, { where })}
        >
          <span className="term-where-dot" aria-hidden="true" />
          {where}
        </span>
        <button
          type="button"
          className="ghost term-size"
          aria-pressed={large}
          onClick={() => {
            setLarge(!large);
            setFollow((n) => n + 1);
          }}
          title={large ? strings.dockTitle : strings.expandTitle}
          aria-label={strings.expand}
        >
          <span className="term-icon" aria-hidden="true">
            {large ? '⤡' : '⤢'}
          </span>
          <span className="term-btn-text">{strings.expand}</span>
        </button>
        <button
          type="button"
          className="ghost term-clear"
          onClick={() => {
            term.clearScreen();
            inputRef.current?.focus();
          }}
          title={strings.clearTitle}
          aria-label={strings.clear}
        >
          <span className="term-icon" aria-hidden="true">
            ⌫
          </span>
          <span className="term-btn-text">{strings.clear}</span>
        </button>
      </header>
      <TerminalLog
        rows={rows}
        strings={strings}
        follow={follow * 1000 + capturing}
        logRef={logRef}
      />
      <CaptureStrip strings={strings} />
      {term.pasting && (
        <p className="term-pasting" role="status" data-testid="terminal-pasting">
          {fill(strings.pasting, {
            done: term.pasting.done.toLocaleString(),
            total: term.pasting.total.toLocaleString(),
          })}
        </p>
      )}
      <PromptLine
        term={term}
        strings={strings}
        open={open}
        inputRef={inputRef}
        describedBy={`${whereId} ${hintId}`}
        columns={() => columnsOf(logRef.current, probeRef.current)}
        onRun={() => setFollow((n) => n + 1)}
      />
      <p className="sr-only" id={hintId}>
        {strings.hint}
      </p>
      <span className="term-probe" ref={probeRef} aria-hidden="true">
        0000000000
      </span>
    </section>
  );
}
