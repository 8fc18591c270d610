// One scenario × profile: engine trace, real namespaces, real traffic, captures, comparison.
import type { Flow, Profile, SimResult, World } from '../src/sim';
import { simulate } from '../src/sim';
import { iptablesSave } from '../src/sim/netfilter/save';
import { buildScenario, type Scenario } from '../src/scenarios';
import { buildTopology, comparableSave, loadIptables, readSysctl } from './build';
import { abortCapture, startCapture, stopCapture, waitQuiet, type IfaceCapture } from './capture';
import { compareFlow, formatDiff, type FlowComparison } from './compare';
import { engineWire, ifaceKey } from './engine';
import { deleteNamespacesSync, NS_PREFIX } from './netns';
import { engineOutcome, kernelOutcome, packetOutcomes, udpEchoes } from './outcome';
import { planServices, startServers, stopServers, type RunningServers } from './servers';
import { planTopology } from './topology';
import { sendFlow, sourceNode } from './traffic';
import type { WireFrame } from './wire';

export interface CaseResult {
  readonly ok: boolean;
  readonly summary: string;
  readonly details: readonly string[];
  readonly raw: readonly IfaceCapture[];
}

/** Namespaces of the case in flight, for the signal handler. */
export const live = { namespaces: [] as string[], servers: null as RunningServers | null };

const label = (key: string): string => key.replace(NS_PREFIX, '');

/** Ports that are never ephemeral in this world: listeners and published host ports. */
function fixedPorts(world: World): Set<number> {
  const ports = new Set<number>();
  for (const c of world.containers) {
    for (const l of c.listeners) ports.add(l.port);
    for (const b of c.bindings) ports.add(b.hostPort);
  }
  for (const r of world.remotes) for (const l of r.listeners) ports.add(l.port);
  return ports;
}

function simulateAll(world: World, flows: readonly Flow[]): SimResult<World>[] {
  const out: SimResult<World>[] = [];
  let w = world;
  for (const f of flows) {
    const r = simulate(w, f);
    out.push(r);
    w = r.world;
  }
  return out;
}

/** Splits a capture into one map per flow by time: frames before flow i+1 started belong to flow i. */
function splitByFlow(
  raw: readonly IfaceCapture[],
  starts: readonly number[],
): Map<string, WireFrame[]>[] {
  const flows = starts.map(() => new Map<string, WireFrame[]>());
  for (const c of raw) {
    const key = ifaceKey(c.ns, c.iface);
    flows.forEach((m) => m.set(key, []));
    for (const f of c.frames) {
      let i = starts.findIndex(
        (s, j) => f.ts >= s && (starts[j + 1] === undefined || f.ts < (starts[j + 1] ?? 0)),
      );
      if (i === -1) i = 0;
      flows[i]?.get(key)?.push(f);
    }
  }
  return flows;
}

function sourceIps(world: World, flow: Flow): string[] {
  if (flow.from.kind === 'host')
    return [
      world.host.eth0.ip,
      ...world.networks.flatMap((n) => (n.bridge ? [n.bridge.gateway] : [])),
    ];
  if (flow.from.kind === 'remote') {
    const name = flow.from.name;
    return world.remotes.filter((r) => r.name === name).map((r) => r.ip);
  }
  const name = flow.from.name;
  return world.containers
    .filter((c) => c.name === name)
    .flatMap((c) => c.endpoints.map((e) => e.ip));
}

export async function runCase(
  scenario: Scenario,
  profile: Profile,
  python: string,
): Promise<CaseResult> {
  const world = buildScenario(scenario, profile);
  const sims = simulateAll(world, scenario.flows);
  const echo = new Set(
    scenario.flows.map((f, i) => udpEchoes(f, sims[i]?.packets ?? [])).filter((x) => x !== null),
  );
  const plan = planTopology(world, NS_PREFIX);
  const details: string[] = [];
  let failed = false;
  const fail = (...lines: string[]) => {
    failed = true;
    details.push(...lines);
  };
  let capture: Awaited<ReturnType<typeof startCapture>> | null = null;
  let raw: IfaceCapture[] = [];
  live.namespaces = [];
  try {
    await buildTopology(plan, (ns) => live.namespaces.push(ns));
    const hostNs = plan.nodeNs.host ?? '';
    const brnf = await readSysctl(hostNs, 'net.bridge.bridge-nf-call-iptables');
    if (brnf !== String(Number(world.host.bridgeNfCallIptables))) {
      fail(`  bridge-nf-call-iptables did not take in the host namespace: ${brnf}`);
    }
    const rules = comparableSave(iptablesSave(world.netfilter));
    const saved = await loadIptables(hostNs, rules);
    if (saved !== rules) fail('  iptables-save round trip differs:', ...lineDiff(rules, saved));
    else
      details.push(`  iptables-save round trip identical (${rules.split('\n').length - 1} lines)`);
    live.servers = await startServers(
      python,
      planServices(world, plan, (n, p) => echo.has(`${n}:${p}`)),
    );
    capture = await startCapture(plan.namespaces.map((p) => ({ ns: p.ns, ifaces: p.ifaces })));
    const starts: number[] = [];
    const tools: Awaited<ReturnType<typeof sendFlow>>[] = [];
    for (const flow of scenario.flows) {
      const ns = plan.nodeNs[sourceNode(flow)];
      if (ns === undefined) throw new Error(`flow source ${sourceNode(flow)} has no namespace`);
      starts.push(Date.now() / 1000);
      tools.push(await sendFlow(ns, flow));
      await waitQuiet(capture);
    }
    raw = await stopCapture(capture);
    capture = null;
    const perFlow = splitByFlow(raw, starts);
    scenario.flows.forEach((flow, i) => {
      const sim = sims[i];
      const tool = tools[i];
      const kernel = perFlow[i];
      if (!sim || !tool || !kernel) return;
      const engine = engineWire(sim.packets, plan.nodeNs);
      const cmp = compareFlow(kernel, engine, fixedPorts(world));
      const srcNs = plan.nodeNs[sourceNode(flow)] ?? '';
      const srcFrames = [...kernel]
        .filter(([k]) => k.startsWith(`${srcNs}/`))
        .flatMap(([, v]) => v);
      const want = engineOutcome(flow, sim.result);
      const got = kernelOutcome(flow, tool.outcome, srcFrames, sourceIps(world, flow));
      const report = flowReport(i, flow, cmp, want, got, sim);
      if (report.ok) details.push(...report.lines);
      else fail(...report.lines);
    });
  } catch (e) {
    fail(`  error: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    if (capture) abortCapture(capture);
    if (live.servers) stopServers(live.servers);
    live.servers = null;
    deleteNamespacesSync(live.namespaces);
    live.namespaces = [];
  }
  return { ok: !failed, summary: `${scenario.id} [${profile}]`, details, raw };
}

function flowReport(
  i: number,
  flow: Flow,
  cmp: FlowComparison,
  want: string,
  got: string,
  sim: SimResult<World>,
): { ok: boolean; lines: string[] } {
  const n = cmp.notes;
  const norm = [
    n.ports.length
      ? `ports ${[...new Set(n.ports.map(([k, e]) => `${k.split(':')[1]}→${e}`))].join(',')}`
      : '',
    n.igmp ? `igmp −${n.igmp}` : '',
    n.retransmissions ? `retransmissions −${n.retransmissions}` : '',
  ].filter(Boolean);
  const outcomeOk = want === got;
  const ok = outcomeOk && cmp.diffs.length === 0;
  const what = `${flow.kind} ${sourceNode(flow)} → ${flow.to}${flow.port ? `:${flow.port}` : ''}`;
  const size = `${cmp.compared.frames} frames on ${cmp.compared.ifaces} ifaces`;
  const lines = [
    `  flow ${i + 1} ${what}: ${ok ? 'ok' : 'MISMATCH'}, ${size}${norm.length ? ` (${norm.join('; ')})` : ''}`,
  ];
  if (!outcomeOk) lines.push(`    outcome: engine "${want}", kernel "${got}"`);
  for (const d of cmp.diffs) lines.push(...formatDiff(d, label));
  if (!ok) lines.push(...packetOutcomes(sim.packets).map((l) => `    engine packet ${l}`));
  return { ok, lines };
}

function lineDiff(a: string, b: string): string[] {
  const al = a.split('\n');
  const bl = b.split('\n');
  const out: string[] = [];
  for (const l of al) if (!bl.includes(l)) out.push(`    - ${l}   (engine only)`);
  for (const l of bl) if (!al.includes(l)) out.push(`    + ${l}   (kernel only)`);
  if (out.length === 0) out.push('    (same lines, different order)');
  return out;
}
