// The flow's end result on both sides, as one comparable line each. Pure.
import type { Flow, FlowResult, PacketTrace } from '../src/sim';
import type { ToolOutcome } from './traffic';
import type { WireFrame } from './wire';

/** ping's counts: received/transmitted, and the ICMP errors when there were any. */
const replied = (replies: number, sent: number, errors: number): string =>
  `replied ${replies}/${sent}${errors > 0 ? ` +${errors} errors` : ''}`;

/** The engine's FlowResult in the words the tools can confirm (RTTs and TTLs are not results). */
export function engineOutcome(flow: Flow, r: FlowResult): string {
  // ping reports "N transmitted, M received" whether or not M is 0: silence is 0 replies.
  if (flow.kind === 'ping' && r.kind === 'timeout') return `replied 0/${flow.count ?? 1}`;
  switch (r.kind) {
    case 'connected':
      return flow.kind === 'http' && r.http
        ? `connected ${r.http.status} ${JSON.stringify(r.http.body)}`
        : 'connected';
    case 'replied':
      return replied(r.replies, r.sent, r.errors);
    default:
      return r.kind;
  }
}

/**
 * The kernel's result. For UDP the tool cannot tell, so the frames arriving in the source
 * namespace do: an ICMP port unreachable, a datagram back (connected), or nothing (udp-sent);
 * likewise a host unreachable behind curl's one word for every failed connect.
 */
export function kernelOutcome(
  flow: Flow,
  tool: ToolOutcome,
  sourceFrames: readonly WireFrame[],
  sourceIps: readonly string[],
): string {
  if ((flow.kind === 'udp' || flow.kind === 'dns') && tool.kind === 'udp-sent') {
    const toUs = sourceFrames.filter((f) => f.ip && sourceIps.includes(f.ip.dst));
    if (toUs.some((f) => f.icmp?.type === 3 && f.icmp.code === 3)) return 'port-unreachable';
    if (toUs.some((f) => f.udp && f.ip?.src === flow.to)) return 'connected';
    return 'udp-sent';
  }
  // curl 7.88 -sS says "Couldn't connect to server" for a refusal and for EHOSTUNREACH alike: the
  // kernel's ICMP host unreachable to the source (on its lo, after ARP gave up) tells them apart.
  if (flow.kind === 'http' && tool.kind === 'refused') {
    const toUs = sourceFrames.filter((f) => f.ip && sourceIps.includes(f.ip.dst));
    if (toUs.some((f) => f.icmp?.type === 3 && f.icmp.code === 1)) return 'unreachable';
  }
  switch (tool.kind) {
    case 'connected':
      return flow.kind === 'http' && tool.http
        ? `connected ${tool.http.status} ${JSON.stringify(tool.http.body)}`
        : 'connected';
    case 'replied':
      return replied(tool.replies, tool.sent, tool.errors);
    case 'error':
      return `error: ${tool.detail}`;
    default:
      return tool.kind;
  }
}

/** One line per packet: what the engine says became of it (shown next to a failing case). */
export function packetOutcomes(packets: readonly PacketTrace[]): string[] {
  return packets.map((p) =>
    p.outcome.kind === 'delivered'
      ? `${p.label}: delivered at ${p.outcome.node}`
      : `${p.label}: dropped at ${p.outcome.node} (${p.outcome.reason})`,
  );
}

/** For a UDP flow the engine answers: the node and port of the listener that echoes. */
export function udpEchoes(flow: Flow, packets: readonly PacketTrace[]): string | null {
  if (flow.kind !== 'udp' && flow.kind !== 'dns') return null;
  const request = packets.find((p) => p.direction === 'request');
  const replied = packets.some((p) => p.direction === 'reply' && p.hops.some((h) => h.frame.udp));
  if (!request || !replied || request.outcome.kind !== 'delivered') return null;
  const last = [...request.hops].reverse().find((h) => h.frame.udp);
  const port = last?.frame.udp?.dport ?? flow.port ?? 53;
  return `${request.outcome.node}:${port}`;
}
