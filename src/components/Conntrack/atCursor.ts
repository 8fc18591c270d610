// The conntrack table as it stood at the cursor: entries created later hidden, touched ones as last seen.
import type { ConntrackEntry, Tuple } from '../../sim';
import type { TimelineEntry } from '../../store/selectors';

export function conntrackAt(
  final: readonly ConntrackEntry[],
  timeline: readonly TimelineEntry[],
  cursor: number,
): ConntrackEntry[] {
  const seen = new Map<number, ConntrackEntry>();
  const createdLater = new Set<number>();
  const deleted = new Set<number>();
  timeline.forEach((e, i) => {
    const ct = e.hop.ct;
    if (!ct) return;
    if (i <= cursor) {
      seen.set(ct.entry.id, ct.entry);
      if (ct.deleted) deleted.add(ct.entry.id);
    } else if (ct.created && !seen.has(ct.entry.id)) createdLater.add(ct.entry.id);
  });
  const out = final.filter((e) => !createdLater.has(e.id)).map((e) => seen.get(e.id) ?? e);
  for (const [id, e] of seen) if (!out.some((x) => x.id === id)) out.push(e);
  // An entry a RST deleted is gone from the table from that hop on (the hop itself still shows it).
  const here = timeline[cursor]?.hop.ct;
  return out
    .filter((e) => !deleted.has(e.id) || here?.entry.id === e.id)
    .sort((a, b) => a.id - b.id);
}

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
