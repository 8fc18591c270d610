// br_netfilter: with bridge-nf-call-iptables=1, IPv4 frames crossing a bridge meet the iptables hooks.
// PREROUTING runs once at the bridge; bridged frames then see FORWARD (in = out = the bridge) and
// POSTROUTING; frames for the host go on to INPUT in the IP layer.
import type { Frame, NodeId } from '../trace';
import { forwardHook, NO_ADDR, postRouting, preRouting, type CtCtx } from './hooks';
import { emit, why, type WalkState } from './state';

/**
 * Returns the frame after the hooks (with the PREROUTING result for frames passed up to the host),
 * or null when a rule dropped it.
 */
export function bridgeNetfilter(
  s: WalkState,
  node: NodeId,
  bridge: string,
  port: string,
  frame: Frame,
  out: string | null,
): { frame: Frame; ct: CtCtx } | null {
  emit(s, node, bridge, 'netfilter', frame, why('brnf.enter', { bridge, port }), {}, 0);
  const pre = preRouting(s, node, bridge, frame);
  if (!pre) return null;
  if (out === null) return pre;
  if (!forwardHook(s, node, bridge, out, pre.frame, pre.ct)) return null;
  const post = postRouting(s, node, out, pre.frame, pre.ct, NO_ADDR);
  return post ? { frame: post, ct: pre.ct } : null;
}
