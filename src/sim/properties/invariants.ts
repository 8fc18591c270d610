// The engine's invariants as pure functions returning violations; shared by the property tests and
// scripts/fuzz-engine.ts. Each check names the step it failed on so a counterexample reads alone.
import type { World } from '../types';
import { checkConfirmation, checkConntrackTable, checkCounters } from './invariants-conntrack';
import { checkChains, checkPublished, compareWithRebuild } from './invariants-netfilter';
import { checkNatUndone, checkPackets, hopBound } from './invariants-walk';
import { checkAddresses, checkBindings, checkIdentity } from './invariants-world';
import { replay, type Scenario, type Step, type StepOutcome } from './scenario';

export { hopBound } from './invariants-walk';

export type Check =
  | 'ops' // no throw, inputs never mutated, errors leave the world as it was
  | 'world' // addresses, bindings, identity
  | 'rebuild' // rules equal what a daemon restart installs
  | 'netfilter' // jumps, duplicates, one DNAT per binding, nothing stale
  | 'walk' // termination with a reason, headers, TTL
  | 'nat' // NAT undone on the reply path
  | 'conntrack' // tuples unique and consistent, confirmation
  | 'counters'; // counters grow by exactly the hops naming them

export const ALL_CHECKS: readonly Check[] = [
  'ops',
  'world',
  'rebuild',
  'netfilter',
  'walk',
  'nat',
  'conntrack',
  'counters',
];

/** Freezes what is not frozen yet; shared (already frozen) subtrees are skipped, so this is cheap. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
  return value;
}

export function describeStep(s: Step): string {
  if (s.op === 'flow') {
    const f = s.flow;
    const from =
      f.from.kind === 'host'
        ? 'host'
        : f.from.kind === 'running'
          ? `running#${f.from.nth}`
          : `${f.from.kind}:${f.from.name}`;
    const to =
      f.to.kind === 'ip'
        ? f.to.ip
        : f.to.kind === 'running'
          ? `ip-of(running#${f.to.nth}.eth${f.to.ep})`
          : `ip-of(${f.to.name}#${f.to.nth})`;
    return `flow ${f.kind} ${from} -> ${to}:${f.port}${f.kind === 'ping' ? ` x${f.count}` : ''}`;
  }
  return JSON.stringify(s);
}

/** Violations one replayed step shows, for the chosen checks. `json` is the input world's JSON. */
export function checkStep(
  outcome: StepOutcome,
  json: string,
  checks: ReadonlySet<Check>,
): string[] {
  const out: string[] = [];
  if (outcome.kind === 'threw') return [`threw: ${outcome.error}`];
  if (checks.has('ops') && JSON.stringify(outcome.before) !== json) {
    out.push('the input world was mutated');
  }
  const after =
    outcome.kind === 'op' ? (outcome.result.ok ? outcome.result.world : null) : outcome.sim.world;
  if (after) {
    if (checks.has('world')) {
      out.push(...checkAddresses(after), ...checkBindings(after), ...checkIdentity(after));
    }
    if (checks.has('rebuild')) out.push(...compareWithRebuild(after));
    if (checks.has('netfilter'))
      out.push(...checkChains(after.netfilter), ...checkPublished(after));
  }
  if (outcome.kind === 'flow') {
    const { before, sim } = outcome;
    if (checks.has('walk')) {
      out.push(...checkPackets(sim.packets, hopBound(before)));
      if (sim.packets.length > 64) out.push(`${sim.packets.length} packets for one flow`);
    }
    if (checks.has('nat')) out.push(...checkNatUndone(sim.packets));
    if (checks.has('conntrack')) {
      out.push(
        ...checkConntrackTable(sim.world, before.nextConntrackId),
        ...checkConfirmation(before, sim.world, sim.packets),
      );
    }
    if (checks.has('counters')) out.push(...checkCounters(before, sim.world, sim.packets));
  }
  return out;
}

export interface Report {
  readonly violations: readonly string[];
  readonly world: World;
  readonly steps: number;
  readonly flows: number;
  readonly packets: number;
  /** What each flow's tool reported ('connected', 'timeout'…), in step order. */
  readonly results: readonly string[];
  /** How many operations Docker refused. */
  readonly errors: number;
}

/** Replays the scenario with every input deep-frozen and collects violations, step by step. */
export function checkScenario(sc: Scenario, checks: readonly Check[] = ALL_CHECKS): Report {
  const set = new Set(checks);
  const violations: string[] = [];
  let flows = 0;
  let packets = 0;
  let errors = 0;
  const results: string[] = [];
  // JSON of the world a step starts from, and of the world the step just produced.
  let json: string | null = null;
  let next: string | null = null;
  const world = replay(
    sc,
    (i, s, outcome) => {
      if (outcome.kind === 'flow') {
        flows++;
        packets += outcome.sim.packets.length;
        results.push(outcome.sim.result.kind);
      } else if (outcome.kind === 'op' && !outcome.result.ok) errors++;
      for (const v of checkStep(outcome, json ?? '', set)) {
        violations.push(`step ${i} ${describeStep(s)}: ${v}`);
      }
      if (next !== null) json = next;
      next = null;
    },
    (w) => {
      deepFreeze(w);
      const text = set.has('ops') ? JSON.stringify(w) : '';
      if (json === null) json = text;
      else next = text;
      return w;
    },
  );
  return { violations, world, steps: sc.steps.length, flows, packets, results, errors };
}

/** Scenario as copy-pasteable JSON for a report. */
export function showScenario(sc: Scenario): string {
  const { steps, ...head } = sc;
  return [JSON.stringify(head), ...steps.map((s, i) => `  ${i}: ${describeStep(s)}`)].join('\n');
}
