import { describe, it } from 'vitest';
import { assertChecks, RUNS } from './harness';

describe('iptables after any history', () => {
  it('equals what a daemon restart installs (rebuildNetfilter), up to counters and endpoint order', () => {
    assertChecks(['rebuild'], { numRuns: RUNS.ops, maxSteps: 25, opsOnly: true });
  });

  it('has every jump target, no duplicate rule, one DNAT per live binding and none stale', () => {
    assertChecks(['netfilter'], { numRuns: RUNS.ops, maxSteps: 25, opsOnly: true });
  });

  it('keeps both after traffic has moved the counters', () => {
    assertChecks(['rebuild', 'netfilter'], { numRuns: Math.round(RUNS.walk / 3), maxSteps: 20 });
  });
});
