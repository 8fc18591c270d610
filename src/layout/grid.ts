// Places network groups side by side under the host frame and their cards in a grid. Numbers only.
import { SIZES, type Box } from './geometry';
import type { GroupModel } from './model';

export interface PlacedGroup {
  readonly model: GroupModel;
  readonly x: number;
  readonly w: number;
  readonly cols: number;
  readonly rows: number;
  /** Card boxes in model order (row-major). */
  readonly cards: readonly Box[];
  /** Cell of each card: column and row. */
  readonly cells: readonly { readonly col: number; readonly row: number }[];
}

export const groupCols = (n: number, maxCols: number): number => Math.max(1, Math.min(n, maxCols));

function cardsWidth(cols: number): number {
  return cols * SIZES.cardW + (cols - 1) * SIZES.colGap;
}

/** Room for ports drawn compactly (a marker with its name standing upright): never the bottleneck. */
function portsWidth(ports: number): number {
  return ports * SIZES.compactPortStep + SIZES.chipW + 4 * SIZES.portGap;
}

/** Width of a group: its cards or its bridge's ports, whichever is wider. */
export function groupWidth(n: number, ports: number, maxCols: number): number {
  return Math.max(cardsWidth(groupCols(n, maxCols)) + SIZES.colGap, portsWidth(ports), 420);
}

/** Lays out groups left to right from x0, cards starting at y0. */
export function placeGroups(
  groups: readonly { readonly model: GroupModel; readonly ports: number }[],
  x0: number,
  y0: number,
  maxCols: number,
): PlacedGroup[] {
  let x = x0;
  return groups.map(({ model, ports }) => {
    const n = model.cards.length;
    const cols = groupCols(n, maxCols);
    const rows = Math.max(1, Math.ceil(n / cols));
    const w = groupWidth(n, ports, maxCols);
    const left = x + SIZES.colGap;
    const cells = model.cards.map((_, i) => ({ col: i % cols, row: Math.floor(i / cols) }));
    const cards = cells.map(({ col, row }) => ({
      x: left + col * (SIZES.cardW + SIZES.colGap),
      y: y0 + row * (SIZES.cardH + SIZES.rowGap),
      w: SIZES.cardW,
      h: SIZES.cardH,
    }));
    const placed: PlacedGroup = { model, x, w, cols, rows, cards, cells };
    x += w + SIZES.groupGap;
    return placed;
  });
}

export const rowsHeight = (rows: number): number => rows * SIZES.cardH + (rows - 1) * SIZES.rowGap;

/**
 * Columns per group chosen so the whole picture is closest to the diagram area: three networks of
 * ten containers wrap into a few rows instead of one strip nobody can read when fitted.
 */
/** The diagram area beside the panels is about 1.8–1.9 times wider than tall on 16:9 screens. */
const TARGET_ASPECT = 1.9;

export function chooseMaxCols(
  groups: readonly { readonly n: number; readonly ports: number }[],
  fixedHeight: number,
): number {
  let best = 1;
  let bestScore = Infinity;
  for (let cols = 1; cols <= 8; cols++) {
    const w = groups.reduce((s, g) => s + groupWidth(g.n, g.ports, cols) + SIZES.groupGap, 0);
    const rows = Math.max(1, ...groups.map((g) => Math.ceil(g.n / groupCols(g.n, cols))));
    const h = fixedHeight + rowsHeight(rows);
    const score = Math.abs(Math.log(w / h / TARGET_ASPECT));
    if (score < bestScore - 1e-9) {
      best = cols;
      bestScore = score;
    }
  }
  return best;
}
