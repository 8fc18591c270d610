import { describe, expect, it } from 'vitest';
import { EPHEMERAL_RANGE } from '../ports';
import { GATEWAY_OUTSIDE_SUBNET } from './counterexamples';
import { assertChecks, holds, RUNS } from './harness';
import { checkScenario } from './invariants';
import type { Scenario } from './scenario';

const publishAll: Scenario = {
  profile: 'docker-29',
  seed: 1,
  icc: true,
  userlandProxy: true,
  steps: (['web', 'app', 'cli'] as const).map((name) => ({
    op: 'run',
    image: 'nginx',
    name,
    network: undefined,
    publish: ['80'],
    publishAll: true,
    tty: false,
    autoRemove: false,
  })),
};

describe('operations on the world (any history, both profiles)', () => {
  it('each op succeeds or errors, never throws, never mutates its (deep-frozen) input', () => {
    assertChecks(['ops'], { numRuns: RUNS.ops, maxSteps: 25 });
  });

  it('keeps addresses unique, inside the subnet, off network/broadcast/gateway; bindings never clash', () => {
    assertChecks(['world'], { numRuns: RUNS.ops, maxSteps: 25 });
  });

  it('hands -P / ephemeral host ports from 32768-60999, distinct per protocol', () => {
    const { world, violations } = checkScenario(publishAll, ['ops', 'world']);
    expect(violations).toEqual([]);
    const ports = world.containers.flatMap((c) => c.bindings.map((b) => b.hostPort));
    expect(new Set(ports).size).toBe(ports.length);
    for (const p of ports) {
      expect(p).toBeGreaterThanOrEqual(EPHEMERAL_RANGE.start);
      expect(p).toBeLessThanOrEqual(EPHEMERAL_RANGE.end);
    }
  });

  // An engine bug the fuzzer found (shrunk), fixed: `docker network create --subnet 10.9.9.9/32 front`
  // succeeded with gateway 10.9.9.10, outside its own subnet.
  it('never creates a network whose gateway lies outside its subnet (10.9.9.9/32)', () => {
    holds(GATEWAY_OUTSIDE_SUBNET, ['ops', 'world']);
  });
});
