// What two challenges' explanations claim beyond their goals, as plain scenarios the kernel checks
// (the challenges themselves run in kernel/challenges.ts). Data only; run.ts runs them.
import type { IPv4 } from '../src/sim';
import type { Scenario } from '../src/scenarios';

const addr = (s: string) => s as IPv4;
import type { Challenge } from '../src/lessons/challenges/types';
import { MORE_CHALLENGES } from '../src/lessons/challenges/catalogue/more';
import { CHALLENGES } from '../src/lessons/challenges';

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

const overlap = CHALLENGES.find((c) => c.id === 'challenge-overlapping-subnet');

/**
 * The overlap challenge's wrong fixes: with app stopped docker0 has no carrier, yet its route
 * (linkdown) still takes the office's packets; moved to a network of its own, app is forwarded by
 * the host's table, where docker0's route still wins.
 */
const OVERLAP: readonly Scenario[] = overlap
  ? [
      {
        id: 'challenge-overlapping-subnet:no-containers',
        title: 'host → 172.17.5.20 with no container running: docker0 linkdown, still chosen',
        setup: [...overlap.broken, { op: 'stop', name: 'app' }],
        flows: [{ from: { kind: 'host' }, to: addr('172.17.5.20'), kind: 'http' }],
      },
      {
        id: 'challenge-overlapping-subnet:own-network',
        title: 'app on a network of its own → 172.17.5.20: forwarded onto docker0 all the same',
        setup: [
          ...overlap.broken,
          { op: 'network-create', opts: { name: 'safe', subnet: '10.10.0.0/24' } },
          { op: 'disconnect', network: 'bridge', container: 'app' },
          { op: 'connect', network: 'safe', container: 'app' },
        ],
        flows: [
          { from: { kind: 'container', name: 'app' }, to: addr('172.17.5.20'), kind: 'http' },
        ],
      },
    ]
  : [];

export const BREAK_FIX_SCENARIOS: readonly Scenario[] = [...CLAIMS, ...SOURCES, ...OVERLAP];
