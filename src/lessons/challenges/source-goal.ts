// What challenge 7 needs beyond the shared contract (types.ts): a goal about the client address a
// server sees, which no succeeds/fails outcome can say (the connection works either way; only the
// source address in the server's log changes). Proposed as a contract extension; see the report.
import { nodeId, type Flow, type IPv4, type PacketTrace } from '../../sim';
import type { Challenge } from './types';

/** The goal flow `flow` must connect, and container `server` must see it come from `source`. */
export interface SourceGoal {
  readonly flow: Flow;
  readonly server: string;
  readonly source: IPv4;
}

/** A challenge whose goals also say who the server must see (the plain goals hold in both states). */
export interface SourceChallenge extends Challenge {
  readonly sees: readonly SourceGoal[];
}

/**
 * The source address of the first SYN delivered to container `server`: what its accept() returns
 * and nginx logs as `$remote_addr`. null when no SYN reached it.
 */
export function sourceSeen(packets: readonly PacketTrace[], server: string): IPv4 | null {
  const at = nodeId.container(server);
  for (const p of packets)
    for (const h of p.hops)
      if (
        h.event === 'deliver' &&
        h.node === at &&
        h.frame.tcp?.flags.includes('SYN') === true &&
        !h.frame.tcp.flags.includes('ACK')
      )
        return h.frame.ip?.src ?? null;
  return null;
}
