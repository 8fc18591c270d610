import { describe, expect, it } from 'vitest';
import { cidr } from '../addr';
import type { RuleMatch, RuleTarget } from '../types';
import {
  appendRule,
  countPolicy,
  countRule,
  deleteChain,
  deleteRule,
  emptyNetfilter,
  ensureChain,
  getChain,
  insertRule,
  ruleExists,
} from './table';

const masq: RuleTarget = { kind: 'MASQUERADE' };
const fromDocker0: RuleMatch = {
  src: { value: cidr('172.17.0.0/16'), neg: false },
  outIface: { value: 'docker0', neg: true },
};
const fromBr: RuleMatch = {
  src: { value: cidr('172.18.0.0/16'), neg: false },
  outIface: { value: 'br-1', neg: true },
};
const specs = (nf: ReturnType<typeof emptyNetfilter>, chain: string): string[] =>
  getChain(nf, 'nat', chain)?.rules.map((r) => r.id) ?? [];

describe('netfilter tables', () => {
  it('start with empty nat and filter built-in chains, policy ACCEPT, and no raw table', () => {
    const nf = emptyNetfilter();
    expect(nf.filter.chains.map((c) => `${c.name}:${c.policy}`)).toEqual([
      'INPUT:ACCEPT',
      'FORWARD:ACCEPT',
      'OUTPUT:ACCEPT',
    ]);
    expect(nf.nat.chains.map((c) => c.name)).toEqual([
      'PREROUTING',
      'INPUT',
      'OUTPUT',
      'POSTROUTING',
    ]);
    expect(nf.raw.chains).toEqual([]);
  });

  it('names a rule by its table and iptables-save line', () => {
    const nf = appendRule(emptyNetfilter(), 'nat', 'POSTROUTING', fromDocker0, masq);
    expect(specs(nf, 'POSTROUTING')).toEqual([
      'nat:-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
    ]);
  });

  it('inserts at the top and appends at the end, and never holds the same rule twice', () => {
    let nf = appendRule(emptyNetfilter(), 'nat', 'POSTROUTING', fromDocker0, masq);
    nf = insertRule(nf, 'nat', 'POSTROUTING', fromBr, masq);
    const again = appendRule(
      insertRule(nf, 'nat', 'POSTROUTING', fromDocker0, masq),
      'nat',
      'POSTROUTING',
      fromBr,
      masq,
    );
    expect(again).toBe(nf);
    expect(specs(nf, 'POSTROUTING').map((id) => id.split(' -o ')[1])).toEqual([
      'br-1 -j MASQUERADE',
      'docker0 -j MASQUERADE',
    ]);
    expect(ruleExists(nf, 'nat', 'POSTROUTING', fromBr, masq)).toBe(true);
    expect(ruleExists(nf, 'nat', 'PREROUTING', fromBr, masq)).toBe(false);
  });

  it('deletes the identical rule only, and leaves the tables alone when there is none', () => {
    const nf = appendRule(
      appendRule(emptyNetfilter(), 'nat', 'POSTROUTING', fromDocker0, masq),
      'nat',
      'POSTROUTING',
      fromBr,
      masq,
    );
    const after = deleteRule(nf, 'nat', 'POSTROUTING', fromDocker0, masq);
    expect(specs(after, 'POSTROUTING')).toHaveLength(1);
    expect(deleteRule(after, 'nat', 'POSTROUTING', fromDocker0, masq)).toBe(after);
    expect(deleteRule(after, 'nat', 'NOPE', fromDocker0, masq)).toBe(after);
  });

  it('creates user chains once and deletes them', () => {
    const nf = ensureChain(emptyNetfilter(), 'filter', 'DOCKER', null);
    expect(ensureChain(nf, 'filter', 'DOCKER', null)).toBe(nf);
    expect(getChain(nf, 'filter', 'DOCKER')?.policy).toBeNull();
    expect(getChain(deleteChain(nf, 'filter', 'DOCKER'), 'filter', 'DOCKER')).toBeUndefined();
  });

  it('counts one packet and its bytes on a rule or a policy, copying only that chain', () => {
    const nf = appendRule(emptyNetfilter(), 'nat', 'POSTROUTING', fromDocker0, masq);
    const id = getChain(nf, 'nat', 'POSTROUTING')?.rules[0]?.id ?? '';
    const once = countRule(
      countRule(nf, 'nat', 'POSTROUTING', id, 60),
      'nat',
      'POSTROUTING',
      id,
      52,
    );
    expect(getChain(once, 'nat', 'POSTROUTING')?.rules[0]).toMatchObject({ pkts: 2, bytes: 112 });
    expect(getChain(nf, 'nat', 'POSTROUTING')?.rules[0]).toMatchObject({ pkts: 0, bytes: 0 });
    expect(once.filter).toBe(nf.filter);
    expect(once.nat.chains[0]).toBe(nf.nat.chains[0]);
    const dropped = countPolicy(nf, 'filter', 'FORWARD', 84);
    expect(getChain(dropped, 'filter', 'FORWARD')).toMatchObject({ pkts: 1, bytes: 84 });
    const user = ensureChain(nf, 'filter', 'DOCKER', null);
    expect(countPolicy(user, 'filter', 'DOCKER', 84)).toBe(user);
  });
});
