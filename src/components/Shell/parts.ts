// The store's parts the browser fetches instead of bundling them with the first paint: the shell
// (every command) and the lesson engine (with the lessons). Each loads on first need (a line
// entered, the lesson panel opened), or once the browser is idle after the first paint.
import type { StoreParts } from '../../store/create';
import { onFirstNeed } from '../../store/late';
import { afterFirstPaint } from './idle';

export function fetchedParts(): StoreParts {
  const shell = onFirstNeed(() => import('../../terminal/shell').then((m) => m.SHELL));
  // A lesson types its setup into the terminal, so its engine waits for the shell.
  const lessons = onFirstNeed(() =>
    shell.load().then(() => import('../../store/lesson-engine').then((m) => m.LESSON_ENGINE)),
  );
  // A failed prefetch is no error yet: the next real need tries again and says so.
  afterFirstPaint(() => void lessons.load().catch(() => undefined));
  return { shell, lessons };
}
