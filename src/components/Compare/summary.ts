// A one-glance summary of a request's first packet: the interfaces it crossed and the NAT rewrites.
import type { PacketTrace } from '../../sim';

export interface HopSummary {
  /** `node iface` in the order the IP packet crossed them, repeats folded. */
  readonly path: readonly string[];
  /** `ip.dst 192.0.2.10 → 172.17.0.2`, one per field a NAT hop rewrote. */
  readonly nat: readonly string[];
  readonly end: PacketTrace['outcome'] | null;
}

const short = (node: string): string => node.replace(/^(container|remote):/, '');

export function summarize(packets: readonly PacketTrace[]): HopSummary {
  const p = packets[0];
  if (!p) return { path: [], nat: [], end: null };
  const path: string[] = [];
  for (const h of p.hops) {
    if (!h.frame.ip || !h.iface || (h.event !== 'tx' && h.event !== 'rx' && h.event !== 'deliver'))
      continue;
    const name = `${short(h.node)} ${h.iface}`;
    if (path[path.length - 1] !== name) path.push(name);
  }
  const nat = p.hops
    .filter((h) => h.event === 'nat')
    .flatMap((h) =>
      h.changed.filter((c) => c.from !== c.to).map((c) => `${c.field} ${c.from} → ${c.to}`),
    );
  return { path, nat, end: p.outcome };
}
