// The world at the cursor: every panel reads one selector, and at hop k it holds what the walk held
// when it emitted hop k. The truth is taken by a spy on the walk itself: a deep copy of its tables
// at each emit, i.e. a simulation stopped right there (nothing shared with what it later writes).
import { describe, expect, it, vi } from 'vitest';
import { buildScenario, findScenario } from '../scenarios';
import type { Seen } from '../sim';
import type * as WalkState from '../sim/walk/state';
import { createAppStore } from './index';
import { momentTarget, selectMoments, selectRuleAt, selectSeen } from './selectors';

const stopped: Seen[] = [];
vi.mock('../sim/walk/state', async (load) => {
  const real = await load<typeof WalkState>();
  return {
    ...real,
    emit: (...args: Parameters<typeof real.emit>) => {
      real.emit(...args);
      const s = args[0];
      stopped.push(
        structuredClone({ conntrack: s.conntrack, netfilter: s.nf, neigh: s.neigh, fdb: s.fdb }),
      );
    },
  };
});

function lab(id: string) {
  const sc = findScenario(id);
  if (!sc) throw new Error(id);
  const store = createAppStore({ world: buildScenario(sc) });
  stopped.length = 0;
  store.getState().sendFlow(sc.flows[0] as NonNullable<(typeof sc.flows)[0]>);
  return store;
}

describe('selectSeen: the tables at the cursor', () => {
  it.each(['outside-to-published-port', 'container-to-internet', 'host-to-container'])(
    '%s: at every hop, what a walk stopped there held',
    (id) => {
      const store = lab(id);
      const n = stopped.length;
      expect(n).toBeGreaterThan(30);
      for (let k = 0; k < n; k++) {
        store.getState().seek(k);
        expect(selectSeen(store.getState())).toEqual(stopped[k]);
      }
    },
  );

  it('the DNAT hop: its entry is not in the table yet; the DNAT rule counted this SYN', () => {
    const store = lab('outside-to-published-port');
    const s = store.getState();
    const dnat = selectMoments(s).find((m) => m.chapter === 'dnat');
    store.getState().seek(dnat?.at ?? -1);
    const seen = selectSeen(store.getState());
    // Confirmed in POSTROUTING, later: conntrack -L does not list it at PREROUTING.
    expect(seen.conntrack).toEqual([]);
    const rule = selectRuleAt(store.getState());
    expect(rule?.step.target).toBe('DNAT');
    expect([...(rule?.path ?? []), rule?.step].map((x) => `${x?.table}/${x?.chain}`)).toEqual([
      'nat/PREROUTING',
      'nat/DOCKER',
    ]);
    const docker = seen.netfilter.nat.chains.find((c) => c.name === 'DOCKER');
    expect(docker?.rules.find((r) => r.target.kind === 'DNAT')?.pkts).toBe(1);
    // At the end of the flow the same rule has still counted one packet (later ones use conntrack).
    store.getState().seek(1e9);
    const end = selectSeen(store.getState()).netfilter.nat.chains.find((c) => c.name === 'DOCKER');
    expect(end?.rules.find((r) => r.target.kind === 'DNAT')?.pkts).toBe(1);
  });

  it('a table changed after the flow shows as it is now', () => {
    const store = lab('outside-to-published-port');
    store.getState().seek(3);
    const before = selectSeen(store.getState());
    store.getState().runContainer({
      image: 'nginx',
      name: 'late',
      detach: true,
      ports: [{ hostIp: null, hostPort: 9090, containerPort: 80, proto: 'tcp' }],
    });
    const after = selectSeen(store.getState());
    expect(after.netfilter).toBe(store.getState().world.netfilter);
    // The ARP tables of hop 3 are still the flow's: they stay at the cursor.
    expect(after.neigh).toBe(before.neigh);
    expect(after.neigh).not.toBe(store.getState().world.neigh);
  });
});

describe('nextMoment / prevMoment', () => {
  it('walk the key moments in order and stop at the ends', () => {
    const store = lab('outside-to-published-port');
    const ats = selectMoments(store.getState()).map((m) => m.at);
    const seen: number[] = [store.getState().cursor];
    for (let i = 0; i < ats.length + 2; i++) {
      store.getState().nextMoment();
      seen.push(store.getState().cursor);
    }
    expect([...new Set(seen)]).toEqual([0, ...ats.filter((a) => a > 0)]);
    store.getState().prevMoment();
    expect(store.getState().cursor).toBe(ats.at(-2));
    expect(momentTarget({ packets: [], cursor: 0 }, 1)).toBeNull();
  });
});
