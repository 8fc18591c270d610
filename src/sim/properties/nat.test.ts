import { describe, it } from 'vitest';
import {
  HAIRPIN_WITHOUT_BR_NETFILTER,
  ICMP_ERROR_QUOTES_MASQUERADE,
  ICMP_ERROR_QUOTES_NAT,
  MASQUERADE_PORT_CLASH,
} from './counterexamples';
import { assertChecks, holds, RUNS } from './harness';

describe('NAT and conntrack over any history', () => {
  it('undoes NAT exactly on the reply path: replies reach the client as the inverse of what it sent', () => {
    assertChecks(['nat'], { numRuns: RUNS.walk, maxSteps: 20 });
  });

  it('keeps conntrack tuples unique both ways, reply = inverse of orig up to NAT, confirmed only', () => {
    assertChecks(['conntrack'], { numRuns: RUNS.walk, maxSteps: 20 });
  });
});

// Engine bugs the fuzzer found (shrunk), now fixed and kept as regression cases; counterexamples.ts
// has the histories and what Linux does.
describe('known NAT counterexamples', () => {
  it('an ICMP port unreachable for a DNATed datagram quotes the packet as the client sent it', () => {
    holds(ICMP_ERROR_QUOTES_NAT, ['nat']);
  });

  it('an ICMP port unreachable for a MASQUERADEd datagram quotes it as the container sent it', () => {
    holds(ICMP_ERROR_QUOTES_MASQUERADE, ['nat']);
  });

  it('hairpin to a published port without br_netfilter: the client never accepts an un-DNATed reply', () => {
    holds(HAIRPIN_WITHOUT_BR_NETFILTER, ['nat']);
  });

  it('MASQUERADE never reuses a reply tuple already in the table (source port clash)', () => {
    holds(MASQUERADE_PORT_CLASH, ['nat', 'conntrack']);
  });
});
