// The prompt and the one-line input after it: a real <input>, so keyboards, screen readers,
// IMEs and the clipboard work as everywhere else; the reducer in keymap.ts gives it bash's keys.
import {
  useLayoutEffect,
  useRef,
  useState,
  type ChangeEvent,
  type ClipboardEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { EMPTY_LINE, keyOf, reduceLine, type Effect, type LineInput } from './keymap';
import { splitPaste } from './paste';
import type { Segment } from './rows';
import type { TerminalStrings } from './strings';
import type { TerminalActions } from './useTerminal';

export interface PromptLineProps {
  readonly term: TerminalActions;
  readonly strings: TerminalStrings;
  /** Output without a final newline, which the prompt follows on the same line. */
  readonly open: readonly Segment[];
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly describedBy: string;
  /** How many characters fit across the log, for listing completions in columns. */
  readonly columns: () => number;
  /** Called after each command so the log follows its output. */
  readonly onRun: () => void;
}

export function PromptLine(props: PromptLineProps) {
  const { term, strings, inputRef } = props;
  const [state, setState] = useState(EMPTY_LINE);

  // Put the caret where the reducer says (history, completion, Ctrl-A/E), not at the end.
  useLayoutEffect(() => {
    const el = inputRef.current;
    if (el && document.activeElement === el && el.selectionStart !== state.cursor) {
      el.setSelectionRange(state.cursor, state.cursor);
    }
  }, [state, inputRef]);

  const perform = (effects: readonly Effect[]) => {
    for (const e of effects) {
      switch (e.type) {
        case 'run':
          term.run(e.line);
          props.onRun();
          break;
        case 'interrupt':
          term.interrupt(e.line);
          props.onRun();
          break;
        case 'list':
          term.list(e.line, e.candidates, props.columns());
          props.onRun();
          break;
        case 'clear-screen':
          term.clearScreen();
          break;
      }
    }
  };

  const dispatch = (input: LineInput) => {
    // An early Tab (the commands still on their way): complete once they are here, if the line is
    // still the one Tab was pressed on.
    if (input.type === 'key' && input.key === 'Tab' && !term.shellReady()) {
      const line = state.line;
      void term.loadShell().then(
        () => {
          if (latest.current.line === line) latest.current.dispatch(input);
        },
        () => undefined,
      );
      return;
    }
    const r = reduceLine(state, input, {
      history: term.history,
      complete: term.complete,
      inContainer: term.inContainer,
    });
    setState(r.state);
    perform(r.effects);
  };

  const latest = useRef({ line: state.line, dispatch });
  useLayoutEffect(() => {
    latest.current = { line: state.line, dispatch };
  });

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    const el = e.currentTarget;
    // Esc hands the keyboard back to the page: the next Tab goes on from here.
    if (e.key === 'Escape') return el.blur();
    const start = el.selectionStart ?? state.line.length;
    const key = keyOf(e, start !== (el.selectionEnd ?? start), state.line === '');
    if (key === null) return;
    e.preventDefault();
    dispatch({ type: 'key', key, cursor: start });
  };

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const el = e.currentTarget;
    dispatch({ type: 'edit', line: el.value, cursor: el.selectionStart ?? el.value.length });
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\r\n]/.test(text)) return; // one line: the input pastes it by itself
    e.preventDefault();
    const el = e.currentTarget;
    const start = el.selectionStart ?? state.line.length;
    const p = splitPaste(state.line, start, text, el.selectionEnd ?? start);
    term.runLines(p.run);
    props.onRun();
    setState({ ...EMPTY_LINE, line: p.line, cursor: p.cursor });
  };

  return (
    <div className="term-input-row">
      {/* Output without a final newline comes first and wraps on its own, so however long it
          is the prompt and the input keep their width (they move to the next line). */}
      <span className="term-prompt-wrap" aria-hidden="true" data-testid="terminal-prompt">
        {props.open.length > 0 && (
          <span className="term-open" data-testid="terminal-open">
            {props.open.map((s, i) => (
              <span key={i} className={`seg-${s.kind}`}>
                {s.text}
              </span>
            ))}
          </span>
        )}
        <span className="term-prompt">{term.prompt}</span>
      </span>
      <input
        ref={inputRef}
        className="term-input"
        type="text"
        value={state.line}
        onChange={onChange}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        // Whoever comes to type will want the commands: fetch them now if the idle prefetch has not.
        onFocus={() => void term.loadShell().catch(() => undefined)}
        aria-label={strings.input}
        aria-describedby={props.describedBy}
        placeholder={strings.placeholder}
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        enterKeyHint="send"
        data-testid="terminal-input"
      />
    </div>
  );
}
