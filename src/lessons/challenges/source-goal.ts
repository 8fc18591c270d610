// The client address a server sees: the goal `sees` of a challenge (types.ts) reads it from the
// flow's packets, as the server's accept() would return it.
import { nodeId, type IPv4, type PacketTrace } from '../../sim';

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
