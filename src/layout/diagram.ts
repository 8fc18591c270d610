// The whole diagram from a world: outside, host frame, bridges, cards and cables. Pure numbers.
import type { World } from '../sim';
import {
  bridgeBar,
  cablePath,
  chipsFit,
  ifaceBadge,
  reservedLanes,
  withPorts,
  type BridgeLayout,
  type CableLayout,
} from './bridges';
import { SIZES, type Box } from './geometry';
import { columnPorts, portsByColumn, rowLane, rowLanes } from './columns';
import { chooseMaxCols, placeGroups, rowsHeight, type PlacedGroup } from './grid';
import { bridgeTapPaths, hostLayout, type HostLayout } from './host';
import { diagramModel, vethsOn, type CardModel } from './model';
import { OUTSIDE_H, outsideLayout, type OutsideLayout } from './outside';

export interface CardLayout {
  readonly model: CardModel;
  readonly box: Box;
  /** Interface badges by ifName (eth0, eth1…). */
  readonly badges: { readonly [ifName: string]: Box };
}

export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  readonly outside: OutsideLayout;
  readonly host: HostLayout;
  readonly bridges: readonly BridgeLayout[];
  readonly taps: readonly {
    readonly device: string;
    readonly inbound: string;
    readonly outbound: string;
  }[];
  readonly cards: readonly CardLayout[];
  readonly cables: readonly CableLayout[];
  /** Where the isolated (none-mode, detached) cards start, for their group label. */
  readonly isolatedLabel: { readonly x: number; readonly y: number } | null;
}

const PIPELINE_W = 4 * SIZES.stageW + 3 * 52 + 160;
const HOST_INNER_TOP = 212; // frame top to the bridge row, without host-mode containers
/**
 * A --network host container is a process in the host's namespace: drawn in a column right of the
 * pipeline, inside the frame, clear of docker0's arrows up to PREROUTING and down from POSTROUTING
 * (which cross the band between the pipeline and the bridge row).
 */
const PROC_H = 204;
const PROC_GAP = 14;
const PROC_TOP = 56; // under the frame's eth0 chip
const PROC_COL_W = SIZES.cardW + 48;

function cardBoxes(groups: readonly PlacedGroup[]): CardLayout[] {
  return groups.flatMap((g) =>
    g.model.cards.map((model, i) => {
      const box = g.cards[i] ?? { x: 0, y: 0, w: 0, h: 0 };
      const badges: { [k: string]: Box } = {};
      model.container.endpoints.forEach((e, k) => (badges[e.ifName] = ifaceBadge(box, k)));
      return { model, box, badges };
    }),
  );
}

export function diagramLayout(world: World): DiagramLayout {
  const model = diagramModel(world);
  const groupsIn = model.bridges.map((g) => ({ model: g, ports: vethsOn(world, g.id).length }));
  const withIsolated =
    model.isolated.length > 0
      ? [...groupsIn, { model: { id: 'isolated', network: null, cards: model.isolated }, ports: 0 }]
      : groupsIn;
  const procs = model.hostMode.length;
  const procsH = procs * (PROC_H + PROC_GAP);
  // The column runs down to the bridge row; more processes than fit push the bridges down.
  const hostShelf = Math.max(0, PROC_TOP + procsH - HOST_INNER_TOP + 16);
  const outsideH = OUTSIDE_H + 62;
  const fixedH = outsideH + HOST_INNER_TOP + hostShelf + SIZES.barH + 140;
  const maxCols = chooseMaxCols(
    withIsolated.map((g) => ({ n: g.model.cards.length, ports: g.ports })),
    fixedH,
  );
  const m = SIZES.margin;
  const hostTop = m + outsideH;
  const bridgeY = hostTop + HOST_INNER_TOP + hostShelf;
  const groups0 = placeGroups(withIsolated, m + 24, 0, maxCols);
  const compact = groups0.some((g, i) => !chipsFit(withIsolated[i]?.ports ?? 0, g.w));
  const vethsOf = new Map(groupsIn.map((g) => [g.model.id, vethsOn(world, g.model.id)]));
  const byColumn = new Set(
    groups0
      .filter((g) => portsByColumn(compact, g, vethsOf.get(g.model.id) ?? []))
      .map((g) => g.model.id),
  );
  const lanes = Math.max(
    0,
    ...groups0
      .filter((g) => g.model.network !== null)
      .map((g) =>
        byColumn.has(g.model.id)
          ? rowLanes(g.rows)
          : reservedLanes(vethsOf.get(g.model.id)?.length ?? 0),
      ),
  );
  const barH = compact ? SIZES.compactBarH : SIZES.barH;
  const frameBottom = bridgeY + barH + 30;
  const laneTop = frameBottom + 24;
  const cardsTop = laneTop + lanes * SIZES.laneStep + 36;
  const groups = placeGroups(withIsolated, m + 24, cardsTop, maxCols);
  const groupsW = groups.reduce((s, g) => Math.max(s, g.x + g.w), 0) - m;
  const frameW = Math.max(groupsW + 24, PIPELINE_W + (procs > 0 ? PROC_COL_W : 0));
  const frame: Box = { x: m, y: hostTop, w: frameW, h: frameBottom - hostTop };
  // With host processes the pipeline keeps to the left and the processes take the right.
  const cx = procs > 0 ? m + (frameW - PROC_COL_W) / 2 : m + frameW / 2;
  const host = hostLayout(frame, cx);
  const outside = outsideLayout(world.remotes, cx, m, host.eth0);

  const bridgeGroups = groups.filter((g) => g.model.network !== null);
  const cards = cardBoxes(groups);
  const hostCards = model.hostMode.map((mc, i) => {
    const box: Box = {
      x: m + frameW - SIZES.cardW - 24,
      y: hostTop + PROC_TOP + i * (PROC_H + PROC_GAP),
      w: SIZES.cardW,
      h: PROC_H,
    };
    const badges: { readonly [ifName: string]: Box } = {};
    return { model: mc, box, badges };
  });
  const allCards = [...cards, ...hostCards];
  const cardOf = new Map(allCards.map((c) => [c.model.container.name, c]));
  const cellOf = new Map(
    groups.flatMap((g) =>
      g.model.cards.map(
        (c, i) =>
          [
            c.container.name,
            { group: g.model.id, row: g.cells[i]?.row ?? 0, col: g.cells[i]?.col ?? 0 },
          ] as const,
      ),
    ),
  );

  const bridges: BridgeLayout[] = [];
  const cables: CableLayout[] = [];
  for (const g of bridgeGroups) {
    if (!g.model.network) continue;
    const bar = bridgeBar(g, g.model.network, bridgeY, barH);
    const veths = vethsOf.get(g.model.id) ?? [];
    const inColumns = byColumn.has(g.model.id);
    const b = inColumns
      ? columnPorts(bar, g, veths, cellOf)
      : withPorts(
          bar,
          [...veths].sort((a, b) => {
            const ca = cellOf.get(a.container.name);
            const cb = cellOf.get(b.container.name);
            const ka = ca && ca.group === g.model.id ? ca.col * 1000 + ca.row : 1e6;
            const kb = cb && cb.group === g.model.id ? cb.col * 1000 + cb.row : 1e6;
            return ka - kb;
          }),
        );
    bridges.push(b);
    b.ports.forEach((port, i) => {
      const card = cardOf.get(port.container.name);
      const badge = card?.badges[port.endpoint.ifName];
      if (!card || !badge) return;
      const cell = cellOf.get(port.container.name);
      const row = cell && cell.group === g.model.id ? cell.row : null;
      // By column every card is the bridge's own: its row picks the lane; spread out, one lane a port.
      const lane = inColumns ? rowLane(row ?? 0, lanes) : i;
      cables.push(cablePath({ port, bridge: b.device, card: card.box, badge, row, lane, laneTop }));
    });
  }
  const taps = bridges.map((b) => ({ device: b.device, ...bridgeTapPaths(b.hostPort, host) }));
  const rows = Math.max(1, ...groups.map((g) => g.rows));
  const isolated = groups.find((g) => g.model.id === 'isolated');
  return {
    width: Math.max(frame.x + frame.w, ...groups.map((g) => g.x + g.w)) + m,
    height: cardsTop + rowsHeight(rows) + m,
    outside,
    host,
    bridges,
    taps,
    cards: allCards,
    cables,
    isolatedLabel: isolated ? { x: isolated.x + SIZES.colGap, y: cardsTop - 28 } : null,
  };
}
