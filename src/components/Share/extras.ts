// What a lab carries beyond the world and the flow: the lesson on screen (its step) and the language.
import { matchLang, type Lang } from '../../i18n/locale';
import { EXTRA_PREFIX, extraSource } from '../../lessons/extra';
import type { AppStore } from '../../store';
import type { ChallengeAt, LabContent, LabExtras, LessonAt, TeacherAt } from '../../store/persist';
import { resumeTeacherLesson } from '../Teacher/resume';

export function lessonOf(app: AppStore): LessonAt | null {
  const l = app.getState().lesson;
  // A teacher's lesson cannot be named by id (a reload would not know it): teacherOf carries it.
  if (!l || l.lessonId.startsWith(EXTRA_PREFIX)) return null;
  return { id: l.lessonId, step: l.step, seed: l.seed };
}

/** A teacher's lesson on screen: the teacher's document it was made from, and the step reached. */
export function teacherOf(app: AppStore): TeacherAt | null {
  const l = app.getState().lesson;
  const source = l ? extraSource(l.lessonId) : undefined;
  return l && source ? { lesson: source, step: l.step, seed: l.seed } : null;
}

export function challengeOf(app: AppStore): ChallengeAt | null {
  const c = app.getState().challenge;
  return c ? { id: c.id, hints: c.hints } : null;
}

/** The language and lesson readers handed to labOf and the autosave. */
export function labExtras(app: AppStore, lang: () => Lang): LabExtras {
  return {
    lesson: () => lessonOf(app),
    teacher: () => teacherOf(app),
    challenge: () => challengeOf(app),
    lang: () => matchLang(lang()),
  };
}

/**
 * Puts a lab's lesson (at its step; answers are not carried) back after applyLab, and its language
 * when `setLang` is given: for a link or a file from someone else, never for this browser's own
 * autosave (the language choice is remembered on its own) nor over a `?lang=` in the address.
 * Resolves once the lesson is open (the browser may have to fetch the lessons first).
 */
export async function applyExtras(
  app: AppStore,
  doc: LabContent,
  setLang: ((lang: Lang) => void) | null,
): Promise<void> {
  const urlLang = new URLSearchParams(window.location.search).has('lang');
  if (doc.lang && setLang && !urlLang) setLang(doc.lang);
  if (doc.challenge) {
    await app.getState().loadLessons();
    // The lab came broken (or half fixed) with the link: reopen the challenge over it, hints as shown.
    if (app.getState().resumeChallenge(doc.challenge.id, doc.challenge.hints)) return;
  }
  if (app.getState().challenge) app.setState({ challenge: null });
  // A teacher's lesson is made again from its document (replayed, as when its link opened) and
  // opened at the student's step over the lab that came with it.
  if (doc.teacher && (await resumeTeacherLesson(app, doc.teacher))) return;
  if (doc.lesson) {
    await app.getState().loadLessons();
    // The world and flow came with the lab: open the lesson at its step without replaying its setup.
    if (app.getState().resumeLesson(doc.lesson.id, doc.lesson.step, doc.lesson.seed)) return;
  }
  // A lab without a lesson: a lesson left open would describe another lab.
  if (app.getState().lesson) app.setState({ lesson: null, lessonAnswered: null, lessonHold: null });
}
