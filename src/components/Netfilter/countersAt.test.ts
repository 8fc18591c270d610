import { describe, expect, it } from 'vitest';
import { buildScenario, findScenario } from '../../scenarios';
import type { Chain, World } from '../../sim';
import { createAppStore, selectTimeline } from '../../store';
import { countersAt, policyKey, ruleKey, type Counters } from './countersAt';

function labWithFlow(id: string) {
  const scenario = findScenario(id);
  if (!scenario) throw new Error(id);
  const store = createAppStore({ world: buildScenario(scenario, 'classic') });
  const before = store.getState().world;
  const flow = scenario.flows[0];
  if (!flow) throw new Error('no flow');
  store.getState().sendFlow(flow);
  return { store, before };
}

/** Every counter of the world, keyed as countersAt keys them. */
function worldCounters(w: World): Map<string, Counters> {
  const out = new Map<string, Counters>();
  for (const table of ['raw', 'nat', 'filter'] as const) {
    for (const c of w.netfilter[table].chains as readonly Chain[]) {
      out.set(policyKey(table, c.name), { pkts: c.pkts, bytes: c.bytes });
      for (const r of c.rules) out.set(ruleKey(r.id), { pkts: r.pkts, bytes: r.bytes });
    }
  }
  return out;
}

const total = (m: ReadonlyMap<string, Counters>) =>
  [...m.values()].reduce((a, c) => ({ pkts: a.pkts + c.pkts, bytes: a.bytes + c.bytes }), {
    pkts: 0,
    bytes: 0,
  });

describe('netfilter counters at the cursor', () => {
  it('start from the world before the flow and end at the world after it', () => {
    const { store, before } = labWithFlow('outside-to-published-port');
    const s = store.getState();
    const timeline = selectTimeline(s);
    const pre = worldCounters(before);
    const post = worldCounters(s.world);
    for (const [key, c] of countersAt(timeline, -1)) expect(c).toEqual(pre.get(key));
    for (const [key, c] of countersAt(timeline, timeline.length - 1))
      expect(c).toEqual(post.get(key));
  });

  it('grow by one packet and its bytes on each netfilter hop, and shrink stepping back', () => {
    const { store } = labWithFlow('outside-to-published-port');
    const timeline = selectTimeline(store.getState());
    const nfHops = timeline.filter((e) => e.hop.nf).length;
    expect(nfHops).toBeGreaterThan(2);
    const seen: Counters[] = [];
    for (let i = 0; i < timeline.length; i++) {
      store.getState().seek(i);
      const s = store.getState();
      const now = total(countersAt(selectTimeline(s), s.cursor));
      const prev = seen[seen.length - 1];
      const hop = timeline[i]?.hop;
      if (prev && hop) {
        const step = hop.nf ? 1 : 0;
        expect(now.pkts).toBe(prev.pkts + step);
        expect(now.bytes).toBe(prev.bytes + (hop.nf ? (hop.frame.ip?.len ?? 0) : 0));
      }
      seen.push(now);
    }
    // Stepping back hop by hop: never larger, and strictly smaller after leaving a netfilter hop.
    for (let i = timeline.length - 1; i > 0; i--) {
      const s0 = store.getState();
      const here = total(countersAt(selectTimeline(s0), s0.cursor));
      store.getState().stepBack();
      const s1 = store.getState();
      const back = total(countersAt(selectTimeline(s1), s1.cursor));
      expect(s1.cursor).toBe(i - 1);
      if (timeline[i]?.hop.nf) expect(back.pkts).toBe(here.pkts - 1);
      else expect(back).toEqual(here);
    }
  });

  it('shows the matched rule’s own count on its hop and one less just before', () => {
    const { store } = labWithFlow('outside-to-published-port');
    const timeline = selectTimeline(store.getState());
    const dnat = timeline.find((e) => e.hop.nf?.target === 'DNAT');
    const nf = dnat?.hop.nf;
    if (!dnat || !nf?.ruleId) throw new Error('no DNAT hop');
    const key = ruleKey(nf.ruleId);
    expect(countersAt(timeline, dnat.index).get(key)).toEqual(nf.counters);
    expect(countersAt(timeline, dnat.index - 1).get(key)?.pkts).toBe(nf.counters.pkts - 1);
  });
});
