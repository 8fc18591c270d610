import { describe, expect, it } from 'vitest';
import { createWorld, nodeId, seenOf, type Frame, type Hop, type PacketTrace } from '../src/sim';
import { engineWire, wireOfFrame } from './engine';
import { frameKey } from './wire';

const syn: Frame = {
  eth: { src: '02:42:ac:11:00:03', dst: '02:42:ac:11:00:02', type: 'IPv4' },
  ip: { src: '172.17.0.3', dst: '172.17.0.2', ttl: 64, proto: 'tcp', len: 60 },
  tcp: { sport: 40000, dport: 80, flags: ['SYN'], seq: 1, ack: 0 },
} as unknown as Frame;

const hop = (node: string, iface: string | null, event: Hop['event'], frame: Frame = syn): Hop =>
  ({
    node,
    iface,
    event,
    frame,
    changed: [],
    why: { key: 'send', params: {} },
    t: 0,
    seen: seenOf(createWorld()),
  }) as Hop;

const packet = (hops: Hop[]): PacketTrace => ({
  label: 'SYN',
  direction: 'request',
  hops,
  outcome: { kind: 'delivered', node: nodeId.container('c1') },
});

describe('wireOfFrame', () => {
  it('keeps what tcpdump shows of a TCP segment', () => {
    expect(frameKey(wireOfFrame(syn, 0))).toBe(
      '02:42:ac:11:00:03 > 02:42:ac:11:00:02 IPv4 ttl 64 172.17.0.3.40000 > 172.17.0.2.80 tcp [S]',
    );
  });

  it('drops the echo id and keeps the echo sequence number', () => {
    const { tcp: _tcp, ...rest } = syn;
    const ping = {
      ...rest,
      ip: { ...syn.ip!, proto: 'icmp' },
      icmp: { type: 8, code: 0, id: 77, seq: 1 },
    } as Frame;
    expect(wireOfFrame(ping, 0).icmp).toEqual({ type: 8, code: 0, seq: 1 });
  });

  it('writes an ARP request in tcpdump words', () => {
    const arp = {
      eth: { src: '02:42:ac:11:00:03', dst: 'ff:ff:ff:ff:ff:ff', type: 'ARP' },
      arp: {
        op: 'request',
        senderMac: '02:42:ac:11:00:03',
        senderIp: '172.17.0.3',
        targetMac: '00:00:00:00:00:00',
        targetIp: '172.17.0.2',
      },
    } as unknown as Frame;
    expect(frameKey(wireOfFrame(arp, 0))).toBe(
      '02:42:ac:11:00:03 > ff:ff:ff:ff:ff:ff ARP request who-has 172.17.0.2 tell 172.17.0.3',
    );
  });
});

describe('engineWire', () => {
  it('keeps only tx/rx hops, per namespace interface, in trace order', () => {
    const p = packet([
      hop('container:c2', null, 'send'),
      hop('container:c2', 'eth0', 'tx'),
      hop('host', 'veth1', 'rx'),
      hop('host', 'docker0', 'bridge-forward'),
      hop('host', 'veth2', 'tx'),
      hop('container:c1', 'eth0', 'rx'),
      hop('container:c1', null, 'deliver'),
    ]);
    const wire = engineWire([p], {
      host: 'ns-host',
      'container:c1': 'ns-c1',
      'container:c2': 'ns-c2',
    });
    expect([...wire.keys()]).toEqual([
      'ns-c2/eth0',
      'ns-host/veth1',
      'ns-host/veth2',
      'ns-c1/eth0',
    ]);
    expect(wire.get('ns-host/veth1')).toHaveLength(1);
  });

  it('counts a packet looped through lo once, as tcpdump shows it', () => {
    const wire = engineWire(
      [packet([hop('host', 'lo', 'tx'), hop('host', 'lo', 'rx'), hop('host', null, 'deliver')])],
      {
        host: 'ns-host',
      },
    );
    expect(wire.get('ns-host/lo')).toHaveLength(1);
  });

  it('names a node the topology does not know so the diff shows it', () => {
    const wire = engineWire([packet([hop('remote:ghost', 'eth0', 'tx')])], {});
    expect([...wire.keys()]).toEqual(['?remote:ghost/eth0']);
  });
});
