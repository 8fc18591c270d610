// Whether an address carries a teacher's lesson (#lesson=…). Cheap on purpose: the page asks it at
// start, and only a yes fetches the lesson code.

export const LESSON_KEY = 'lesson';

export function hasLessonFragment(hash: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).has(LESSON_KEY);
}
