// Each challenge opens broken and each accepted fix solves it, typed into the terminal as a student
// would (the same world as its scenario steps, which the kernel suite runs); the real mistakes
// learners make (learner-pitfalls.md) leave it broken.
import { describe, expect, it } from 'vitest';
import type { Profile, World } from '../../sim';
import { iptablesSave } from '../../sim/netfilter/save';
import { createAppStore } from '../../store';
import { commandFor } from '../commands';
import { CHALLENGES, challengeWorld, checkGoals, findChallenge, profilesOf } from '.';
import type { Challenge } from './types';
import { WRONG_FIXES as WRONG } from './wrong-fixes';

/** What a fix can change: the rules, the containers as the network sees them, the sysctls. */
function network(w: World) {
  return {
    rules: iptablesSave(w.netfilter),
    forward: w.host.ipForward,
    containers: w.containers.map((c) => ({
      name: c.name,
      state: c.state,
      command: c.command,
      ips: c.endpoints.map((e) => e.ip),
      bindings: c.bindings,
      listeners: c.listeners,
    })),
  };
}

/** The lab as the student gets it, then these lines typed into the terminal (each must succeed). */
function typed(c: Challenge, profile: Profile, lines: readonly string[]): World {
  const store = createAppStore({ world: challengeWorld(c, profile) });
  for (const line of lines) {
    const r = store.getState().runCommand(line);
    expect(r.exit, `${line}: ${r.chunks.map((x) => x.text).join('')}`).toBe(0);
  }
  return store.getState().world;
}

describe('break-fix challenges', () => {
  it('ids are unique and every challenge has hints, a fix and wrong fixes to test', () => {
    expect(new Set(CHALLENGES.map((c) => c.id)).size).toBe(CHALLENGES.length);
    for (const c of CHALLENGES) {
      expect(c.id).toMatch(/^challenge-[a-z0-9-]+$/);
      expect(c.hints.length).toBeGreaterThanOrEqual(2);
      expect(c.fixes.length).toBeGreaterThanOrEqual(1);
      expect(WRONG[c.id]?.length ?? 0).toBeGreaterThan(0);
      for (const f of c.fixes) expect(f.commands.length).toBeGreaterThan(0);
    }
  });

  for (const c of CHALLENGES) {
    for (const profile of profilesOf(c)) {
      describe(`${c.id} [${profile}]`, () => {
        it('opens broken: the challenge is not solved, and typing its setup builds the same lab', () => {
          const world = challengeWorld(c, profile);
          expect(checkGoals(world, c.goals).solved).toBe(false);
          // Every goal that wants something through is unmet, and so is every goal to block.
          const check = checkGoals(world, c.goals);
          expect(check.goals.some((g) => !g.met)).toBe(true);
          const store = createAppStore({ world: challengeWorld({ ...c, broken: [] }, profile) });
          for (const step of c.broken)
            expect(store.getState().runCommand(commandFor(step)).exit).toBe(0);
          expect(network(store.getState().world)).toEqual(network(world));
        });
        c.fixes.forEach((fix, i) => {
          it(`fix ${i + 1} (${fix.commands.join('; ')}) solves it, typed or as steps`, () => {
            const stepsWorld = challengeWorld(c, profile, [...fix.steps]);
            expect(checkGoals(stepsWorld, c.goals).solved).toBe(true);
            const world = typed(c, profile, fix.commands);
            expect(network(world)).toEqual(network(stepsWorld));
            expect(checkGoals(world, c.goals).solved).toBe(true);
          });
        });
        for (const lines of WRONG[c.id] ?? []) {
          it(`the wrong fix ${lines.join('; ')} leaves it broken`, () => {
            expect(checkGoals(typed(c, profile, lines), c.goals).solved).toBe(false);
          });
        }
      });
    }
  }

  it('the firewall challenge keeps the host’s own access as a goal, so stopping c1 is no fix', () => {
    const c = findChallenge('challenge-firewall-published-port');
    if (!c) throw new Error('missing');
    const stopped = checkGoals(typed(c, 'docker-27', ['docker stop c1']), c.goals);
    expect(stopped.goals.map((g) => g.met)).toEqual([true, false]);
  });

  it('without MASQUERADE the request leaves but the answer is lost on the way back: curl times out', () => {
    // Kernel suite: curl --max-time 2 times out (the router's ICMP goes to the server, not to app).
    const c = findChallenge('challenge-no-masquerade');
    if (!c) throw new Error('missing');
    const r = checkGoals(challengeWorld(c, 'docker-27'), c.goals);
    expect(r.goals[0]?.result.kind).toBe('timeout');
  });

  it('the server bound to 127.0.0.1 answers the client with a RST (connection refused)', () => {
    const c = findChallenge('challenge-localhost-only');
    if (!c) throw new Error('missing');
    const r = checkGoals(challengeWorld(c, 'docker-27'), c.goals);
    expect(r.goals[0]?.result.kind).toBe('refused');
  });
});
