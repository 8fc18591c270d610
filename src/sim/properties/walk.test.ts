import { describe, it } from 'vitest';
import {
  ARP_FAILURE_ERROR_IN_SAME_TRACE,
  RUNNING_WITHOUT_ENDPOINTS,
  STALE_NEIGHBOUR_FLOOD,
  STALE_NEIGHBOUR_NEW_OWNER,
} from './counterexamples';
import { assertChecks, holds, RUNS } from './harness';

describe('the packet walk over any history', () => {
  it('ends every packet delivered or dropped with a reason, within the hop bound, headers consistent, TTL only falling on forward hops', () => {
    assertChecks(['walk'], { numRuns: RUNS.walk, maxSteps: 20 });
  });

  it('moves each rule and policy counter by exactly the hops that name it, never down', () => {
    assertChecks(['counters'], { numRuns: RUNS.walk, maxSteps: 20 });
  });
});

// Engine bugs the fuzzer found (shrunk): packets that ended with no drop hop and reason 'invalid'.
// Fixed; kept as regression cases (counterexamples.ts has the histories and what Linux does).
describe('packets never vanish without a reason', () => {
  it('a running container with no network left: its ping has hops and a no-route drop', () => {
    holds(RUNNING_WITHOUT_ENDPOINTS, ['walk']);
  });

  it('a stale neighbour entry after rm -f: the flooded echo request is dropped with a reason', () => {
    holds(STALE_NEIGHBOUR_FLOOD, ['walk']);
  });

  it('an ARP failure: the dropped request carries no deliver hop (the ICMP error is its own packet)', () => {
    holds(ARP_FAILURE_ERROR_IN_SAME_TRACE, ['walk']);
  });

  it('a stale neighbour entry whose address was reused: the SYN is dropped with a reason', () => {
    holds(STALE_NEIGHBOUR_NEW_OWNER, ['walk']);
  });
});
