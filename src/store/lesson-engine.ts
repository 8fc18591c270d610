// The lesson engine: the lesson slice's moves that need the catalogue and the pure player
// (src/lessons). The lab changes only through the store's own actions. Kept apart from the slice
// so the browser fetches it, with the lessons, only when the lesson panel first needs it.
import {
  COMPARE_LANES,
  answerCheck,
  answerPrediction,
  commandFor,
  findLesson,
  goToStep,
  nextStep,
  prevStep,
  revealPrediction,
  startLesson,
  type Choice,
  type HopRef,
  type Lesson,
  type LessonState,
  type Text,
} from '../lessons';
import { gateOf, hopIndex, pendingQuestion, questionByKey, replayStep } from './lesson-run';
import type { LabState, LessonEngine, LessonMoves } from './lesson-slice';
import { challengeMoves } from './challenge-engine';

const pick = (r: {
  question: Text;
  choices: readonly Choice[];
  answer: string;
  why: { readonly [id: string]: Text };
}) => ({ question: r.question, choices: r.choices, answer: r.answer, why: r.why });

/** A fresh run's seed: each start of a lesson shows its choices in another order. */
const freshSeed = () => Math.floor(Math.random() * 0x100000000);

const moves: LessonEngine['moves'] = (set, get): LessonMoves => {
  const enter = (state: LessonState) => {
    const lesson = findLesson(state.lessonId);
    set({ lesson: state, challenge: null, lessonAnswered: null, lessonHold: null, playing: false });
    if (!lesson || state.phase !== 'steps') return;
    // A lesson written for some profiles only runs on the first of them when the lab has another.
    const current = get().world.profile;
    const profile =
      !lesson.profiles || lesson.profiles.includes(current) ? current : lesson.profiles[0]!;
    const flow = replayStep(get(), lesson, state.step, profile);
    // Play at once; the gate stops at the first question.
    if (flow) set({ playing: true });
  };
  const move = (to: (l: Lesson, s: LessonState) => LessonState) => {
    const s = get().lesson;
    const lesson = s ? findLesson(s.lessonId) : undefined;
    if (!s || !lesson) return;
    const next = to(lesson, s);
    if (next.phase === 'steps' && (next.step !== s.step || s.phase !== 'steps')) enter(next);
    else set({ lesson: next, lessonAnswered: null, lessonHold: null, playing: false });
  };
  /** Where the answer shows: playback goes on to that hop (the reveal), or stays. */
  const reveal = (s: LabState, at: HopRef | null | undefined) => {
    const i = at ? hopIndex(s.packets, at) : null;
    const on = i !== null && i > s.cursor;
    return { lessonHold: on ? i : null, playing: on };
  };
  return {
    beginLesson: (id, seed = freshSeed()) => {
      const lesson = findLesson(id);
      if (!lesson) return false;
      set({ lessonView: 'lesson' });
      enter(startLesson(lesson, seed));
      return true;
    },
    resumeLesson: (id, step, seed = freshSeed()) => {
      const lesson = findLesson(id);
      if (!lesson) return false;
      set({
        lesson: goToStep(lesson, startLesson(lesson, seed), step),
        lessonView: 'lesson',
        lessonAnswered: null,
        lessonHold: null,
      });
      return true;
    },
    nextLessonStep: () => move(nextStep),
    prevLessonStep: () => move(prevStep),
    answerLessonQuestion: (choice) => {
      const s = get();
      const q = pendingQuestion(s);
      const lesson = s.lesson ? findLesson(s.lesson.lessonId) : undefined;
      if (!q || !s.lesson || !lesson) return null;
      const r =
        q.kind === 'prediction'
          ? answerPrediction(lesson, s.lesson, q.prediction, q.resolved, choice)
          : answerCheck(s.lesson, q.prediction, q.resolved, choice);
      const { id: _id, ...shown } = q.resolved;
      set({
        lesson: r.state,
        lessonAnswered: { key: q.key, ...pick(shown), choice, feedback: r.feedback },
        ...reveal(s, q.kind === 'prediction' ? q.resolved.at : undefined),
      });
      return r.feedback;
    },
    revealLessonQuestion: () => {
      const s = get();
      const q = pendingQuestion(s);
      const lesson = s.lesson ? findLesson(s.lesson.lessonId) : undefined;
      if (!q || q.kind !== 'prediction' || !s.lesson || !lesson) return;
      set({
        lesson: revealPrediction(lesson, s.lesson, q.prediction),
        lessonAnswered: { key: q.key, ...pick(q.resolved), choice: null, feedback: null },
        ...reveal(s, q.resolved.at),
      });
    },
    showLessonAnswer: (key) => {
      const s = get();
      const lesson = s.lesson ? findLesson(s.lesson.lessonId) : undefined;
      const q = lesson ? questionByKey(lesson, key, s.world.profile) : null;
      if (!lesson || !q) return;
      replayStep(get(), lesson, q.step, s.world.profile);
      const at = q.resolved.at;
      const packets = get().packets;
      set({
        lessonHold: null,
        playing: false,
        ...(at && packets.length > 0 ? { cursor: hopIndex(packets, at) } : {}),
      });
    },
    openCompareLane: (mode, flow = 0) => {
      const lane = COMPARE_LANES.find((l) => l.mode === mode);
      const f = lane?.scenario.flows[flow];
      if (!lane || !f) return;
      set({ lesson: null, lessonAnswered: null, lessonHold: null });
      get().resetWorld({ profile: get().world.profile });
      for (const op of lane.scenario.setup) get().runCommand(commandFor(op));
      get().sendFlow(f);
    },
  };
};

/** What createAppStore hands the lesson slice headless; the browser imports this module lazily. */
export const LESSON_ENGINE: LessonEngine = { moves, gateOf, challenges: challengeMoves };
