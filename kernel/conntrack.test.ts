import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildScenario, findScenario } from '../src/scenarios';
import { simulate } from '../src/sim';
import { compareConntrack, ctKey, engineConntrack, parseConntrack } from './conntrack';

// The reference host's real `conntrack -L` (src/__fixtures__/README.md).
const reference = readFileSync(
  new URL('../src/__fixtures__/host__conntrack-L.txt', import.meta.url),
  'utf8',
);
const none = { ports: new Map<string, number>() };

describe('conntrack -L parsing', () => {
  const lines = parseConntrack(reference);

  it('reads every entry of a real listing', () => {
    expect(lines).toHaveLength(39);
    expect(lines.filter((l) => l.state === 'TIME_WAIT')).toHaveLength(14);
  });

  it('splits a TCP line into state, tuples, flags and seconds left', () => {
    const l = lines.find((x) => x.orig.includes('sport=47668'));
    expect(l).toEqual({
      proto: 'tcp',
      state: 'TIME_WAIT',
      orig: ['src=172.17.0.1', 'dst=172.17.0.2', 'sport=47668', 'dport=80'],
      reply: ['src=172.17.0.2', 'dst=172.17.0.1', 'sport=80', 'dport=47668'],
      unreplied: false,
      assured: true,
      timeout: 118,
    });
  });

  it('keeps [UNREPLIED] of the original direction and ignores ICMP echo ids in the key', () => {
    const syn = lines.find((x) => x.state === 'SYN_SENT');
    expect([syn?.unreplied, syn?.assured]).toEqual([true, false]);
    const icmp = lines.find((x) => x.proto === 'icmp');
    expect(icmp && ctKey(icmp, none)).toMatch(
      /^icmp src=\S+ dst=\S+ type=8 code=0 id=\* \| src=\S+ dst=\S+ type=0 code=0 id=\*$/,
    );
  });
});

describe('the comparison', () => {
  const sc = findScenario('outside-to-published-port');
  if (!sc?.flows[0]) throw new Error('scenario');
  const after = simulate(buildScenario(sc, 'docker-27'), sc.flows[0]).world;
  const engine = engineConntrack(after);
  const kernel =
    'tcp      6 119 TIME_WAIT src=203.0.113.5 dst=192.0.2.10 sport=51732 dport=8080 src=172.17.0.2 dst=203.0.113.5 sport=80 dport=51732 [ASSURED] mark=0 use=1\n' +
    'unknown  2 599 src=172.17.0.1 dst=224.0.0.22 [UNREPLIED] src=224.0.0.22 dst=172.17.0.1 mark=0 use=1\n';
  const ports = { ports: new Map([['203.0.113.5:51732', 40000]]) };

  it('matches the kernel entry through the port mapping, and ignores the IGMP entry', () => {
    const r = compareConntrack(kernel, engine, ports, 3);
    expect(r.lines).toEqual(['    conntrack -L: 1 entry identical']);
    expect(r.ok).toBe(true);
  });

  it('fails on another state (an engine that never closed) and names both sides', () => {
    const established = kernel.replace('119 TIME_WAIT', '431999 ESTABLISHED');
    const r = compareConntrack(established, engine, ports, 3);
    expect(r.ok).toBe(false);
    expect(r.lines.slice(1)).toEqual([
      expect.stringMatching(/^ {6}engine only: tcp TIME_WAIT src=203\.0\.113\.5 .* \(120 s\)$/),
      expect.stringMatching(
        /^ {6}kernel only: tcp ESTABLISHED src=203\.0\.113\.5 .* \(431999 s\)$/,
      ),
    ]);
  });

  it('fails on a timeout outside the seconds the case has run', () => {
    const r = compareConntrack(kernel.replace('119 TIME_WAIT', '100 TIME_WAIT'), engine, ports, 3);
    expect(r.ok).toBe(false);
    expect(r.lines[1]).toMatch(/timeout: .*engine 120 s, kernel 100 s/);
  });

  // Seen in the matrix: the host's curl to 192.0.2.10:8080 with userland-proxy=false leaves
  // docker0 MASQUERADEd as 172.17.0.1, so its own port under 192.0.2.10 is on no wire.
  it('matches an entry whose original client port was on no wire, and only that port', () => {
    const local = (sport: number) =>
      `tcp      6 119 TIME_WAIT src=192.0.2.10 dst=192.0.2.10 sport=${sport} dport=8080 src=172.17.0.2 dst=172.17.0.1 sport=80 dport=${sport} [ASSURED] mark=0 use=1\n`;
    const eng = parseConntrack(local(40001));
    const mapped = { ports: new Map([['172.17.0.1:53674', 40001]]) };
    expect(compareConntrack(local(53674), eng, mapped, 3).ok).toBe(true);
    // Once the port was seen under that address, it must map exactly.
    const seen = { ports: new Map([...mapped.ports, ['192.0.2.10:53674', 40002]]) };
    expect(compareConntrack(local(53674), eng, seen, 3).ok).toBe(false);
    // Anything else that differs still fails.
    expect(
      compareConntrack(local(53674).replace('dport=8080', 'dport=8081'), eng, mapped, 3).ok,
    ).toBe(false);
  });

  it('reports an entry only one side lists once: a later flow of the case does not fail on it', () => {
    const established = kernel.replace('119 TIME_WAIT', '431999 ESTABLISHED');
    const first = compareConntrack(established, engine, ports, 3);
    expect(first.onlyOneSide).toHaveLength(2);
    const later = compareConntrack(
      established,
      engine,
      { ...ports, known: new Set(first.onlyOneSide) },
      5,
    );
    expect(later.ok).toBe(true);
    expect(later.lines).toEqual([
      '    conntrack -L: 0 entries identical (2 differing since an earlier flow, reported there)',
    ]);
    // A new difference still fails.
    const other = established.replace('ESTABLISHED', 'CLOSE');
    expect(
      compareConntrack(other, engine, { ...ports, known: new Set(first.onlyOneSide) }, 5).ok,
    ).toBe(false);
  });
});
