// The close of every TCP flow, checked against what the kernel conformance suite captured.
import { describe, expect, it } from 'vitest';
import { buildScenario, findScenario } from '../../scenarios';
import type { IPv4 } from '../addr';
import type { Flow, Hop, PacketTrace } from '../trace';
import { simulate } from './simulate';

function run(id: string, flow?: Flow) {
  const sc = findScenario(id);
  if (!sc) throw new Error(id);
  const world = buildScenario(sc, 'docker-27');
  const f = flow ?? sc.flows[sc.flows.length - 1];
  if (!f) throw new Error(`${id} has no flow`);
  return simulate(world, f);
}

const labels = (packets: readonly PacketTrace[]) => packets.map((p) => p.label);
const flagsOf = (p: PacketTrace | undefined) => p?.hops[0]?.frame.tcp?.flags.join('+');
const ctHop = (p: PacketTrace | undefined): Hop | undefined =>
  p?.hops.find((h) => h.event === 'conntrack' && h.ct);
const onWire = (p: PacketTrace | undefined, node: string, iface: string) =>
  p?.hops.find((h) => h.node === node && h.iface === iface && h.event === 'tx')?.frame;

const CURL = ['SYN', 'SYN-ACK', 'ACK', 'HTTP GET', 'ACK', 'HTTP 200', 'ACK'];

describe('curl and a Connection: close server: the server closes first', () => {
  const { packets, result, world } = run('outside-to-published-port');
  const [finS, finC, last] = packets.slice(7);

  it('sends FIN, FIN+ACK, ACK after the answer and its ACK, every packet delivered', () => {
    expect(labels(packets)).toEqual([...CURL, 'FIN', 'FIN', 'ACK']);
    expect([flagsOf(finS), flagsOf(finC), flagsOf(last)]).toEqual(['FIN+ACK', 'FIN+ACK', 'ACK']);
    expect([finS?.direction, finC?.direction, last?.direction]).toEqual([
      'reply',
      'request',
      'reply',
    ]);
    expect(packets.every((p) => p.outcome.kind === 'delivered')).toBe(true);
    expect(result).toMatchObject({ kind: 'connected', http: { status: 200 } });
  });

  it('numbers the close: each FIN takes one, the client FIN acks the server FIN', () => {
    const s = finS?.hops[0]?.frame.tcp;
    const c = finC?.hops[0]?.frame.tcp;
    const a = last?.hops[0]?.frame.tcp;
    expect(c?.ack).toBe((s?.seq ?? 0) + 1);
    expect([a?.seq, a?.ack]).toEqual([(s?.seq ?? 0) + 1, (c?.seq ?? 0) + 1]);
  });

  it("un-DNATs the server's FIN on its way out, DNATs the client's on its way in", () => {
    expect(onWire(finS, 'host', 'eth0')).toMatchObject({
      ip: { src: '192.0.2.10', dst: '203.0.113.5' },
      tcp: { sport: 8080, dport: 40000 },
    });
    expect(onWire(finC, 'host', 'docker0')).toMatchObject({
      ip: { src: '203.0.113.5', dst: '172.17.0.2' },
      tcp: { sport: 40000, dport: 80 },
    });
  });

  it('walks conntrack through FIN_WAIT, LAST_ACK to TIME_WAIT, with their timeouts', () => {
    const steps = [finS, finC, last].map((p) => {
      const h = ctHop(p);
      return [h?.why.key, h?.ct?.entry.tcpState, (h?.ct?.entry.expires ?? 0) - world.clock];
    });
    expect(steps).toEqual([
      ['ct.reply-tcp-state', 'FIN_WAIT', 120],
      ['ct.tcp-state', 'LAST_ACK', 30],
      ['ct.reply-tcp-state', 'TIME_WAIT', 120],
    ]);
    expect(world.conntrack.map((e) => [e.tcpState, e.assured, e.expires - world.clock])).toEqual([
      ['TIME_WAIT', true, 120],
    ]);
  });

  it('caps the ESTABLISHED timeout at 300 s while the GET and the answer are unacknowledged', () => {
    const timeouts = packets
      .slice(3, 7)
      .map((p) => (ctHop(p)?.ct?.entry.expires ?? 0) - world.clock);
    expect(timeouts).toEqual([300, 432000, 300, 432000]);
  });
});

describe('container to the internet: the FINs cross MASQUERADE both ways', () => {
  const { packets, world } = run('container-to-internet');
  it("restores the container's address on the server's FIN, masquerades the container's FIN", () => {
    const [finS, finC] = packets.slice(7);
    expect(onWire(finS, 'host', 'docker0')?.ip).toMatchObject({
      src: '198.51.100.7',
      dst: '172.17.0.2',
    });
    expect(onWire(finC, 'host', 'eth0')?.ip).toMatchObject({
      src: '192.0.2.10',
      dst: '198.51.100.7',
    });
    expect(world.conntrack.map((e) => e.tcpState)).toEqual(['TIME_WAIT']);
  });
});

describe('nc -z: the client closes first, right after the handshake', () => {
  const { packets, world } = run('direct-to-container-ip');
  it('sends FIN, FIN+ACK, ACK and leaves the entry in TIME_WAIT', () => {
    expect(labels(packets)).toEqual(['SYN', 'SYN-ACK', 'ACK', 'FIN', 'FIN', 'ACK']);
    expect(packets.slice(3).map((p) => p.direction)).toEqual(['request', 'reply', 'request']);
    expect(world.conntrack.map((e) => [e.tcpState, e.expires - world.clock])).toEqual([
      ['TIME_WAIT', 120],
    ]);
  });
});

describe('docker-proxy relays the close on both of its connections', () => {
  const loopback = (kind: 'http' | 'tcp'): Flow => ({
    from: { kind: 'host' },
    to: '127.0.0.1' as IPv4,
    kind,
    port: 8080,
  });
  const onLo = (p: PacketTrace) => p.hops.some((h) => h.iface === 'lo');
  const side = (packets: readonly PacketTrace[]) =>
    packets.map((p) => `${onLo(p) ? 'lo' : 'c1'} ${p.direction} ${p.label}`);

  it("curl: c1 closes, docker-proxy passes the FIN to curl, curl's close reaches c1 last", () => {
    const { packets, world } = run('container-to-container', loopback('http'));
    expect(side(packets.slice(6))).toEqual([
      'lo request HTTP GET',
      'lo reply ACK',
      'c1 request HTTP GET',
      'c1 reply ACK',
      'c1 reply HTTP 200',
      'c1 request ACK',
      'c1 reply FIN',
      'lo reply HTTP 200',
      'lo request ACK',
      'lo reply FIN',
      'lo request FIN',
      'lo reply ACK',
      'c1 request FIN',
      'c1 reply ACK',
    ]);
    expect(world.conntrack.map((e) => [e.orig.dport, e.tcpState])).toEqual([
      [8080, 'TIME_WAIT'],
      [80, 'TIME_WAIT'],
    ]);
  });

  it('nc -z: the close goes to c1 and comes back before nc gets its FIN', () => {
    const { packets, world } = run('container-to-container', loopback('tcp'));
    expect(side(packets.slice(6))).toEqual([
      'lo request FIN',
      'c1 request FIN',
      'c1 reply FIN',
      'c1 request ACK',
      'lo reply FIN',
      'lo request ACK',
    ]);
    expect(world.conntrack.map((e) => e.tcpState)).toEqual(['TIME_WAIT', 'TIME_WAIT']);
  });
});
