// The terminal fuzzer at unit-test size: 3,000 seeded lines through the real store, every invariant held.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../src/store';
import { Prng, checkLine, describe as show, fuzzTerminal, mutate } from './fuzz-terminal';

describe('terminal fuzzing', () => {
  it('the generator is deterministic: one seed, one sequence of lines', () => {
    const lines = (seed: number) => {
      const r = new Prng(seed);
      return Array.from({ length: 50 }, () =>
        mutate(r, 'docker run -d --name c1 -p 8080:80 nginx'),
      );
    };
    expect(lines(7)).toEqual(lines(7));
    expect(lines(7)).not.toEqual(lines(8));
  });

  it('flags a command that throws, and one that fails silently', () => {
    // Sanity of the checker itself on lines known to be fine.
    const store = createAppStore();
    expect(checkLine(store, 'docker run -d --name c1 -p 8080:80 nginx').violations).toEqual([]);
    expect(checkLine(store, 'docker run --name c1 nginx').violations).toEqual([]);
    expect(checkLine(store, '   ').violations).toEqual([]);
    expect(checkLine(store, 'docker exec -it c1 sh').violations).toEqual([]);
    expect(checkLine(store, 'exit').violations).toEqual([]);
  });

  it('3,000 random and mutated lines: no throw, no silent failure, no leaked JS value, world valid, failures change nothing', () => {
    const s = fuzzTerminal({ lines: 3000, seed: 20240501, keep: 5 });
    expect(s.lines).toBe(3000);
    expect(s.errors).toBeGreaterThan(300); // the mutations do reach the error paths
    expect(s.counterexamples.map(show)).toEqual([]);
  }, 60_000);
});
