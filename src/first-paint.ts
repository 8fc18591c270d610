// When the page's first contentful paint is on screen (Paint Timing), with the cases where no such
// entry will come: a tab opened in the background paints nothing until shown, and a browser without
// Paint Timing never reports one. Kept free of imports: the entry chunk holds only this.

/** Longest wait for the paint entry before starting anyway (a paint the browser never reports). */
export const FIRST_PAINT_WAIT_MS = 1000;

export function whenFirstPainted(run: () => void): void {
  const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
  const observable =
    typeof PerformanceObserver === 'function' &&
    (PerformanceObserver.supportedEntryTypes ?? []).includes('paint');
  if (!observable || document.visibilityState !== 'visible' || painted()) {
    run();
    return;
  }
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    observer.disconnect();
    clearTimeout(timer);
    run();
  };
  const observer = new PerformanceObserver(() => {
    if (painted()) start();
  });
  observer.observe({ type: 'paint', buffered: true });
  const timer = setTimeout(start, FIRST_PAINT_WAIT_MS);
}
