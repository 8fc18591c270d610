// The world outside the Docker host: the upstream router and the remote hosts beside it.
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
  readonly router: Box;
  readonly remotes: readonly RemoteLayout[];
  /** Cable from the router down to the host's eth0. */
  readonly uplink: string;
  readonly bottom: number;
}

const GAP = 110;

/** The router straight above the host's eth0 at cx; remotes alternate right and left of it. */
export function outsideLayout(
  remotes: readonly RemoteHost[],
  cx: number,
  y0: number,
  eth0: Box,
): OutsideLayout {
  const router: Box = { x: cx - SIZES.routerW / 2, y: y0, w: SIZES.routerW, h: SIZES.routerH };
  const midY = y0 + SIZES.routerH / 2;
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
  return { router, remotes: placed, uplink, bottom: router.y + router.h };
}
