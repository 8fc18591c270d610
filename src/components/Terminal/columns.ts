// Completion candidates laid out as bash (readline) lists them: columns filled top to bottom.

/**
 * Each column is as wide as the longest word plus two spaces; as many columns as fit in `width`
 * characters (at least one); words go down the first column, then the next.
 */
export function formatColumns(words: readonly string[], width: number): string[] {
  if (words.length === 0) return [];
  const cell = Math.max(...words.map((w) => w.length)) + 2;
  const cols = Math.max(1, Math.floor(width / cell));
  const rows = Math.ceil(words.length / cols);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < cols; c++) {
      const w = words[c * rows + r];
      if (w !== undefined) line += w.padEnd(cell);
    }
    out.push(line.trimEnd());
  }
  return out;
}
