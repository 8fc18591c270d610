// Lessons that are not in the catalogue: a teacher's, opened from a link or a file (src/teacher).
// Registered for this page only, so the player finds them by id like any other lesson. A saved lab
// cannot name one by id (a reload would not know it): it carries the teacher's document itself,
// kept here beside the lesson made from it (components/Share/extras.ts).
import type { TeacherLesson } from '../teacher/format';
import type { Lesson } from './types';

/** Every registered lesson's id starts so (catalogue ids never do). */
export const EXTRA_PREFIX = 'teacher-';

const extra = new Map<string, { readonly lesson: Lesson; readonly source: TeacherLesson }>();

export function addExtraLesson(lesson: Lesson, source: TeacherLesson): void {
  if (!lesson.id.startsWith(EXTRA_PREFIX)) throw new Error(`${lesson.id}: not a teacher's lesson`);
  extra.set(lesson.id, { lesson, source });
}

export const extraLesson = (id: string): Lesson | undefined => extra.get(id)?.lesson;

/** The teacher's document a registered lesson was made from. */
export const extraSource = (id: string): TeacherLesson | undefined => extra.get(id)?.source;
