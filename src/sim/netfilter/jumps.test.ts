// The jump-graph check against what iptables-nft-restore v1.8.9 did in a network namespace (kernel
// 6.18): each case below was loaded there, and its rc and message are quoted beside it.
import { describe, expect, it } from 'vitest';
import { createWorld } from '../world';
import type { Netfilter, RuleMatch, TableName } from '../types';
import { appendRule, emptyNetfilter, ensureChain } from './table';
import { checkJumps } from './jumps';

const jump = (chain: string) => ({ kind: 'JUMP' as const, chain });
const any: RuleMatch = {};

/** FORWARD → C0 → C1 → … → C(n-1), one jump each. */
function nested(n: number, table: TableName = 'filter', root = 'FORWARD'): Netfilter {
  // raw starts with no chains at all (iptables-nft creates the table lazily).
  let nf = ensureChain(emptyNetfilter(), table, root, 'ACCEPT');
  for (let i = 0; i < n; i++) nf = ensureChain(nf, table, `C${i}`, null);
  nf = appendRule(nf, table, root, any, jump('C0'));
  for (let i = 0; i + 1 < n; i++) nf = appendRule(nf, table, `C${i}`, any, jump(`C${i + 1}`));
  return nf;
}

describe('checkJumps (nf_tables load-time validation)', () => {
  it("accepts dockerd's own rulesets", () => {
    expect(checkJumps(createWorld().netfilter)).toBeNull();
    expect(checkJumps(createWorld({ profile: 'docker-27' }).netfilter)).toBeNull();
  });

  it('refuses a chain that jumps to itself once a built-in chain reaches it', () => {
    // `-A FORWARD -j A`, `-A A -j A`: rc 4, "line 7: RULE_APPEND failed (Too many links): rule in chain A"
    let nf = ensureChain(emptyNetfilter(), 'filter', 'A', null);
    nf = appendRule(nf, 'filter', 'FORWARD', any, jump('A'));
    nf = appendRule(nf, 'filter', 'A', any, jump('A'));
    const r = checkJumps(nf);
    expect(r).toMatchObject({ table: 'filter', chain: 'A', ruleIndex: 0, kind: 'loop' });
    expect(r?.message).toBe('RULE_APPEND failed (Too many links): rule in chain A');
  });

  it('refuses a loop through two chains, in the nat table too', () => {
    // `-A A -j B`, `-A B -j A` under FORWARD: rc 4, the jump closing the loop ("rule in chain B").
    let nf = ensureChain(ensureChain(emptyNetfilter(), 'nat', 'A', null), 'nat', 'B', null);
    nf = appendRule(nf, 'nat', 'PREROUTING', { proto: 'tcp' }, jump('A'));
    nf = appendRule(nf, 'nat', 'A', any, jump('B'));
    nf = appendRule(nf, 'nat', 'B', { proto: 'udp' }, jump('A'));
    expect(checkJumps(nf)).toMatchObject({ table: 'nat', chain: 'B', kind: 'loop' });
  });

  it('accepts a loop no built-in chain reaches (rc 0: the kernel validates from the hooks)', () => {
    let nf = ensureChain(emptyNetfilter(), 'filter', 'A', null);
    nf = appendRule(nf, 'filter', 'A', any, jump('A'));
    expect(checkJumps(nf)).toBeNull();
  });

  it('accepts 15 nested user chains and refuses the jump into a 16th (EMLINK)', () => {
    expect(checkJumps(nested(15))).toBeNull();
    // 16 chains: rc 4, "line 36: RULE_APPEND failed (Too many links): rule in chain C14"
    expect(checkJumps(nested(16))).toMatchObject({ chain: 'C14', kind: 'depth', ruleIndex: 0 });
    expect(checkJumps(nested(40, 'raw', 'OUTPUT'))).toMatchObject({ table: 'raw', chain: 'C14' });
  });

  it('checks a wide acyclic graph in linear time (each chain once)', () => {
    // 14 chains each jumping 4000 times to the next: 4000^14 paths, 56,000 edges.
    let nf = emptyNetfilter();
    for (let i = 0; i < 14; i++) nf = ensureChain(nf, 'filter', `C${i}`, null);
    nf = appendRule(nf, 'filter', 'INPUT', any, jump('C0'));
    for (let i = 0; i + 1 < 14; i++)
      for (let k = 0; k < 4000; k++)
        nf = appendRule(nf, 'filter', `C${i}`, { dport: k + 1 }, jump(`C${i + 1}`));
    const t0 = process.hrtime.bigint();
    expect(checkJumps(nf)).toBeNull();
    expect(Number(process.hrtime.bigint() - t0) / 1e6).toBeLessThan(200);
  });
});
