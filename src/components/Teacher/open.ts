// Opening a teacher's lesson from a link (#lesson=) or a file (picked or dropped): read, checked
// and replayed before anything changes; then the lab on screen is kept in Recent labs and the
// lesson plays. A refused one names what is wrong in the banner and leaves the lab as it was.
import { LIMITS, type ParseResult } from '../../share';
import type { AppStore } from '../../store';
import { decodeLessonFile, decodeLessonLink } from '../../teacher/codec';
import type { TeacherLesson } from '../../teacher/format';
import { prepareLesson } from '../../teacher/load';
import { keeping } from '../Share/keeper';

type Origin = 'before-link' | 'before-file';

async function play(
  app: AppStore,
  read: ParseResult<TeacherLesson>,
  origin: Origin,
): Promise<boolean> {
  const { showError, clearIssue } = app.getState();
  if (!read.ok) {
    showError('teacher.refused', { reason: read.error });
    return false;
  }
  // The replay needs the terminal; the player needs the lesson engine.
  await app.getState().loadLessons();
  const { SHELL } = await import('../../terminal/shell');
  const lesson = prepareLesson(read.value, SHELL);
  if (!lesson.ok) {
    showError('teacher.refused', { reason: lesson.error });
    return false;
  }
  keeping()?.keepShown(origin);
  clearIssue();
  return app.getState().beginLesson(lesson.value.id);
}

export async function openLessonLink(app: AppStore, hash: string): Promise<boolean> {
  return play(app, await decodeLessonLink(hash), 'before-link');
}

export async function openLessonFile(app: AppStore, file: File): Promise<boolean> {
  if (file.size > LIMITS.jsonBytes)
    return play(
      app,
      { ok: false, error: `the file is too large (over ${LIMITS.jsonBytes} bytes)` },
      'before-file',
    );
  let text: string;
  try {
    text = await file.text();
  } catch {
    return play(app, { ok: false, error: 'the file could not be read' }, 'before-file');
  }
  return play(app, decodeLessonFile(text), 'before-file');
}
