// One flow's tcpdump text, lab against kernel, on every captured interface (tcpdump-text.ts).
import { namespacesOf, type PacketTrace, type World } from '../src/sim';
import { renderCapture } from '../src/terminal/tools/tcpdump/render';
import type { IfaceCapture } from './capture';
import {
  compareText,
  comparable,
  textPackets,
  withoutRepeatedSegments,
  type TextComparison,
} from './tcpdump-text';

/** The capture's own flags (capture.ts: -p -nn -e -v -S): not promiscuous. */
const FLAGS = { numeric: true, link: true, verbose: true, absolute: true } as const;

export function flowText(
  world: World,
  packets: readonly PacketTrace[],
  raw: readonly IfaceCapture[],
  nodeNs: Readonly<Record<string, string>>,
  window: { from: number; to: number | undefined; first: boolean },
  ports: ReadonlyMap<string, number>,
): TextComparison {
  const nodeOf = new Map(Object.entries(nodeNs).map(([node, ns]) => [ns, node]));
  const all = namespacesOf(world);
  let identical = 0;
  const diffs: string[] = [];
  for (const c of raw) {
    const node = nodeOf.get(c.ns);
    const ns = node === undefined ? undefined : all.get(node as never);
    if (!ns) continue;
    const inWindow = textPackets(c.raw).filter(
      (p) => (p.ts >= window.from || window.first) && (window.to === undefined || p.ts < window.to),
    );
    const lab = withoutRepeatedSegments(
      renderCapture(packets, ns, c.iface, FLAGS, false).flatMap((r) =>
        r.text === null ? [] : [r.text],
      ),
    );
    const r = compareText(`${node}/${c.iface}`, lab, comparable(inWindow, lab), ports);
    identical += r.identical;
    diffs.push(...r.diffs);
  }
  return { identical, diffs };
}
