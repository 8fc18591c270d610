// The what-changed card's content at the NAT moments of the seed's stories, checked against what a
// real Docker host prints (src/__fixtures__: `iptables -t nat -L -n -v` has the published port's
// rule as `DNAT … !docker0 * … tcp dpt:8080 to:172.17.0.2:80`, 60 bytes per SYN; `conntrack -L` has
// `src=client dst=192.0.2.10 sport=… dport=8080 src=172.17.0.2 dst=client sport=80 …`).
import { describe, expect, it } from 'vitest';
import { buildScenario, findScenario } from '../../scenarios';
import { createAppStore } from '../../store';
import { selectCurrentEntry, selectMoments, selectRuleAt, selectSeen } from '../../store/selectors';
import type { Chapter } from '../../sim/moments';
import { whatChanged, type HeaderLine } from './whatChanged';

function cardAt(id: string, chapter: Chapter) {
  const sc = findScenario(id);
  if (!sc) throw new Error(id);
  const store = createAppStore({ world: buildScenario(sc) });
  const flow = sc.flows[0];
  if (!flow) throw new Error('flow');
  store.getState().sendFlow(flow);
  const m = selectMoments(store.getState()).find((x) => x.chapter === chapter);
  if (!m) throw new Error(`no ${chapter} moment`);
  store.getState().seek(m.at);
  const s = store.getState();
  const e = selectCurrentEntry(s);
  if (!e) throw new Error('no hop');
  return whatChanged(e.hop, e.packet.direction, selectRuleAt(s), selectSeen(s).netfilter);
}

/** The line as text, changed parts in [brackets]. */
const said = (l: HeaderLine | undefined) =>
  l &&
  [l.src, l.dst]
    .map((end) => end.map((p) => (p.changed ? `[${p.text}]` : p.text)).join(''))
    .join(' → ');

describe('the what-changed card', () => {
  it('DNAT: the published address before, the container after; the DOCKER rule; a new entry', () => {
    const c = cardAt('outside-to-published-port', 'dnat');
    expect(said(c?.before)).toMatch(/^203\.0\.113\.5:\d+ → \[192\.0\.2\.10\]\[:8080\]$/);
    expect(said(c?.after)).toMatch(/^203\.0\.113\.5:\d+ → \[172\.17\.0\.2\]\[:80\]$/);
    expect(c?.rule).toEqual({
      text: 'nat PREROUTING → DOCKER → DNAT in !docker0 tcp dpt:8080 to:172.17.0.2:80',
      pkts: 1,
      bytes: 60,
    });
    expect(c?.entryState).toBe('created');
    expect([c?.entry?.orig.dst, c?.entry?.orig.dport]).toEqual(['192.0.2.10', 8080]);
    expect([c?.entry?.reply.src, c?.entry?.reply.sport]).toEqual(['172.17.0.2', 80]);
  });

  it('un-NAT: the reply from the container leaves as the published address; no rule, the same entry', () => {
    const c = cardAt('outside-to-published-port', 'un-nat');
    expect(said(c?.before)).toMatch(/^\[172\.17\.0\.2\]\[:80\] → 203\.0\.113\.5:\d+$/);
    expect(said(c?.after)).toMatch(/^\[192\.0\.2\.10\]\[:8080\] → 203\.0\.113\.5:\d+$/);
    expect(c?.rule).toBeNull();
    expect(c?.entryState).toBe('de-nat');
    expect(c?.entry?.orig.dport).toBe(8080);
  });

  it('MASQUERADE: the container source becomes the host uplink; the POSTROUTING rule', () => {
    const c = cardAt('container-to-internet', 'snat');
    expect(said(c?.before)).toMatch(/^\[172\.17\.0\.2\]:\d+ → 198\.51\.100\.7:80$/);
    expect(said(c?.after)).toMatch(/^\[192\.0\.2\.10\]:\d+ → 198\.51\.100\.7:80$/);
    expect(c?.rule?.text).toBe(
      'nat POSTROUTING → MASQUERADE out !docker0 172.17.0.0/16 → 0.0.0.0/0',
    );
    expect(c?.entryState).toBe('created');
  });

  it('says nothing at a hop that rewrote no address', () => {
    const sc = findScenario('container-to-container');
    if (!sc?.flows[0]) throw new Error('scenario');
    const store = createAppStore({ world: buildScenario(sc) });
    store.getState().sendFlow(sc.flows[0]);
    const e = selectCurrentEntry(store.getState());
    if (!e) throw new Error('no hop');
    expect(
      whatChanged(e.hop, e.packet.direction, null, selectSeen(store.getState()).netfilter),
    ).toBeNull();
  });
});
