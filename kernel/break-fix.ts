// The break-fix challenges of MORE_CHALLENGES as plain scenarios: each broken lab and each fixed
// one, with the goals' flows, so the kernel confirms the engine on both (the engine's outcomes are
// asserted in src/lessons/challenges/catalogue/more.test.ts). Data only; run.ts runs them.
import { resolveFrom, type Flow, type IPv4 } from '../src/sim';
import { buildScenario, type Scenario, type Step } from '../src/scenarios';
import type { Challenge } from '../src/lessons/challenges/types';
import { MORE_CHALLENGES } from '../src/lessons/challenges/catalogue/more';
import { SOURCE_CHALLENGES } from '../src/lessons/challenges/catalogue/client-address';

/**
 * A goal by name (`ping c2`) as the address the engine's resolver gives it in that lab: the kernel
 * runs no Docker DNS. An unknown name sends nothing the suite could capture, so it has no flow.
 */
const addr = (s: string) => s as IPv4;

function byAddress(setup: readonly Step[], flows: readonly Flow[]): Flow[] {
  const world = buildScenario({ id: '', title: '', setup, flows: [] });
  return flows.flatMap((f) => {
    if (f.name === undefined) return [f];
    const to = resolveFrom(world, f.from, f.name);
    if (to === null) return [];
    const { name: _, ...rest } = f;
    return [{ ...rest, to }];
  });
}

function scenariosOf(c: Challenge): Scenario[] {
  const flows = c.goals.map((g) => g.flow);
  const one = (suffix: string, title: string, setup: readonly Step[]): Scenario => ({
    id: `${c.id}:${suffix}`,
    title: `${c.title.en}: ${title}`,
    ...(c.profiles ? { profiles: c.profiles } : {}),
    setup,
    flows: byAddress(setup, flows),
  });
  return [
    one('broken', 'broken', c.broken),
    ...c.fixes.map((f, i) => one(`fix${i + 1}`, f.commands.join('; '), [...c.broken, ...f.steps])),
  ];
}

const direct = MORE_CHALLENGES.find((c) => c.id === 'challenge-direct-access');
const address = SOURCE_CHALLENGES.find((c) => c.id === 'challenge-client-address');
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

export const BREAK_FIX_SCENARIOS: readonly Scenario[] = [
  // MORE_CHALLENGES run with every challenge in kernel/challenges.ts; challenge 7 is not a
  // succeeds/fails goal, so its labs run here as plain scenarios.
  ...SOURCE_CHALLENGES.flatMap(scenariosOf),
  ...CLAIMS,
  ...SOURCES,
];
