// pcap-filter primitives on the lab's frames, and libpcap 1.10's refusals as tcpdump 4.99 printed
// them in a namespace (`tcpdump -i lo -n -c 1 EXPR`, 2026-12-07).
import { describe, expect, it } from 'vitest';
import type { IPv4, MacAddress } from '../../../sim/addr';
import type { Frame } from '../../../sim/trace';
import { compileFilter } from './filter';

const ip = (s: string) => s as IPv4;
const mac = (s: string) => s as MacAddress;
const tcp = (src: string, sport: number, dst: string, dport: number): Frame => ({
  eth: null,
  ip: { src: ip(src), dst: ip(dst), ttl: 64, proto: 'tcp', len: 60 },
  tcp: { sport, dport, flags: ['SYN'], seq: 1, ack: 0 },
});
const udp: Frame = {
  eth: null,
  ip: { src: ip('172.17.0.3'), dst: ip('192.0.2.1'), ttl: 64, proto: 'udp', len: 33 },
  udp: { sport: 40000, dport: 53 },
};
const icmp: Frame = {
  eth: null,
  ip: { src: ip('172.17.0.3'), dst: ip('172.17.0.2'), ttl: 64, proto: 'icmp', len: 84 },
  icmp: { type: 8, code: 0, id: 1, seq: 1 },
};
const arp: Frame = {
  eth: { src: mac('02:42:ac:11:00:03'), dst: mac('ff:ff:ff:ff:ff:ff'), type: 'ARP' },
  arp: {
    op: 'request',
    senderMac: mac('02:42:ac:11:00:03'),
    senderIp: ip('172.17.0.3'),
    targetMac: mac('00:00:00:00:00:00'),
    targetIp: ip('172.17.0.2'),
  },
};
const get = tcp('172.17.0.3', 40000, '172.17.0.2', 80);
const back = tcp('172.17.0.2', 80, '172.17.0.3', 40000);
const ALL = { get, back, udp, icmp, arp };

/** Which of the frames an expression keeps. */
function kept(expr: string): string[] {
  const r = compileFilter(expr.split(' '));
  if (!r.ok) throw new Error(r.error);
  return Object.entries(ALL)
    .filter(([, f]) => r.match(f))
    .map(([k]) => k);
}

describe('tcpdump filter expressions', () => {
  it('keeps everything without one; protocols by name', () => {
    expect(kept('')).toEqual(['get', 'back', 'udp', 'icmp', 'arp']);
    expect(kept('tcp')).toEqual(['get', 'back']);
    expect(kept('udp or icmp')).toEqual(['udp', 'icmp']);
    expect(kept('arp')).toEqual(['arp']);
    expect(kept('ip')).toEqual(['get', 'back', 'udp', 'icmp']);
  });

  it('host matches IPv4 and ARP addresses either way; src/dst pick one side', () => {
    expect(kept('host 172.17.0.2')).toEqual(['get', 'back', 'icmp', 'arp']);
    expect(kept('src host 172.17.0.2')).toEqual(['back']);
    expect(kept('dst 172.17.0.2')).toEqual(['get', 'icmp', 'arp']);
    expect(kept('172.17.0.3 and not arp')).toEqual(['get', 'back', 'udp', 'icmp']);
  });

  it('net takes a prefix; port matches TCP and UDP on either side', () => {
    expect(kept('net 192.0.2.0/24')).toEqual(['udp']);
    expect(kept('net 172.17')).toEqual(['get', 'back', 'udp', 'icmp', 'arp']);
    expect(kept('dst net 172.17.0.0/16')).toEqual(['get', 'back', 'icmp', 'arp']);
    expect(kept('port 80')).toEqual(['get', 'back']);
    expect(kept('dst port 80')).toEqual(['get']);
    expect(kept('udp port domain')).toEqual(['udp']);
    expect(kept('port 53 or 80')).toEqual(['get', 'back', 'udp']);
  });

  it('and binds tighter than or; not, !, && and || and parentheses', () => {
    expect(kept('tcp and src port 80 or icmp')).toEqual(['back', 'icmp']);
    expect(kept('tcp and (src port 80 or icmp)')).toEqual(['back']);
    expect(kept('! tcp && ! arp')).toEqual(['udp', 'icmp']);
    expect(kept('not (tcp || udp)')).toEqual(['icmp', 'arp']);
  });

  it('refuses as libpcap does', () => {
    const error = (e: string) => {
      const r = compileFilter(e.split(' '));
      return r.ok ? null : r.error;
    };
    const syntax = "can't parse filter expression: syntax error";
    expect(error('port')).toBe(syntax);
    expect(error('foo')).toBe(syntax);
    expect(error('tcp and')).toBe(syntax);
    expect(error('(tcp')).toBe(syntax);
    expect(error('tcp port 80 or')).toBe(syntax);
    expect(error('port abc')).toBe("unknown port 'abc'");
    expect(error('host 1.2.3.4.5')).toBe("unknown host '1.2.3.4.5'");
    expect(error('net 172.17.0.0/33')).toBe('mask length must be <= 32');
    expect(error('net 172.17.0.1/16')).toBe('non-network bits set in "172.17.0.1/16"');
    expect(error('icmp port 80')).toBe("illegal qualifier of 'port'");
  });
});
