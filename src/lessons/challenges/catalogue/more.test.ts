// Each challenge of MORE_CHALLENGES in the engine: every goal fails on the broken lab and holds
// after each accepted fix, typed into the lab's terminal and applied as scenario steps alike.
import { describe, expect, it } from 'vitest';
import { createWorld, simulate, type FlowResult, type Profile, type World } from '../../../sim';
import { applyStep } from '../../../scenarios/build';
import type { Step } from '../../../scenarios';
import { terminalOn } from '../../../terminal/testing/terminal';
import type { Challenge, GoalWant } from '../types';
import { SOURCE_CHALLENGES } from './client-address';
import { MORE_CHALLENGES } from './more';

/** What a student would call it: an answer came back, or nothing got through. */
function outcome(r: FlowResult): GoalWant {
  if (r.kind === 'connected')
    return r.http === undefined || r.http.status < 400 ? 'succeeds' : 'fails';
  if (r.kind === 'replied') return r.replies > 0 ? 'succeeds' : 'fails';
  return 'fails';
}

function build(profile: Profile, steps: readonly Step[]): World {
  return steps.reduce((w, step) => {
    const r = applyStep(w, step);
    if (!r.ok) throw new Error(`${step.op}: ${r.error.message}`);
    return r.world;
  }, createWorld({ profile }));
}

const goalsOf = (c: Challenge, w: World) => c.goals.map((g) => outcome(simulate(w, g.flow).result));
const profilesOf = (c: Challenge): readonly Profile[] => c.profiles ?? ['docker-27', 'docker-29'];

describe.each(MORE_CHALLENGES.map((c) => [c.id, c] as const))('%s', (_, c) => {
  it.each(profilesOf(c).map((p) => [p]))('[%s] every goal fails on the broken lab', (profile) => {
    const w = build(profile, c.broken);
    expect(goalsOf(c, w)).toEqual(c.goals.map(() => 'fails'));
  });

  const cases = profilesOf(c).flatMap((p) => c.fixes.map((f, i) => [p, i, f] as const));
  it.each(cases)('[%s] fix %i, as scenario steps, reaches every goal', (profile, _i, fix) => {
    const w = build(profile, [...c.broken, ...fix.steps]);
    expect(goalsOf(c, w)).toEqual(c.goals.map((g) => g.want));
  });

  it.each(cases)('[%s] fix %i, typed in the terminal, reaches every goal', (profile, _i, fix) => {
    const term = terminalOn(build(profile, c.broken));
    for (const line of fix.commands)
      expect(term.run(line), line).toMatchObject({ exit: 0, err: '' });
    expect(goalsOf(c, term.store.getState().world)).toEqual(c.goals.map((g) => g.want));
  });
});

/** The commands a hint quotes (`…` spans that start like a command the lab knows). */
const quoted = (c: Challenge) =>
  c.hints
    .flatMap((h) => [...h.en.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''))
    .filter((s) => /^(docker|lab|iptables|conntrack|ip|sysctl|curl|ping) /.test(s));

describe.each([...MORE_CHALLENGES, ...SOURCE_CHALLENGES].map((c) => [c.id, c] as const))(
  '%s: the hints quote commands the lab runs',
  (_, c) => {
    it.each(quoted(c).map((q) => [q]))('%s', (line) => {
      const term = terminalOn(build(profilesOf(c)[0] ?? 'docker-29', c.broken));
      const r = term.run(line);
      expect(r.err).not.toMatch(/command not found|[Uu]sage|invalid|unknown|unrecognized/);
      expect(r.exit).not.toBe(127);
    });
  },
);
