import { describe, expect, it } from 'vitest';
import { ipToInt, parseCidr, type Cidr, type IPv4 } from '../addr';
import type { RuleMatch } from '../types';
import { ruleMatches, type NfPacket } from '../walk/netfilter';
import type { WalkState } from '../walk/state';
import { compileMatch, listFacts } from './compiled';

const cidr = (t: string): Cidr => {
  const r = parseCidr(t);
  if (!r.ok) throw new Error(t);
  return r.value;
};

function pkt(over: Partial<NfPacket> = {}): NfPacket {
  const src = (over.src ?? '203.0.113.5') as IPv4;
  const dst = (over.dst ?? '172.17.0.2') as IPv4;
  return {
    proto: 'tcp',
    sport: 40000,
    dport: 80,
    inIface: 'eth0',
    outIface: 'docker0',
    ctstate: 'NEW',
    bytes: 60,
    ...over,
    src,
    dst,
    srcN: ipToInt(src),
    dstN: ipToInt(dst),
  };
}

// No addrtype match below: the walk state is only read for `-m addrtype`.
const s = { topo: { ns: new Map() } } as unknown as WalkState;
const matches = (m: RuleMatch, p: NfPacket) => ruleMatches(s, compileMatch(m), p);

describe('compiled rule matches mean what iptables means', () => {
  it('-d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp --dport 80 (the DOCKER chain ACCEPT)', () => {
    const m: RuleMatch = {
      dst: { value: cidr('172.17.0.2/32'), neg: false },
      inIface: { value: 'docker0', neg: true },
      outIface: { value: 'docker0', neg: false },
      proto: 'tcp',
      dport: 80,
    };
    expect(matches(m, pkt())).toBe(true);
    expect(matches(m, pkt({ dst: '172.17.0.3' as IPv4 }))).toBe(false);
    expect(matches(m, pkt({ inIface: 'docker0' }))).toBe(false); // ! -i docker0
    expect(matches(m, pkt({ outIface: 'eth0' }))).toBe(false);
    expect(matches(m, pkt({ dport: 443 }))).toBe(false);
    expect(matches(m, pkt({ proto: 'udp' }))).toBe(false);
  });

  it('-s 172.17.0.0/16 ! -o docker0 (MASQUERADE) and ! -d on a network', () => {
    const masq: RuleMatch = {
      src: { value: cidr('172.17.0.0/16'), neg: false },
      outIface: { value: 'docker0', neg: true },
    };
    expect(matches(masq, pkt({ src: '172.17.5.9' as IPv4, outIface: 'eth0' }))).toBe(true);
    expect(matches(masq, pkt({ src: '172.18.0.2' as IPv4, outIface: 'eth0' }))).toBe(false);
    expect(matches(masq, pkt({ src: '172.17.5.9' as IPv4, outIface: 'docker0' }))).toBe(false);
    const notLocalNet: RuleMatch = { dst: { value: cidr('127.0.0.0/8'), neg: true } };
    expect(matches(notLocalNet, pkt({ dst: '127.0.0.1' as IPv4 }))).toBe(false);
    expect(matches(notLocalNet, pkt({ dst: '192.0.2.10' as IPv4 }))).toBe(true);
  });

  it('-m conntrack --ctstate RELATED,ESTABLISHED; an empty match takes every packet', () => {
    const ct: RuleMatch = { ctstate: ['RELATED', 'ESTABLISHED'] };
    expect(matches(ct, pkt({ ctstate: 'ESTABLISHED' }))).toBe(true);
    expect(matches(ct, pkt({ ctstate: 'NEW' }))).toBe(false);
    expect(matches({}, pkt())).toBe(true);
  });

  it('keeps a list’s compiled matches for the list, one per rule in order', () => {
    const rules = [
      {
        id: 'filter:-A DOCKER -j RETURN',
        match: {},
        target: { kind: 'RETURN' as const },
        pkts: 0,
        bytes: 0,
      },
      {
        id: 'filter:-A DOCKER -p udp -j DROP',
        match: { proto: 'udp' as const },
        target: { kind: 'DROP' as const },
        pkts: 0,
        bytes: 0,
      },
    ];
    const f = listFacts(rules);
    expect(listFacts(rules)).toBe(f);
    expect(f.ids).toEqual(rules.map((r) => r.id));
    expect(f.matches.map((m) => m.proto)).toEqual([null, 'udp']);
  });
});
