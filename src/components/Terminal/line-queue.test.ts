import { describe, expect, it } from 'vitest';
import { createLineQueue, type LineQueueProgress } from './line-queue';

/** A queue over a fake clock: each line "takes" `cost` ms; `later` tasks wait in `tasks`. */
function harness(cost = 1, ready = true) {
  let clock = 0;
  const ran: string[] = [];
  const tasks: (() => void)[] = [];
  const progress: (LineQueueProgress | null)[] = [];
  let loaded = ready;
  let resolveLoad: () => void = () => undefined;
  const q = createLineQueue({
    run: (l) => {
      ran.push(l);
      clock += cost;
    },
    ready: () => loaded,
    load: () =>
      new Promise<void>((r) => {
        resolveLoad = () => {
          loaded = true;
          r();
        };
      }),
    progress: (p) => progress.push(p),
    now: () => clock,
    later: (fn) => tasks.push(fn),
    sliceMs: 30,
  });
  const drain = () => {
    let slices = 0;
    for (let t = tasks.shift(); t; t = tasks.shift()) {
      t();
      slices++;
    }
    return slices;
  };
  return { q, ran, tasks, progress, drain, load: () => resolveLoad() };
}

const lines = (n: number) => Array.from({ length: n }, (_, i) => `echo ${i}`);

describe('the paste queue', () => {
  it('runs 5,000 lines in order, in slices of at most 30 ms with a yield between', () => {
    const h = harness(1);
    h.q.push(lines(5000));
    expect(h.ran.length).toBe(30); // the first slice runs at once
    expect(h.q.busy()).toBe(true);
    const slices = h.drain();
    expect(h.ran).toEqual(lines(5000));
    expect(slices).toBe(Math.ceil(5000 / 30) - 1);
    expect(h.progress[0]).toEqual({ done: 30, total: 5000 });
    expect(h.progress[h.progress.length - 1]).toBeNull();
    expect(h.q.busy()).toBe(false);
  });

  it('runs one slow line per slice rather than stalling', () => {
    const h = harness(500);
    h.q.push(lines(3));
    expect(h.ran.length).toBe(1);
    h.drain();
    expect(h.ran.length).toBe(3);
  });

  it('puts lines entered meanwhile after the paste, and Ctrl+C drops the rest', () => {
    const h = harness(1);
    h.q.push(lines(100));
    h.q.push(['typed']);
    h.drain();
    expect(h.ran[h.ran.length - 1]).toBe('typed');
    const c = harness(1);
    c.q.push(lines(100));
    expect(c.q.cancel()).toBe(70);
    c.drain();
    expect(c.ran.length).toBe(30);
    expect(c.progress[c.progress.length - 1]).toBeNull();
  });

  it('waits for the shell before the first line', async () => {
    const h = harness(1, false);
    h.q.push(lines(40));
    expect(h.ran).toEqual([]);
    h.load();
    await Promise.resolve();
    await Promise.resolve();
    expect(h.ran.length).toBe(30);
    h.drain();
    expect(h.ran).toEqual(lines(40));
  });
});
