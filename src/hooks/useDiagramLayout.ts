// The diagram layout and the current hop's anchors, recomputed only when their inputs change.
import { useMemo } from 'react';
import { diagramLayout, type DiagramLayout } from '../layout/diagram';
import { packetAnchors, type HopAnchor } from '../layout/anchors';
import { useAppStore } from '../store/react';
import { selectCurrentEntry, type TimelineEntry } from '../store/selectors';

export function useDiagramLayout(): DiagramLayout {
  const world = useAppStore((s) => s.world);
  return useMemo(() => diagramLayout(world), [world]);
}

export interface HopView {
  readonly entry: TimelineEntry;
  readonly anchor: HopAnchor;
  /** Where the glyph was one hop earlier in the same packet (the link it just crossed). */
  readonly previous: HopAnchor | null;
}

export function useHopView(layout: DiagramLayout): HopView | null {
  const entry = useAppStore(selectCurrentEntry);
  const packets = useAppStore((s) => s.packets);
  return useMemo(() => {
    if (!entry) return null;
    const packet = packets[entry.packetIndex];
    if (!packet) return null;
    const anchors = packetAnchors(layout, packet.hops);
    const anchor = anchors[entry.hopIndex];
    if (!anchor) return null;
    return { entry, anchor, previous: anchors[entry.hopIndex - 1] ?? null };
  }, [entry, packets, layout]);
}
