// Runs the conformance matrix's cases (matrix.ts), reads each flow's verdict as a cell's, and
// prints the cells × result table and the totals. The reading and the table are pure.
import type { Profile } from '../src/sim';
import type { CaseResult } from './case';
import {
  MATRIX_FLOWS,
  MATRIX_GAPS,
  MATRIX_TEXT_GAPS,
  cellKey,
  matrixCases,
  type MatrixCase,
  type MatrixFlowKind,
} from './matrix';

/** Tries of a matrix case with failing cells (run.ts), each failed try printed. */
export const MATRIX_ATTEMPTS = 2;

export type CellResult =
  | { readonly kind: 'pass' }
  /** Passes, its tcpdump text a known gap (MATRIX_TEXT_GAPS): the rest compared identical. */
  | { readonly kind: 'text'; readonly reason: string }
  | { readonly kind: 'fail' }
  | { readonly kind: 'gap'; readonly reason: string }
  | { readonly kind: 'skip'; readonly reason: string };

export interface MatrixRow {
  readonly mc: MatrixCase;
  readonly cells: ReadonlyMap<MatrixFlowKind, CellResult>;
  /** Lines to print under the case: a known gap that is gone, a failed cell. */
  readonly problems: readonly string[];
}

/**
 * Each cell's result from its case's: a flow compared identical passes; a differing one is a
 * known gap when MATRIX_GAPS names it (and a gap that no longer differs is a failure, as it.fails).
 */
export function readCells(
  mc: MatrixCase,
  r: Pick<CaseResult, 'flowOk' | 'flowTextGap' | 'setupOk'>,
  gaps: { readonly [cell: string]: string } = MATRIX_GAPS,
): MatrixRow {
  const cells = new Map<MatrixFlowKind, CellResult>();
  const problems: string[] = [];
  for (const s of mc.skipped) cells.set(s.kind, { kind: 'skip', reason: s.reason });
  mc.kinds.forEach((kind, i) => {
    const same = r.setupOk && r.flowOk[i] === true;
    const gap = gaps[cellKey(mc.scenario.id, kind)];
    const text =
      r.flowTextGap[i] === true ? MATRIX_TEXT_GAPS[cellKey(mc.scenario.id, kind)] : undefined;
    if (gap === undefined && same && text !== undefined)
      cells.set(kind, { kind: 'text', reason: text });
    else if (gap === undefined) cells.set(kind, { kind: same ? 'pass' : 'fail' });
    else if (same) {
      cells.set(kind, { kind: 'fail' });
      problems.push(`  ${kind}: known gap no longer there, remove it from MATRIX_GAPS (${gap})`);
    } else cells.set(kind, { kind: 'gap', reason: gap });
  });
  return { mc, cells, problems };
}

const COLUMNS: { readonly [k in MatrixFlowKind]: string } = {
  'container→container': 'c→c',
  'container→own published': 'c→own',
  "container→other's published": 'c→other',
  'host→127.0.0.1:published': 'h→lo',
  'host→eth0:published': 'h→eth0',
  'host→docker0:published': 'h→dock0',
  'outside→published': 'out→pub',
  'outside→container IP': 'out→cIP',
  'container→outside': 'c→out',
  'container→host': 'c→host',
};

const MARK: { readonly [k in CellResult['kind']]: string } = {
  pass: 'pass',
  text: 'pass*',
  fail: 'FAIL',
  gap: 'gap',
  skip: 'skip',
};

/** The summary: one row per case, one column per flow kind, then the reasons and the totals. */
export function matrixTable(rows: readonly MatrixRow[]): string[] {
  const head = ['configuration', ...MATRIX_FLOWS.map((f) => COLUMNS[f.kind])];
  const body = rows.map((row) => [
    row.mc.scenario.id.replace(/^matrix:/, ''),
    ...MATRIX_FLOWS.map((f) => MARK[row.cells.get(f.kind)?.kind ?? 'fail']),
  ]);
  const cols: string[][] = [head, ...body];
  const widths = head.map((_, i) => Math.max(...cols.map((b) => (b[i] ?? '').length)));
  const line = (cols: readonly string[]) =>
    cols
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [
    'matrix (flow kinds: ' +
      MATRIX_FLOWS.map((f) => `${COLUMNS[f.kind]} = ${f.kind}`).join(', ') +
      ')',
  ];
  out.push(line(head), ...body.map(line));
  const count = { pass: 0, text: 0, fail: 0, gap: 0, skip: 0 };
  const reasons = new Map<string, string[]>();
  for (const row of rows)
    for (const [kind, c] of row.cells) {
      count[c.kind]++;
      if (c.kind === 'gap' || c.kind === 'skip' || c.kind === 'text') {
        const k = `${MARK[c.kind]}: ${c.reason}`;
        reasons.set(k, [...(reasons.get(k) ?? []), `${row.mc.scenario.id} ${COLUMNS[kind]}`]);
      }
    }
  for (const [why, cells] of reasons) out.push(`  ${why} — ${cells.join('; ')}`);
  const total = count.pass + count.text + count.fail + count.gap + count.skip;
  out.push(
    `matrix: ${total} cells (${rows.length} cases), ${count.pass + count.text} pass (${count.text} of them pass* : tcpdump text a known gap), ${count.skip} skipped, ${count.gap} known gaps, ${count.fail} fail`,
  );
  return out;
}

/** The matrix's cases that the command line selects (`matrix`, `matrix:d29`, … as prefixes). */
export function selectedMatrix(ids: readonly string[], profile: Profile | null): MatrixCase[] {
  return matrixCases().filter(
    (mc) =>
      (ids.length === 0 || ids.some((id) => mc.scenario.id.startsWith(id))) &&
      (profile === null || profile === mc.profile),
  );
}
