// One queue for the actions that need a part that may arrive late (late.ts): a line entered before
// the shell is here, a flow sent before the packet walk is. Each runs as soon as nothing waits ahead
// of it and its parts are here, so what the user did before the code arrived happens in the order
// they did it, exactly as it would have with every part at hand.
import type { Late } from './late';

export interface InOrder {
  /**
   * Runs `run` now when nothing waits and every part in `needs` is here (or when called from an
   * action this queue is running: a command's own flow); else once they are, after those waiting.
   * `fail` instead when a part could not be fetched (the next action tries the fetch again).
   */
  add(needs: readonly Late<unknown>[], run: () => void, fail: () => void): void;
}

interface Waiting {
  readonly needs: readonly Late<unknown>[];
  readonly run: () => void;
  readonly fail: () => void;
}

const missing = (needs: readonly Late<unknown>[]) => needs.find((p) => p.current() === null);

export function inOrder(): InOrder {
  const waiting: Waiting[] = [];
  let running = false;
  const runOne = (w: Waiting) => {
    running = true;
    try {
      w.run();
    } finally {
      running = false;
    }
  };
  const drain = (): void => {
    const errors: unknown[] = [];
    for (let w = waiting[0]; w; w = waiting[0]) {
      const part = missing(w.needs);
      if (part) {
        const head = w;
        part.load().then(drain, () => {
          // Only the action that asked for this fetch fails; the next one asks again.
          if (waiting[0] === head) waiting.shift();
          head.fail();
          drain();
        });
        break;
      }
      waiting.shift();
      // One action that throws (a lab whose flow cannot be replayed) must not hold back the rest.
      try {
        runOne(w);
      } catch (e) {
        errors.push(e);
      }
    }
    // Not swallowed: drain runs when a part arrives, so this is that promise's unhandled rejection.
    if (errors.length > 0) throw errors[0];
  };
  return {
    add: (needs, run, fail) => {
      if (!missing(needs) && (waiting.length === 0 || running))
        return running ? run() : runOne({ needs, run, fail });
      waiting.push({ needs, run, fail });
      if (waiting.length === 1) drain();
    },
  };
}
