// The world outside the Docker host: the internet cloud on top, the upstream router below it and
// the remote hosts beside the router.
import { linkH, linkV } from './paths';
import type { RemoteHost } from '../sim';
import { SIZES, bottom, top, type Box } from './geometry';

export interface RemoteLayout {
  readonly remote: RemoteHost;
  readonly box: Box;
  /** Cable from the remote to its router interface. */
  readonly link: string;
}

export interface OutsideLayout {
  /** The internet (every public address, `sim/internet.ts`): one cloud above the router. */
  readonly internet: Box;
  /** The cloud's outline. */
  readonly cloud: string;
  /** Cable from the cloud down to the router (its wan0). */
  readonly wan: string;
  readonly router: Box;
  readonly remotes: readonly RemoteLayout[];
  /** Cable from the router down to the host's eth0. */
  readonly uplink: string;
  readonly bottom: number;
}

const GAP = 110;

/** How tall the outside row is, cloud included, down to the router's bottom. */
export const OUTSIDE_H = SIZES.cloudH + SIZES.cloudGap + SIZES.routerH;

/**
 * A cloud over box `b`: half circles between points around it (each bulges outwards, the path
 * going clockwise), closed by a flat bottom.
 */
export function cloudPath(b: Box): string {
  const pts: readonly (readonly [number, number])[] = [
    [0.12, 0.92],
    [0.06, 0.42],
    [0.3, 0.14],
    [0.62, 0.06],
    [0.9, 0.34],
    [0.88, 0.92],
  ];
  const at = ([fx, fy]: readonly [number, number]) =>
    `${(b.x + fx * b.w).toFixed(1)} ${(b.y + fy * b.h).toFixed(1)}`;
  const [first, ...rest] = pts;
  if (!first) return '';
  // A radius too small for the two points is scaled up by SVG to a half circle.
  return `M ${at(first)} ${rest.map((p) => `A 1 1 0 0 1 ${at(p)}`).join(' ')} Z`;
}

/**
 * The cloud at the top, the router below it straight above the host's eth0 at cx; remotes
 * alternate right and left of the router.
 */
export function outsideLayout(
  remotes: readonly RemoteHost[],
  cx: number,
  y0: number,
  eth0: Box,
): OutsideLayout {
  const internet: Box = { x: cx - SIZES.cloudW / 2, y: y0, w: SIZES.cloudW, h: SIZES.cloudH };
  const ry = y0 + SIZES.cloudH + SIZES.cloudGap;
  const router: Box = { x: cx - SIZES.routerW / 2, y: ry, w: SIZES.routerW, h: SIZES.routerH };
  const midY = ry + SIZES.routerH / 2;
  const placed = remotes.map((remote, i) => {
    const right = i % 2 === 0;
    const k = Math.floor(i / 2);
    const offset = SIZES.routerW / 2 + GAP + k * (SIZES.remoteW + 40);
    const x = right ? cx + offset : cx - offset - SIZES.remoteW;
    const box: Box = { x, y: midY - SIZES.remoteH / 2, w: SIZES.remoteW, h: SIZES.remoteH };
    const from = right ? { x: box.x, y: midY } : { x: box.x + box.w, y: midY };
    const to = right ? { x: router.x + router.w, y: midY } : { x: router.x, y: midY };
    return { remote, box, link: linkH(from, to) };
  });
  const uplink = linkV(bottom(router), top(eth0));
  const wan = linkV(top(router), bottom(internet));
  return {
    internet,
    cloud: cloudPath(internet),
    wan,
    router,
    remotes: placed,
    uplink,
    bottom: router.y + router.h,
  };
}
