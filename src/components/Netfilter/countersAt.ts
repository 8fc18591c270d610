// Rule and policy counters as they stood at the cursor, not after the whole flow. Pure; reads hops.
// Each netfilter hop is one counter increment (one packet, its IP length); hop.nf.counters is the
// value right after it. So at hop i: the value after the last hop <= i naming the rule, or, when
// the first hop naming it comes later, that hop's value less its own packet.
import type { TimelineEntry } from '../../store/selectors';

export interface Counters {
  readonly pkts: number;
  readonly bytes: number;
}

interface Touch {
  readonly index: number;
  readonly after: Counters;
  readonly bytes: number;
}

/** The key a hop's counter is kept under: the rule id, or `table/chain` for a chain policy. */
export const ruleKey = (ruleId: string): string => `rule:${ruleId}`;
export const policyKey = (table: string, chain: string): string => `policy:${table}/${chain}`;

const touchesOf = new WeakMap<readonly TimelineEntry[], ReadonlyMap<string, readonly Touch[]>>();

function touches(timeline: readonly TimelineEntry[]): ReadonlyMap<string, readonly Touch[]> {
  const cached = touchesOf.get(timeline);
  if (cached) return cached;
  const out = new Map<string, Touch[]>();
  for (const e of timeline) {
    const nf = e.hop.nf;
    if (!nf) continue;
    const key = nf.ruleId !== null ? ruleKey(nf.ruleId) : policyKey(nf.table, nf.chain);
    const list = out.get(key) ?? [];
    list.push({ index: e.index, after: nf.counters, bytes: e.hop.frame.ip?.len ?? 0 });
    out.set(key, list);
  }
  touchesOf.set(timeline, out);
  return out;
}

/**
 * Counters of every rule or policy the flow touches, as of hop `cursor`; keys absent from the map
 * were not touched by the flow and show the world's own counters.
 */
export function countersAt(
  timeline: readonly TimelineEntry[],
  cursor: number,
): ReadonlyMap<string, Counters> {
  const out = new Map<string, Counters>();
  for (const [key, list] of touches(timeline)) {
    let last: Touch | undefined;
    for (const t of list) {
      if (t.index > cursor) break;
      last = t;
    }
    const first = list[0];
    if (last) out.set(key, last.after);
    else if (first) {
      out.set(key, {
        pkts: Math.max(0, first.after.pkts - 1),
        bytes: Math.max(0, first.after.bytes - first.bytes),
      });
    }
  }
  return out;
}
