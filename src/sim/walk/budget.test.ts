// The walk's per-packet netfilter budget: a jump graph with exponentially many paths (which the
// kernel would load and walk, slowly) ends in a drop the trace explains, in bounded work and hops.
import { describe, expect, it } from 'vitest';
import { buildScenario, findScenario } from '../../scenarios';
import { appendRule, ensureChain, insertRule } from '../netfilter/table';
import type { Netfilter, RuleMatch, World } from '../types';
import { NF_BUDGET } from './budget';
import { simulate } from './simulate';

const scenario = findScenario('container-ping-internet')!;
const jump = (chain: string) => ({ kind: 'JUMP' as const, chain });

/** FORWARD → W0, and each Wi jumps `fan` times to W(i+1): fan^depth paths. */
function fanned(depth: number, fan: number): World {
  const w = buildScenario(scenario, 'docker-29');
  let nf: Netfilter = w.netfilter;
  for (let i = 0; i < depth; i++) nf = ensureChain(nf, 'filter', `W${i}`, null);
  nf = insertRule(nf, 'filter', 'FORWARD', {}, jump('W0'));
  // Distinct matches that all match the ping (identical rules would be one rule).
  const matches: RuleMatch[] = Array.from({ length: fan }, (_, k) => ({
    inIface: { value: `nope${k}`, neg: true },
  }));
  for (let i = 0; i + 1 < depth; i++)
    for (const m of matches) nf = appendRule(nf, 'filter', `W${i}`, m, jump(`W${i + 1}`));
  return { ...w, netfilter: nf };
}

function ping(w: World) {
  const t0 = process.hrtime.bigint();
  const r = simulate(w, scenario.flows[0]!);
  return { ...r, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

describe('the netfilter budget of one packet', () => {
  it('drops a packet facing 2^18 paths, saying the lab stopped, after at most the budget', () => {
    const r = ping(fanned(18, 2));
    const first = r.packets[0]!;
    expect(first.outcome).toEqual({ kind: 'dropped', reason: 'nf-budget', node: 'host' });
    const last = first.hops[first.hops.length - 1]!;
    expect(last.why.key).toBe('drop.nf-budget');
    expect(last.why.params).toMatchObject({ hook: 'FORWARD', chains: NF_BUDGET.chains });
    // One hop per jump taken: the budget, not 2^18, bounds the trace.
    const jumps = first.hops.filter((h) => h.why.key === 'nf.jump').length;
    expect(jumps).toBeLessThanOrEqual(NF_BUDGET.chains);
    expect(first.hops.length).toBeLessThan(NF_BUDGET.chains + 60);
    expect(r.ms).toBeLessThan(1000);
  });

  it('bounds rule tests too: 14 chains jumping 3000 times each to the next', () => {
    const r = ping(fanned(14, 3000));
    expect(r.packets.every((p) => p.outcome.kind === 'dropped')).toBe(true);
    expect(r.packets[0]?.outcome).toMatchObject({ reason: 'nf-budget' });
    expect(r.ms).toBeLessThan(1000);
  });

  it('ends a self-jump the parser would refuse (defence in depth) with the same drop', () => {
    const w = buildScenario(scenario, 'docker-29');
    let nf = ensureChain(w.netfilter, 'filter', 'SELF', null);
    nf = insertRule(nf, 'filter', 'FORWARD', {}, jump('SELF'));
    nf = appendRule(nf, 'filter', 'SELF', { proto: 'icmp' }, jump('SELF'));
    nf = appendRule(nf, 'filter', 'SELF', {}, jump('SELF'));
    const r = ping({ ...w, netfilter: nf });
    expect(r.packets[0]?.outcome).toMatchObject({ kind: 'dropped', reason: 'nf-budget' });
  });

  it('leaves a deep but narrow graph alone: 15 nested chains, the ping goes through', () => {
    const r = ping(fanned(15, 1));
    expect(r.packets.map((p) => p.outcome.kind)).toEqual([
      'delivered',
      'delivered',
      'delivered',
      'delivered',
    ]);
    expect(r.packets[0]?.hops.filter((h) => h.why.key === 'nf.jump').length).toBeGreaterThan(14);
  });
});
