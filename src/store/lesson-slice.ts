// The lesson slice: which lesson, step and answers (the player's LessonState) and the panel's view.
// The moves that need the lessons themselves come from the lesson engine (lesson-engine.ts), handed
// to the slice: at hand headless, fetched by the browser when the lesson panel first needs it.
import type { StateCreator, StoreApi } from 'zustand/vanilla';
import type { Choice, Feedback, LessonState, Mode, Text } from '../lessons';
import type { Late } from './late';
import type { AppState } from './types';
import { autoCheck, type ChallengeMoves, type ChallengeSlice } from './challenge-slice';
import type { ShareSlice } from './share-slice';
import type { UiSlice } from './ui-slice';

/** 'record': the lesson recorder (src/components/Teacher). */
export type LessonView = 'closed' | 'menu' | 'lesson' | 'compare' | 'challenge' | 'record';

/** The question just answered (or revealed), kept on screen with its feedback until Continue. */
export interface AnsweredQuestion {
  readonly key: string;
  readonly question: Text;
  readonly choices: readonly Choice[];
  readonly answer: string;
  /** Why each wrong choice is wrong. */
  readonly why: { readonly [choiceId: string]: Text };
  /** What the student chose; null when the teacher revealed the answer without one. */
  readonly choice: string | null;
  readonly feedback: Feedback | null;
}

export interface LessonSlice extends ChallengeSlice {
  readonly lessonView: LessonView;
  readonly lesson: LessonState | null;
  readonly lessonAnswered: AnsweredQuestion | null;
  /** Timeline index where playback pauses to show the hop that answers the question. */
  readonly lessonHold: number | null;
  /**
   * While a question waits for its answer: the first timeline index whose details would give the
   * answer away (its hop and every later one; 0 for a question asked before the packet moves).
   * The hop list and the narration keep those hops' changes and sentences back until then.
   */
  readonly lessonGate: number | null;
  setLessonView(view: LessonView): void;
  /**
   * Resolves once the moves below work (at once headless; the browser fetches the lesson engine
   * first). The same promise every time until it settles, so a component may suspend on it.
   * Before that, the moves do nothing and beginLesson answers false.
   */
  loadLessons(): Promise<unknown>;
  /** Starts a lesson or failure lab at its first step, with a fresh seed for its choices' order (or this one); false for an unknown id. */
  beginLesson(id: string, seed?: number): boolean;
  /**
   * Reopens a saved lesson at its step, over the lab saved with it (nothing replayed), with its
   * seed. Its answers are resolved for that lab's profile (the world's: a lesson has no other).
   */
  resumeLesson(id: string, step: number, seed?: number): boolean;
  /** On the score page: replays the step of an answered question and stops on the hop that answers it. */
  showLessonAnswer(key: string): void;
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

/** The whole app store: the lab (world, flow, terminal), the lesson on screen and the view's UI state. */
export type LabState = AppState & LessonSlice & UiSlice & ShareSlice;

/** The slice's moves that need the catalogue and the player (src/lessons). */
export type LessonMoves = Pick<
  LessonSlice,
  | 'beginLesson'
  | 'resumeLesson'
  | 'nextLessonStep'
  | 'prevLessonStep'
  | 'answerLessonQuestion'
  | 'revealLessonQuestion'
  | 'showLessonAnswer'
  | 'openCompareLane'
>;

export interface LessonEngine {
  moves(set: StoreApi<LabState>['setState'], get: () => LabState): LessonMoves;
  /** Where playback must wait for the pending question: a timeline index, 'pause' or null. */
  gateOf(s: LabState): number | 'pause' | null;
  challenges(set: StoreApi<LabState>['setState'], get: () => LabState): ChallengeMoves;
}

export function createLessonSlice(
  engine: Late<LessonEngine>,
): StateCreator<LabState, [], [], LessonSlice> {
  return (set, get, api: StoreApi<LabState>) => {
    let moves: LessonMoves | null = null;
    const ready = (): LessonMoves | null => {
      const e = engine.current();
      if (e && !moves) moves = e.moves(set, get);
      return moves;
    };
    let challengeMoves: ChallengeMoves | null = null;
    const challenges = (): ChallengeMoves | null => {
      const e = engine.current();
      if (e && !challengeMoves) challengeMoves = e.challenges(set, get);
      return challengeMoves;
    };
    autoCheck(api, () => challenges()?.checkChallenge('auto'));
    // The gate: playback never runs past a question that has not been answered yet. A lesson is
    // only ever opened through the engine, so with a lesson open the engine is here.
    api.subscribe((s) => {
      const gate = s.lesson ? (engine.current()?.gateOf(s) ?? null) : null;
      if (gate === 'pause' && s.playing) set({ playing: false });
      else if (typeof gate === 'number' && s.cursor > gate) set({ cursor: gate, playing: false });
      else if (typeof gate === 'number' && s.cursor === gate && s.playing) set({ playing: false });
      if (s.lessonHold !== null && s.cursor >= s.lessonHold)
        set({ lessonHold: null, playing: false });
      const veil = gate === 'pause' ? 0 : gate;
      if (s.lessonGate !== veil) set({ lessonGate: veil });
    });
    return {
      lessonView: 'closed',
      lesson: null,
      lessonAnswered: null,
      lessonHold: null,
      lessonGate: null,
      challenge: null,
      beginChallenge: (id) => challenges()?.beginChallenge(id) ?? false,
      checkChallenge: (by) => challenges()?.checkChallenge(by) ?? null,
      revealChallengeHint: () => challenges()?.revealChallengeHint(),
      resumeChallenge: (id, hints) => challenges()?.resumeChallenge(id, hints) ?? false,
      setLessonView: (lessonView) => set({ lessonView }),
      loadLessons: () => engine.load(),
      beginLesson: (id, seed) => ready()?.beginLesson(id, seed) ?? false,
      resumeLesson: (id, step, seed) => ready()?.resumeLesson(id, step, seed) ?? false,
      showLessonAnswer: (key) => ready()?.showLessonAnswer(key),
      nextLessonStep: () => ready()?.nextLessonStep(),
      prevLessonStep: () => ready()?.prevLessonStep(),
      answerLessonQuestion: (choice) => ready()?.answerLessonQuestion(choice) ?? null,
      revealLessonQuestion: () => ready()?.revealLessonQuestion(),
      continueLesson: () => {
        const s = get();
        const more = s.lesson?.phase === 'steps' && s.packets.length > 0;
        set({ lessonAnswered: null, lessonHold: null, playing: more });
      },
      exitLesson: () =>
        set({
          lesson: null,
          challenge: null,
          lessonAnswered: null,
          lessonHold: null,
          lessonView: 'menu',
          playing: false,
        }),
      openCompareLane: (mode, flow) => ready()?.openCompareLane(mode, flow),
    };
  };
}
