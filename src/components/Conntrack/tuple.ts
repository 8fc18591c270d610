// How conntrack -L writes a tuple, and whether an entry is NATed.
import type { ConntrackEntry, Tuple } from '../../sim';

export const tupleText = (t: Tuple): string =>
  `src=${t.src} dst=${t.dst} sport=${t.sport} dport=${t.dport}`;

/** NAT shows in conntrack as a reply tuple that is not the original turned around. */
export function isNatted(e: ConntrackEntry): boolean {
  return (
    e.reply.src !== e.orig.dst ||
    e.reply.dst !== e.orig.src ||
    e.reply.sport !== e.orig.dport ||
    e.reply.dport !== e.orig.sport
  );
}
