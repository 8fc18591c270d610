// What two challenges' explanations claim beyond their goals, as plain scenarios the kernel checks
// (the challenges themselves run in kernel/challenges.ts). Data only; run.ts runs them.
import type { IPv4 } from '../src/sim';
import type { Scenario } from '../src/scenarios';

const addr = (s: string) => s as IPv4;
import type { Challenge } from '../src/lessons/challenges/types';
import { MORE_CHALLENGES } from '../src/lessons/challenges/catalogue/more';

const direct = MORE_CHALLENGES.find((c) => c.id === 'challenge-direct-access');
const address = MORE_CHALLENGES.find((c) => c.id === 'challenge-client-address');
const fixOf = (c: Challenge | undefined) => [...(c?.broken ?? []), ...(c?.fixes[0]?.steps ?? [])];

/** What the challenges' texts claim beyond their goals, sent by the hints' commands. */
const CLAIMS: readonly Scenario[] = direct
  ? [
      {
        // "Under Docker 27 the client opened http://172.17.0.2/ directly", and 28+ drops it in raw.
        id: 'challenge-direct-access:direct',
        title: 'client → 172.17.0.2:80 over the router route, web published on 127.0.0.1 only',
        setup: direct.broken,
        flows: [{ from: { kind: 'remote', name: 'client' }, to: addr('172.17.0.2'), kind: 'http' }],
      },
    ]
  : [];

/** The other clients the client-address explanation speaks of, before and after the fix. */
const SOURCES: readonly Scenario[] = address
  ? (['broken', 'fixed'] as const).map((state) => ({
      id: `challenge-client-address:others-${state}`,
      title: `outside and localhost clients of web:8080, ${state}`,
      profiles: ['docker-29'],
      setup: state === 'broken' ? address.broken : fixOf(address),
      flows: [
        {
          from: { kind: 'remote', name: 'client' },
          to: addr('192.0.2.10'),
          kind: 'http',
          port: 8080,
        },
        { from: { kind: 'host' }, to: addr('127.0.0.1'), kind: 'http', port: 8080 },
      ],
    }))
  : [];

export const BREAK_FIX_SCENARIOS: readonly Scenario[] = [...CLAIMS, ...SOURCES];
