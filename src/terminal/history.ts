// The shell's command history as bash keeps it (the last HISTSIZE lines, numbered past those
// dropped) and as the prompt line walks it with ↑ and ↓. Small: the store holds it at first paint.

/** bash's default: "the shell saves the text of the last $HISTSIZE commands (default 500)". */
export const HISTSIZE = 500;

export interface History {
  /** Lines typed, oldest first. */
  readonly history: readonly string[];
  /** Older lines dropped (readline's history_base − 1): the first line kept is number offset + 1. */
  readonly historyOffset: number;
}

/**
 * readline's add_history under a HISTSIZE limit: a full list drops its oldest line and the numbers
 * move on. Empty lines and a repeat of the line before are not kept (ignoredups, as before).
 */
export function remember(h: History, line: string): History {
  const last = h.history[h.history.length - 1];
  if (line.trim() === '' || last === line) return h;
  const full = h.history.length >= HISTSIZE;
  const history = [...h.history.slice(full ? h.history.length - HISTSIZE + 1 : 0), line];
  return { history, historyOffset: h.historyOffset + h.history.length + 1 - history.length };
}

/** Walking the history with the arrow keys: index -1 is the line being edited. */
export function historyAt(history: readonly string[], index: number): string | null {
  return index < 0 || index >= history.length
    ? null
    : (history[history.length - 1 - index] ?? null);
}
