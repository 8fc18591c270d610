// The seed's four stories, each told in at most 12 key moments that include the events it is about.
import { describe, expect, it } from 'vitest';
import { applyStep, buildScenario, findScenario } from '../scenarios';
import type { IPv4 } from './addr';
import { hopChapters, keyMoments, type Chapter, type Moment } from './moments';
import { simulate } from './walk/simulate';
import type { Flow, Hop, PacketTrace } from './trace';
import type { World } from './types';

function story(id: string, flowIndex = 0, world?: World) {
  const sc = findScenario(id);
  if (!sc) throw new Error(id);
  const flow = sc.flows[flowIndex] as Flow;
  let w = world ?? buildScenario(sc);
  for (const f of sc.flows.slice(0, flowIndex)) w = simulate(w, f).world;
  return told(w, flow);
}

function told(w: World, flow: Flow) {
  const { packets } = simulate(w, flow);
  const hops = packets.flatMap((p) => p.hops.map((hop) => ({ hop, packet: p })));
  const moments = keyMoments(packets);
  const at = (m: Moment) => hops[m.at] as { hop: Hop; packet: PacketTrace };
  return { packets, hops, moments, at };
}

/** The moments as `chapter event` (and the table/chain/target of a rule) to compare with a story. */
const said = (s: ReturnType<typeof told>) =>
  s.moments.map((m) => {
    const { hop, packet } = s.at(m);
    const nf = hop.nf ? ` ${hop.nf.table}/${hop.nf.chain} ${hop.nf.target}` : '';
    return `${m.chapter} ${packet.label} ${hop.event}${nf}`;
  });

describe('key moments of the four stories', () => {
  it('outside → published port: DNAT in nat PREROUTING, FORWARD accept, delivery, the reply un-NATed', () => {
    const s = story('outside-to-published-port');
    expect(s.hops.length).toBeGreaterThan(250);
    expect(s.moments.length).toBeLessThanOrEqual(12);
    const dnat = s.moments.find((m) => m.chapter === 'dnat');
    if (!dnat) throw new Error('no DNAT moment');
    // The rewrite itself, on the SYN, by the rule conntrack then remembers (a new entry).
    const hop = s.at(dnat).hop;
    expect([hop.event, hop.ct?.created, hop.frame.ip?.dst, hop.frame.tcp?.dport]).toEqual([
      'nat',
      true,
      '172.17.0.2',
      80,
    ]);
    // The step holds the chain walk that led to it: PREROUTING jumped to DOCKER, whose rule DNATs.
    const chain = s.hops.slice(dnat.from, dnat.at).flatMap((x) => (x.hop.nf ? [x.hop.nf] : []));
    expect(chain.map((n) => `${n.table}/${n.chain} ${n.target}`)).toEqual([
      'nat/PREROUTING DOCKER',
      'nat/DOCKER DNAT',
    ]);
    expect(said(s)).toEqual(
      expect.arrayContaining([
        'verdict SYN netfilter filter/DOCKER ACCEPT',
        'deliver SYN deliver',
        'un-nat SYN-ACK nat',
        'deliver HTTP GET deliver',
        'deliver HTTP 200 deliver',
        'teardown FIN send',
      ]),
    );
    // The un-NAT of the first reply restores the published address the client asked for.
    const unNat = s.moments.find((m) => m.chapter === 'un-nat');
    expect(unNat && s.at(unNat).hop.frame.ip?.src).toBe('192.0.2.10');
    // Order of the story: resolve → DNAT → route → verdict … → un-NAT.
    const order = s.moments.map((m) => m.chapter);
    expect(order.indexOf('dnat')).toBeLessThan(order.indexOf('route'));
    expect(order.indexOf('route')).toBeLessThan(order.indexOf('verdict'));
  });

  it('container → outside and back: FORWARD accept, MASQUERADE, delivery, the reply de-NATed', () => {
    const s = story('container-to-internet');
    expect(s.moments.length).toBeLessThanOrEqual(12);
    expect(said(s)).toEqual(
      expect.arrayContaining([
        'route SYN route',
        'verdict SYN netfilter filter/FORWARD ACCEPT',
        'snat SYN nat',
        'deliver SYN deliver',
        'un-nat SYN-ACK nat',
        'teardown FIN send',
      ]),
    );
    const snat = s.moments.find((m) => m.chapter === 'snat');
    expect(snat && s.at(snat).hop.frame.ip?.src).toBe('192.0.2.10');
    expect(s.hops.slice(snat?.from, snat?.at).map((x) => x.hop.nf?.target)).toContain('MASQUERADE');
  });

  it('host ↔ container through the veth pair: ARP, routing, delivery, no NAT', () => {
    for (const s of [story('host-to-container', 0), story('host-to-container', 1)]) {
      expect(s.moments.length).toBeLessThanOrEqual(12);
      const chapters = s.moments.map((m) => m.chapter);
      expect(chapters).toContain('route');
      expect(chapters).toContain('deliver');
      expect(chapters).not.toContain('dnat');
      expect(chapters).not.toContain('snat');
    }
    // The ping's request is the first to ask c1's MAC on docker0.
    expect(story('host-to-container', 0).moments.map((m) => m.chapter)).toContain('resolve');
  });

  it('the three modes: bridge, host and none, each in a few moments', () => {
    const bridge = story('container-to-container');
    const sc = findScenario('container-to-container');
    if (!sc) throw new Error('scenario');
    const r = applyStep(buildScenario(sc), {
      op: 'run',
      opts: { image: 'busybox', name: 'hn', network: 'host', tty: true, interactive: true },
    });
    if (!r.ok) throw new Error(r.error.message);
    const host = told(r.world, {
      from: { kind: 'container', name: 'hn' },
      to: '172.17.0.2' as IPv4,
      kind: 'http',
      port: 80,
    });
    const none = story('none-mode');
    for (const s of [bridge, host, none]) expect(s.moments.length).toBeLessThanOrEqual(12);
    // A host-mode container is a process of the host: the host's routing decision and OUTPUT verdict.
    expect(said(host)).toEqual(
      expect.arrayContaining(['route SYN route', 'verdict SYN netfilter filter/OUTPUT ACCEPT']),
    );
    // None mode: nothing leaves; the drop is the story.
    expect(none.moments.map((m) => m.chapter)).toEqual(['drop']);
    expect(said(bridge)).toEqual(expect.arrayContaining(['deliver SYN deliver']));
  });
});

describe('chapters', () => {
  it('every hop has one; moments cover the timeline once, in order, landing inside', () => {
    const s = story('outside-to-published-port');
    const chapters = hopChapters(s.packets);
    expect(chapters).toHaveLength(s.hops.length);
    let next = 0;
    for (const m of s.moments) {
      expect([m.from, m.at >= m.from && m.at <= m.to]).toEqual([next, true]);
      next = m.to + 1;
    }
    expect(next).toBe(s.hops.length);
  });

  it('ARP frames are address resolution wherever they travel; rewrites by their direction', () => {
    const s = story('outside-to-published-port');
    const chapters = hopChapters(s.packets);
    const of = (pred: (h: Hop) => boolean): Set<Chapter> =>
      new Set(s.hops.flatMap((x, i) => (pred(x.hop) ? [chapters[i] as Chapter] : [])));
    expect(of((h) => h.frame.arp !== undefined)).toEqual(new Set(['resolve']));
    expect(of((h) => h.event === 'nat')).toEqual(new Set(['dnat', 'un-nat']));
    // Later requests of the connection are rewritten by conntrack too, but only the first is a stop.
    const dnats = s.hops.filter((x, i) => chapters[i] === 'dnat' && x.hop.event === 'nat');
    expect(dnats.length).toBeGreaterThan(1);
    expect(s.moments.filter((m) => m.chapter === 'dnat')).toHaveLength(1);
  });
});

describe('a SYN the kernel tries again', () => {
  // icc=false drops c2's SYN in FORWARD; without a tool wait Linux 6.1 tries it 7 times over 127 s.
  const blocked = () => {
    const sc = findScenario('icc-off');
    if (!sc) throw new Error('icc-off');
    const { wait: _shown, ...flow } = sc.flows[0] as Flow;
    return told(buildScenario(sc), flow);
  };

  it('is one step when it goes the way the last one went: the try, not its verdict and drop again', () => {
    const s = blocked();
    const tries = s.packets.filter((p) => p.label.startsWith('SYN'));
    expect(tries.map((p) => p.label)).toEqual([
      'SYN',
      'SYN #2',
      'SYN #3',
      'SYN #4',
      'SYN #5',
      'SYN #6',
      'SYN #7',
    ]);
    // The first try is told in full (its verdict and drop); each later one in the step it starts.
    const first = said(s).filter((m) => / SYN /.test(m));
    expect(first).toEqual(expect.arrayContaining(['drop SYN drop']));
    const later = said(s).filter((m) => / SYN #\d /.test(m));
    expect(later).toEqual(tries.slice(1).map((p) => `handshake ${p.label} send`));
    expect(s.moments.length).toBeLessThanOrEqual(12);
  });

  it("the lab's own flows wait 2 s, as curl -m 2: the first SYN and the try at 1 s", () => {
    const sc = findScenario('icc-off');
    const s = story('icc-off');
    expect(sc?.flows[0]?.wait).toBe(2);
    expect(s.packets.map((p) => p.label)).toEqual(['SYN', 'SYN #2']);
  });
});
