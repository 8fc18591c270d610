// Each challenge of MORE_CHALLENGES in the engine: every goal fails on the broken lab and holds
// after each accepted fix, typed into the lab's terminal and applied as scenario steps alike.
import { describe, expect, it } from 'vitest';
import type { World } from '../../../sim';
import { terminalOn } from '../../../terminal/testing/terminal';
import { challengeWorld, checkGoals, profilesOf } from '../goal';
import type { Challenge } from '../types';
import { MORE_CHALLENGES } from './more';

/** Each goal met or not, as the lab's own check reads it (goal.ts: outcome and, for `sees`, the source). */
const goalsOf = (c: Challenge, w: World) => checkGoals(w, c.goals).goals.map((g) => g.met);

describe.each(MORE_CHALLENGES.map((c) => [c.id, c] as const))('%s', (_, c) => {
  it.each(profilesOf(c).map((p) => [p]))(
    '[%s] every goal is unmet on the broken lab',
    (profile) => {
      const w = challengeWorld(c, profile);
      expect(goalsOf(c, w)).toEqual(c.goals.map(() => false));
    },
  );

  const cases = profilesOf(c).flatMap((p) => c.fixes.map((f, i) => [p, i, f] as const));
  it.each(cases)('[%s] fix %i, as scenario steps, reaches every goal', (profile, _i, fix) => {
    const w = challengeWorld(c, profile, fix.steps);
    expect(goalsOf(c, w)).toEqual(c.goals.map(() => true));
  });

  it.each(cases)('[%s] fix %i, typed in the terminal, reaches every goal', (profile, _i, fix) => {
    const term = terminalOn(challengeWorld(c, profile));
    for (const line of fix.commands)
      expect(term.run(line), line).toMatchObject({ exit: 0, err: '' });
    expect(goalsOf(c, term.store.getState().world)).toEqual(c.goals.map(() => true));
  });
});

/** The commands a hint quotes (`…` spans that start like a command the lab knows). */
const quoted = (c: Challenge) =>
  c.hints
    .flatMap((h) => [...h.en.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''))
    .filter((s) => /^(docker|lab|iptables|conntrack|ip|sysctl|curl|ping) /.test(s));

describe.each(MORE_CHALLENGES.map((c) => [c.id, c] as const))(
  '%s: the hints quote commands the lab runs',
  (_, c) => {
    it.each(quoted(c).map((q) => [q]))('%s', (line) => {
      const term = terminalOn(challengeWorld(c, profilesOf(c)[0] ?? 'docker-29'));
      const r = term.run(line);
      expect(r.err).not.toMatch(/command not found|[Uu]sage|invalid|unknown|unrecognized/);
      expect(r.exit).not.toBe(127);
    });
  },
);
