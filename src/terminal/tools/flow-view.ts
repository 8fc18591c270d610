// Reading a simulated flow the way a tool does: replies received, their TTL and round-trip times.
import type { Hop, PacketTrace } from '../../sim/trace';

export interface EchoReply {
  readonly seq: number;
  readonly ttl: number;
  readonly rttUs: number;
}

const lastHop = (p: PacketTrace): Hop | undefined => p.hops[p.hops.length - 1];

/** Echo replies delivered back to the pinging node, matched to their requests by ICMP sequence. */
export function echoReplies(packets: readonly PacketTrace[]): EchoReply[] {
  const sentAt = new Map<number, number>();
  for (const p of packets) {
    const first = p.hops[0];
    const icmp = first?.frame.icmp;
    if (p.direction === 'request' && icmp?.type === 8 && first && !sentAt.has(icmp.seq)) {
      sentAt.set(icmp.seq, first.t);
    }
  }
  const out: EchoReply[] = [];
  for (const p of packets) {
    const end = lastHop(p);
    const icmp = end?.frame.icmp;
    if (p.direction !== 'reply' || p.outcome.kind !== 'delivered' || !end || icmp?.type !== 0)
      continue;
    out.push({
      // The tools number their own lines (iputils from 1, busybox from 0): keep the ordinal.
      seq: [...sentAt.keys()].sort((a, b) => a - b).indexOf(icmp.seq),
      ttl: end.frame.ip?.ttl ?? 64,
      rttUs: Math.max(0, end.t - (sentAt.get(icmp.seq) ?? 0)),
    });
  }
  return out;
}

/** The drop reason of the last dropped packet, if the flow ended in a drop. */
export function lastDrop(packets: readonly PacketTrace[]): string | null {
  for (let i = packets.length - 1; i >= 0; i--) {
    const o = packets[i]?.outcome;
    if (o?.kind === 'dropped') return o.reason;
  }
  return null;
}

/** Address of the node that sent an ICMP error back, e.g. the gateway after a failed ARP. */
export function icmpErrorSource(packets: readonly PacketTrace[]): string | null {
  for (const p of packets) {
    const icmp = p.hops[0]?.frame.icmp;
    if (p.direction === 'reply' && icmp?.type === 3) return p.hops[0]?.frame.ip?.src ?? null;
  }
  return null;
}
