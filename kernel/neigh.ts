// `ip neigh` of every namespace against the engine's neighbour tables, after each flow. Pure.
import { neighState, type NeighEntry, type NudState, type World } from '../src/sim';

/** One line of iproute2's `ip neigh`: what is compared. */
export interface NeighLine {
  readonly ip: string;
  readonly dev: string;
  /** Printed only for a valid entry. */
  readonly mac: string | null;
  readonly state: string;
}

/** Parses iproute2's `ip neigh` (`ADDR dev DEV [lladdr MAC] [router] STATE`). */
export function parseIpNeigh(text: string): NeighLine[] {
  const out: NeighLine[] = [];
  for (const line of text.split('\n')) {
    const t = line.trim().split(/\s+/);
    const [ip, devWord, dev] = t;
    const state = t[t.length - 1];
    if (ip === undefined || devWord !== 'dev' || dev === undefined || state === undefined) continue;
    const at = t.indexOf('lladdr');
    out.push({ ip, dev, mac: at === -1 ? null : (t[at + 1] ?? null), state });
  }
  return out;
}

/**
 * The states an engine entry may show in the kernel during the case: those the engine derives
 * for every half second from the world's clock to `elapsed` (plus one) later, since the engine's
 * clock stands still during a case while the kernel's runs. A FAILED entry the case itself made
 * may still be INCOMPLETE: the engine stores the end of the three broadcasts its walk sent, and a
 * tool that gives up sooner (ping -W 1) leaves the kernel still asking when it is listed.
 */
export function statesDuring(e: NeighEntry, world: World, elapsed: number): Set<NudState> {
  const out = new Set<NudState>();
  for (let dt = 0; dt <= elapsed + 1; dt += 0.5) out.add(neighState(e, world.clock + dt));
  if (out.has('FAILED') && e.updated >= world.clock) out.add('INCOMPLETE');
  return out;
}

export interface NeighComparison {
  readonly ok: boolean;
  readonly lines: string[];
}

const key = (ip: string, dev: string) => `${ip} dev ${dev}`;

/**
 * One namespace: the same (address, device) pairs on both sides, the same MAC where the kernel
 * prints one, and the kernel's state among those the engine's entry passes through meanwhile.
 */
export function compareNeigh(
  label: string,
  kernelText: string,
  engine: readonly NeighEntry[],
  world: World,
  elapsed: number,
): NeighComparison {
  const kernel = parseIpNeigh(kernelText);
  const lines: string[] = [];
  for (const e of engine) {
    const k = kernel.find((x) => x.ip === e.ip && x.dev === e.dev);
    const want = statesDuring(e, world, elapsed);
    const shown = [...want].join('|');
    if (!k) lines.push(`      ${label} engine only: ${key(e.ip, e.dev)} ${shown}`);
    else if (!want.has(k.state as NudState))
      lines.push(`      ${label} ${key(e.ip, e.dev)}: engine ${shown}, kernel ${k.state}`);
    else if (k.mac !== null && k.mac !== e.mac)
      lines.push(
        `      ${label} ${key(e.ip, e.dev)}: engine lladdr ${e.mac ?? '-'}, kernel ${k.mac}`,
      );
  }
  for (const k of kernel) {
    if (!engine.some((e) => e.ip === k.ip && e.dev === k.dev))
      lines.push(`      ${label} kernel only: ${key(k.ip, k.dev)} ${k.state}`);
  }
  return { ok: lines.length === 0, lines };
}

/** Engine node ids by namespace: one per namespace, the one the engine keeps a table under. */
export function neighNodes(
  world: World,
  nodeNs: Readonly<Record<string, string>>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const [node, ns] of Object.entries(nodeNs)) {
    const held = out.get(ns);
    if (held === undefined || (!(held in world.neigh) && node in world.neigh)) out.set(ns, node);
  }
  return out;
}

/** Every namespace of the case: one summary line, then the differences. */
export function compareAllNeigh(
  kernelByNs: ReadonlyMap<string, string>,
  world: World,
  nodeNs: Readonly<Record<string, string>>,
  elapsed: number,
): NeighComparison {
  const lines: string[] = [];
  let entries = 0;
  for (const [ns, node] of neighNodes(world, nodeNs)) {
    const engine = world.neigh[node] ?? [];
    entries += engine.length;
    const c = compareNeigh(node, kernelByNs.get(ns) ?? '', engine, world, elapsed);
    lines.push(...c.lines);
  }
  const ok = lines.length === 0;
  const counted = `${entries} entr${entries === 1 ? 'y' : 'ies'} in ${kernelByNs.size} namespaces`;
  const head = ok ? `    ip neigh: ${counted} agree` : '    ip neigh: MISMATCH';
  return { ok, lines: [head, ...lines] };
}
