// The prompt line's key handling as a pure reducer: editing state in, new state and effects out.
import type { Completion } from '../../terminal/complete';
import { historyAt } from '../../terminal/history';

export interface LineState {
  readonly line: string;
  readonly cursor: number;
  /** -1 while editing a fresh line; 0 is the newest history entry, 1 the one before, … */
  readonly historyIndex: number;
  /** The fresh line, kept while ↑/↓ show history, and given back when ↓ walks past the newest. */
  readonly draft: string;
  /** The last key was a Tab that left several candidates: another Tab lists them, as bash does. */
  readonly tabArmed: boolean;
}

export const EMPTY_LINE: LineState = {
  line: '',
  cursor: 0,
  historyIndex: -1,
  draft: '',
  tabArmed: false,
};

export type TermKey =
  | 'Enter'
  | 'ArrowUp'
  | 'ArrowDown'
  | 'Tab'
  | 'Ctrl-C'
  | 'Ctrl-D'
  | 'Ctrl-L'
  | 'Ctrl-U'
  | 'Ctrl-K'
  | 'Ctrl-A'
  | 'Ctrl-E';

export type LineInput =
  | { readonly type: 'edit'; readonly line: string; readonly cursor: number }
  | { readonly type: 'key'; readonly key: TermKey; readonly cursor: number };

export type Effect =
  /** Run the line (Enter): the store prints the prompt, the command and its output. */
  | { readonly type: 'run'; readonly line: string }
  /** Abandon the line (Ctrl-C): echo it with `^C`, as bash does, and run nothing. */
  | { readonly type: 'interrupt'; readonly line: string }
  /** Second Tab: echo the line and list the candidates under it. */
  | { readonly type: 'list'; readonly line: string; readonly candidates: readonly string[] }
  | { readonly type: 'clear-screen' };

export interface KeyContext {
  readonly history: readonly string[];
  readonly complete: (line: string, cursor: number) => Completion;
  /** Ctrl-D on an empty line leaves a container's shell; bash on the host would close the tab. */
  readonly inContainer: boolean;
}

export interface Reduced {
  readonly state: LineState;
  readonly effects: readonly Effect[];
}

const none = (state: LineState): Reduced => ({ state, effects: [] });
const fresh = (effects: readonly Effect[]): Reduced => ({ state: EMPTY_LINE, effects });

function walkHistory(s: LineState, ctx: KeyContext, step: 1 | -1): Reduced {
  const index = s.historyIndex + step;
  if (index < -1 || index >= ctx.history.length) return none({ ...s, tabArmed: false });
  const draft = s.historyIndex === -1 ? s.line : s.draft;
  const line = index === -1 ? draft : (historyAt(ctx.history, index) ?? '');
  return none({ line, cursor: line.length, historyIndex: index, draft, tabArmed: false });
}

function tab(s: LineState, cursor: number, ctx: KeyContext): Reduced {
  const c = ctx.complete(s.line, cursor);
  const several = c.candidates.length > 1;
  if (c.line !== s.line) {
    return none({ ...s, line: c.line, cursor: c.cursor, tabArmed: several });
  }
  // The word is already the one candidate: bash still adds the space that ends it.
  const word = /\S*$/.exec(s.line.slice(0, cursor))?.[0] ?? '';
  if (
    c.candidates.length === 1 &&
    c.candidates[0] === word &&
    word !== '' &&
    s.line[cursor] !== ' '
  ) {
    const line = `${s.line.slice(0, cursor)} ${s.line.slice(cursor)}`;
    return none({ ...s, line, cursor: cursor + 1, tabArmed: false });
  }
  if (several && s.tabArmed) {
    return {
      state: { ...s, cursor },
      effects: [{ type: 'list', line: s.line, candidates: c.candidates }],
    };
  }
  return none({ ...s, cursor, tabArmed: several });
}

export function reduceLine(s: LineState, input: LineInput, ctx: KeyContext): Reduced {
  if (input.type === 'edit') {
    return none({ ...s, line: input.line, cursor: input.cursor, tabArmed: false });
  }
  const at = { ...s, cursor: input.cursor, tabArmed: false };
  switch (input.key) {
    case 'Enter':
      return fresh([{ type: 'run', line: s.line }]);
    case 'ArrowUp':
      return walkHistory(at, ctx, 1);
    case 'ArrowDown':
      return walkHistory(at, ctx, -1);
    case 'Tab':
      return tab(s, input.cursor, ctx);
    case 'Ctrl-C':
      return fresh([{ type: 'interrupt', line: s.line }]);
    case 'Ctrl-D':
      return s.line === '' && ctx.inContainer ? fresh([{ type: 'run', line: 'exit' }]) : none(at);
    case 'Ctrl-L':
      return { state: at, effects: [{ type: 'clear-screen' }] };
    case 'Ctrl-U':
      return none({ ...at, line: s.line.slice(input.cursor), cursor: 0 });
    case 'Ctrl-K':
      return none({ ...at, line: s.line.slice(0, input.cursor) });
    case 'Ctrl-A':
      return none({ ...at, cursor: 0 });
    case 'Ctrl-E':
      return none({ ...at, cursor: s.line.length });
  }
}

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}

const CTRL: { readonly [letter: string]: TermKey } = {
  c: 'Ctrl-C',
  d: 'Ctrl-D',
  l: 'Ctrl-L',
  u: 'Ctrl-U',
  k: 'Ctrl-K',
  a: 'Ctrl-A',
  e: 'Ctrl-E',
};

/**
 * The terminal's keys; null leaves the key to the browser. Ctrl-C copies while text is selected
 * (the browser's meaning wins), Shift-Tab still moves focus out of the panel, and so does Tab on an
 * empty line: there is nothing to complete yet, and a keyboard user must be able to get past the
 * terminal to the flow form and the panels (Esc leaves it too, whatever the line holds).
 */
export function keyOf(e: KeyLike, hasSelection: boolean, lineEmpty = false): TermKey | null {
  if (e.altKey || e.metaKey) return null;
  if (e.ctrlKey) {
    if (e.shiftKey) return null;
    const k = CTRL[e.key.toLowerCase()] ?? null;
    return k === 'Ctrl-C' && hasSelection ? null : k;
  }
  switch (e.key) {
    case 'Enter':
    case 'ArrowUp':
    case 'ArrowDown':
      return e.shiftKey ? null : e.key;
    case 'Tab':
      return e.shiftKey || lineEmpty ? null : 'Tab';
    default:
      return null;
  }
}
