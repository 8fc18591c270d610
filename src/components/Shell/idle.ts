// Work that must not delay the first paint: run once the browser is idle after the next frame.

/** Runs `task` after the next paint, when the browser has a moment (at the latest after 2 s). */
export function afterFirstPaint(task: () => void): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
      else task();
    }, 0),
  );
}
