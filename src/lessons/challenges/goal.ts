// Is the goal met? The lab runs each goal's flow itself on the world as it is, and keeps nothing of
// the run (no conntrack entry, no neighbour learnt): checking never changes what it checks.
import {
  createWorld,
  simulate,
  type FlowResult,
  type IPv4,
  type Profile,
  type World,
} from '../../sim';
import { applyStep } from '../../scenarios';
import { sourceSeen } from './source-goal';
import type { Challenge, Goal, GoalWant } from './types';

/** What a flow's result says to a person: something got through (a connection, a reply) or not. */
export function outcomeOf(result: FlowResult): GoalWant {
  switch (result.kind) {
    case 'connected':
      return 'succeeds';
    case 'replied':
      return result.replies > 0 ? 'succeeds' : 'fails';
    case 'refused':
    case 'port-unreachable':
    case 'timeout':
    case 'unreachable':
    case 'udp-sent':
      return 'fails';
  }
}

export interface GoalStatus {
  readonly goal: Goal;
  readonly result: FlowResult;
  readonly got: GoalWant;
  /** For a goal with `sees`: the address its server saw (null: no SYN reached it). */
  readonly seen?: IPv4 | null;
  readonly met: boolean;
}

export interface GoalCheck {
  readonly goals: readonly GoalStatus[];
  /** Every goal holds. */
  readonly solved: boolean;
}

export function checkGoals(world: World, goals: readonly Goal[]): GoalCheck {
  const statuses = goals.map((goal): GoalStatus => {
    const { result, packets } = simulate(world, goal.flow);
    const got = outcomeOf(result);
    if (!goal.sees) return { goal, result, got, met: got === goal.want };
    const seen = sourceSeen(packets, goal.sees.server);
    return { goal, result, got, seen, met: got === goal.want && seen === goal.sees.source };
  });
  return { goals: statuses, solved: statuses.every((s) => s.met) };
}

/** The profiles a challenge is true for. */
export const profilesOf = (c: Challenge): readonly Profile[] =>
  c.profiles ?? ['docker-27', 'docker-29'];

/** A freshly started host with the challenge's broken steps (and then these), as the lab builds it. */
export function challengeWorld(
  c: Challenge,
  profile: Profile,
  more: Challenge['broken'] = [],
): World {
  return [...c.broken, ...more].reduce((w, step) => {
    const r = applyStep(w, step);
    if (!r.ok) throw new Error(`${c.id}: step ${step.op} failed: ${r.error.message}`);
    return r.world;
  }, createWorld({ profile }));
}
