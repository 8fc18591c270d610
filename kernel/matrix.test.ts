// The conformance matrix's pure half: the cases it generates, the skips, and how cells are read.
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../src/scenarios';
import {
  MATRIX_FLOWS,
  MATRIX_GAPS,
  MATRIX_TEXT_GAPS,
  cellKey,
  daemonBrNetfilter,
  howProduced,
  matrixCase,
  matrixCases,
  matrixConfigs,
} from './matrix';
import { matrixTable, readCells, selectedMatrix } from './matrix-run';

describe('conformance matrix generator', () => {
  it('one case per profile × proxy × icc × br_netfilter: 16 cases, 10 flow kinds, 160 cells', () => {
    const cases = matrixCases();
    expect(matrixConfigs()).toHaveLength(8);
    expect(cases).toHaveLength(16);
    expect(new Set(cases.map((c) => c.scenario.id)).size).toBe(16);
    expect(MATRIX_FLOWS).toHaveLength(10);
    expect(cases.reduce((n, c) => n + c.kinds.length + c.skipped.length, 0)).toBe(160);
    expect(cases.every((c) => c.scenario.profiles?.length === 1)).toBe(true);
  });

  it('builds each world with the configuration it names, br_netfilter as set last', () => {
    for (const mc of matrixCases()) {
      const w = buildScenario(mc.scenario, mc.profile);
      expect(w.profile).toBe(mc.profile);
      expect(w.daemon).toEqual({ icc: mc.config.icc, userlandProxy: mc.config.userlandProxy });
      expect(w.host.bridgeNfCallIptables).toBe(mc.config.brNetfilter);
      expect(w.router.routes.map((r) => `${r.dst.address}/${r.dst.prefix}`)).toEqual([
        '172.17.0.0/16',
      ]);
    }
  });

  it('says which configurations dockerd makes itself (moby ≥27.4: !icc || !userland-proxy)', () => {
    const c = { userlandProxy: true, icc: true, brNetfilter: false };
    expect(daemonBrNetfilter(c)).toBe(false);
    expect(daemonBrNetfilter({ ...c, icc: false })).toBe(true);
    expect(daemonBrNetfilter({ ...c, userlandProxy: false })).toBe(true);
    expect(howProduced(c)).toMatch(/dockerd's own/);
    expect(howProduced({ ...c, brNetfilter: true })).toMatch(/modprobe br_netfilter/);
    expect(howProduced({ ...c, icc: false })).toMatch(/sysctl -w .*=0 after dockerd wrote 1/);
  });

  it('leaves a skipped cell out of the case and keeps its reason', () => {
    const config = { userlandProxy: false, icc: true, brNetfilter: false };
    const id = matrixCase('docker-29', config).scenario.id;
    const mc = matrixCase('docker-29', config, {
      [cellKey(id, 'outside→container IP')]: 'why not',
    });
    expect(mc.scenario.flows).toHaveLength(9);
    expect(mc.kinds).not.toContain('outside→container IP');
    expect(mc.skipped).toEqual([{ kind: 'outside→container IP', reason: 'why not' }]);
  });

  it('names known gaps only for cells that exist, each with its reason', () => {
    const cells = new Set(
      matrixCases().flatMap((c) => c.kinds.map((k) => cellKey(c.scenario.id, k))),
    );
    expect(Object.keys(MATRIX_GAPS).every((k) => cells.has(k))).toBe(true);
    expect(Object.keys(MATRIX_TEXT_GAPS).every((k) => cells.has(k))).toBe(true);
    // None: the last 2 (c→other with the proxy off, br_netfilter off and icc on, both profiles)
    // closed when the engine walked the SYN c2 sends again after its RST (src/sim/syn-tries.ts).
    // No text gaps since the TCP model follows each sending socket (the host's DNATed local
    // connections and c→other's bridged DNAT were 42).
    expect(Object.keys(MATRIX_GAPS)).toHaveLength(0);
    expect(Object.keys(MATRIX_TEXT_GAPS)).toHaveLength(0);
    expect(Object.keys(MATRIX_GAPS).filter((k) => k in MATRIX_TEXT_GAPS)).toEqual([]);
  });

  it('selects by id prefix and profile', () => {
    expect(selectedMatrix(['matrix'], null)).toHaveLength(16);
    expect(selectedMatrix(['matrix:d29:proxy-off'], null)).toHaveLength(4);
    expect(selectedMatrix([], 'docker-27')).toHaveLength(8);
    expect(selectedMatrix(['icc-off'], null)).toHaveLength(0);
  });
});

describe('matrix cells and table', () => {
  const config = { userlandProxy: true, icc: true, brNetfilter: false };
  const mc = matrixCase('docker-27', config);
  const ok = { flowOk: mc.kinds.map(() => true), flowTextGap: mc.kinds.map(() => false) };

  it('a flow that differs fails its cell; a known gap stays visible and must still differ', () => {
    const flowOk = ok.flowOk.map((_, i) => i !== 1);
    const row = readCells(mc, { ...ok, flowOk, setupOk: true });
    expect(row.cells.get('container→own published')).toEqual({ kind: 'fail' });
    expect(row.cells.get('container→container')).toEqual({ kind: 'pass' });
    const gaps = { [cellKey(mc.scenario.id, 'container→own published')]: 'known' };
    expect(readCells(mc, { ...ok, flowOk, setupOk: true }, gaps).cells.get(mc.kinds[1]!)).toEqual({
      kind: 'gap',
      reason: 'known',
    });
    const gone = readCells(mc, { ...ok, setupOk: true }, gaps);
    expect(gone.cells.get(mc.kinds[1]!)).toEqual({ kind: 'fail' });
    expect(gone.problems[0]).toMatch(/no longer there/);
  });

  it('a case that failed before its flows fails every cell', () => {
    const row = readCells(mc, { ...ok, setupOk: false });
    expect([...row.cells.values()].every((c) => c.kind === 'fail')).toBe(true);
  });

  it('prints a row per case and the totals', () => {
    const rows = [readCells(mc, { ...ok, setupOk: true })];
    const lines = matrixTable(rows);
    expect(lines.at(-1)).toBe(
      'matrix: 10 cells (1 cases), 10 pass (0 of them pass* : tcpdump text a known gap), 0 skipped, 0 known gaps, 0 fail',
    );
    expect(lines.find((l) => l.startsWith('d27:proxy-on,icc-on,brnf-off'))).toMatch(
      /^d27:proxy-on,icc-on,brnf-off(\s+pass){10}$/,
    );
  });
});
