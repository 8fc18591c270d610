// The echo id NAT gives a ping whose ICMP tuple would clash, against the kernel (6.18, network
// namespaces, iputils `ping -e 40000` on both sides; kernel/extra.ts `extra:nat-echo-id-clash`):
//   c (MASQUERADEd) pings 192.0.2.1 with id 40000, then the host with 40000: conntrack -L shows
//   `... type=8 code=0 id=40000 src=192.0.2.1 dst=192.0.2.10 type=0 code=0 id=0` for the host's
//   (five runs: always 0; with ids 0 and 1 then taken too, the next pings got 1 and 2);
//   the host first, then c: c's reply id was 12014 (random, MASQUERADE's search).
import { describe, expect, it } from 'vitest';
import { buildScenario, findScenario } from '../../scenarios';
import { conntrackList } from '../../terminal/net/conntrack';
import type { IPv4 } from '../addr';
import type { Flow, PacketTrace } from '../trace';
import type { World } from '../types';
import { simulate } from './simulate';

const web = '198.51.100.7' as IPv4;
const ping = (f: Flow['from']): Flow => ({ from: f, to: web, kind: 'ping', count: 1 });
const C2 = ping({ kind: 'container', name: 'c2' });
const C1 = ping({ kind: 'container', name: 'c1' });
const HOST = ping({ kind: 'host' });

function runAll(flows: readonly Flow[]): World[] {
  const sc = findScenario('container-to-internet');
  if (!sc) throw new Error('container-to-internet');
  let w = buildScenario(sc, 'docker-27');
  const out: World[] = [];
  for (const f of flows) {
    const r = simulate(w, f);
    expect(r.result).toMatchObject({ kind: 'replied', replies: 1 });
    out.push(r.world);
    trace.push(r.packets);
    w = r.world;
  }
  return out;
}
const trace: (readonly PacketTrace[])[] = [];

/** The echo ids seen where the request leaves the host's eth0 and where its reply is delivered. */
function ids(packets: readonly PacketTrace[]) {
  const hops = packets.flatMap((p) => p.hops);
  const out = hops.find(
    (h) => h.node === 'host' && h.iface === 'eth0' && h.event === 'tx' && h.frame.icmp?.type === 8,
  );
  const back = hops.filter((h) => h.event === 'deliver' && h.frame.icmp?.type === 0).at(-1);
  return { wire: out?.frame.icmp?.id, delivered: back?.frame.icmp?.id };
}

const icmpLines = (w: World | undefined) =>
  w
    ? conntrackList(w)
        .out.split('\n')
        .filter((l) => l.startsWith('icmp'))
    : [];

describe('an echo whose ICMP tuple would clash after NAT', () => {
  it("the host's ping after a MASQUERADEd container's with the same id is given id 0 at OUTPUT", () => {
    trace.length = 0;
    const [, host] = runAll([C2, HOST]);
    expect(ids(trace[0] ?? [])).toEqual({ wire: 40000, delivered: 40000 });
    // On the wire the host's echo carries 0; ping gets its reply back with its own 40000.
    expect(ids(trace[1] ?? [])).toEqual({ wire: 0, delivered: 40000 });
    expect(icmpLines(host)).toContain(
      'icmp     1 30 src=192.0.2.10 dst=198.51.100.7 type=8 code=0 id=40000 src=198.51.100.7 dst=192.0.2.10 type=0 code=0 id=0 mark=0 use=1',
    );
    const nat = trace[1]?.flatMap((p) => p.hops).find((h) => h.event === 'nat');
    expect(nat?.why.key).toBe('nat.null-binding-echo');
    expect(nat?.why.params).toMatchObject({ hook: 'OUTPUT' });
  });

  it('a MASQUERADEd ping after both draws a random free id (seeded), not 40000 nor 0', () => {
    trace.length = 0;
    const [, , c1] = runAll([C2, HOST, C1]);
    const { wire, delivered } = ids(trace[2] ?? []);
    expect(delivered).toBe(40000);
    expect(wire).not.toBe(40000);
    expect(wire).not.toBe(0);
    const replies = (c1?.conntrack ?? []).map((e) => `${e.reply.dst} ${e.reply.sport}`);
    expect(new Set(replies).size).toBe(3);
    expect(icmpLines(c1)).toContain(
      `icmp     1 30 src=172.17.0.2 dst=198.51.100.7 type=8 code=0 id=40000 src=198.51.100.7 dst=192.0.2.10 type=0 code=0 id=${wire} mark=0 use=1`,
    );
  });

  it('keeps the id when nothing clashes', () => {
    trace.length = 0;
    const [host] = runAll([HOST]);
    expect(ids(trace[0] ?? [])).toEqual({ wire: 40000, delivered: 40000 });
    expect(icmpLines(host).join('')).toContain('type=0 code=0 id=40000');
  });
});
