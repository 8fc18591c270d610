// The world outside the Docker host: the upstream router and the remote hosts behind it.
import { linkVertical } from 'd3-shape';
import type { RemoteHost } from '../sim';
import { SIZES, bottom, top, type Box, type Point } from './geometry';

export interface RemoteLayout {
  readonly remote: RemoteHost;
  readonly box: Box;
  /** Cable from the remote down to its router interface. */
  readonly link: string;
}

export interface OutsideLayout {
  readonly router: Box;
  readonly remotes: readonly RemoteLayout[];
  /** Cable from the router down to the host's eth0. */
  readonly uplink: string;
  readonly bottom: number;
}

const vertical = linkVertical<{ source: Point; target: Point }, Point>()
  .x((p) => p.x)
  .y((p) => p.y);

/** Remotes in a row above the router, which sits straight above the host's eth0 at cx. */
export function outsideLayout(remotes: readonly RemoteHost[], cx: number, y0: number, eth0: Box): OutsideLayout {
  const step = SIZES.remoteW + 120;
  const rowW = remotes.length * step - 120;
  const routerY = y0 + SIZES.remoteH + 96;
  const router: Box = { x: cx - SIZES.routerW / 2, y: routerY, w: SIZES.routerW, h: SIZES.routerH };
  const placed = remotes.map((remote, i) => {
    const box: Box = { x: cx - rowW / 2 + i * step, y: y0, w: SIZES.remoteW, h: SIZES.remoteH };
    const spread = (i - (remotes.length - 1) / 2) * 40;
    const link = vertical({ source: bottom(box), target: { x: cx + spread, y: router.y } }) ?? '';
    return { remote, box, link };
  });
  const uplink = vertical({ source: bottom(router), target: top(eth0) }) ?? '';
  return { router, remotes: placed, uplink, bottom: router.y + router.h };
}
