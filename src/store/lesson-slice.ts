// The lesson slice: which lesson, step and answers (the player's LessonState) and the panel's view.
// Actions call the pure player in src/lessons and change the lab only through the store's own actions.
import type { StateCreator, StoreApi } from 'zustand/vanilla';
import {
  COMPARE_LANES,
  answerCheck,
  answerPrediction,
  commandFor,
  findLesson,
  nextStep,
  prevStep,
  revealPrediction,
  startLesson,
  type Choice,
  type Feedback,
  type LessonState,
  type Mode,
  type Text,
} from '../lessons';
import type { Profile } from '../sim';
import { gateOf, hopIndex, pendingQuestion, replayStep } from './lesson-run';
import type { AppState } from './types';

export {
  gateOf,
  hopIndex,
  pendingQuestion,
  lessonOf,
  stepRunOf,
  type PendingQuestion,
} from './lesson-run';

export type LessonView = 'closed' | 'menu' | 'lesson' | 'compare';

/** The question just answered (or revealed), kept on screen with its feedback until Continue. */
export interface AnsweredQuestion {
  readonly key: string;
  readonly question: Text;
  readonly choices: readonly Choice[];
  readonly answer: string;
  /** What the student chose; null when the teacher revealed the answer without one. */
  readonly choice: string | null;
  readonly feedback: Feedback | null;
}

export interface LessonSlice {
  readonly lessonView: LessonView;
  readonly lesson: LessonState | null;
  /** The iptables layout the lesson runs on (its answers are resolved for this profile). */
  readonly lessonProfile: Profile;
  readonly lessonAnswered: AnsweredQuestion | null;
  /** Timeline index where playback pauses to show the hop that answers the question. */
  readonly lessonHold: number | null;
  setLessonView(view: LessonView): void;
  /** Starts a lesson or failure lab at its first step; false for an unknown id. */
  beginLesson(id: string): boolean;
  nextLessonStep(): void;
  prevLessonStep(): void;
  /** Answers the pending prediction or check; returns the engine's verdict. */
  answerLessonQuestion(choice: string): Feedback | null;
  /** Shows the answer of the pending prediction without recording one. */
  revealLessonQuestion(): void;
  /** Leaves the feedback and plays on to the next question (or the end of the flow). */
  continueLesson(): void;
  exitLesson(): void;
  /** Puts one compare lane on the main diagram: fresh host, its `docker run` typed, its flow sent. */
  openCompareLane(mode: Mode, flow?: number): void;
}

export type LabState = AppState & LessonSlice;

export function createLessonSlice(): StateCreator<LabState, [], [], LessonSlice> {
  return (set, get, api: StoreApi<LabState>) => {
    // The gate: playback never runs past a question that has not been answered yet.
    api.subscribe((s) => {
      const gate = gateOf(s);
      if (gate === 'pause' && s.playing) set({ playing: false });
      else if (typeof gate === 'number' && s.cursor > gate) set({ cursor: gate, playing: false });
      else if (typeof gate === 'number' && s.cursor === gate && s.playing) set({ playing: false });
      if (s.lessonHold !== null && s.cursor >= s.lessonHold)
        set({ lessonHold: null, playing: false });
    });
    const enter = (state: LessonState) => {
      const lesson = findLesson(state.lessonId);
      set({ lesson: state, lessonAnswered: null, lessonHold: null, playing: false });
      if (!lesson || state.phase !== 'steps') return;
      const flow = replayStep(get(), lesson, state.step, get().lessonProfile);
      // Play at once; the gate stops at the first question.
      if (flow) set({ playing: true });
    };
    const move = (
      to: (l: NonNullable<ReturnType<typeof findLesson>>, s: LessonState) => LessonState,
    ) => {
      const s = get().lesson;
      const lesson = s ? findLesson(s.lessonId) : undefined;
      if (!s || !lesson) return;
      const next = to(lesson, s);
      if (next.phase === 'steps' && (next.step !== s.step || s.phase !== 'steps')) enter(next);
      else set({ lesson: next, lessonAnswered: null, lessonHold: null, playing: false });
    };
    return {
      lessonView: 'closed',
      lesson: null,
      lessonProfile: 'classic',
      lessonAnswered: null,
      lessonHold: null,
      setLessonView: (lessonView) => set({ lessonView }),
      beginLesson: (id) => {
        const lesson = findLesson(id);
        if (!lesson) return false;
        const current = get().world.profile;
        const ok = !lesson.profiles || lesson.profiles.includes(current);
        set({
          lessonView: 'lesson',
          lessonProfile: ok ? current : (lesson.profiles?.[0] ?? current),
        });
        enter(startLesson(lesson));
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
        const at =
          q.kind === 'prediction' && q.resolved.at ? hopIndex(s.packets, q.resolved.at) : null;
        const { id: _id, ...shown } = q.resolved;
        set({
          lesson: r.state,
          lessonAnswered: { key: q.key, ...pick(shown), choice, feedback: r.feedback },
          lessonHold: at !== null && at > s.cursor ? at : null,
          // The reveal: playback goes on to the hop that shows the answer.
          playing: at !== null && at > s.cursor,
        });
        return r.feedback;
      },
      revealLessonQuestion: () => {
        const s = get();
        const q = pendingQuestion(s);
        const lesson = s.lesson ? findLesson(s.lesson.lessonId) : undefined;
        if (!q || q.kind !== 'prediction' || !s.lesson || !lesson) return;
        const at = q.resolved.at ? hopIndex(s.packets, q.resolved.at) : null;
        set({
          lesson: revealPrediction(lesson, s.lesson, q.prediction),
          lessonAnswered: { key: q.key, ...pick(q.resolved), choice: null, feedback: null },
          lessonHold: at !== null && at > s.cursor ? at : null,
          playing: at !== null && at > s.cursor,
        });
      },
      continueLesson: () => {
        const s = get();
        const more = s.lesson?.phase === 'steps' && s.packets.length > 0;
        set({ lessonAnswered: null, lessonHold: null, playing: more });
      },
      exitLesson: () =>
        set({
          lesson: null,
          lessonAnswered: null,
          lessonHold: null,
          lessonView: 'menu',
          playing: false,
        }),
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
}

const pick = (r: { question: Text; choices: readonly Choice[]; answer: string }) => ({
  question: r.question,
  choices: r.choices,
  answer: r.answer,
});
