// main.tsx starts the app only once the prerendered page's first contentful paint is on screen,
// and never waits for a paint that will not come (a background tab, no Paint Timing).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_PAINT_WAIT_MS, whenFirstPainted } from './first-paint';

/** A page whose paint entries the test reports, as Chromium's PerformanceObserver delivers them. */
function fakePage(opts: { visible?: boolean; paintTiming?: boolean } = {}) {
  const entries: string[] = [];
  const observers = new Set<() => void>();
  class Observer {
    static supportedEntryTypes = opts.paintTiming === false ? ['mark'] : ['mark', 'paint'];
    constructor(private readonly cb: () => void) {}
    observe() {
      observers.add(this.cb);
    }
    disconnect() {
      observers.delete(this.cb);
    }
  }
  vi.stubGlobal('PerformanceObserver', Observer);
  vi.stubGlobal('performance', {
    getEntriesByName: (name: string) => entries.filter((e) => e === name),
  });
  vi.stubGlobal('document', { visibilityState: opts.visible === false ? 'hidden' : 'visible' });
  return {
    paint(name: 'first-paint' | 'first-contentful-paint') {
      entries.push(name);
      for (const cb of [...observers]) cb();
    },
    observing: () => observers.size,
  };
}

describe('whenFirstPainted', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('waits for the first contentful paint, not the first (blank) paint, then runs once', () => {
    const page = fakePage();
    const run = vi.fn();
    whenFirstPainted(run);
    expect(run).not.toHaveBeenCalled();
    page.paint('first-paint');
    expect(run).not.toHaveBeenCalled();
    page.paint('first-contentful-paint');
    expect(run).toHaveBeenCalledTimes(1);
    expect(page.observing()).toBe(0);
    vi.advanceTimersByTime(FIRST_PAINT_WAIT_MS * 2);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs at once when the page has already painted', () => {
    const page = fakePage();
    page.paint('first-contentful-paint');
    const run = vi.fn();
    whenFirstPainted(run);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('does not wait in a background tab (it paints nothing until shown) or without Paint Timing', () => {
    fakePage({ visible: false });
    const hidden = vi.fn();
    whenFirstPainted(hidden);
    expect(hidden).toHaveBeenCalledTimes(1);
    vi.unstubAllGlobals();
    fakePage({ paintTiming: false });
    const old = vi.fn();
    whenFirstPainted(old);
    expect(old).toHaveBeenCalledTimes(1);
  });

  it('starts anyway when no paint is reported in time, and only once', () => {
    const page = fakePage();
    const run = vi.fn();
    whenFirstPainted(run);
    vi.advanceTimersByTime(FIRST_PAINT_WAIT_MS - 1);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    page.paint('first-contentful-paint');
    expect(run).toHaveBeenCalledTimes(1);
  });
});
