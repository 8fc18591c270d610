// The shell history as the prompt line walks it with ↑ and ↓ (kept apart from the commands, which
// the browser fetches after the first paint).

/** Walking the history with the arrow keys: index -1 is the line being edited. */
export function historyAt(history: readonly string[], index: number): string | null {
  return index < 0 || index >= history.length
    ? null
    : (history[history.length - 1 - index] ?? null);
}
