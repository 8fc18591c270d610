// What a lab carries beyond the world and the flow: the lesson on screen (its step) and the language.
import { matchLang, type Lang } from '../../i18n/locale';
import type { AppStore } from '../../store';
import type { LabContent, LabExtras, LessonAt } from '../../store/persist';

export function lessonOf(app: AppStore): LessonAt | null {
  const l = app.getState().lesson;
  return l ? { id: l.lessonId, step: l.step, seed: l.seed } : null;
}

/** The language and lesson readers handed to labOf and the autosave. */
export function labExtras(app: AppStore, lang: () => Lang): LabExtras {
  return { lesson: () => lessonOf(app), lang: () => matchLang(lang()) };
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
  if (doc.lesson) {
    await app.getState().loadLessons();
    // The world and flow came with the lab: open the lesson at its step without replaying its setup.
    if (app.getState().resumeLesson(doc.lesson.id, doc.lesson.step, doc.lesson.seed)) return;
  }
  // A lab without a lesson: a lesson left open would describe another lab.
  if (app.getState().lesson) app.setState({ lesson: null, lessonAnswered: null, lessonHold: null });
}
