import { describe, expect, it } from 'vitest';
import recorded from '../../__fixtures__/iptables-writes.json';
import { decodeFile, encodeFile } from '../../share';
import type { Netfilter } from '../../sim';
import { referenceHost } from '../testing/reference-host';
import { terminalOn } from '../testing/terminal';

interface Case {
  readonly line: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number;
  readonly save?: string;
}

/**
 * Rules iptables accepts that the lab's rule model does not hold. The lab refuses each one, saying
 * it is not in the lab, rather than storing something else.
 */
const NOT_MODELLED: Readonly<Record<string, string>> = {
  'iptables -A FORWARD -s 172.17.0.0/16 -d 198.51.100.7 -j REJECT': 'REJECT target',
  'iptables -A INPUT -p tcp --dport 80': 'a rule with no target',
  'iptables -A INPUT': 'a rule with no target',
  'iptables -A INPUT -p sctp -j DROP': 'protocol sctp',
  'iptables -A INPUT -p tcp ! --dport 80 -j DROP': 'a negated port',
  'iptables -A INPUT -m state --state ESTABLISHED -j ACCEPT': 'the state match (saved as -m state)',
  'iptables -A INPUT -p udp --dport 53 -m udp -j ACCEPT': 'a match loaded twice',
};

/** iptables-save's ruleset with its comments dropped and every counter zero (they vary per run). */
const ruleset = (save: string): string =>
  save
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .map((l) => l.replace(/\[\d+:\d+\]/, '[0:0]'))
    .join('\n');

/** What a lab file keeps of the rules: everything but the counters. */
function zeroCounters(nf: Netfilter): Netfilter {
  const zero = (t: Netfilter['raw']) => ({
    ...t,
    chains: t.chains.map((c) => ({
      ...c,
      pkts: 0,
      bytes: 0,
      rules: c.rules.map((r) => ({ ...r, pkts: 0, bytes: 0 })),
    })),
  });
  return { raw: zero(nf.raw), nat: zero(nf.nat), filter: zero(nf.filter) };
}

const cases = (recorded as { cases: Case[] }).cases;

describe('iptables rule changes, as iptables 1.8.9 (nf_tables) answered them on the reference host', () => {
  for (const c of cases) {
    const reason = NOT_MODELLED[c.line];
    if (reason !== undefined) {
      it(`${c.line}: says plainly that ${reason} is not in the lab, and changes nothing`, () => {
        const t = terminalOn(referenceHost());
        const before = ruleset(t.run('iptables-save').out);
        const r = t.run(c.line);
        expect(c.exit).toBe(0); // the real one accepted it: the lab must not claim it is wrong
        expect(r.err).toMatch(/is not in this lab\n$/);
        expect(r.exit).toBe(1);
        expect(ruleset(t.run('iptables-save').out)).toBe(before);
      });
      continue;
    }
    it(`${c.line}: prints, exits and leaves the rules as the real one did`, () => {
      const t = terminalOn(referenceHost());
      const before = ruleset(t.run('iptables-save').out);
      const r = t.run(c.line);
      expect({ out: r.out, err: r.err, exit: r.exit }).toEqual({
        out: c.stdout,
        err: c.stderr,
        exit: c.exit,
      });
      const after = ruleset(t.run('iptables-save').out);
      expect(after).toBe(c.save === undefined ? before : ruleset(c.save));
    });
  }
});

describe('rules a person adds take part in the walk', () => {
  it('a DOCKER-USER drop of the client stops its curl to the published port; deleting it lets it through', () => {
    const t = terminalOn(referenceHost());
    expect(t.run('lab from client curl -s --max-time 2 http://192.0.2.10:8080/').exit).toBe(0);
    expect(t.run('iptables -I DOCKER-USER -s 203.0.113.5 -j DROP').exit).toBe(0);
    expect(t.run('lab from client curl -s --max-time 2 http://192.0.2.10:8080/').exit).not.toBe(0);
    expect(t.run('iptables -D DOCKER-USER -s 203.0.113.5 -j DROP').exit).toBe(0);
    expect(t.run('lab from client curl -s --max-time 2 http://192.0.2.10:8080/').exit).toBe(0);
  });

  it('an INPUT drop of the published port does not stop it: the DNATed packet is forwarded, not input', () => {
    const t = terminalOn(referenceHost());
    expect(t.run('iptables -A INPUT -p tcp --dport 8080 -j DROP').exit).toBe(0);
    expect(t.run('lab from client curl -s --max-time 2 http://192.0.2.10:8080/').exit).toBe(0);
  });

  it('a second identical rule is a second rule: deleting one leaves the other', () => {
    const t = terminalOn(referenceHost());
    t.run('iptables -A INPUT -p icmp -j DROP');
    t.run('iptables -A INPUT -p icmp -j DROP');
    expect(t.run('iptables -S INPUT').out).toBe(
      '-P INPUT ACCEPT\n-A INPUT -p icmp -j DROP\n-A INPUT -p icmp -j DROP\n',
    );
    t.run('iptables -D INPUT -p icmp -j DROP');
    expect(t.run('iptables -S INPUT').out).toBe('-P INPUT ACCEPT\n-A INPUT -p icmp -j DROP\n');
  });
});

describe('a lab with rules a person changed saves and opens again', () => {
  it('keeps a duplicate rule, a chain named ok_chain.1 and a jump to it through a lab file', () => {
    const t = terminalOn(referenceHost());
    for (const line of [
      'iptables -N ok_chain.1',
      'iptables -A ok_chain.1 -p icmp -j DROP',
      'iptables -I DOCKER-USER -j ok_chain.1',
      'iptables -A INPUT -p icmp -j DROP',
      'iptables -A INPUT -p icmp -j DROP',
      'iptables -P INPUT DROP',
    ])
      expect(t.run(line).exit).toBe(0);
    const world = t.store.getState().world;
    const back = decodeFile(encodeFile({ world }));
    if (!back.ok) throw new Error(back.error);
    expect(back.value.world.netfilter).toEqual(zeroCounters(world.netfilter));
  });
});

describe('jumps, as nf_tables validates them', () => {
  it('accepts a loop no hook reaches, and refuses the jump from a built-in chain that would enter it', () => {
    const t = terminalOn(referenceHost());
    expect(t.run('iptables -N LOOP').exit).toBe(0);
    // nf_tables validates only what a hook can enter (checked in a namespace by the jumps check).
    expect(t.run('iptables -A LOOP -j LOOP').exit).toBe(0);
    const r = t.run('iptables -A INPUT -j LOOP');
    expect([r.err, r.exit]).toEqual([
      'iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Too many links): rule in chain INPUT\n',
      4,
    ]);
  });
});
