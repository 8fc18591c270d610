// Reading a simulated flow the way a tool does: replies received, their TTL and round-trip times,
// and the ICMP errors that came back instead.
import { SYN_GIVE_UP_S } from '../../sim/syn-tries';
import type { Hop, PacketTrace } from '../../sim/trace';

export interface EchoReply {
  readonly seq: number;
  readonly ttl: number;
  readonly rttUs: number;
}

/** An ICMP error about one of ping's echo requests, as the pinging socket reads it. */
export interface EchoError {
  /** The quoted request's ordinal, as EchoReply's. */
  readonly seq: number;
  /** The error's source address. */
  readonly from: string;
  readonly type: number;
  readonly code: number;
}

/** An unanswered ARP: the kernel reports EHOSTUNREACH after 3 probes, 1 s apart. */
export const ARP_FAIL_MS = 3000;

const lastHop = (p: PacketTrace): Hop | undefined => p.hops[p.hops.length - 1];

/** Each echo request's first hop by ICMP sequence: its node is the pinger, its t when it left. */
function echoRequests(packets: readonly PacketTrace[]): Map<number, Hop> {
  const sent = new Map<number, Hop>();
  for (const p of packets) {
    const first = p.hops[0];
    const icmp = first?.frame.icmp;
    if (p.direction === 'request' && icmp?.type === 8 && first && !sent.has(icmp.seq)) {
      sent.set(icmp.seq, first);
    }
  }
  return sent;
}

/** The tools number their own lines (iputils from 1, busybox from 0): the request's ordinal. */
const ordinal = (sent: Map<number, Hop>, seq: number): number =>
  [...sent.keys()].sort((a, b) => a - b).indexOf(seq);

/** Echo replies delivered back to the pinging node, matched to their requests by ICMP sequence. */
export function echoReplies(packets: readonly PacketTrace[]): EchoReply[] {
  const sent = echoRequests(packets);
  const out: EchoReply[] = [];
  for (const p of packets) {
    const end = lastHop(p);
    const icmp = end?.frame.icmp;
    if (p.direction !== 'reply' || p.outcome.kind !== 'delivered' || !end || icmp?.type !== 0)
      continue;
    out.push({
      seq: ordinal(sent, icmp.seq),
      ttl: end.frame.ip?.ttl ?? 64,
      rttUs: Math.max(0, end.t - (sent.get(icmp.seq)?.t ?? 0)),
    });
  }
  return out;
}

/**
 * ICMP errors that reached the pinging node quoting one of its echo requests (the socket's error
 * queue: iputils prints each, busybox drops them, its id check failing on the error's id 0).
 */
export function echoErrors(packets: readonly PacketTrace[]): EchoError[] {
  const sent = echoRequests(packets);
  const pinger = sent.values().next().value?.node;
  const out: EchoError[] = [];
  for (const p of packets) {
    const end = lastHop(p);
    const icmp = end?.frame.icmp;
    const quoted = icmp?.inner?.echo;
    if (p.outcome.kind !== 'delivered' || p.outcome.node !== pinger || !end || !icmp) continue;
    if (quoted?.type !== 8 || !sent.has(quoted.seq)) continue;
    const from = end.frame.ip?.src ?? '';
    out.push({ seq: ordinal(sent, quoted.seq), from, type: icmp.type, code: icmp.code });
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

/** Linux gives up on an unanswered SYN after tcp_syn_retries=6: 1+2+4+…+64 s. */
export const KERNEL_CONNECT_TIMEOUT_MS = SYN_GIVE_UP_S * 1000;

/**
 * When the kernel fails a connect() whose SYN drew no answer (ms after it began): 127 s for a
 * silent drop, 3 s when nobody answered ARP; 0 when it failed at once (a refusal, no route). A
 * tool whose own wait (curl -m, nc -w) is shorter times out first.
 */
export function connectFailsAfterMs(
  result: { readonly kind: string },
  packets: readonly PacketTrace[],
): number {
  if (result.kind === 'timeout') return KERNEL_CONNECT_TIMEOUT_MS;
  return result.kind === 'unreachable' && lastDrop(packets) === 'arp-failed' ? ARP_FAIL_MS : 0;
}

/** Address of the node that sent an ICMP error back, e.g. the gateway after a failed ARP. */
export function icmpErrorSource(packets: readonly PacketTrace[]): string | null {
  for (const p of packets) {
    const icmp = p.hops[0]?.frame.icmp;
    if (p.direction === 'reply' && icmp?.type === 3) return p.hops[0]?.frame.ip?.src ?? null;
  }
  return null;
}

/**
 * The client's lookup went out and no answer came back (a rule dropped the query or its answer):
 * the resolver gives up, and the tool says it could not resolve the name, as for an unknown one.
 */
export function lookupUnanswered(packets: readonly PacketTrace[]): boolean {
  const asked = packets[0]?.label.startsWith('DNS query ') === true;
  const answered = packets.some(
    (p) => p.label.startsWith('DNS answer ') && p.outcome.kind === 'delivered',
  );
  return asked && !answered;
}
