// What the current hop lights up on the diagram: node, stage, bridge, port, cable. Derived, never stored.
import type { Hop } from '../../sim';
import type { Stage } from '../../layout/geometry';
import type { DiagramLayout } from '../../layout/diagram';
import { bridgeFor } from '../../layout/anchors';

export interface Active {
  readonly node: string | null;
  readonly iface: string | null;
  readonly stage: Stage | null;
  /** Bridge device switching the frame (L2 only). */
  readonly switching: string | null;
  /** Bridge device handing the frame up to the host stack. */
  readonly local: string | null;
}

export const NOTHING: Active = {
  node: null,
  iface: null,
  stage: null,
  switching: null,
  local: null,
};

const bridgeOfIface = (layout: DiagramLayout, iface: string | null): string | null =>
  (iface && bridgeFor(layout, iface)?.device) || null;

export function activeOf(layout: DiagramLayout, hop: Hop | null): Active {
  if (!hop) return NOTHING;
  const bridge = hop.node === 'host' ? bridgeOfIface(layout, hop.iface) : null;
  const switchingEvent =
    hop.event === 'bridge-forward' || hop.event === 'bridge-flood' || hop.event === 'bridge-learn';
  let stage: Stage | null = hop.nf ? hop.nf.hook : null;
  if (!stage && hop.node === 'host' && (hop.event === 'route' || hop.event === 'forward'))
    stage = 'ROUTING';
  if (
    !stage &&
    hop.node === 'host' &&
    !hop.iface &&
    ['send', 'deliver', 'proxy'].includes(hop.event)
  )
    stage = 'LOCAL';
  return {
    node: hop.node,
    iface: hop.iface,
    stage,
    switching: switchingEvent ? bridge : null,
    local:
      hop.event === 'bridge-local' ||
      (bridge !== null &&
        hop.iface === bridge &&
        ['rx', 'tx', 'arp-request', 'arp-reply'].includes(hop.event))
        ? bridge
        : null,
  };
}
