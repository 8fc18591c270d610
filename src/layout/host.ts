// The host namespace's inside: eth0, lo, the netfilter pipeline and the links between stages.
import { linkH, linkV } from './paths';
import { SIZES, bottom, center, top, type Box, type Point, type Stage } from './geometry';

export interface HostLayout {
  readonly frame: Box;
  readonly eth0: Box;
  readonly lo: Box;
  readonly stages: { readonly [S in Stage]: Box };
  /** Arrows of the pipeline, each a path string. */
  readonly arrows: readonly { readonly id: string; readonly d: string }[];
}

const stageBox = (cx: number, cy: number): Box => ({
  x: cx - SIZES.stageW / 2,
  y: cy - SIZES.stageH / 2,
  w: SIZES.stageW,
  h: SIZES.stageH,
});

const right = (b: Box): Point => ({ x: b.x + b.w, y: b.y + b.h / 2 });
const left = (b: Box): Point => ({ x: b.x, y: b.y + b.h / 2 });

/** Pipeline rows: local sockets above, the forwarding path below, centred on cx. */
export function hostLayout(frame: Box, cx: number): HostLayout {
  const localY = frame.y + 84;
  const pathY = frame.y + 166;
  const dx = SIZES.stageW + 52;
  const stages = {
    INPUT: stageBox(cx - dx, localY),
    LOCAL: stageBox(cx, localY),
    OUTPUT: stageBox(cx + dx, localY),
    PREROUTING: stageBox(cx - 1.5 * dx, pathY),
    ROUTING: stageBox(cx - 0.5 * dx, pathY),
    FORWARD: stageBox(cx + 0.5 * dx, pathY),
    POSTROUTING: stageBox(cx + 1.5 * dx, pathY),
  } satisfies { [S in Stage]: Box };
  const eth0: Box = {
    x: cx - SIZES.chipW / 2,
    y: frame.y - SIZES.chipH / 2,
    w: SIZES.chipW,
    h: SIZES.chipH,
  };
  // lo hangs under the host's own sockets, clear of the frame title and the forwarding row.
  const lo: Box = {
    x: stages.LOCAL.x + SIZES.stageW / 2 - 54,
    y: stages.LOCAL.y + SIZES.stageH + 6,
    w: 108,
    h: 24,
  };
  const h = (id: string, a: Point, b: Point) => ({
    id,
    d: linkH(a, b),
  });
  const v = (id: string, a: Point, b: Point) => ({
    id,
    d: linkV(a, b),
  });
  const arrows = [
    v('eth0-pre', bottom(eth0), { x: stages.PREROUTING.x + 24, y: stages.PREROUTING.y }),
    h('pre-route', right(stages.PREROUTING), left(stages.ROUTING)),
    h('route-fwd', right(stages.ROUTING), left(stages.FORWARD)),
    h('fwd-post', right(stages.FORWARD), left(stages.POSTROUTING)),
    v('route-input', top(stages.ROUTING), bottom(stages.INPUT)),
    h('input-local', right(stages.INPUT), left(stages.LOCAL)),
    h('local-output', right(stages.LOCAL), left(stages.OUTPUT)),
    v('output-post', bottom(stages.OUTPUT), top(stages.POSTROUTING)),
    v(
      'post-eth0',
      { x: stages.POSTROUTING.x + SIZES.stageW - 24, y: stages.POSTROUTING.y },
      bottom(eth0),
    ),
  ];
  return { frame, eth0, lo, stages, arrows };
}

/** The bridge's own port (its IP address on the host) joins the pipeline: PREROUTING in, POSTROUTING out. */
export function bridgeTapPaths(
  hostPort: Box,
  host: HostLayout,
): { inbound: string; outbound: string } {
  const from = top(hostPort);
  const pre = bottom(host.stages.PREROUTING);
  const post = bottom(host.stages.POSTROUTING);
  return {
    inbound: linkV({ x: from.x - 14, y: from.y }, pre),
    outbound: linkV(post, { x: from.x + 14, y: from.y }),
  };
}

export const stageCenter = (host: HostLayout, s: Stage): Point => center(host.stages[s]);
