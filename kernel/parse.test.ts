import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { icmpTypeCode, parseTcpdump } from './parse';
import { frameKey } from './wire';

// Real `tcpdump -p -nn -e -v -S -l -tt --immediate-mode` output, captured by this suite's
// technique in our own namespaces: a container's eth0 (172.17.0.2) and a host's eth0.
const container = readFileSync(
  new URL('./fixtures/tcpdump-v-container-eth0.txt', import.meta.url),
  'utf8',
);
const host = readFileSync(new URL('./fixtures/tcpdump-v-host-eth0.txt', import.meta.url), 'utf8');

describe('parseTcpdump', () => {
  const frames = parseTcpdump(container);

  it('finds one record per timestamped line, whatever -v prints under it', () => {
    const records = container.split('\n').filter((l) => /^\d+\.\d+ /.test(l)).length;
    expect(frames).toHaveLength(records);
    expect(frames).toHaveLength(35);
  });

  it('reads an ARP request and reply with their MACs and addresses', () => {
    expect(frames[1]).toMatchObject({
      srcMac: '02:42:ac:11:00:02',
      dstMac: 'ff:ff:ff:ff:ff:ff',
      ethertype: 'ARP',
      arp: { op: 'request', senderIp: '172.17.0.2', targetIp: '172.17.0.1' },
    });
    expect(frames[2]?.arp).toEqual({
      op: 'reply',
      senderIp: '172.17.0.1',
      targetIp: '',
      senderMac: '02:42:ac:11:00:01',
    });
  });

  it('takes TTL and protocol from the -v header line and addresses from the next one', () => {
    expect(frames[4]?.ip).toEqual({
      src: '192.0.2.1',
      dst: '172.17.0.2',
      ttl: 63,
      proto: 'icmp',
      len: 84,
    });
    expect(frames[4]?.icmp).toEqual({ type: 0, code: 0, seq: 1 });
  });

  it('reads TCP flags, absolute seq/ack and payload length; pure ACKs have no seq', () => {
    expect(frames[8]?.tcp).toEqual({
      sport: 80,
      dport: 34436,
      flags: ['SYN', 'ACK'],
      seq: 729814373,
      ack: 4014720561,
      payload: 0,
    });
    expect(frames[10]?.tcp).toMatchObject({ flags: ['PSH', 'ACK'], payload: 74 });
    expect(frames[11]?.tcp).toMatchObject({ flags: ['ACK'], seq: null, ack: 4014720635 });
    expect(frames[19]?.tcp).toMatchObject({ flags: ['RST', 'ACK'], sport: 81 });
  });

  it('ignores the decoded HTTP lines that follow a segment', () => {
    expect(frameKey(frames[12]!)).toBe(
      '02:42:ac:11:00:02 > 02:42:ac:11:00:01 IPv4 ttl 64 172.17.0.2.80 > 172.17.0.1.34436 tcp [P.]',
    );
  });

  it('reads an ICMP port unreachable as 3/3 and not the header quoted inside it', () => {
    expect(frames[21]).toMatchObject({
      ip: { src: '192.0.2.1', dst: '172.17.0.2', proto: 'icmp', ttl: 63 },
      icmp: { type: 3, code: 3, seq: null },
    });
    expect(frames[21]?.udp).toBeUndefined();
  });

  it('reads UDP ports even when tcpdump decodes the payload as DNS', () => {
    expect(frames[20]?.udp).toEqual({ sport: 60742, dport: 53 });
  });

  it('keeps IGMP as its own protocol so it can be told apart', () => {
    expect(frames[0]?.ip?.proto).toBe('igmp');
  });

  it('sees NAT on the host uplink: the same flows leave with the host address', () => {
    const h = parseTcpdump(host);
    const udp = h.find((f) => f.udp);
    expect(udp?.ip?.src).toBe('192.0.2.10');
    expect(h[0]?.arp).toMatchObject({
      op: 'request',
      targetIp: '192.0.2.1',
      senderIp: '192.0.2.10',
    });
  });
});

describe('icmpTypeCode', () => {
  it('names the unreachable codes by tcpdump wording', () => {
    expect(icmpTypeCode('ICMP host 172.17.0.9 unreachable, length 92')).toEqual({
      type: 3,
      code: 1,
    });
    expect(icmpTypeCode('ICMP net 10.0.0.1 unreachable, length 92')).toEqual({ type: 3, code: 0 });
    expect(icmpTypeCode('ICMP time exceeded in-transit, length 92')).toEqual({ type: 11, code: 0 });
    expect(icmpTypeCode('ICMP host 1.2.3.4 unreachable - admin prohibited filter')).toEqual({
      type: 3,
      code: 13,
    });
    expect(icmpTypeCode('ICMP host 1.2.3.4 unreachable - admin prohibited, length 36')).toEqual({
      type: 3,
      code: 10,
    });
    expect(icmpTypeCode('ICMP 10.0.0.1 tcp port 81 unreachable, length 36')).toEqual({
      type: 3,
      code: 3,
    });
  });
});
