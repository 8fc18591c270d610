// Whatever the terminal accepts, the lab saves and opens again: sessions of the terminal fuzzer's
// lines (real, mutated and hostile, plus the edges of src/sim/limits.ts) through the real store,
// then saved as the autosave, the link and the file save it (encodeFile of labOf) and opened in a
// fresh store: the parser accepts it, the flow replays, and the world is the one that was saved.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../src/scenarios';
import { kept, reopen } from '../src/share/round-trip.test-util';
import { Prng, nextLine, storeFor } from './fuzz-terminal';

/** Fixed so CI is reproducible; run with another to explore. */
const SEED = 20261206;
/** Lines per session (as the fuzzer's), and sessions: 2,500 × 40 = 100,000 lines. */
const SESSION = 40;
const SESSIONS = 2500;

const show = (l: string) => JSON.stringify(l.length > 120 ? `${l.slice(0, 120)}…` : l);

describe('save → load', () => {
  it(`${SESSIONS * SESSION} fuzzed lines: every lab the terminal left saves and reopens the same`, () => {
    let lines = 0;
    let checks = 0;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 0x7fffffff }),
        fc.integer({ min: -1, max: SCENARIOS.length - 1 }),
        // Also saved midway, after a number of lines the property picks (shrinks towards 1).
        fc.integer({ min: 1, max: SESSION - 1 }),
        (seed, start, midway) => {
          const r = new Prng(seed);
          const store = storeFor(start);
          const typed: string[] = [];
          for (let i = 1; i <= SESSION; i++) {
            const line = nextLine(r);
            typed.push(line);
            store.getState().runCommand(line);
            lines++;
            if (i !== midway && i !== SESSION) continue;
            checks++;
            const back = reopen(store);
            const why = !back.ok
              ? back.error
              : kept(back.opened) !== kept(back.saved)
                ? 'the world came back different'
                : null;
            if (why !== null)
              throw new Error(
                `${why}\n  from ${start < 0 ? 'an empty host' : `scenario ${SCENARIOS[start]?.id}`}, after:\n${typed.map((l) => `    ${show(l)}`).join('\n')}`,
              );
          }
        },
      ),
      { seed: SEED, numRuns: SESSIONS },
    );
    // CPU time as well as wall time: on a shared machine the wall clock mostly measures the others.
    const cpu = process.cpuUsage(cpu0);
    const seconds = (n: number) => `${(n / 1e6).toFixed(1)} s`;
    console.log(
      `save→load: ${lines} lines, ${checks} saves reopened, ${seconds((performance.now() - t0) * 1000)} wall, ${seconds(cpu.user + cpu.system)} CPU`,
    );
    expect(lines).toBe(SESSIONS * SESSION);
    expect(cpu.user + cpu.system).toBeLessThan(60e6);
    // The wall clock is generous: on a shared 2-core machine it runs 5-10 times the CPU time.
  }, 600_000);
});
