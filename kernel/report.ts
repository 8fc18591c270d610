// The lines a case prints: one per flow (frames, normalisations, conntrack, neighbours), the
// diffs when it fails. Pure.
import type { Flow, SimResult, World } from '../src/sim';
import type { FlowComparison } from './compare';
import { formatDiff } from './compare';
import type { CtComparison } from './conntrack';
import type { NeighComparison } from './neigh';
import { packetOutcomes } from './outcome';
import { sourceNode } from './traffic';

export function flowReport(
  i: number,
  flow: Flow,
  cmp: FlowComparison,
  want: string,
  got: string,
  sim: SimResult<World>,
  ct: CtComparison,
  neigh: NeighComparison,
  label: (key: string) => string,
): { ok: boolean; lines: string[] } {
  const n = cmp.notes;
  const norm = [
    n.ports.length
      ? `ports ${[...new Set(n.ports.map(([k, e]) => `${k.split(':')[1]}→${e}`))].join(',')}`
      : '',
    n.igmp ? `igmp −${n.igmp}` : '',
    n.arpProbes ? `arp probes −${n.arpProbes}` : '',
    n.retransmissions ? `retransmissions −${n.retransmissions}` : '',
    n.engineRepeats ? `engine's repeats −${n.engineRepeats}` : '',
  ].filter(Boolean);
  const outcomeOk = want === got;
  const ok = outcomeOk && cmp.diffs.length === 0 && ct.ok && neigh.ok;
  const what = `${flow.kind} ${sourceNode(flow)} → ${flow.to}${flow.port ? `:${flow.port}` : ''}`;
  const size = `${cmp.compared.frames} frames on ${cmp.compared.ifaces} ifaces`;
  const lines = [
    `  flow ${i + 1} ${what}: ${ok ? 'ok' : 'MISMATCH'}, ${size}${norm.length ? ` (${norm.join('; ')})` : ''}`,
  ];
  if (!outcomeOk) lines.push(`    outcome: engine "${want}", kernel "${got}"`);
  for (const d of cmp.diffs) lines.push(...formatDiff(d, label));
  lines.push(...(ct.ok ? ct.lines.slice(0, 1) : ct.lines));
  lines.push(...(neigh.ok ? neigh.lines.slice(0, 1) : neigh.lines));
  if (!ok) lines.push(...packetOutcomes(sim.packets).map((l) => `    engine packet ${l}`));
  return { ok, lines };
}

/** Two iptables-save texts as the lines only one side has. */
export function lineDiff(a: string, b: string): string[] {
  const al = a.split('\n');
  const bl = b.split('\n');
  const out: string[] = [];
  for (const l of al) if (!bl.includes(l)) out.push(`    - ${l}   (engine only)`);
  for (const l of bl) if (!al.includes(l)) out.push(`    + ${l}   (kernel only)`);
  if (out.length === 0) out.push('    (same lines, different order)');
  return out;
}
