// Shared setup of the property tests: fixed seeds and sizes, and a property over checkScenario.
import fc from 'fast-check';
import { scenario } from './arbitraries';
import { checkScenario, showScenario, type Check } from './invariants';
import type { Scenario } from './scenario';

/** Fixed so CI is reproducible; change it locally (or run scripts/fuzz-engine.ts) to explore. */
export const SEED = 20240611;

/** Sized so the whole folder stays well under a minute on a slow 2-core machine. */
export const RUNS = { ops: 150, walk: 150, determinism: 40 } as const;

/** Fails with the scenario and every violation, so a shrunk counterexample reads on its own. */
export function holds(sc: Scenario, checks: readonly Check[]): void {
  const { violations } = checkScenario(sc, checks);
  if (violations.length > 0) {
    throw new Error(`${showScenario(sc)}\n${violations.map((v) => `  - ${v}`).join('\n')}`);
  }
}

/** Asserts `checks` over generated histories, trying the known counterexamples first. */
export function assertChecks(
  checks: readonly Check[],
  options: {
    readonly numRuns: number;
    readonly maxSteps?: number;
    readonly opsOnly?: boolean;
    readonly examples?: readonly Scenario[];
  },
): void {
  fc.assert(
    fc.property(scenario(options.maxSteps ?? 20, options.opsOnly ?? false), (sc) =>
      holds(sc, checks),
    ),
    {
      seed: SEED,
      numRuns: options.numRuns,
      examples: (options.examples ?? []).map((e) => [e] as [Scenario]),
    },
  );
}
