// The lesson player as pure transitions: start, next/prev step, answer a prediction, reveal, check.
import { fill as fillHoles } from '../sim';
import type { Lang } from '../i18n/locale';
import type { ResolvedPrediction } from './resolve';
import type { Lesson, Prediction, Text } from './types';

export interface Answer {
  readonly choice: string;
  readonly correct: boolean;
}

export interface LessonState {
  readonly lessonId: string;
  /** The step on screen; ignored once the lesson reaches its check. */
  readonly step: number;
  readonly phase: 'steps' | 'check' | 'done';
  /** Answers keyed `${stepId}/${predictionId}` for predictions, `check/${predictionId}` for checks. */
  readonly answers: { readonly [key: string]: Answer };
  /** Keys of predictions already shown (answered, or revealed without an answer). */
  readonly revealed: readonly string[];
  /** This run's seed: with the lesson id and the question, it orders the choices (orderChoices). */
  readonly seed: number;
}

export interface Feedback {
  readonly correct: boolean;
  readonly text: Text;
}

export const predictionKey = (stepId: string, predictionId: string) => `${stepId}/${predictionId}`;
export const checkKey = (predictionId: string) => `check/${predictionId}`;

export function startLesson(lesson: Lesson, seed = 0): LessonState {
  return {
    lessonId: lesson.id,
    step: 0,
    phase: 'steps',
    answers: {},
    revealed: [],
    seed: seed >>> 0,
  };
}

/** Whether the step on screen has asked (answered or revealed) all its predictions: its explanation shows. */
export function stepExplained(lesson: Lesson, s: LessonState): boolean {
  return s.phase === 'steps' && pendingPrediction(lesson, s) === null;
}

export function nextStep(lesson: Lesson, s: LessonState): LessonState {
  if (s.phase === 'check') return { ...s, phase: 'done' };
  if (s.phase === 'done') return s;
  if (s.step + 1 < lesson.steps.length) return { ...s, step: s.step + 1 };
  return lesson.checks.length > 0 ? { ...s, phase: 'check' } : { ...s, phase: 'done' };
}

export function prevStep(lesson: Lesson, s: LessonState): LessonState {
  if (s.phase !== 'steps') return { ...s, phase: 'steps', step: lesson.steps.length - 1 };
  return s.step > 0 ? { ...s, step: s.step - 1 } : s;
}

/** Jumps to a step (a shared link's `lesson.step`), clamped to the lesson. */
export function goToStep(lesson: Lesson, s: LessonState, step: number): LessonState {
  const i = Math.max(0, Math.min(lesson.steps.length - 1, Math.trunc(step)));
  return { ...s, phase: 'steps', step: Number.isFinite(i) ? i : 0 };
}

/** The current step's first prediction not yet shown: the UI pauses playback at its `askAt`. */
export function pendingPrediction(lesson: Lesson, s: LessonState): Prediction | null {
  const step = lesson.steps[s.step];
  if (s.phase !== 'steps' || !step) return null;
  return (
    (step.predictions ?? []).find((p) => !s.revealed.includes(predictionKey(step.id, p.id))) ?? null
  );
}

function fill(t: Text, r: ResolvedPrediction): Text {
  const answer = r.choices.find((c) => c.id === r.answer);
  const one = (lang: Lang) =>
    fillHoles(t[lang], { answer: answer ? answer.label[lang] : r.answer, detail: r.detail ?? '' });
  return { en: one('en'), 'zh-CN': one('zh-CN') };
}

function record(
  s: LessonState,
  key: string,
  p: Prediction,
  r: ResolvedPrediction,
  choice: string,
): { state: LessonState; feedback: Feedback } {
  const correct = choice === r.answer;
  const state: LessonState = {
    ...s,
    answers: { ...s.answers, [key]: { choice, correct } },
    revealed: s.revealed.includes(key) ? s.revealed : [...s.revealed, key],
  };
  return { state, feedback: { correct, text: fill(correct ? p.right : p.wrong, r) } };
}

/** Records the student's choice for a prediction of the current step; the feedback names the engine's answer. */
export function answerPrediction(
  lesson: Lesson,
  s: LessonState,
  p: Prediction,
  resolved: ResolvedPrediction,
  choice: string,
): { state: LessonState; feedback: Feedback } {
  const step = lesson.steps[s.step];
  if (!step) return { state: s, feedback: { correct: false, text: fill(p.wrong, resolved) } };
  return record(s, predictionKey(step.id, p.id), p, resolved, choice);
}

/** Shows the hop without an answer (the teacher skips the question). */
export function revealPrediction(lesson: Lesson, s: LessonState, p: Prediction): LessonState {
  const step = lesson.steps[s.step];
  if (!step) return s;
  const key = predictionKey(step.id, p.id);
  return s.revealed.includes(key) ? s : { ...s, revealed: [...s.revealed, key] };
}

export function answerCheck(
  s: LessonState,
  p: Prediction,
  resolved: ResolvedPrediction,
  choice: string,
): { state: LessonState; feedback: Feedback } {
  return record(s, checkKey(p.id), p, resolved, choice);
}

export function score(s: LessonState): { readonly correct: number; readonly answered: number } {
  const all = Object.values(s.answers);
  return { correct: all.filter((a) => a.correct).length, answered: all.length };
}
