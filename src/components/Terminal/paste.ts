// Pasting into the one-line prompt: every complete line runs, the unfinished tail stays to edit.

export interface PasteResult {
  /** Lines to run, in order (what was before the cursor joins the first). */
  readonly run: readonly string[];
  /** What is left in the input, and where the cursor goes. */
  readonly line: string;
  readonly cursor: number;
}

/** Inserts `text` at `cursor` (replacing the selection up to `selectionEnd`), then splits at newlines. */
export function splitPaste(
  line: string,
  cursor: number,
  text: string,
  selectionEnd = cursor,
): PasteResult {
  const head = line.slice(0, cursor);
  const tail = line.slice(selectionEnd);
  // CR LF from Windows clipboards and lone CR from old Macs both end a line.
  const parts = text.replace(/\r\n?/g, '\n').split('\n');
  if (parts.length === 1) {
    const inserted = head + text;
    return { run: [], line: inserted + tail, cursor: inserted.length };
  }
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  const run = [head + first, ...parts.slice(1, -1)];
  return { run, line: last + tail, cursor: last.length };
}
