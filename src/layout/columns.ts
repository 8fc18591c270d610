// A crowded bridge's ports stand above their own card column, one slot per grid row, and each row's
// cables share one lane across columns. One more container then adds its own port, lane and cable
// and moves no other: the picture a class is looking at stays put, and the browser redraws one cable
// instead of every cable on the bridge (the spread-out ports of bridges.ts all move on each run).
import type { Container, Endpoint } from '../sim';
import type { BridgeLayout, PortLayout } from './bridges';
import { SIZES } from './geometry';
import type { PlacedGroup } from './grid';

export interface Cell {
  readonly group: string;
  readonly row: number;
  readonly col: number;
}

/** Lanes kept for per-row cables: four at least, then whole blocks of four rows. */
export const rowLanes = (rows: number): number => Math.max(4, Math.ceil(rows / 4) * 4);

/** Whether a column has room for a port per row above its card (row 0 rightmost). */
export const rowsFitColumn = (rows: number): boolean =>
  (rows + 1) * SIZES.compactPortStep <= SIZES.cardW;

/**
 * Whether a bridge's ports go by column: drawn compactly, every veth on it belongs to a card of its
 * own group (a container whose card sits under another bridge keeps the spread-out layout), and the
 * rows fit a column.
 */
export function portsByColumn(
  compact: boolean,
  group: PlacedGroup,
  veths: readonly { readonly container: Container }[],
): boolean {
  if (!compact || group.model.network === null || !rowsFitColumn(group.rows)) return false;
  const own = new Set(group.model.cards.map((c) => c.container.name));
  return veths.every((v) => own.has(v.container.name));
}

/** Left edge of a column's cards (as grid.ts places them). */
const columnLeft = (group: PlacedGroup, col: number): number =>
  group.x + SIZES.colGap + col * (SIZES.cardW + SIZES.colGap);

/**
 * Each veth's port in its card's column; deeper rows further left, so that with their higher lanes
 * (rowLane) no cable crosses another of its column.
 */
export function columnPorts(
  b: BridgeLayout,
  group: PlacedGroup,
  veths: readonly { readonly container: Container; readonly endpoint: Endpoint }[],
  cellOf: ReadonlyMap<string, Cell>,
): BridgeLayout {
  const size = 16;
  const y = b.bar.y + b.bar.h - size / 2;
  const ports: PortLayout[] = veths.map((v) => {
    const cell = cellOf.get(v.container.name) ?? { group: group.model.id, row: 0, col: 0 };
    const x =
      columnLeft(group, cell.col) + SIZES.cardW - 8 - (cell.row + 1) * SIZES.compactPortStep;
    return { ...v, box: { x, y, w: size, h: size } };
  });
  return { ...b, ports, compact: true };
}

/** The lane of a row's cables among `lanes` reserved ones: deeper rows higher up. */
export const rowLane = (row: number, lanes: number): number => lanes - 1 - row;
