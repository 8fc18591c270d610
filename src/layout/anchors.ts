// Where on the diagram a hop happens: one point per hop, from its node, interface and event.
import { parseNodeId, type Hop, type NodeId } from '../sim';
import type { DiagramLayout } from './diagram';
import { center, type Box, type Point, type Stage } from './geometry';

export interface HopAnchor {
  readonly point: Point;
  /** What the glyph is sitting on, for the label: 'eth0 of c1', 'docker0', 'nat/POSTROUTING'… */
  readonly place: string;
}

const ptOf = (b: Box): Point => center(b);

/** The bridge an interface belongs to: the bridge itself, or the one a host veth is a port of. */
export function bridgeFor(layout: DiagramLayout, iface: string) {
  return (
    layout.bridges.find((b) => b.device === iface) ??
    layout.bridges.find((b) => b.ports.some((p) => p.endpoint.hostVeth === iface))
  );
}

/** Where conntrack and NAT act: source rewrites in POSTROUTING, destination ones where the packet entered. */
function natStage(hop: Hop, stage: Stage | null, local: boolean): Stage {
  const entered: Stage = local ? 'OUTPUT' : 'PREROUTING';
  if (hop.event === 'nat') {
    const src = hop.changed.some((c) => c.field === 'ip.src' || c.field.endsWith('.sport'));
    return src ? 'POSTROUTING' : entered;
  }
  return stage ?? entered;
}

function hostAnchor(layout: DiagramLayout, hop: Hop, stage: Stage | null, local: boolean): Point {
  const { host } = layout;
  const iface = hop.iface;
  if (hop.event === 'netfilter' && hop.nf) return ptOf(host.stages[hop.nf.hook]);
  if (hop.event === 'nat' || hop.event === 'conntrack')
    return ptOf(host.stages[natStage(hop, stage, local)]);
  if (hop.event === 'route' || hop.event === 'forward') return ptOf(host.stages.ROUTING);
  if (iface === 'eth0') return ptOf(host.eth0);
  if (iface === 'lo') return ptOf(host.lo);
  if (iface) {
    const bridge = bridgeFor(layout, iface);
    if (bridge) {
      const named = typeof hop.why.params['port'] === 'string' ? hop.why.params['port'] : iface;
      const port = bridge.ports.find((p) => p.endpoint.hostVeth === named);
      const switching = hop.event.startsWith('bridge-') && hop.event !== 'bridge-local';
      if (port && !switching && named === iface) return ptOf(port.box);
      if (port) return { x: port.box.x + port.box.w / 2, y: bridge.bar.y + bridge.bar.h / 2 };
      if (switching)
        return {
          x: bridge.hostPort.x + bridge.hostPort.w + 60,
          y: bridge.bar.y + bridge.bar.h / 2,
        };
      return ptOf(bridge.hostPort);
    }
  }
  if (stage) return ptOf(host.stages[stage]);
  return ptOf(host.stages.LOCAL);
}

const AT_IFACE = new Set([
  'rx',
  'tx',
  'arp-request',
  'arp-reply',
  'arp-resolved',
  'arp-queued',
  'drop',
]);

function nodeAnchor(
  layout: DiagramLayout,
  node: NodeId,
  hop: Hop,
  stage: Stage | null,
  local: boolean,
): Point {
  const p = parseNodeId(node);
  if (p?.kind === 'host') return hostAnchor(layout, hop, stage, local);
  if (p?.kind === 'router') return ptOf(layout.outside.router);
  if (p?.kind === 'internet') return ptOf(layout.outside.internet);
  if (p?.kind === 'remote') {
    const r = layout.outside.remotes.find((x) => x.remote.name === p.name);
    if (r) return ptOf(r.box);
  }
  if (p?.kind === 'container') {
    const card = layout.cards.find((c) => c.model.container.name === p.name);
    if (card) {
      const badge = hop.iface ? card.badges[hop.iface] : undefined;
      if (badge && AT_IFACE.has(hop.event)) return ptOf(badge);
      return { x: card.box.x + card.box.w / 2, y: card.box.y + card.box.h / 2 + 8 };
    }
  }
  return { x: layout.width / 2, y: layout.height / 2 };
}

/** The anchor of every hop of a packet: NAT and conntrack steps sit on the hook that ran them. */
export function packetAnchors(layout: DiagramLayout, hops: readonly Hop[]): HopAnchor[] {
  let stage: Stage | null = null;
  const local = hops[0]?.node === 'host';
  return hops.map((hop) => {
    if (hop.nf) stage = hop.nf.hook;
    else if (hop.node !== 'host') stage = null;
    const point = nodeAnchor(layout, hop.node, hop, stage, local);
    const place = hop.nf
      ? `${hop.nf.table}/${hop.nf.chain}`
      : hop.iface
        ? `${hop.iface} · ${hop.node}`
        : hop.node;
    return { point, place };
  });
}
