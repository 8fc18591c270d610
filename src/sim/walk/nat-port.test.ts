// The source port NAT gives a clashing connection, against kernel/extra.ts's
// `extra:nat-source-port-clash`: on 6.18 the host's curl left eth0 from 56129 and 41841, c1's
// MASQUERADEd one from 61049 and 63789 (two runs): random in 1024-65535, never the clashing 40000.
import { describe, expect, it } from 'vitest';
import { buildScenario, findScenario } from '../../scenarios';
import type { IPv4 } from '../addr';
import type { Flow, PacketTrace } from '../trace';
import type { World } from '../types';
import { simulate } from './simulate';

const web = '198.51.100.7' as IPv4;
const from = (f: Flow['from']): Flow => ({ from: f, to: web, kind: 'http', port: 80 });
const C2 = from({ kind: 'container', name: 'c2' });
const HOST = from({ kind: 'host' });
const C1 = from({ kind: 'container', name: 'c1' });

function world(): World {
  const sc = findScenario('container-to-internet');
  if (!sc) throw new Error('container-to-internet');
  return buildScenario(sc, 'docker-27');
}

function runAll(flows: readonly Flow[]) {
  let w = world();
  const out = [];
  for (const f of flows) {
    const r = simulate(w, f);
    out.push(r);
    w = r.world;
  }
  return out;
}

/** The source port of the flow's first TCP segment (its SYN) where it leaves the host's eth0. */
const onEth0 = (packets: readonly PacketTrace[]) =>
  packets
    .flatMap((p) => p.hops)
    .find((h) => h.node === 'host' && h.iface === 'eth0' && h.event === 'tx' && h.frame.tcp)?.frame
    .tcp?.sport;

describe('a new connection whose tuple would clash after NAT', () => {
  it("the host's own connection (no rule) is moved to another source port and gets its answer", () => {
    const [c2, host] = runAll([C2, HOST]);
    expect(onEth0(c2?.packets ?? [])).toBe(40000);
    expect(host?.result).toMatchObject({ kind: 'connected', http: { status: 200 } });
    const port = onEth0(host?.packets ?? []) ?? 0;
    expect(port).not.toBe(40000);
    expect(port).toBeGreaterThanOrEqual(1024);
    expect(port).toBeLessThanOrEqual(65535);
    const entry = host?.world.conntrack.find((e) => e.orig.src === '192.0.2.10');
    expect(entry?.orig.sport).toBe(40000);
    expect(entry?.reply.dport).toBe(port);
    const rewrite = host?.packets.flatMap((p) => p.hops).find((h) => h.event === 'nat');
    expect(rewrite?.why.key).toBe('nat.null-binding');
  });

  it('a MASQUERADEd one after both is moved too: three distinct reply tuples', () => {
    const [, , c1] = runAll([C2, HOST, C1]);
    expect(c1?.result).toMatchObject({ kind: 'connected', http: { status: 200 } });
    const replies = (c1?.world.conntrack ?? []).map((e) => `${e.reply.dst}:${e.reply.dport}`);
    expect(replies).toHaveLength(3);
    expect(new Set(replies).size).toBe(3);
    const p = onEth0(c1?.packets ?? []) ?? 0;
    expect(p).not.toBe(40000);
    expect(p).toBeGreaterThanOrEqual(1024);
  });

  it('keeps the port when nothing clashes, and draws the same port for the same world', () => {
    const [c2] = runAll([C2]);
    expect(c2?.world.conntrack[0]?.reply.dport).toBe(40000);
    expect(c2?.world.rng).toBe(world().rng);
    const a = runAll([C2, HOST])[1]?.world.conntrack;
    const b = runAll([C2, HOST])[1]?.world.conntrack;
    expect(a).toEqual(b);
  });
});
