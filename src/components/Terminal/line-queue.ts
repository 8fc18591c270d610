// Pasted lines run in slices of ~16 ms with a yield between them, so a paste of
// thousands of lines never holds the main thread (a 5,000-line paste held it 7 s): the page paints,
// scrolls and answers keys while it runs, and Ctrl+C drops what has not run yet, as a tty's
// interrupt flushes the input typed ahead. The lines run one by one through the same `run` as
// typing, in order, so the result is the same as typing them.

export interface LineQueueProgress {
  readonly done: number;
  readonly total: number;
}

export interface LineQueueDeps {
  /** Runs one line to completion (synchronously: the shell is here, `ready` said so). */
  run(line: string): void;
  /** Whether `run` can answer now; else `load` is awaited before the first line. */
  ready(): boolean;
  load(): Promise<void>;
  /** Called with the progress after each slice, and null once the queue is empty. */
  progress(p: LineQueueProgress | null): void;
  now(): number;
  /** Runs `fn` in a later task, after the browser has had a chance to render and handle input. */
  later(fn: () => void): void;
  /** Time one slice may take (ms); the render after it fits in the rest of the 100 ms. */
  readonly sliceMs?: number;
}

export interface LineQueue {
  /** Appends lines after those still waiting; starts running at once if the queue was idle. */
  push(lines: readonly string[]): void;
  /** Drops the lines not run yet; returns how many there were. */
  cancel(): number;
  /** True while lines are waiting or running. */
  busy(): boolean;
}

export function createLineQueue(deps: LineQueueDeps): LineQueue {
  const slice = deps.sliceMs ?? 16;
  let waiting: string[] = [];
  let next = 0;
  let done = 0;
  let total = 0;
  let scheduled = false;

  const finish = () => {
    waiting = [];
    next = 0;
    done = 0;
    total = 0;
    deps.progress(null);
  };

  const step = () => {
    scheduled = false;
    if (next >= waiting.length) return; // cancelled while it waited
    if (!deps.ready()) {
      scheduled = true;
      deps.load().then(step, () => {
        // The shell could not be fetched: each line would say so; let the first one do it.
        scheduled = false;
        const line = waiting[next];
        finish();
        if (line !== undefined) deps.run(line);
      });
      return;
    }
    const start = deps.now();
    // At least one line per slice, so one slow command cannot stall the queue.
    do {
      const line = waiting[next++] as string;
      deps.run(line);
      done++;
    } while (next < waiting.length && deps.now() - start < slice);
    if (next >= waiting.length) return finish();
    deps.progress({ done, total });
    scheduled = true;
    deps.later(step);
  };

  return {
    push(lines) {
      if (lines.length === 0) return;
      waiting = next === 0 ? [...waiting, ...lines] : [...waiting.slice(next), ...lines];
      next = 0;
      total += lines.length;
      if (!scheduled) step();
    },
    cancel() {
      const dropped = waiting.length - next;
      if (dropped > 0 || total > 0) finish();
      return dropped;
    },
    busy: () => next < waiting.length,
  };
}
