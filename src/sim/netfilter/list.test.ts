import { describe, expect, it } from 'vitest';
import { cidr } from '../addr';
import type { Netfilter, RuleMatch, RuleTarget } from '../types';
import { formatCounter, iptablesList } from './list';
import { iptablesS, iptablesSave, ruleSpec } from './save';
import { appendRule, emptyNetfilter, ensureChain } from './table';

const nf0 = (): Netfilter => emptyNetfilter();

describe('iptables printing', () => {
  it('scales -v counters like xtables_print_num: K, M and G above 99999, rounded', () => {
    expect(formatCounter(99999, false)).toBe('99999 ');
    expect(formatCounter(100000, false)).toBe(' 100K ');
    expect(formatCounter(1234567, false)).toBe('1235K ');
    expect(formatCounter(9999499, false)).toBe('9999K ');
    expect(formatCounter(9999500, false)).toBe('  10M ');
    expect(formatCounter(12_345_678_901, false)).toBe('  12G ');
    expect(formatCounter(129, true)).toBe('     129 ');
  });

  it('prints the policy counters with the same scale', () => {
    const nf: Netfilter = {
      ...nf0(),
      filter: {
        ...nf0().filter,
        chains: nf0().filter.chains.map((c) =>
          c.name === 'INPUT' ? { ...c, pkts: 123456, bytes: 98765432 } : c,
        ),
      },
    };
    const out = iptablesList(nf, {
      table: 'filter',
      chain: 'INPUT',
      numeric: true,
      verbose: true,
      lineNumbers: false,
    });
    expect(out.split('\n')[0]).toBe('Chain INPUT (policy ACCEPT 123K packets, 99M bytes)');
  });

  it('writes negations, ports and targets in iptables-save order', () => {
    const match: RuleMatch = {
      dst: { value: cidr('10.0.0.5/32'), neg: false },
      src: { value: cidr('10.0.0.0/8'), neg: true },
      outIface: { value: 'br-1', neg: false },
      inIface: { value: 'eth0', neg: true },
      proto: 'udp',
      dport: 53,
    };
    const target: RuleTarget = { kind: 'SNAT', toIp: cidr('192.0.2.10/32').address };
    expect(ruleSpec('POSTROUTING', { match, target })).toBe(
      '-A POSTROUTING ! -s 10.0.0.0/8 -d 10.0.0.5/32 ! -i eth0 -o br-1 -p udp -m udp --dport 53 -j SNAT --to-source 192.0.2.10',
    );
    const ct: RuleMatch = {
      outIface: { value: 'docker0', neg: false },
      ctstate: ['ESTABLISHED', 'RELATED'],
    };
    expect(ruleSpec('FORWARD', { match: ct, target: { kind: 'ACCEPT' } })).toBe(
      '-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
    );
  });

  it('lists udp ports by service name without -n and by number with it', () => {
    const nf = appendRule(
      nf0(),
      'filter',
      'INPUT',
      { proto: 'udp', dport: 53 },
      { kind: 'ACCEPT' },
    );
    const row = (numeric: boolean): string =>
      iptablesList(nf, {
        table: 'filter',
        chain: 'INPUT',
        numeric,
        verbose: false,
        lineNumbers: false,
      }).split('\n')[2] ?? '';
    expect(row(false)).toBe(
      'ACCEPT     udp  --  anywhere             anywhere             udp dpt:domain',
    );
    expect(row(true)).toBe(
      'ACCEPT     udp  --  0.0.0.0/0            0.0.0.0/0            udp dpt:53',
    );
  });

  it('prints -S of one chain, -N for a user chain', () => {
    const nf = appendRule(
      ensureChain(nf0(), 'filter', 'DOCKER-USER', null),
      'filter',
      'DOCKER-USER',
      {},
      { kind: 'RETURN' },
    );
    expect(iptablesS(nf, 'filter', 'DOCKER-USER')).toBe(
      '-N DOCKER-USER\n-A DOCKER-USER -j RETURN\n',
    );
    expect(iptablesS(nf, 'filter', 'FORWARD')).toBe('-P FORWARD ACCEPT\n');
  });

  it('lists the raw table’s empty built-in chains even before anything created it, but does not save it', () => {
    expect(iptablesS(nf0(), 'raw')).toBe('-P PREROUTING ACCEPT\n-P OUTPUT ACCEPT\n');
    expect(iptablesSave(nf0())).not.toContain('*raw');
  });

  it('adds [pkts:bytes] before each rule with iptables-save -c', () => {
    const nf = appendRule(nf0(), 'filter', 'INPUT', {}, { kind: 'ACCEPT' });
    expect(iptablesSave(nf, { counters: true })).toContain('[0:0] -A INPUT -j ACCEPT\n');
  });
});
