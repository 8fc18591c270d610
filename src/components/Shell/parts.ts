// The store's parts the browser fetches instead of bundling them with the first paint: the shell
// (every command). It loads on first need (a line entered), or once the browser is idle after the
// first paint.
import type { StoreParts } from '../../store/create';
import { onFirstNeed } from '../../store/late';
import { afterFirstPaint } from './idle';

export function fetchedParts(): StoreParts {
  const shell = onFirstNeed(() => import('../../terminal/shell').then((m) => m.SHELL));
  // A failed prefetch is no error yet: the next real need tries again and says so.
  afterFirstPaint(() => void shell.load().catch(() => undefined));
  return { shell };
}
