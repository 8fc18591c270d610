// The store's parts the browser fetches instead of bundling them with the first paint: the packet
// walk (every flow), the shell (every command) and the lesson engine (with the lessons). Each loads on first need (a line
// entered, the lesson panel opened), or once the browser is idle after the first paint.
import type { StoreParts } from '../../store/create';
import { onFirstNeed } from '../../store/late';
import { afterFirstPaint } from './idle';

export function fetchedParts(): StoreParts {
  const walk = onFirstNeed(() => import('../../sim/walk/simulate').then((m) => m.simulate));
  // ping, curl and nc send flows as they run: the commands come with the walk.
  const shell = onFirstNeed(() =>
    Promise.all([import('../../terminal/shell'), walk.load()]).then(([m]) => m.SHELL),
  );
  // A lesson types its setup into the terminal, so its engine waits for the shell.
  const lessons = onFirstNeed(() =>
    shell.load().then(() => import('../../store/lesson-engine').then((m) => m.LESSON_ENGINE)),
  );
  // A failed prefetch is no error yet: the next real need tries again and says so. The walk
  // first, so a flow clicked soon after the first paint rarely waits for the rest.
  afterFirstPaint(() => {
    void walk.load().catch(() => undefined);
    void lessons.load().catch(() => undefined);
  });
  return { shell, lessons, walk };
}
