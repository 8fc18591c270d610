// Bridges as switches: the bar, the bridge's own port facing the host stack, one port per veth,
// and each veth pair as one cable from its port down to the container's interface.
import { polyline } from './paths';
import type { Container, Endpoint, Network } from '../sim';
import { SIZES, type Box, type Point } from './geometry';
import type { PlacedGroup } from './grid';

export interface PortLayout {
  readonly box: Box;
  readonly endpoint: Endpoint;
  readonly container: Container;
}

export interface BridgeLayout {
  readonly network: Network;
  readonly device: string;
  readonly bar: Box;
  /** The bridge device's own address on the host (docker0 172.17.0.1): the way into the IP stack. */
  readonly hostPort: Box;
  readonly ports: readonly PortLayout[];
  /** Ports drawn as markers with upright names (many containers), not labelled chips. */
  readonly compact: boolean;
}

export interface CableLayout {
  readonly id: string;
  readonly d: string;
  readonly hostVeth: string;
  readonly ifName: string;
  readonly container: string;
  readonly bridge: string;
  readonly from: Point;
  readonly to: Point;
}

/** Interface badges sit on the card's top edge: eth0 first, eth1 beside it. */
export function ifaceBadge(card: Box, index: number): Box {
  return { x: card.x + 16 + index * 84, y: card.y - 13, w: 76, h: 26 };
}

/** Whether a row of labelled chips for this many ports fits on a bar this wide. */
export function chipsFit(ports: number, barW: number): boolean {
  return ports * (SIZES.portW + SIZES.portGap) + SIZES.chipW + 4 * SIZES.portGap <= barW;
}

/** Width of one character of the chips' 14px monospace text, with a little to spare. */
const CHIP_CHAR_W = 8.6;

export function bridgeBar(
  group: PlacedGroup,
  network: Network,
  y: number,
  h: number,
): BridgeLayout {
  const bar: Box = { x: group.x, y, w: group.w, h };
  const device = network.bridge?.device ?? network.name;
  // A user network's bridge is named br-<12 hex digits>: its name and address need a wider chip.
  const text = device.length + (network.bridge?.gateway.length ?? 0);
  const hostPort: Box = {
    x: bar.x + SIZES.portGap * 2,
    y: bar.y - SIZES.chipH / 2,
    w: Math.max(SIZES.chipW, Math.ceil(32 + text * CHIP_CHAR_W)),
    h: SIZES.chipH,
  };
  return { network, device, bar, hostPort, ports: [], compact: false };
}

/** Adds the veth ports, in card column order so each column's cables stay beside each other. */
export function withPorts(
  b: BridgeLayout,
  veths: readonly { container: Container; endpoint: Endpoint }[],
): BridgeLayout {
  const compact = !chipsFit(veths.length, b.bar.w);
  const x0 = b.bar.x + SIZES.portGap * 3 + SIZES.chipW;
  const free = b.bar.w - (x0 - b.bar.x) - SIZES.portGap;
  const min = compact ? SIZES.compactPortStep : SIZES.portW + SIZES.portGap;
  const step = Math.max(min, free / Math.max(1, veths.length));
  const w = compact ? 16 : SIZES.portW;
  const h = compact ? 16 : SIZES.portH;
  const y = b.bar.y + b.bar.h - h / 2;
  const ports = veths.map((v, i) => ({ ...v, box: { x: x0 + i * step, y, w, h } }));
  return { ...b, ports, compact };
}

/** Lanes past which the reserve grows in blocks rather than one by one. */
const LANE_BLOCK = 8;

/**
 * Lanes kept under the bridges, one per cable: exact for a small lab, then rounded up to a block of
 * eight. One more container then seldom moves every card down a lane, which would change the size of
 * the picture and the fitted zoom, and make the browser lay out and paint the whole diagram again.
 */
export function reservedLanes(ports: number): number {
  return ports <= LANE_BLOCK ? ports : Math.ceil(ports / LANE_BLOCK) * LANE_BLOCK;
}

export interface CableTarget {
  readonly port: PortLayout;
  readonly bridge: string;
  readonly card: Box;
  readonly badge: Box;
  /** Grid row of the card within its own group; null when it lives in another group. */
  readonly row: number | null;
  readonly lane: number;
  readonly laneTop: number;
}

/** Orthogonal route: down from the port, along its own lane, down the gutter, into the badge. */
export function cablePath(t: CableTarget): CableLayout {
  const from = { x: t.port.box.x + t.port.box.w / 2, y: t.port.box.y + t.port.box.h };
  const to = { x: t.badge.x + t.badge.w / 2, y: t.badge.y };
  const laneY = t.laneTop + t.lane * SIZES.laneStep;
  const pts: Point[] = [from, { x: from.x, y: laneY }];
  if (t.row !== null && t.row > 0) {
    const gutter = t.card.x - SIZES.colGap / 2 - (t.row - 1) * SIZES.laneStep;
    const above = t.card.y - 30;
    pts.push({ x: gutter, y: laneY }, { x: gutter, y: above }, { x: to.x, y: above });
  } else {
    pts.push({ x: to.x, y: laneY });
  }
  pts.push(to);
  return {
    id: `${t.bridge}/${t.port.endpoint.hostVeth}`,
    d: polyline(pts),
    hostVeth: t.port.endpoint.hostVeth,
    ifName: t.port.endpoint.ifName,
    container: t.port.container.name,
    bridge: t.bridge,
    from,
    to,
  };
}
