// Links and files carrying a jump graph the kernel would not load are refused at the door, with
// iptables-nft-restore's own words; a graph it loads, however wide, opens.
import { describe, expect, it } from 'vitest';
import { createWorld, type Netfilter, type World } from '../sim';
import { appendRule, ensureChain } from '../sim/netfilter/table';
import { decodeFile, decodeFragment, encodeFile, encodeFragment } from './codec';

const jump = (chain: string) => ({ kind: 'JUMP' as const, chain });

function withRules(edit: (nf: Netfilter) => Netfilter): World {
  const w = createWorld({ profile: 'docker-29' });
  return { ...w, netfilter: edit(w.netfilter) };
}

const selfJump = withRules((nf) => {
  let n = ensureChain(nf, 'filter', 'LOOP', null);
  n = appendRule(n, 'filter', 'FORWARD', { proto: 'icmp' }, jump('LOOP'));
  return appendRule(n, 'filter', 'LOOP', {}, jump('LOOP'));
});

describe('the jump graph of a shared lab', () => {
  it('refuses a chain that jumps to itself, naming the rule and the kernel’s refusal', async () => {
    const r = await decodeFragment(await encodeFragment({ world: selfJump }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/^world\.netfilter\.filter\.chains\[\d+\]\.rules\[0\]: a jump loop; /);
    expect(r.error).toContain(
      'iptables-nft-restore refuses it: RULE_APPEND failed (Too many links): rule in chain LOOP',
    );
    expect(decodeFile(encodeFile({ world: selfJump }))).toMatchObject({ ok: false });
  });

  it('refuses chains nested 16 deep and opens 15', async () => {
    const deep = (n: number) =>
      withRules((nf) => {
        let out = nf;
        for (let i = 0; i < n; i++) out = ensureChain(out, 'nat', `N${i}`, null);
        out = appendRule(out, 'nat', 'PREROUTING', { proto: 'udp' }, jump('N0'));
        for (let i = 0; i + 1 < n; i++)
          out = appendRule(out, 'nat', `N${i}`, {}, jump(`N${i + 1}`));
        return out;
      });
    expect(decodeFile(encodeFile({ world: deep(15) })).ok).toBe(true);
    expect(decodeFile(encodeFile({ world: deep(16) }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/nested deeper than 15.*rule in chain N14$/),
    });
  });

  it('opens a wide acyclic graph (2^14 paths): the walk bounds it, not the parser', () => {
    const wide = withRules((nf) => {
      let out = nf;
      for (let i = 0; i < 14; i++) out = ensureChain(out, 'filter', `W${i}`, null);
      out = appendRule(out, 'filter', 'FORWARD', {}, jump('W0'));
      for (let i = 0; i + 1 < 14; i++) {
        out = appendRule(out, 'filter', `W${i}`, { proto: 'icmp' }, jump(`W${i + 1}`));
        out = appendRule(
          out,
          'filter',
          `W${i}`,
          { inIface: { value: 'x', neg: true } },
          jump(`W${i + 1}`),
        );
      }
      return out;
    });
    expect(decodeFile(encodeFile({ world: wide })).ok).toBe(true);
  });
});
