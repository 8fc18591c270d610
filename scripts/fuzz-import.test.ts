// The import fuzzer at unit-test size: 1,000 mutated links and files, each refused with its reason or loaded whole.
import { describe, expect, it } from 'vitest';
import { decodeFile, decodeFragment } from '../src/share';
import { createAppStore } from '../src/store';
import { checkCase, describeFinding, fuzzImport, importInto } from './fuzz-import';

describe('import fuzzing', () => {
  it('a refused link leaves the current lab as it was; an accepted one replaces it', async () => {
    const store = createAppStore();
    store.getState().runCommand('docker run -d --name c1 -p 8080:80 nginx');
    const before = store.getState().world;
    importInto(store, await decodeFragment('#lab=AAAA'));
    importInto(
      store,
      decodeFile(
        '{"format":"docker-network-lab","version":1,"world":{"__proto__":{"polluted":1}}}',
      ),
    );
    expect(store.getState().world).toBe(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('names a missing version without leaking a JS value', async () => {
    const missingVersion = await checkCase({
      kind: 'file',
      what: 'no version',
      input: '{"format":"docker-network-lab","world":{}}',
    });
    expect(missingVersion.problems).toEqual([]);
  });

  it('keeps a refusal short however large the offending value is', async () => {
    const hugeVersion = await checkCase({
      kind: 'file',
      what: 'huge version',
      input: `{"format":"docker-network-lab","version":[${'1,'.repeat(50_000)}1],"world":{}}`,
    });
    expect(hugeVersion.problems).toEqual([]);
  });

  it('1,000 mutated links and files: never a throw, always a specific reason or a usable lab', async () => {
    const s = await fuzzImport({ cases: 1000, seed: 20240501, keep: 6 });
    expect(s.refused).toBeGreaterThan(500);
    expect(s.accepted).toBeGreaterThan(0); // some mutations are harmless and must still load
    expect(s.slowestMs).toBeLessThan(2000);
    expect(s.findings.map(describeFinding)).toEqual([]);
  }, 60_000);
});
