// Go's text/tabwriter as docker/cli configures it (minwidth 10, padding 3, blanks). Pure.

export interface TabwriterOptions {
  readonly minWidth: number;
  readonly padding: number;
}

export const DOCKER_TABLE: TabwriterOptions = { minWidth: 10, padding: 3 };

const width = (s: string): number => Array.from(s).length;

/**
 * Aligns tab-separated rows: every cell but the last of a row is padded to its column's width
 * (longest cell + padding, at least minWidth); the last cell is written as is.
 */
export function tabwrite(rows: readonly (readonly string[])[], o = DOCKER_TABLE): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.slice(0, -1).forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? o.minWidth, width(cell) + o.padding);
    });
  }
  return rows
    .map((row) => {
      const cells = row.map((cell, i) =>
        i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - width(cell)),
      );
      return `${cells.join('')}\n`;
    })
    .join('');
}
