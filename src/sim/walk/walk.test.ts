import { describe, expect, it } from 'vitest';
import { buildScenario, findScenario } from '../../scenarios';
import { simulate } from './simulate';
import type { Hop, PacketTrace } from '../trace';
import type { World } from '../types';

function world(id: string, profile: 'docker-27' | 'docker-29' = 'docker-27'): World {
  const sc = findScenario(id);
  if (!sc) throw new Error(id);
  return buildScenario(sc, profile);
}

function run(id: string, profile: 'docker-27' | 'docker-29' = 'docker-27') {
  const sc = findScenario(id);
  if (!sc) throw new Error(id);
  let w = buildScenario(sc, profile);
  const results = sc.flows.map((f) => {
    const r = simulate(w, f);
    w = r.world;
    return r;
  });
  return { results, world: w, last: results[results.length - 1]! };
}

const hops = (p: PacketTrace | undefined, event: Hop['event']) =>
  (p?.hops ?? []).filter((h) => h.event === event);
const onWire = (p: PacketTrace | undefined) =>
  (p?.hops ?? [])
    .filter((h) => (h.event === 'tx' || h.event === 'rx') && h.frame.ip)
    .map((h) => `${h.node}/${h.iface}`);

describe('outside -> published port (article part 3)', () => {
  const { last, world: after } = run('outside-to-published-port');
  const syn = last.packets[0];
  const synAck = last.packets[1];

  it('DNATs 192.0.2.10:8080 to 172.17.0.2:80 in nat PREROUTING through the DOCKER chain', () => {
    const nat = hops(syn, 'nat')[0];
    expect(nat?.changed).toEqual([
      { field: 'ip.dst', from: '192.0.2.10', to: '172.17.0.2' },
      { field: 'tcp.dport', from: 8080, to: 80 },
    ]);
    const rules = hops(syn, 'netfilter').map((h) => `${h.nf?.table} ${h.nf?.rule}`);
    expect(rules).toContain(
      'nat -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
    );
    expect(rules).toContain(
      'filter -A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT',
    );
  });

  it('forwards: the container sees TTL 62 (client 64, router and host each -1)', () => {
    const atC1 = syn?.hops.find((h) => h.node === 'container:c1' && h.event === 'rx' && h.frame.ip);
    expect(atC1?.frame.ip?.ttl).toBe(62);
    expect(atC1?.frame.eth?.dst).toBe('02:42:ac:11:00:02');
  });

  it('un-DNATs the reply from the conntrack entry, with no nat rule consulted', () => {
    expect(hops(synAck, 'netfilter').filter((h) => h.nf?.table === 'nat')).toEqual([]);
    const undo = hops(synAck, 'nat')[0];
    expect(undo?.why.key).toBe('nat.ct-undnat');
    expect(undo?.changed).toEqual([
      { field: 'ip.src', from: '172.17.0.2', to: '192.0.2.10' },
      { field: 'tcp.sport', from: 80, to: 8080 },
    ]);
    const out = synAck?.hops.find(
      (h) => h.node === 'host' && h.iface === 'eth0' && h.event === 'tx',
    );
    expect(out?.frame.ip?.src).toBe('192.0.2.10');
  });

  it('keeps one ASSURED entry whose reply tuple holds the NAT, in TIME_WAIT once closed', () => {
    expect(after.conntrack).toHaveLength(1);
    const e = after.conntrack[0]!;
    expect(e.orig).toEqual({ src: '203.0.113.5', dst: '192.0.2.10', sport: 40000, dport: 8080 });
    expect(e.reply).toEqual({ src: '172.17.0.2', dst: '203.0.113.5', sport: 80, dport: 40000 });
    expect([e.tcpState, e.assured, e.expires - after.clock]).toEqual(['TIME_WAIT', true, 120]);
  });

  it("counts the DNAT rule once: only a connection's first packet meets the nat table", () => {
    const dnat = after.netfilter.nat.chains
      .find((c) => c.name === 'DOCKER')
      ?.rules.find((r) => r.target.kind === 'DNAT');
    expect(dnat?.pkts).toBe(1);
  });

  it('serves the page', () => {
    expect(last.result.kind).toBe('connected');
  });
});

describe('container -> internet (article part 4)', () => {
  const { last, world: after } = run('container-to-internet');
  const syn = last.packets[0];

  it('goes c1 eth0 -> veth -> docker0 (host stack) -> eth0 -> router -> server', () => {
    expect(onWire(syn)).toEqual([
      'container:c1/eth0',
      expect.stringMatching(/^host\/veth[0-9a-f]{7}$/),
      'host/docker0',
      'host/eth0',
      'router/eth0',
      'router/eth1',
      'remote:server/eth0',
    ]);
  });

  it('MASQUERADEs the source to the host address in nat POSTROUTING', () => {
    const rule = hops(syn, 'netfilter').find((h) => h.nf?.target === 'MASQUERADE');
    expect(rule?.nf?.rule).toBe('-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE');
    expect(hops(syn, 'nat')[0]?.changed).toEqual([
      { field: 'ip.src', from: '172.17.0.2', to: '192.0.2.10' },
    ]);
  });

  it('lets the reply in through RELATED,ESTABLISHED and restores the destination from conntrack', () => {
    const reply = last.packets[1];
    expect(hops(reply, 'nat')[0]?.why.key).toBe('nat.ct-unsnat');
    const accept = hops(reply, 'netfilter').find((h) => h.nf?.target === 'ACCEPT');
    expect(accept?.nf?.rule).toBe(
      '-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
    );
    const atC1 = reply?.hops.find(
      (h) => h.node === 'container:c1' && h.event === 'rx' && h.frame.ip,
    );
    expect(atC1?.frame.ip?.dst).toBe('172.17.0.2');
  });

  it('resolves the gateway with ARP first, and learns MACs on the bridge', () => {
    const req = hops(syn, 'arp-request')[0];
    expect(req?.frame.arp).toMatchObject({
      op: 'request',
      senderIp: '172.17.0.2',
      targetIp: '172.17.0.1',
    });
    expect(after.fdb['docker0']?.map((e) => e.mac)).toContain('02:42:ac:11:00:02');
    expect(after.neigh['container:c1']?.find((n) => n.ip === '172.17.0.1')?.state).toBe(
      'REACHABLE',
    );
  });
});

describe('container <-> container and host on the bridge (article part 2)', () => {
  it('switches c2 -> c1 at layer 2: no routing, no TTL change, no NAT', () => {
    const { last } = run('container-to-container');
    const syn = last.packets[0];
    expect(
      syn?.hops.some((h) => h.node === 'host' && (h.event === 'route' || h.event === 'nat')),
    ).toBe(false);
    expect(
      syn?.hops.find((h) => h.node === 'container:c1' && h.event === 'rx' && h.frame.ip)?.frame.ip
        ?.ttl,
    ).toBe(64);
    expect(hops(syn, 'bridge-forward').length).toBeGreaterThan(0);
  });

  it('sends host -> c1 out of docker0 with source 172.17.0.1', () => {
    const { results } = run('host-to-container');
    const echo = results[0]?.packets[0];
    expect(echo?.hops.find((h) => h.event === 'tx' && h.frame.ip)).toMatchObject({
      node: 'host',
      iface: 'docker0',
    });
    expect(results[0]?.result).toMatchObject({ kind: 'replied', replies: 1, ttl: 64 });
  });
});

describe('failures carry their reason', () => {
  it('a closed port answers RST', () => {
    expect(run('closed-port-refused').last.result.kind).toBe('refused');
  });

  it('a RST answering the SYN deletes the entry at once (no port-81 entry on the reference host)', () => {
    const { last, world: after } = run('closed-port-refused');
    const rst = last.packets.find((p) => p.label === 'RST');
    const ct = rst?.hops.find((h) => h.event === 'conntrack');
    expect(ct?.why.key).toBe('ct.deleted');
    expect(ct?.ct?.deleted).toBe(true);
    expect(after.conntrack).toEqual([]);
  });

  it('--network none has only lo: Network is unreachable', () => {
    const { last } = run('none-mode');
    expect(last.result.kind).toBe('unreachable');
    expect(last.packets[0]?.outcome).toMatchObject({ kind: 'dropped', reason: 'no-network' });
  });

  it('ip_forward=0 drops at the host without an ICMP error', () => {
    const { last } = run('ip-forward-off');
    expect(last.packets).toHaveLength(1);
    expect(last.packets[0]?.outcome).toMatchObject({
      kind: 'dropped',
      reason: 'forwarding-disabled',
      node: 'host',
    });
  });

  it('icc=false drops c2 -> c1 in FORWARD and leaves no conntrack entry', () => {
    const { last, world: after } = run('icc-off');
    expect(last.packets[0]?.hops.at(-1)?.why.params['rule']).toBe(
      '-A FORWARD -i docker0 -o docker0 -j DROP',
    );
    expect(after.conntrack).toEqual([]);
  });

  it('the current profile drops direct access to a container IP in the raw table', () => {
    const { last } = run('direct-to-container-ip', 'docker-29');
    expect(last.packets[0]?.outcome).toMatchObject({ kind: 'dropped', reason: 'rule' });
    expect(last.packets[0]?.hops.at(-1)?.why.params['rule']).toBe(
      '-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP',
    );
  });
});

describe('purity', () => {
  it('never mutates the world it is given and repeats byte for byte', () => {
    const w = world('outside-to-published-port');
    const before = JSON.stringify(w);
    const flow = findScenario('outside-to-published-port')!.flows[0]!;
    const a = simulate(w, flow);
    const b = simulate(w, flow);
    expect(JSON.stringify(w)).toBe(before);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
