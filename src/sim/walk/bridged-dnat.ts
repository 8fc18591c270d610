// br_netfilter's bridged DNAT (net/bridge/br_netfilter_hooks.c, br_nf_pre_routing_finish): a frame
// sent to the bridge's own MAC whose destination PREROUTING's DNAT moved to a neighbour on that same
// bridge is not routed. The kernel bridges it on (br_nf_pre_routing_finish_bridge): the new
// address's MAC from the bridge's neighbour table (asked for from the bridge device if unknown), the
// sender's MAC and the TTL kept, then FORWARD and POSTROUTING with in = out = the bridge, and the
// bridge device itself never sees it. Measured in namespaces: the hairpin of `userland-proxy=false`
// (c2 → 192.0.2.10:8080 → web), SYN on web's eth0 from c2's MAC with TTL 64, nothing on docker0.
import type { IPv4 } from '../addr';
import type { Frame, NodeId } from '../trace';
import { drop, forwardHook, postRouting, type CtCtx } from './hooks';
import { bridgeOut, iface, resolveNeighbour } from './l2';
import { countIf, emit, frameBytes, why, type WalkState } from './state';
import { selectAddress } from './select-addr';
import { isLocal, lookupRoute } from './topology';

/** True when the frame was bridged on (or dropped on the way); false: pass it up as usual. */
export function bridgedDnat(
  s: WalkState,
  node: NodeId,
  bridge: string,
  sent: Frame,
  pre: { frame: Frame; ct: CtCtx },
): boolean {
  const info = s.topo.ns.get(node);
  const dst = pre.frame.ip?.dst as IPv4 | undefined;
  if (!info || !dst || !sent.eth || dst === sent.ip?.dst || isLocal(info, dst)) return false;
  const rt = lookupRoute(info, dst);
  if (!rt || rt.dev !== bridge || rt.via) return false;
  const asked = s.hops.length;
  const mac = resolveNeighbour(s, node, bridge, dst, pre.frame);
  if (!mac) {
    drop(s, node, bridge, pre.frame, 'arp-failed', { ip: dst, dev: bridge });
    return true;
  }
  const f: Frame = { ...pre.frame, eth: { ...sent.eth, dst: mac } };
  const dev = iface(s, node, bridge);
  if (dev && s.hops.slice(asked).some((h) => h.event === 'arp-request' && h.node === node)) {
    // A frame that waited for the neighbour leaves through the neighbour's own output, i.e. is sent
    // by the bridge device with its MAC (tcpdump on docker0 shows it); the bridge then puts the
    // sender's MAC back (br_nf_pre_routing_finish_bridge_slow) and switches it as below.
    const viaDev: Frame = { ...f, eth: { ...f.eth, src: dev.mac, dst: mac, type: 'IPv4' } };
    countIf(s, node, bridge, 'tx', frameBytes(viaDev));
    emit(s, node, bridge, 'tx', viaDev, why('tx.bridge', { iface: bridge }));
  }
  emit(s, node, bridge, 'forward', f, why('brnf.bridged-dnat', { bridge, dst, mac }), {
    changed: [{ field: 'eth.dst', from: sent.eth.dst, to: mac }],
  });
  if (!forwardHook(s, node, bridge, bridge, f, pre.ct)) return true;
  // ip_route_input gave it a route out of the bridge: MASQUERADE takes the bridge's address, as
  // for the hairpin rule of `userland-proxy=false` (a container to its own published port, SYN
  // seen by it from 172.17.0.1; measured in the kernel suite's matrix, br_netfilter on).
  const post = postRouting(s, node, bridge, f, pre.ct, () => selectAddress(info, bridge, dst));
  if (post) bridgeOut(s, node, bridge, post);
  return true;
}
