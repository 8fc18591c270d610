// The conformance matrix (issue 14 item 3): profile × userland-proxy × icc × br_netfilter × flow
// kind, generated as ONE scenario per (proxy, icc, br_netfilter) setting, each run for both
// profiles by run.ts, so each configuration's namespaces are built once and every flow kind is one
// of its flows (a cell = one flow of one case). Pure data; the runner prints `matrixTable`.
import type { Flow, IPv4, Profile } from '../src/sim';
import { PROFILES } from '../src/sim';
import { daemonSetsBrNetfilter } from '../src/sim/world';
import { findScenario, type Scenario, type Step } from '../src/scenarios';

const a = (s: string) => s as IPv4;

export interface MatrixConfig {
  readonly userlandProxy: boolean;
  readonly icc: boolean;
  /** net.bridge.bridge-nf-call-iptables in the host namespace. */
  readonly brNetfilter: boolean;
}

/** The flow kinds of the matrix, in the order each case sends them. */
export const MATRIX_FLOWS = [
  {
    kind: 'container→container',
    flow: { from: { kind: 'container', name: 'c2' }, to: a('172.17.0.2'), kind: 'http', port: 80 },
  },
  {
    kind: 'container→own published',
    flow: {
      from: { kind: 'container', name: 'c1' },
      to: a('192.0.2.10'),
      kind: 'http',
      port: 8080,
    },
  },
  {
    kind: "container→other's published",
    flow: {
      from: { kind: 'container', name: 'c2' },
      to: a('192.0.2.10'),
      kind: 'http',
      port: 8080,
    },
  },
  {
    kind: 'host→127.0.0.1:published',
    flow: { from: { kind: 'host' }, to: a('127.0.0.1'), kind: 'http', port: 8080 },
  },
  {
    kind: 'host→eth0:published',
    flow: { from: { kind: 'host' }, to: a('192.0.2.10'), kind: 'http', port: 8080 },
  },
  {
    kind: 'host→docker0:published',
    flow: { from: { kind: 'host' }, to: a('172.17.0.1'), kind: 'http', port: 8080 },
  },
  {
    kind: 'outside→published',
    flow: {
      from: { kind: 'remote', name: 'client' },
      to: a('192.0.2.10'),
      kind: 'http',
      port: 8080,
    },
  },
  {
    kind: 'outside→container IP',
    flow: { from: { kind: 'remote', name: 'client' }, to: a('172.17.0.2'), kind: 'http', port: 80 },
  },
  {
    kind: 'container→outside',
    flow: {
      from: { kind: 'container', name: 'c1' },
      to: a('198.51.100.7'),
      kind: 'http',
      port: 80,
    },
  },
  {
    kind: 'container→host',
    flow: { from: { kind: 'container', name: 'c1' }, to: a('172.17.0.1'), kind: 'ping', count: 1 },
  },
] as const satisfies readonly { kind: string; flow: Flow }[];

export type MatrixFlowKind = (typeof MATRIX_FLOWS)[number]['kind'];

export const MATRIX_PREFIX = 'matrix:';

function onOff(b: boolean): string {
  return b ? 'on' : 'off';
}

/**
 * What dockerd itself leaves in bridge-nf-call-iptables (moby, libnetwork/drivers/bridge,
 * bridge_linux.go `createNetwork`): 27.0–27.3 run setupIPv4BridgeNetFiltering (modprobe
 * br_netfilter, write 1) only for `!config.EnableICC`; from v27.4.0 (so our docker-27 = 27.5.1)
 * and in 29.x for `!config.EnableICC || !EnableUserlandProxy`. It writes it when a bridge network
 * is set up (the default bridge at daemon start), and never again: nothing reads it back. The
 * engine's own rule (sim/world.ts), stated once.
 */
export function daemonBrNetfilter(c: MatrixConfig): boolean {
  return daemonSetsBrNetfilter(c);
}

/**
 * How a person gets this configuration on a real host. Every one is producible: where the daemon's
 * own value differs, `sysctl -w` after the daemon is up sets it and it stays (dockerd writes it only
 * while setting a bridge up); 1 without the daemon asking needs br_netfilter loaded (`modprobe
 * br_netfilter`, its default is 1, as on any Kubernetes node). So no configuration is skipped.
 */
export function howProduced(c: MatrixConfig): string {
  const daemon = daemonBrNetfilter(c);
  if (daemon === c.brNetfilter)
    return `dockerd's own (${daemon ? 'it loads br_netfilter and writes 1' : 'br_netfilter not loaded'})`;
  return c.brNetfilter
    ? 'modprobe br_netfilter (default 1) with dockerd up'
    : 'sysctl -w net.bridge.bridge-nf-call-iptables=0 after dockerd wrote 1';
}

/**
 * Cells not run, keyed by `cellKey`, with why: a cell a real daemon cannot produce. None: every
 * flow kind is a person's command in every configuration (see howProduced).
 */
export const MATRIX_SKIPS: { readonly [cell: string]: string } = {};

/**
 * Cells where the engine is known to differ from the kernel, keyed by `cellKey`, with why (as
 * KNOWN_WIRE_GAPS: the cell must still differ, or the entry must go).
 */
export const MATRIX_GAPS: { readonly [cell: string]: string } = gapTable(() => undefined);

/** A table keyed by cell from a rule over every case's configuration and flow kind. */
function gapTable(rule: (c: MatrixConfig, kind: MatrixFlowKind) => string | undefined): {
  readonly [cell: string]: string;
} {
  const out: { [cell: string]: string } = {};
  for (const p of PROFILES)
    for (const c of matrixConfigs())
      for (const f of MATRIX_FLOWS) {
        const why = rule(c, f.kind);
        if (why !== undefined) out[cellKey(matrixId(p, c), f.kind)] = why;
      }
  return out;
}

export function matrixConfigs(): MatrixConfig[] {
  const out: MatrixConfig[] = [];
  for (const userlandProxy of [true, false])
    for (const icc of [true, false])
      for (const brNetfilter of [false, true]) out.push({ userlandProxy, icc, brNetfilter });
  return out;
}

function short(p: Profile): string {
  return p.replace('docker-', 'd');
}

export function matrixId(profile: Profile, c: MatrixConfig): string {
  return `${MATRIX_PREFIX}${short(profile)}:proxy-${onOff(c.userlandProxy)},icc-${onOff(c.icc)},brnf-${onOff(c.brNetfilter)}`;
}

export function cellKey(caseId: string, flow: MatrixFlowKind): string {
  return `${caseId} ${flow}`;
}

export interface MatrixCase {
  readonly profile: Profile;
  readonly config: MatrixConfig;
  readonly scenario: Scenario;
  /** The matrix's flow kind of each of the scenario's flows (skipped ones left out). */
  readonly kinds: readonly MatrixFlowKind[];
  readonly skipped: readonly { readonly kind: MatrixFlowKind; readonly reason: string }[];
}

/**
 * The reference host (c1 nginx publishing 8080→80, c2 busybox) under the configuration's daemon
 * options, the router routing 172.17.0.0/16 to the host (so the outside can address a container),
 * and br_netfilter set last, as a person's `sysctl -w` after the daemon is up.
 */
export function matrixCase(
  profile: Profile,
  c: MatrixConfig,
  skips: { readonly [cell: string]: string } = MATRIX_SKIPS,
): MatrixCase {
  const reference = findScenario('container-to-container')?.setup ?? [];
  const setup: Step[] = [
    { op: 'daemon', patch: { icc: c.icc, userlandProxy: c.userlandProxy } },
    ...reference,
    { op: 'router-route', dst: '172.17.0.0/16', via: '192.0.2.10' },
    { op: 'sysctl', key: 'net.bridge.bridge-nf-call-iptables', value: c.brNetfilter ? '1' : '0' },
  ];
  const id = matrixId(profile, c);
  const run = MATRIX_FLOWS.filter((f) => skips[cellKey(id, f.kind)] === undefined);
  const skipped = MATRIX_FLOWS.flatMap((f) => {
    const reason = skips[cellKey(id, f.kind)];
    return reason === undefined ? [] : [{ kind: f.kind, reason }];
  });
  const scenario: Scenario = {
    id,
    title: `${profile}, userland-proxy ${onOff(c.userlandProxy)}, icc ${onOff(c.icc)}, bridge-nf-call-iptables ${Number(c.brNetfilter)} (${howProduced(c)})`,
    profiles: [profile],
    setup,
    flows: run.map((f) => f.flow),
  };
  return { profile, config: c, scenario, kinds: run.map((f) => f.kind), skipped };
}

/** All the matrix's cases: each profile × each configuration. */
export function matrixCases(
  skips: { readonly [cell: string]: string } = MATRIX_SKIPS,
): MatrixCase[] {
  return PROFILES.flatMap((p) => matrixConfigs().map((c) => matrixCase(p, c, skips)));
}

/**
 * Cells whose tcpdump text is known to differ (as KNOWN_TEXT_GAPS in case.ts: the wire's frames,
 * outcome, conntrack and neighbours are still compared), keyed by `cellKey`. None today: the 42
 * cells of the host's DNATed local connections and c→other's bridged DNAT closed when the lab's
 * tcpdump took window, MSS and time stamps from each sending socket (tcpdump/socket-model.ts).
 */
export const MATRIX_TEXT_GAPS: { readonly [cell: string]: string } = gapTable(() => undefined);

/** The known text gap of a matrix case's flow, if any (case.ts asks by flow index). */
export function matrixTextGap(caseId: string, flow: number, profile: Profile): string | undefined {
  if (!caseId.startsWith(MATRIX_PREFIX)) return undefined;
  const mc = matrixCases().find((m) => m.scenario.id === caseId && m.profile === profile);
  const kind = mc?.kinds[flow];
  return kind === undefined ? undefined : MATRIX_TEXT_GAPS[cellKey(caseId, kind)];
}
