// The text comparison's splitting and blanking, on lines of the real capture in fixtures/.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blankText, comparable, compareText, textPackets } from './tcpdump-text';

const raw = readFileSync(
  new URL('./fixtures/tcpdump-v-container-eth0.txt', import.meta.url),
  'utf8',
);

describe('tcpdump text comparison', () => {
  it('splits a -tt capture into packets with their continuation lines', () => {
    const p = textPackets(raw);
    expect(p[0]?.ts).toBe(1795824392.350755);
    expect(p[0]?.text.split('\n')).toHaveLength(2);
    const get = p.find((x) => x.text.includes('GET / HTTP/1.1'));
    expect(get?.text.split('\n')[2]).toBe('\tGET / HTTP/1.1');
  });

  it('leaves out IGMP reports and retransmitted segments', () => {
    const p = textPackets(raw);
    const syn = p.find((x) => x.text.includes('Flags [S]'));
    const kept = comparable([...p, ...(syn ? [syn] : [])]);
    expect(kept.some((t) => t.includes('IGMP'))).toBe(false);
    expect(kept).toHaveLength(p.length - 1);
  });

  // The fixture's broadcast request and reply, and the same pair as a DELAY entry's unicast probe.
  it('leaves out a unicast ARP probe and its reply unless the lab probes there too', () => {
    const probe = textPackets(
      [
        '1795824398.100000 aa:8b:48:fb:ba:df > c6:08:77:bf:35:38, ethertype ARP (0x0806), length 42: Ethernet (len 6), IPv4 (len 4), Request who-has 192.0.2.1 tell 192.0.2.10, length 28',
        '1795824398.200000 c6:08:77:bf:35:38 > aa:8b:48:fb:ba:df, ethertype ARP (0x0806), length 42: Ethernet (len 6), IPv4 (len 4), Reply 192.0.2.1 is-at c6:08:77:bf:35:38, length 28',
        '1795824398.300000 aa:8b:48:fb:ba:df > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Ethernet (len 6), IPv4 (len 4), Request who-has 192.0.2.1 tell 192.0.2.10, length 28',
        '1795824398.400000 c6:08:77:bf:35:38 > aa:8b:48:fb:ba:df, ethertype ARP (0x0806), length 42: Ethernet (len 6), IPv4 (len 4), Reply 192.0.2.1 is-at c6:08:77:bf:35:38, length 28',
      ].join('\n'),
    );
    expect(probe).toHaveLength(4);
    expect(comparable(probe).map((t) => t.slice(0, 60))).toEqual(
      probe.slice(2).map((p) => p.text.slice(0, 60)),
    );
    expect(comparable(probe, [probe[0]?.text ?? ''])).toHaveLength(4);
  });

  it('blanks random numbers only: ids, full sums, seq/ack (keeping a length), TS, echo ids', () => {
    const text = [
      '02:42:ac:11:00:01 > 02:42:ac:11:00:02, ethertype IPv4 (0x0800), length 140: (tos 0x0, ttl 64, id 28142, offset 0, flags [DF], proto TCP (6), length 126)',
      '    172.17.0.1.34436 > 172.17.0.2.80: Flags [P.], cksum 0x5896 (incorrect -> 0x09e6), seq 4014720561:4014720635, ack 729814374, win 63, options [nop,nop,TS val 312940108 ecr 3216614194], length 74: HTTP, length: 74',
    ].join('\n');
    const ports = new Map([['172.17.0.1:34436', 40000]]);
    expect(blankText(text, ports).split('\n')).toEqual([
      '02:42:ac:11:00:01 > 02:42:ac:11:00:02, ethertype IPv4 (0x0800), length 140: (tos 0x0, ttl 64, id N, offset 0, flags [DF], proto TCP (6), length 126)',
      '    172.17.0.1.40000 > 172.17.0.2.80: Flags [P.], cksum 0x5896 (incorrect -> SUM), seq S:S+74, ack A, win 63, options [nop,nop,TS val V ecr E], length 74: HTTP, length: 74',
    ]);
    expect(blankText('192.0.2.1 > 172.17.0.2: ICMP echo reply, id 8933, seq 1, length 64')).toBe(
      '192.0.2.1 > 172.17.0.2: ICMP echo reply, id ID, seq 1, length 64',
    );
  });

  it('blanks a DNS message id (busybox draws it), nothing else of the message', () => {
    // Lines as tcpdump -v printed them (kernel/fixtures/dns/tcpdump-nn-v-e.txt).
    expect(blankText('    10.53.0.1.53600 > 10.53.0.2.53: 38665+ A? example.com. (29)')).toBe(
      '    10.53.0.1.53600 > 10.53.0.2.53: ID+ A? example.com. (29)',
    );
    expect(
      blankText(
        '    10.53.0.2.53 > 10.53.0.1.53600: 38665 1/0/0 example.com. A 93.184.216.34 (45)',
      ),
    ).toBe('    10.53.0.2.53 > 10.53.0.1.53600: ID 1/0/0 example.com. A 93.184.216.34 (45)');
    expect(blankText('    1.1.1.1.53 > 192.0.2.10.40000: 36063 NXDomain 0/0/0 (32)')).toBe(
      '    1.1.1.1.53 > 192.0.2.10.40000: ID NXDomain 0/0/0 (32)',
    );
    // Not a DNS port: a UDP length stays.
    expect(blankText('    10.0.0.1.5353 > 10.0.0.2.9: UDP, length 5')).toBe(
      '    10.0.0.1.5353 > 10.0.0.2.9: UDP, length 5',
    );
  });

  it('reports a packet that differs and a count that differs, a quoted TCP segment too', () => {
    const a = '172.17.0.2.80 > 172.17.0.3.40000: Flags [.], ack 1, win 509, length 0';
    const b = '172.17.0.2.80 > 172.17.0.3.40000: Flags [.], ack 1, win 510, length 0';
    const q = '192.0.2.1 > 172.17.0.2: ICMP host 172.17.0.9 unreachable\n\tIP (…)\n    x: [|tcp]';
    expect(compareText('i', [a], [a], new Map())).toEqual({ identical: 1, diffs: [] });
    expect(compareText('i', [b], [a], new Map()).diffs).toHaveLength(1);
    expect(compareText('i', [a, q], [a, 'x'], new Map())).toMatchObject({ identical: 1 });
    expect(compareText('i', [a, q], [a, 'x'], new Map()).diffs).toHaveLength(1);
    expect(compareText('i', [a], [a, a], new Map()).diffs[0]).toMatch(/1 packet\(s\) in the lab/);
  });
});
