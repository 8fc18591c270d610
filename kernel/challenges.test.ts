// The challenge runner's pure half: the cases it builds and how it reads the goals.
import { describe, expect, it } from 'vitest';
import { CHALLENGES } from '../src/lessons/challenges';
import { challengeCases, goalProblems, outcomeWant } from './challenges';

describe('kernel challenge cases', () => {
  const cases = challengeCases();
  it('one broken case and one per fix, for each profile of each challenge', () => {
    const want = CHALLENGES.reduce(
      (n, c) => n + (c.profiles?.length ?? 2) * (1 + c.fixes.length),
      0,
    );
    expect(cases).toHaveLength(want);
    const fw = cases.filter((c) => c.challenge.id === 'challenge-firewall-published-port');
    expect(fw.map((c) => `${c.scenario.id} ${c.profile}`)).toEqual([
      'challenge-firewall-published-port:broken docker-27',
      'challenge-firewall-published-port:fix1 docker-27',
      'challenge-firewall-published-port:fix2 docker-27',
      'challenge-firewall-published-port:broken docker-29',
      'challenge-firewall-published-port:fix1 docker-29',
      'challenge-firewall-published-port:fix2 docker-29',
    ]);
    const fix2 = fw[2]?.scenario;
    expect(fix2?.setup.slice(-2).map((s) => s.op)).toEqual(['rm', 'run']);
  });

  it('reads the tools’ outcomes as a person would', () => {
    expect(outcomeWant('connected 404 "x"')).toBe('succeeds');
    expect(outcomeWant('replied 1/1')).toBe('succeeds');
    expect(outcomeWant('replied 0/1 +1 errors')).toBe('fails');
    expect(outcomeWant('refused')).toBe('fails');
    expect(outcomeWant('timeout')).toBe('fails');
  });

  it('flags a disagreement, a broken lab that is not broken, and a fix that does not fix', () => {
    const broken = cases.find((c) => c.scenario.id === 'challenge-localhost-only:broken');
    const fix = cases.find((c) => c.scenario.id === 'challenge-localhost-only:fix1');
    if (!broken || !fix) throw new Error('missing');
    expect(goalProblems(broken, [{ engine: 'refused', kernel: 'refused' }])).toEqual([]);
    expect(goalProblems(broken, [{ engine: 'refused', kernel: 'connected' }])).toHaveLength(2);
    expect(goalProblems(fix, [{ engine: 'connected', kernel: 'connected' }])).toEqual([]);
    expect(goalProblems(fix, [{ engine: 'timeout', kernel: 'timeout' }])).toHaveLength(1);
  });
});
