// What the lesson slice derives from its inputs: each step's engine run (memoised), the pending
// question, the playback gate; and the replay of a step through the store's own actions.
import {
  checkKey,
  findLesson,
  orderChoices,
  pendingPrediction,
  predictionKey,
  resolvePrediction,
  runLessonStep,
  setupLine,
  type HopRef,
  type Lesson,
  type Prediction,
  type ResolvedPrediction,
  type StepRun,
} from '../lessons';
import type { Profile } from '../sim';
import type { Flow, PacketTrace } from '../sim';
import type { LabState } from './lesson-slice';
import type { AppState } from './types';

const runs = new Map<string, StepRun>();
const resolutions = new Map<string, ResolvedPrediction | null>();

/** The engine's run of one step (pure, so safe to keep). */
export function stepRunOf(lesson: Lesson, index: number, profile: Profile): StepRun {
  const hit = runs.get(runKey(lesson, profile, index));
  if (hit) return hit;
  const run = runLessonStep(lesson, index, profile);
  runs.set(runKey(lesson, profile, index), run);
  return run;
}

const runKey = (lesson: Lesson, profile: Profile, index: number) =>
  `${lesson.id}|${profile}|${index}`;

/**
 * The runs of a lesson whose setup the terminal replays (a teacher's: src/teacher/replay.ts ran
 * it through a store of its own); the engine cannot run those lines itself.
 */
export function primeStepRuns(lesson: Lesson, profile: Profile, stepRuns: readonly StepRun[]) {
  stepRuns.forEach((run, i) => runs.set(runKey(lesson, profile, i), run));
}

function resolved(lesson: Lesson, step: number, p: Prediction, profile: Profile) {
  const key = `${lesson.id}|${profile}|${step}|${p.id}`;
  if (!resolutions.has(key)) {
    const r = resolvePrediction(p, stepRunOf(lesson, step, profile));
    resolutions.set(key, r.ok ? r.value : null);
  }
  return resolutions.get(key) ?? null;
}

export const lessonOf = (s: Pick<LabState, 'lesson'>): Lesson | null =>
  (s.lesson && findLesson(s.lesson.lessonId)) ?? null;

export interface PendingQuestion {
  readonly kind: 'prediction' | 'check';
  readonly key: string;
  readonly prediction: Prediction;
  readonly resolved: ResolvedPrediction;
  /** Index of the check among the lesson's checks (0 for predictions). */
  readonly index: number;
}

/** The resolution with its choices in this run's order. */
const ordered = (
  r: ResolvedPrediction,
  ls: NonNullable<LabState['lesson']>,
  key: string,
): ResolvedPrediction => ({
  ...r,
  choices: orderChoices(r.choices, ls.lessonId, ls.seed ?? 0, key),
});

/** A question of the lesson by its answer key: where it is asked, and its resolution. */
export function questionByKey(
  lesson: Lesson,
  key: string,
  profile: Profile,
): { step: number; prediction: Prediction; resolved: ResolvedPrediction } | null {
  const check = lesson.checks.find((c) => checkKey(c.prediction.id) === key);
  const found = check
    ? { step: check.step, prediction: check.prediction }
    : lesson.steps.flatMap((s, step) =>
        (s.predictions ?? [])
          .filter((p) => predictionKey(s.id, p.id) === key)
          .map((prediction) => ({ step, prediction })),
      )[0];
  if (!found) return null;
  const r = resolved(lesson, found.step, found.prediction, profile);
  return r ? { ...found, resolved: r } : null;
}

/** The question the student is to answer now: the step's next prediction, or the next check. */
export function pendingQuestion(s: Pick<LabState, 'lesson' | 'world'>): PendingQuestion | null {
  const ls = s.lesson;
  const lesson = lessonOf(s);
  if (!ls || !lesson) return null;
  if (ls.phase === 'steps') {
    const p = pendingPrediction(lesson, ls);
    const step = lesson.steps[ls.step];
    const r = p && step ? resolved(lesson, ls.step, p, s.world.profile) : null;
    if (!p || !step || !r) return null;
    const key = predictionKey(step.id, p.id);
    return { kind: 'prediction', key, prediction: p, resolved: ordered(r, ls, key), index: 0 };
  }
  if (ls.phase !== 'check') return null;
  const index = lesson.checks.findIndex((c) => !ls.answers[checkKey(c.prediction.id)]);
  const c = lesson.checks[index];
  const r = c ? resolved(lesson, c.step, c.prediction, s.world.profile) : null;
  if (!c || !r) return null;
  const key = checkKey(c.prediction.id);
  return { kind: 'check', key, prediction: c.prediction, resolved: ordered(r, ls, key), index };
}

/** Index of a hop in the flattened timeline of all packets. */
export function hopIndex(packets: readonly PacketTrace[], ref: HopRef): number {
  let i = 0;
  for (let p = 0; p < ref.packet; p++) i += packets[p]?.hops.length ?? 0;
  return i + ref.hop;
}

/**
 * Where playback must wait for the pending prediction: the timeline index of its `askAt` hop,
 * 'pause' for a question about the world (asked before the packet moves), or null.
 */
export function gateOf(s: LabState): number | 'pause' | null {
  if (s.lessonAnswered || s.packets.length === 0) return null;
  const q = pendingQuestion(s);
  if (!q || q.kind !== 'prediction') return null;
  return q.resolved.askAt ? hopIndex(s.packets, q.resolved.askAt) : 'pause';
}

/**
 * Rebuilds the lab for a step: a fresh host, the earlier steps replayed quietly (setups and flows,
 * as the engine's run does), then this step's commands typed into the terminal and its flow sent.
 * Every step starts clean, so stepping back or a stray command never leaves the lesson off-script.
 */
export function replayStep(
  s: AppState,
  lesson: Lesson,
  index: number,
  profile: Profile,
): Flow | null {
  let from = 0;
  for (let j = index; j >= 0; j--) {
    if (lesson.steps[j]?.reset) {
      from = j;
      break;
    }
  }
  s.resetWorld({ profile });
  for (let j = from; j < index; j++) {
    const step = lesson.steps[j];
    for (const action of step?.setup ?? [])
      if ('line' in action) s.runQuietly(action.line);
      else s.applyStep(action.op);
    if (step?.flow) s.sendFlow(step.flow);
  }
  const step = lesson.steps[index];
  if (!step) return null;
  if (step.reset && index > 0) s.runCommand('lab reset');
  for (const action of step.setup) s.runCommand(setupLine(action));
  if (step.flow) s.sendFlow(step.flow);
  return step.flow ?? null;
}
