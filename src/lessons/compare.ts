// Compare mode: the same two requests against nginx in bridge, host and none mode, side by side.
import { simulate, type Profile, type World } from '../sim';
import type { FlowResult, PacketTrace } from '../sim';
import { buildScenario, type Scenario } from '../scenarios';
import { HOST_IP, SERVER_IP, clientHttp, publish, t } from './catalogue/common';
import type { Text } from './types';

export type Mode = 'bridge' | 'host' | 'none';

export interface CompareLane {
  readonly mode: Mode;
  readonly title: Text;
  /** Setup and the flows, in this order: the client → host:80, then web → the server outside. */
  readonly scenario: Scenario;
}

const flows = [
  clientHttp(80, HOST_IP),
  { from: { kind: 'container', name: 'web' }, to: SERVER_IP, kind: 'http', port: 80 },
] as const;

const lane = (mode: Mode, title: Text, network: string): CompareLane => ({
  mode,
  title,
  scenario: {
    id: `compare-${mode}`,
    title: title.en,
    setup: [
      {
        op: 'run',
        opts: { image: 'nginx', name: 'web', detach: true, network, ports: [publish(80, 80)] },
      },
    ],
    flows,
  },
});

/** `docker run -d --name web --network=MODE -p 80:80 nginx`, three times. */
export const COMPARE_LANES: readonly CompareLane[] = [
  lane('bridge', t('bridge: DNAT to the container', 'bridge：DNAT 到容器'), 'bridge'),
  lane('host', t('host: nginx is a host process', 'host：nginx 就是宿主机上的进程'), 'host'),
  lane('none', t('none: unreachable both ways', 'none：进不来，也出不去'), 'none'),
];

export interface LaneRun {
  readonly mode: Mode;
  readonly world: World;
  readonly runs: readonly {
    readonly packets: readonly PacketTrace[];
    readonly result: FlowResult;
  }[];
}

/** Each lane on a fresh host of the given profile, each flow from the world the previous one left. */
export function runCompare(profile: Profile = 'docker-27'): readonly LaneRun[] {
  return COMPARE_LANES.map((l) => {
    const world = buildScenario(l.scenario, profile);
    let w: World = world;
    const runs = l.scenario.flows.map((f) => {
      const r = simulate(w, f);
      w = r.world;
      return { packets: r.packets, result: r.result };
    });
    return { mode: l.mode, world, runs };
  });
}
