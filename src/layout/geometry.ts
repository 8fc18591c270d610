// Shapes and sizes of the diagram in SVG user units (1 unit = 1 CSS px at zoom 1). Numbers only.

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Same place and size: lets a memoised shape skip a re-render when a new layout left it alone. */
export const sameBox = (a: Box, b: Box): boolean =>
  a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;

export const center = (b: Box): Point => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });
export const top = (b: Box): Point => ({ x: b.x + b.w / 2, y: b.y });
export const bottom = (b: Box): Point => ({ x: b.x + b.w / 2, y: b.y + b.h });

export const SIZES = {
  cardW: 248,
  cardH: 164,
  colGap: 64,
  rowGap: 72,
  groupGap: 96,
  margin: 28,
  portW: 112,
  portH: 26,
  portGap: 10,
  barH: 92,
  /** A bar whose ports stand upright because a row of labelled chips would not fit. */
  compactBarH: 168,
  compactPortStep: 26,
  laneStep: 9,
  stageW: 164,
  stageH: 46,
  remoteW: 236,
  remoteH: 74,
  routerW: 236,
  routerH: 74,
  /** The internet cloud above the router, and the gap down to it. */
  cloudW: 340,
  cloudH: 64,
  cloudGap: 30,
  chipW: 212,
  chipH: 30,
} as const;

/** Netfilter hooks plus the two places that are not hooks: the routing decision and local sockets. */
export type Stage =
  'PREROUTING' | 'ROUTING' | 'INPUT' | 'LOCAL' | 'OUTPUT' | 'FORWARD' | 'POSTROUTING';

export const STAGES: readonly Stage[] = [
  'PREROUTING',
  'ROUTING',
  'FORWARD',
  'POSTROUTING',
  'INPUT',
  'LOCAL',
  'OUTPUT',
];
