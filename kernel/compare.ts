// Kernel frames vs engine frames, interface by interface: equal lists or a readable diff. Pure.
import { isDataAck, normaliseKernelFlow, type NormaliseNotes } from './normalise';
import { frameKey, type WireFrame } from './wire';

export interface IfaceDiff {
  readonly iface: string;
  /** First index where the lists differ. */
  readonly index: number;
  readonly expected: readonly string[];
  readonly got: readonly string[];
}

export interface FlowComparison {
  readonly diffs: readonly IfaceDiff[];
  /** Frames the engine claims and interfaces it claims them on (to show a pass is not empty). */
  readonly compared: { readonly frames: number; readonly ifaces: number };
  readonly notes: NormaliseNotes & { tail: number };
}

/**
 * Compares one flow. Keys are `${ns}/${iface}` on both sides; every interface either side saw
 * is checked (an interface the engine never mentions must stay silent in the kernel too).
 */
export function compareFlow(
  kernel: ReadonlyMap<string, readonly WireFrame[]>,
  engine: ReadonlyMap<string, readonly WireFrame[]>,
  fixedPorts: ReadonlySet<number>,
): FlowComparison {
  const { frames, notes } = normaliseKernelFlow(kernel, engine, fixedPorts);
  const engineFin = [...engine.values()].flat().some((f) => f.tcp?.flags.includes('FIN'));
  const keys = [...new Set([...frames.keys(), ...engine.keys()])].sort();
  const diffs: IfaceDiff[] = [];
  let tail = 0;
  for (const key of keys) {
    const got = frames.get(key) ?? [];
    const expected = engine.get(key) ?? [];
    const e = expected.map(frameKey);
    let g = got.map(frameKey);
    const prefixEqual = e.every((k, i) => g[i] === k);
    if (prefixEqual && g.length > e.length && !engineFin) {
      const extra = got.slice(e.length);
      if (extra.every((_, i) => isDataAck(got, e.length + i))) {
        tail += extra.length;
        g = g.slice(0, e.length);
      }
    }
    const index = firstDifference(e, g);
    if (index !== -1) diffs.push({ iface: key, index, expected: e, got: g });
  }
  const claimed = [...engine.values()].filter((l) => l.length > 0);
  const compared = { frames: claimed.reduce((n, l) => n + l.length, 0), ifaces: claimed.length };
  return { diffs, compared, notes: { ...notes, tail } };
}

function firstDifference(a: readonly string[], b: readonly string[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return -1;
}

/** A diff as lines: the interface, counts, then expected vs got from the first difference on. */
export function formatDiff(d: IfaceDiff, label: (key: string) => string, context = 8): string[] {
  const lines = [
    `    ${label(d.iface)}: engine ${d.expected.length} frame(s), kernel ${d.got.length}; first difference at #${d.index}`,
  ];
  const end = Math.min(Math.max(d.expected.length, d.got.length), d.index + context);
  for (let i = d.index; i < end; i++) {
    const e = d.expected[i];
    const g = d.got[i];
    if (e === g) {
      lines.push(`      #${i}     same: ${e ?? ''}`);
      continue;
    }
    lines.push(`      #${i} expected: ${e ?? '(nothing)'}`);
    lines.push(`      #${i}      got: ${g ?? '(nothing)'}`);
  }
  const rest = Math.max(d.expected.length, d.got.length) - end;
  if (rest > 0) lines.push(`      … ${rest} more`);
  return lines;
}
