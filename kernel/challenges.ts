// Break-fix challenges in the kernel: for each challenge × profile, its broken lab and each fix as
// a plain scenario (setup = broken [+ fix.steps], flows = its goals). runCase compares engine and
// kernel hop by hop as for every scenario; on top, the goals must read the same on both sides:
// broken leaves the challenge unsolved, each fix meets every goal.
import { resolveFrom, type Flow, type Profile, type World } from '../src/sim';
import type { Scenario } from '../src/scenarios';
import {
  CHALLENGES,
  challengeWorld,
  checkGoals,
  profilesOf,
  type Challenge,
  type GoalWant,
} from '../src/lessons/challenges';

export interface ChallengeCase {
  readonly challenge: Challenge;
  readonly profile: Profile;
  /** null: the broken lab; else the fix's index. */
  readonly fix: number | null;
  readonly scenario: Scenario;
  /** For each goal, its flow's index in scenario.flows; null: a name the lab can't resolve (nothing is sent). */
  readonly flowOf: readonly (number | null)[];
  /**
   * For each goal with `sees`: whether its server saw the source it wants, read from the engine's
   * packets. runCase fails the case unless the engine's frames are the kernel's on every
   * interface, so in a passing case this is what the kernel's server saw too.
   */
  readonly sourceOk: readonly (boolean | null)[];
}

/**
 * A goal by name (`ping c2`) as the address the engine's resolver gives it in that lab: the kernel
 * runs no Docker DNS. An unknown name sends nothing the suite could capture, so it has no flow.
 */
function byAddress(world: World, flows: readonly Flow[]) {
  const sent: Flow[] = [];
  const flowOf = flows.map((f) => {
    if (f.name === undefined) return sent.push(f) - 1;
    const to = resolveFrom(world, f.from, f.name);
    if (to === null) return null;
    const { name: _, ...rest } = f;
    return sent.push({ ...rest, to }) - 1;
  });
  return { sent, flowOf };
}

export function challengeCases(
  challenges: readonly Challenge[] = CHALLENGES,
): readonly ChallengeCase[] {
  return challenges.flatMap((challenge) =>
    profilesOf(challenge).flatMap((profile) =>
      [null, ...challenge.fixes.map((_, i) => i)].map((fix): ChallengeCase => {
        const extra = fix === null ? [] : (challenge.fixes[fix]?.steps ?? []);
        const setup = [...challenge.broken, ...extra];
        // The lab as the engine builds it, once: names resolve in it, `sees` goals are read from it.
        const world = challengeWorld(challenge, profile, extra);
        const { sent, flowOf } = byAddress(
          world,
          challenge.goals.map((g) => g.flow),
        );
        const check = challenge.goals.some((g) => g.sees)
          ? checkGoals(world, challenge.goals)
          : null;
        const sourceOk = challenge.goals.map((g, i) =>
          g.sees ? check?.goals[i]?.seen === g.sees.source : null,
        );
        return {
          challenge,
          profile,
          fix,
          flowOf,
          sourceOk,
          scenario: {
            id: `${challenge.id}:${fix === null ? 'broken' : `fix${fix + 1}`}`,
            title: challenge.title.en,
            profiles: [profile],
            setup,
            flows: sent,
          },
        };
      }),
    ),
  );
}

/**
 * Cases whose wire differs from the kernel's for a reason written down here (like it.fails: the
 * case must still differ, and the goals must still read the same on both sides). None since the
 * engine walks the SYNs a client sends again (src/sim/syn-tries.ts): challenge-no-masquerade:broken,
 * where each try draws a SYN-ACK the router answers with ICMP net unreachable, which ends the
 * server's request socket so that the next try draws a SYN-ACK of a new ISN, matches on the wire;
 * its tcpdump text is a KNOWN_TEXT_GAPS entry (case.ts).
 */
export const KNOWN_WIRE_GAPS: { readonly [caseId: string]: string } = {};

/** A tool's end result (kernel/outcome.ts's words) as a goal reads it: something got through, or not. */
export function outcomeWant(line: string): GoalWant {
  return line.startsWith('connected') || /^replied [1-9]/.test(line) ? 'succeeds' : 'fails';
}

/**
 * What is wrong with the goals in one case, given each flow's outcome on both sides ([] = right):
 * engine and kernel read each goal the same; broken is unsolved, a fix meets every goal.
 */
export function goalProblems(
  c: ChallengeCase,
  outcomes: readonly { readonly engine: string; readonly kernel: string }[],
): string[] {
  const problems: string[] = [];
  const met = c.challenge.goals.map((g, i) => {
    const at = c.flowOf[i];
    // A name nothing resolves: the tool sends nothing on either side, so the goal fails on both.
    if (at === null) return g.want === 'fails';
    const o = at === undefined ? undefined : outcomes[at];
    if (!o) {
      problems.push(`  goal ${i + 1}: no outcome`);
      return false;
    }
    const seen = c.sourceOk[i] ?? true;
    const engine = outcomeWant(o.engine) === g.want && seen;
    const kernel = outcomeWant(o.kernel) === g.want && seen;
    if (engine !== kernel)
      problems.push(`  goal ${i + 1}: engine ${o.engine} vs kernel ${o.kernel} (want ${g.want})`);
    return kernel;
  });
  if (c.fix === null && met.every(Boolean))
    problems.push('  broken: the kernel meets every goal, so there is nothing to fix');
  if (c.fix !== null && !met.every(Boolean))
    problems.push(`  fix ${c.fix + 1}: goals met ${met.map((m) => (m ? 'yes' : 'no')).join(' ')}`);
  return problems;
}
