// Challenge 7 in the engine: the address web sees for each client, with and without docker-proxy.
import { describe, expect, it } from 'vitest';
import { createWorld, simulate, type Flow, type IPv4, type World } from '../../../sim';
import { applyStep } from '../../../scenarios/build';
import type { Step } from '../../../scenarios';
import { terminalOn } from '../../../terminal/testing/terminal';
import { sourceSeen } from '../source-goal';
import { CHALLENGE_CLIENT_ADDRESS as C } from './client-address';

function build(steps: readonly Step[]): World {
  return steps.reduce(
    (w, s) => {
      const r = applyStep(w, s);
      if (!r.ok) throw new Error(r.error.message);
      return r.world;
    },
    createWorld({ profile: 'docker-29' }),
  );
}

const a = (s: string) => s as IPv4;
const localhost: Flow = { from: { kind: 'host' }, to: a('127.0.0.1'), kind: 'http', port: 8080 };
const outside: Flow = {
  from: { kind: 'remote', name: 'client' },
  to: a('192.0.2.10'),
  kind: 'http',
  port: 8080,
};
const seen = (w: World, f: Flow) => {
  const r = simulate(w, f);
  return { result: r.result.kind, web: sourceSeen(r.packets, 'web') };
};
const fix = C.fixes[0];
const goal = C.goals[0];

describe('challenge-client-address', () => {
  if (!fix || !goal?.sees) throw new Error('challenge data');
  const want = goal.sees.source;
  const broken = build(C.broken);
  const fixed = build([...C.broken, ...fix.steps]);

  it('broken: the hairpin connection works, but web sees docker-proxy from 172.17.0.1', () => {
    expect(seen(broken, goal.flow)).toEqual({ result: 'connected', web: '172.17.0.1' });
  });

  it('fixed (as steps and as typed): web sees c2 itself', () => {
    expect(seen(fixed, goal.flow)).toEqual({ result: 'connected', web: want });
    const term = terminalOn(broken);
    for (const line of fix.commands) expect(term.run(line)).toMatchObject({ exit: 0, err: '' });
    expect(seen(term.store.getState().world, goal.flow).web).toBe(want);
  });

  it("as the explanation says: outside is always real, the host's localhost is always 172.17.0.1", () => {
    for (const w of [broken, fixed]) {
      expect(seen(w, outside)).toEqual({ result: 'connected', web: '203.0.113.5' });
      expect(seen(w, localhost)).toEqual({ result: 'connected', web: '172.17.0.1' });
    }
  });

  it('the nat rule skips docker0 only while the proxy is on', () => {
    const dnat = (w: World) => terminalOn(w).run('iptables -t nat -S DOCKER | grep DNAT').out;
    expect(dnat(broken)).toContain('! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT');
    expect(dnat(fixed)).toContain('-A DOCKER -p tcp -m tcp --dport 8080 -j DNAT');
  });
});
