// Seeded fuzzer for the simulation engine: many more random op/flow histories than the unit tests,
// checked against the same invariants (src/sim/properties/invariants.ts). Prints one summary line
// and, on failure, the shrunk counterexample.
//   npx tsx scripts/fuzz-engine.ts [--runs N] [--seed S] [--steps K] [--checks ops,world,…]
//                                  [--ignore REGEX]  (skip a known violation to hunt for others)
import fc from 'fast-check';
import { scenario } from '../src/sim/properties/arbitraries';
import {
  ALL_CHECKS,
  checkScenario,
  showScenario,
  type Check,
} from '../src/sim/properties/invariants';
import type { Scenario } from '../src/sim/properties/scenario';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const runs = Number(arg('runs', '2000'));
const seed = Number(arg('seed', '42'));
const maxSteps = Number(arg('steps', '30'));
const checks = arg('checks', ALL_CHECKS.join(','))
  .split(',')
  .filter((c): c is Check => (ALL_CHECKS as readonly string[]).includes(c));
const ignoreText = arg('ignore', '');
const ignore = ignoreText === '' ? null : new RegExp(ignoreText);
const violations = (sc: Scenario) =>
  checkScenario(sc, checks).violations.filter((v) => !ignore?.test(v));

let steps = 0;
let flows = 0;
let packets = 0;
let errors = 0;
const results = new Map<string, number>();
const started = process.hrtime.bigint();

const property = fc.property(scenario(maxSteps), (sc: Scenario) => {
  const r = checkScenario(sc, checks);
  steps += r.steps;
  flows += r.flows;
  packets += r.packets;
  errors += r.errors;
  for (const k of r.results) results.set(k, (results.get(k) ?? 0) + 1);
  return r.violations.filter((v) => !ignore?.test(v)).length === 0;
});

const details = fc.check(property, { seed, numRuns: runs, endOnFailure: false });
const secs = Number(process.hrtime.bigint() - started) / 1e9;
const status = details.failed ? 'FAIL' : 'ok';
console.log(
  `fuzz-engine ${status}: seed=${seed} runs=${details.numRuns} steps=${steps} op-errors=${errors} flows=${flows} (${[...results].map(([k, n]) => `${k}:${n}`).join(' ')}) packets=${packets} checks=${checks.join(',')} shrinks=${details.numShrinks} time=${secs.toFixed(1)}s`,
);
if (details.failed && details.counterexample) {
  const [sc] = details.counterexample;
  console.log(`counterexample (path ${details.counterexamplePath ?? '?'}):`);
  console.log(showScenario(sc));
  console.log('violations:');
  for (const v of violations(sc)) console.log(`  - ${v}`);
  process.exitCode = 1;
}
