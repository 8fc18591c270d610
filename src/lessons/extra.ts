// Lessons that are not in the catalogue: a teacher's, opened from a link or a file (src/teacher).
// Registered for this page only, so the player finds them by id like any other lesson; never saved
// with the lab (a reload would not know them), see components/Share/extras.ts.
import type { Lesson } from './types';

/** Every registered lesson's id starts so (catalogue ids never do). */
export const EXTRA_PREFIX = 'teacher-';

const extra = new Map<string, Lesson>();

export function addExtraLesson(lesson: Lesson): void {
  if (!lesson.id.startsWith(EXTRA_PREFIX)) throw new Error(`${lesson.id}: not a teacher's lesson`);
  extra.set(lesson.id, lesson);
}

export const extraLesson = (id: string): Lesson | undefined => extra.get(id);
