// The challenge moves: open one broken, check its goals, show hints. They need the catalogue and
// the goal check (src/lessons/challenges), so they come with the lesson engine, fetched on first need.
import { parseEdit } from '../terminal/host/iptables-edit';
import { checkGoals, findChallenge, profilesOf } from '../lessons/challenges';
import type { Step } from '../scenarios';
import type { ChallengeMoves } from './challenge-slice';
import type { LabState } from './lesson-slice';
import type { StoreApi } from 'zustand/vanilla';

/** One broken step through the store's own actions, typed nowhere: the student has to find it. */
function breakLab(s: LabState, step: Step): void {
  if (step.op !== 'iptables') {
    const r = s.applyStep(step);
    if (!r.ok) throw new Error(`challenge step ${step.op}: ${r.error.message}`);
    return;
  }
  const edit = parseEdit(step.args, s.world.netfilter);
  if ('exit' in edit)
    throw new Error(`challenge step iptables ${step.args.join(' ')}: ${edit.text}`);
  const r = s.editIptables(edit);
  if (!r.ok) throw new Error(`challenge step iptables ${step.args.join(' ')}: ${r.refusal}`);
}

export function challengeMoves(
  set: StoreApi<LabState>['setState'],
  get: () => LabState,
): ChallengeMoves {
  return {
    beginChallenge: (id) => {
      const c = findChallenge(id);
      if (!c) return false;
      const current = get().world.profile;
      const profiles = profilesOf(c);
      const profile = profiles.includes(current) ? current : (profiles[0] ?? current);
      // Out of any lesson first, so the world changes below are not taken for the student's.
      set({
        lesson: null,
        lessonAnswered: null,
        lessonHold: null,
        challenge: null,
        playing: false,
      });
      get().resetWorld({ profile });
      for (const step of c.broken) breakLab(get(), step);
      get().clearTranscript();
      set({
        lessonView: 'challenge',
        challenge: { id, profile, hints: 0, check: null, solved: false },
      });
      return true;
    },
    checkChallenge: (by = 'button') => {
      const run = get().challenge;
      const c = run ? findChallenge(run.id) : undefined;
      if (!run || !c) return null;
      const r = checkGoals(get().world, c.goals);
      const check = {
        goals: r.goals.map((g) => ({
          want: g.goal.want,
          got: g.got,
          ...(g.seen !== undefined ? { seen: g.seen } : {}),
          met: g.met,
          result: g.result,
        })),
        solved: r.solved,
        by,
        n: (run.check?.n ?? 0) + 1,
      };
      set({ challenge: { ...run, check, solved: run.solved || r.solved } });
      return check;
    },
    resumeChallenge: (id, hints) => {
      const c = findChallenge(id);
      if (!c) return false;
      const profile = get().world.profile;
      set({
        lesson: null,
        lessonAnswered: null,
        lessonHold: null,
        lessonView: 'challenge',
        challenge: {
          id,
          profile,
          hints: Math.min(hints, c.hints.length),
          check: null,
          solved: false,
        },
      });
      const check = get().checkChallenge('auto');
      return check !== null;
    },
    revealChallengeHint: () => {
      const run = get().challenge;
      const c = run ? findChallenge(run.id) : undefined;
      if (!run || !c) return;
      set({ challenge: { ...run, hints: Math.min(run.hints + 1, c.hints.length) } });
    },
  };
}
