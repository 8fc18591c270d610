// Kernel frames vs engine frames, interface by interface: equal lists or a readable diff. Pure.
import { normaliseKernelFlow, withoutRepeats, type NormaliseNotes } from './normalise';
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
  readonly notes: NormaliseNotes;
}

/**
 * Compares one flow. Keys are `${ns}/${iface}` on both sides; every interface either side saw
 * is checked (an interface the engine never mentions must stay silent in the kernel too).
 */
export function compareFlow(
  kernel: ReadonlyMap<string, readonly WireFrame[]>,
  walked: ReadonlyMap<string, readonly WireFrame[]>,
  fixedPorts: ReadonlySet<number>,
): FlowComparison {
  const { frames, notes } = normaliseKernelFlow(kernel, walked, fixedPorts);
  // The engine's own repeats (a SYN sent again, sim/syn-tries.ts) go as the kernel's do.
  const engine = new Map<string, readonly WireFrame[]>();
  for (const [key, list] of walked) {
    const unique = withoutRepeats(list);
    notes.engineRepeats += unique.repeats;
    engine.set(key, unique.kept);
  }
  const keys = [...new Set([...frames.keys(), ...engine.keys()])].sort();
  const diffs: IfaceDiff[] = [];
  for (const key of keys) {
    const got = frames.get(key) ?? [];
    const expected = engine.get(key) ?? [];
    const e = expected.map(frameKey);
    const g = got.map(frameKey);
    const index = firstDifference(e, g);
    if (index !== -1) diffs.push({ iface: key, index, expected: e, got: g });
  }
  const claimed = [...engine.values()].filter((l) => l.length > 0);
  const compared = { frames: claimed.reduce((n, l) => n + l.length, 0), ifaces: claimed.length };
  return { diffs, compared, notes };
}

function firstDifference(a: readonly string[], b: readonly string[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return -1;
}

/** Longest-common-subsequence alignment of two key lists: '=' both, '-' engine only, '+' kernel only. */
export function align(
  a: readonly string[],
  b: readonly string[],
): { op: '=' | '-' | '+'; key: string }[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] =
        a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: { op: '=' | '-' | '+'; key: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ op: '=', key: a[i++]! });
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      out.push({ op: '+', key: b[j++]! });
    } else {
      out.push({ op: '-', key: a[i++]! });
    }
  }
  return out;
}

/**
 * A diff as lines: the interface, counts, then the aligned lists from the first difference on
 * (`engine only` = the engine claims a frame the kernel did not send; `kernel only` = the reverse).
 */
export function formatDiff(d: IfaceDiff, label: (key: string) => string, context = 12): string[] {
  const lines = [
    `    ${label(d.iface)}: engine ${d.expected.length} frame(s), kernel ${d.got.length}; first difference at #${d.index}`,
  ];
  const ops = align(d.expected.slice(d.index), d.got.slice(d.index));
  let e = d.index;
  let g = d.index;
  for (const [n, o] of ops.entries()) {
    if (n >= context) {
      lines.push(`      … ${ops.length - context} more`);
      break;
    }
    if (o.op === '=') lines.push(`      #${e++}/#${g++}       same: ${o.key}`);
    else if (o.op === '-') lines.push(`      #${e++}   engine only: ${o.key}`);
    else lines.push(`      #${g++}   kernel only: ${o.key}`);
  }
  return lines;
}
