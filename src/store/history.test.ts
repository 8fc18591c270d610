import { describe, expect, it } from 'vitest';
import { HISTORY_VERSION, LIMITS, keepLab, keptText, readHistory, type KeepInput } from './history';
import { HISTORY_KEY, type KeyValueStorage } from './storage';

function memoryStorage(quota = Infinity): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  const used = () => [...map.values()].reduce((n, v) => n + v.length, 0);
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (used() - (map.get(k)?.length ?? 0) + v.length > quota)
        throw new DOMException('quota', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
}

const lab = (n: number, at = n * 1000): KeepInput => ({
  text: `lab ${n}`,
  origin: 'autosave',
  containers: n,
  at,
});
const texts = (s: KeyValueStorage) => readHistory(s).map((e) => keptText(s, e.id));

describe('recent labs', () => {
  it('keeps labs newest first, each with its time, containers and origin', () => {
    const s = memoryStorage();
    keepLab(s, lab(1));
    keepLab(s, { ...lab(2), origin: 'before-link' });
    expect(texts(s)).toEqual(['lab 2', 'lab 1']);
    expect(readHistory(s)[0]).toMatchObject({ at: 2000, containers: 2, origin: 'before-link' });
  });

  it('keeps at most LIMITS.entries labs, dropping the oldest, and removes their texts', () => {
    const s = memoryStorage();
    for (let n = 1; n <= LIMITS.entries + 3; n++) keepLab(s, lab(n));
    expect(texts(s)).toEqual(
      Array.from({ length: LIMITS.entries }, (_, i) => `lab ${LIMITS.entries + 3 - i}`),
    );
    // Index + one text per entry: nothing of the dropped labs left behind.
    expect(s.map.size).toBe(LIMITS.entries + 1);
  });

  it('keeps at most LIMITS.chars characters of labs, but always the newest one', () => {
    const s = memoryStorage();
    const big = (n: number): KeepInput => ({ ...lab(n), text: `${n}`.padEnd(LIMITS.chars / 2.5) });
    keepLab(s, big(1));
    keepLab(s, big(2));
    keepLab(s, big(3));
    expect(readHistory(s).map((e) => e.containers)).toEqual([3, 2]);
    keepLab(s, { ...lab(4), text: 'x'.repeat(LIMITS.chars + 1) });
    expect(readHistory(s).map((e) => e.containers)).toEqual([4]);
  });

  it('keeps one copy of a lab: the same text again moves to the top', () => {
    const s = memoryStorage();
    keepLab(s, lab(1));
    keepLab(s, lab(2));
    keepLab(s, { ...lab(1, 5000), origin: 'before-file' });
    expect(texts(s)).toEqual(['lab 1', 'lab 2']);
    expect(readHistory(s)[0]).toMatchObject({ at: 5000, origin: 'before-file' });
  });

  it('with ifAbsent, leaves a lab already kept where it is', () => {
    const s = memoryStorage();
    keepLab(s, lab(1));
    keepLab(s, lab(2));
    keepLab(s, { ...lab(1, 9000), origin: 'before-link' }, { ifAbsent: true });
    expect(texts(s)).toEqual(['lab 2', 'lab 1']);
    expect(readHistory(s)[1]).toMatchObject({ at: 1000, origin: 'autosave' });
  });

  it('tells different texts apart even when they hash alike (the text is compared too)', () => {
    const s = memoryStorage();
    keepLab(s, lab(1));
    const [first] = readHistory(s);
    // A forged index row claiming the hash of "lab 2" for a different text is not a duplicate.
    s.setItem(
      HISTORY_KEY,
      JSON.stringify({ v: HISTORY_VERSION, entries: [{ ...first, hash: 'forged' }] }),
    );
    keepLab(s, lab(2));
    const forged = readHistory(s).find((e) => e.hash === 'forged');
    expect(forged).toBeDefined();
    s.setItem(
      HISTORY_KEY,
      JSON.stringify({
        v: HISTORY_VERSION,
        entries: readHistory(s).map((e) => ({ ...e, hash: readHistory(s)[0]!.hash })),
      }),
    );
    keepLab(s, { ...lab(2, 7000) });
    expect(texts(s)).toEqual(['lab 2', 'lab 1']);
  });

  it('an autosave updates its visit’s own entry, and starts a new one after SNAPSHOT_MS', () => {
    const s = memoryStorage();
    keepLab(s, lab(0));
    keepLab(s, { ...lab(1), session: 'tab-a' });
    keepLab(s, { ...lab(2), session: 'tab-b' });
    keepLab(s, { ...lab(3), session: 'tab-a' });
    // Tab A's entry moved up with its newest lab; tab B's work is still there.
    expect(texts(s)).toEqual(['lab 3', 'lab 2', 'lab 0']);
    keepLab(s, { ...lab(4, 1000 + LIMITS.snapshotMs), session: 'tab-a' });
    expect(texts(s)).toEqual(['lab 4', 'lab 3', 'lab 2', 'lab 0']);
  });

  it('drops labs it could not open last', () => {
    const s = memoryStorage();
    keepLab(s, { ...lab(0), origin: 'unreadable', containers: null, reason: 'not valid JSON' });
    for (let n = 1; n <= LIMITS.entries + 2; n++) keepLab(s, lab(n));
    const list = readHistory(s);
    expect(list).toHaveLength(LIMITS.entries);
    expect(list.at(-1)).toMatchObject({ origin: 'unreadable', reason: 'not valid JSON' });
    expect(keptText(s, list.at(-1)!.id)).toBe('lab 0');
  });

  it('makes room in a full storage by dropping the oldest; says so when even one lab does not fit', () => {
    const s = memoryStorage(2000);
    const sized = (n: number): KeepInput => ({ ...lab(n), text: `${n}`.padEnd(600) });
    keepLab(s, sized(1));
    keepLab(s, sized(2));
    expect(keepLab(s, sized(3))).not.toBeNull();
    expect(readHistory(s).map((e) => e.containers)).toEqual([3, 2]);
    expect(keepLab(s, { ...lab(9), text: 'x'.repeat(2500) })).toBeNull();
    expect(texts(s)).toEqual([`3`.padEnd(600), `2`.padEnd(600)]);
  });

  it('reads a history a newer app wrote, and never writes over it', () => {
    const s = memoryStorage();
    keepLab(s, lab(1));
    const newer = JSON.stringify({ v: HISTORY_VERSION + 1, entries: readHistory(s) });
    s.setItem(HISTORY_KEY, newer);
    expect(texts(s)).toEqual(['lab 1']);
    expect(keepLab(s, lab(2))).toBeNull();
    expect(s.getItem(HISTORY_KEY)).toBe(newer);
  });

  it('reads a broken index as empty and rows that are not entries as absent', () => {
    const s = memoryStorage();
    s.setItem(HISTORY_KEY, '{ not json');
    expect(readHistory(s)).toEqual([]);
    s.setItem(
      HISTORY_KEY,
      JSON.stringify({ v: 1, entries: [{ id: '../x', at: 1 }, null, { id: 'a', origin: 'x' }] }),
    );
    expect(readHistory(s)).toEqual([]);
    keepLab(s, lab(1));
    expect(texts(s)).toEqual(['lab 1']);
  });
});
