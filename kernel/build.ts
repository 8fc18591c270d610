// Applies a topology plan to real namespaces and loads the engine's iptables into the host namespace.
import { namespacesOf, type NodeId, type World } from '../src/sim';
import { compareViews, kernelViews, modelView, type RawNs } from './links';
import { createNs, ipBatch, nsMust, nsRun, NS_PREFIX, sysctls } from './netns';
import type { TopologyPlan } from './topology';

/**
 * Builds every namespace of the plan. `own` is called with each name before it exists, so a
 * failure half-way still leaves the caller knowing what to delete.
 */
export async function buildTopology(plan: TopologyPlan, own: (ns: string) => void): Promise<void> {
  const spaces = plan.namespaces;
  for (const p of spaces) own(p.ns);
  await Promise.all(spaces.map((p) => createNs(p.ns)));
  const stages = Math.max(...spaces.map((p) => p.stages.length));
  // Stage by stage: a veth's far end must exist before its namespace configures it.
  for (let s = 0; s < stages; s++) {
    await Promise.all(spaces.map((p) => ipBatch(p.ns, p.stages[s] ?? [])));
  }
  await Promise.all(
    spaces.map(async (p) => {
      await sysctls(p.ns, p.sysctls);
      for (const cmd of p.bridgeCmds) await nsMust(p.ns, cmd);
    }),
  );
}

/** Reads a sysctl inside ns (to prove a per-namespace setting really took). */
export async function readSysctl(ns: string, key: string): Promise<string> {
  return (await nsMust(ns, ['sysctl', '-n', key])).trim();
}

/**
 * What of iptables-save is compared: no `# Generated/Completed` comments, and chain policy
 * counters as [0:0] (a packet such as the bridge's IGMP report may cross a chain between
 * iptables-restore and iptables-save; counters are traffic, not rules).
 */
export function comparableSave(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .map((l) => l.replace(/^(:\S+ \S+) \[\d+:\d+\]$/, '$1 [0:0]'))
    .join('\n');
}

/** iptables-restore the engine's text in ns, then what iptables-save prints back (comments cut). */
export async function loadIptables(ns: string, rules: string): Promise<string> {
  const r = await nsRun(ns, ['iptables-restore'], rules);
  if (r.code !== 0)
    throw new Error(`iptables-restore rejected the engine's rules: ${r.stderr.trim()}`);
  return comparableSave(await nsMust(ns, ['iptables-save']));
}

/** What the kernel lists in each namespace of the plan: links (-d), IPv4 addresses, main table, netnsids. */
export async function readTopology(plan: TopologyPlan): Promise<Map<string, RawNs>> {
  const read = async (ns: string, argv: string[]) => nsMust(ns, ['ip', '-j', ...argv]);
  const out = new Map<string, RawNs>();
  for (const p of plan.namespaces) {
    out.set(p.ns, {
      link: await read(p.ns, ['-d', 'link', 'show']),
      addr: await read(p.ns, ['addr', 'show']),
      route: await read(p.ns, ['route', 'show']),
      nsid: await read(p.ns, ['netns', 'list-id']),
    });
  }
  return out;
}

/**
 * The kernel's topology against the model, namespace by namespace: every difference, or none.
 * A bridge's carrier follows its ports' through the kernel's link watch, which may take up to a
 * second: a difference is only reported if it is still there after two.
 */
export async function compareTopology(plan: TopologyPlan, world: World): Promise<string[]> {
  const model = namespacesOf(world);
  const nsName = (id: NodeId): string => plan.nodeNs[id] ?? `(${id}: no namespace)`;
  let diffs: string[] = [];
  for (let attempt = 0; attempt < 9; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 250));
    const kernel = kernelViews(await readTopology(plan));
    diffs = plan.namespaces.flatMap((p) => {
      const ns = model.get(p.node);
      const k = kernel.get(p.ns);
      if (!ns || !k) return [`  ${p.ns}: ${ns ? 'not read' : 'not in the model'}`];
      return compareViews(k, modelView(ns, nsName), p.ns.replace(NS_PREFIX, ''));
    });
    if (diffs.length === 0) break;
  }
  return diffs;
}
