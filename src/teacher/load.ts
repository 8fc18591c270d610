// From a parsed teacher lesson to one the player can open: replayed (every command must still work),
// turned into a lesson, its runs handed to the engine, registered by id. All or nothing.
import { addExtraLesson, type Lesson } from '../lessons';
import type { ParseResult } from '../share';
import { primeStepRuns } from '../store/lesson-run';
import type { Shell } from '../terminal/api';
import type { TeacherLesson } from './format';
import { replayTeacherLesson } from './replay';
import { toLesson } from './to-lesson';

export function prepareLesson(t: TeacherLesson, shell: Shell): ParseResult<Lesson> {
  const runs = replayTeacherLesson(t, shell);
  if (!runs.ok) return runs;
  const lesson = toLesson(t, runs.value);
  if (!lesson.ok) return lesson;
  primeStepRuns(lesson.value, t.profile, runs.value);
  addExtraLesson(lesson.value, t);
  return lesson;
}
