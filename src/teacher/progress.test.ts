// A student's place in a teacher's lesson is kept with the lab: the saved lab carries the teacher's
// document and the step, a reload makes the lesson again from it and opens it at that step.
import { describe, expect, it } from 'vitest';
import { lessonOf, teacherOf } from '../components/Share/extras';
import { resumeTeacherLesson } from '../components/Teacher/resume';
import { decodeFile, encodeFile } from '../share';
import { applyLab, labOf } from '../store/persist';
import { createAppStore, type AppStore } from '../store';
import type { IPv4 } from '../sim';
import { SHELL } from '../terminal/shell';
import { decodeLessonFile, encodeLessonFile } from './codec';
import { LESSON_FORMAT, type TeacherLesson } from './format';
import { prepareLesson } from './load';

const LESSON: TeacherLesson = {
  format: LESSON_FORMAT,
  version: 1,
  title: { en: 'Three steps' },
  profile: 'docker-27',
  steps: [
    { note: { en: 'Publish web.' }, commands: ['docker run -d --name web -p 8080:80 nginx'] },
    {
      note: { en: 'The client asks.' },
      commands: [],
      flow: {
        from: { kind: 'remote', name: 'client' },
        to: '192.0.2.10' as IPv4,
        kind: 'http',
        port: 8080,
      },
    },
    { note: { en: 'And a second container.' }, commands: ['docker run -dit --name app busybox'] },
  ],
};

const extras = (app: AppStore) => ({ lesson: () => lessonOf(app), teacher: () => teacherOf(app) });

/** A student in the lesson, moved on to `step`; the lab as its autosave writes it. */
function saved(step: number): { app: AppStore; text: string; id: string } {
  // As a link or a file hands it over: through the lesson file's parser.
  const opened = decodeLessonFile(encodeLessonFile(LESSON));
  if (!opened.ok) throw new Error(opened.error);
  const prepared = prepareLesson(opened.value, SHELL);
  if (!prepared.ok) throw new Error(prepared.error);
  const app = createAppStore();
  expect(app.getState().beginLesson(prepared.value.id, 7)).toBe(true);
  for (let i = 0; i < step; i++) app.getState().nextLessonStep();
  expect(app.getState().lesson?.step).toBe(step);
  return { app, text: encodeFile(labOf(app, extras(app))), id: prepared.value.id };
}

describe('a teacher lesson kept with the lab', () => {
  it('the saved lab carries the teacher’s lesson and the step, not a lesson id no catalogue knows', () => {
    const { app, text } = saved(2);
    expect(lessonOf(app)).toBeNull();
    const doc = decodeFile(text);
    if (!doc.ok) throw new Error(doc.error);
    expect(doc.value.lesson).toBeUndefined();
    expect(doc.value.teacher).toEqual({ lesson: LESSON, step: 2, seed: 7 });
  });

  it('reopened (a reload), the lesson is at the same step over the same lab, nothing run twice', async () => {
    const { app, text, id } = saved(2);
    const doc = decodeFile(text);
    if (!doc.ok || !doc.value.teacher) throw new Error('not kept');
    const reloaded = createAppStore();
    expect(applyLab(reloaded, doc.value).ok).toBe(true);
    expect(await resumeTeacherLesson(reloaded, doc.value.teacher)).toBe(true);
    const s = reloaded.getState();
    expect(s.lesson).toMatchObject({ lessonId: id, step: 2, seed: 7 });
    expect(s.world.containers.map((c) => c.name)).toEqual(['web', 'app']);
    expect(s.world.containers).toEqual(app.getState().world.containers);
  });

  it('a built-in lesson is still kept by its id', () => {
    const app = createAppStore();
    app.getState().beginLesson('modes', 1);
    expect(lessonOf(app)).toMatchObject({ id: 'modes', step: 0 });
    expect(teacherOf(app)).toBeNull();
  });

  it('a saved lab whose lesson is malformed or whose step is past its end is refused, by path', () => {
    const { text } = saved(1);
    const raw = JSON.parse(text) as { teacher: { lesson: { steps: unknown[] }; step: number } };
    const past = { ...raw, teacher: { ...raw.teacher, step: 3 } };
    expect(decodeFile(JSON.stringify(past))).toMatchObject({ ok: false });
    expect(JSON.stringify(decodeFile(JSON.stringify(past)))).toContain('teacher.step');
    const bad = {
      ...raw,
      teacher: { ...raw.teacher, lesson: { ...raw.teacher.lesson, steps: [] } },
    };
    expect(JSON.stringify(decodeFile(JSON.stringify(bad)))).toContain('teacher.lesson');
  });

  it('a lesson that no longer replays is not opened, and the lab stays as it was', async () => {
    const broken: TeacherLesson = {
      ...LESSON,
      steps: [{ commands: ['docker run -d --name web nginx', 'docker run -d --name web nginx'] }],
    };
    const app = createAppStore();
    const before = app.getState().world;
    expect(await resumeTeacherLesson(app, { lesson: broken, step: 0 })).toBe(false);
    expect(app.getState().lesson).toBeNull();
    expect(app.getState().world).toBe(before);
  });
});
