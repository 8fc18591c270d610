// A teacher's lesson from a saved lab (the autosave, Recent labs, a shared lab): made again from
// the teacher's document it carries and opened at the student's step over the lab that came with
// it. The lesson's own commands are not run again on that lab: it already holds their effects.
import type { AppStore } from '../../store';
import type { TeacherAt } from '../../store/persist';

/** True when the lesson is open at its step; false (nothing changed) if it no longer replays. */
export async function resumeTeacherLesson(app: AppStore, at: TeacherAt): Promise<boolean> {
  await app.getState().loadLessons();
  const [{ SHELL }, { prepareLesson }] = await Promise.all([
    import('../../terminal/shell'),
    import('../../teacher/load'),
  ]);
  const lesson = prepareLesson(at.lesson, SHELL);
  return lesson.ok && app.getState().resumeLesson(lesson.value.id, at.step, at.seed);
}
