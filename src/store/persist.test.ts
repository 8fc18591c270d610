import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildScenario, findScenario } from '../scenarios';
import { decodeFile, decodeFragment, encodeFile, encodeFragment } from '../share';
import { createAppStore, type AppStore } from './index';
import {
  STORAGE_KEY,
  applyLab,
  claimedVersion,
  labOf,
  readStored,
  startAutosave,
  type KeyValueStorage,
} from './persist';

const scenario = findScenario('outside-to-published-port')!;
const fresh = () => createAppStore({ world: buildScenario(scenario, 'docker-27') });

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

/** What the view shows: the cards, the hop under the cursor, the flow. */
function screen(store: AppStore) {
  const s = store.getState();
  return {
    containers: s.world.containers.map((c) => [c.name, c.state, c.endpoints.map((e) => e.ip)]),
    flow: s.flow,
    cursor: s.cursor,
    hops: s.packets.map((p) => p.hops.map((h) => [h.event, h.why.key])),
    length: s.packets.reduce((n, p) => n + p.hops.length, 0),
  };
}

/** A lab a teacher builds: one more container, the scenario's flow, a few steps in. */
function built(): AppStore {
  const store = fresh();
  const s = store.getState();
  expect(s.runContainer({ image: 'nginx', name: 'extra' }).ok).toBe(true);
  s.sendFlow(scenario.flows[0]!);
  for (let i = 0; i < 5; i++) store.getState().stepForward();
  return store;
}

afterEach(() => vi.useRealTimers());

describe('a lab through a link', () => {
  it('opens at the same hop with the same walk, cards and flow', async () => {
    const a = built();
    const link = await encodeFragment(labOf(a));
    const doc = await decodeFragment(link);
    if (!doc.ok) throw new Error(doc.error);
    const b = createAppStore();
    expect(applyLab(b, doc.value)).toEqual({ ok: true, value: null });
    expect(screen(b)).toEqual(screen(a));
    expect(screen(b).cursor).toBe(5);
  });

  it('replays the hops of a flow typed in the terminal, though each line ages the clock', async () => {
    const a = fresh();
    a.getState().runCommand('curl -s http://172.17.0.2/');
    a.getState().runCommand('docker ps');
    a.getState().seek(3);
    const doc = await decodeFragment(await encodeFragment(labOf(a)));
    if (!doc.ok) throw new Error(doc.error);
    const b = createAppStore();
    applyLab(b, doc.value);
    expect(screen(a).length).toBeGreaterThan(3);
    expect(screen(b).hops).toEqual(screen(a).hops);
    expect(b.getState().cursor).toBe(3);
    // Replaying from the world the flow left (ARP learnt, conntrack warm) would not be the same walk.
    const naive = createAppStore();
    applyLab(naive, { world: a.getState().world, flow: a.getState().flow! });
    expect(screen(naive).hops).not.toEqual(screen(a).hops);
  });

  it('keeps a container run after the flow, replaying the flow in the changed lab', () => {
    const a = built();
    a.getState().runContainer({ image: 'nginx', name: 'late' });
    const doc = labOf(a);
    expect(doc.world.containers.map((c) => c.name)).toContain('late');
    expect(doc.flow).toEqual(scenario.flows[0]);
  });

  it('carries the lesson and the language when their owners report them', () => {
    const doc = labOf(fresh(), {
      lesson: () => ({ id: 'inbound', step: 1 }),
      lang: () => 'zh-CN',
    });
    expect(doc).toMatchObject({ lesson: { id: 'inbound', step: 1 }, lang: 'zh-CN' });
    expect(labOf(fresh(), { lesson: () => null, lang: () => null })).not.toHaveProperty('lesson');
  });

  it('lands on the nearest earlier hop when a cursor points past the walk', () => {
    const a = built();
    const doc = { ...labOf(a), cursor: { packet: 0, hop: 9999 } };
    const b = createAppStore();
    applyLab(b, doc);
    const first = b.getState().packets[0]!.hops.length;
    expect(b.getState().cursor).toBe(first - 1);
  });

  it('leaves the lab as it was when the flow cannot be replayed', () => {
    const a = built();
    const before = screen(a);
    const throwing = createAppStore({
      simulate: () => {
        throw new Error('boom');
      },
    });
    throwing.setState({ world: a.getState().world });
    const r = applyLab(throwing, labOf(a));
    expect(r).toEqual({ ok: false, error: 'the lab could not be replayed' });
    expect(throwing.getState().world).toBe(a.getState().world);
    expect(screen(a)).toEqual(before);
  });
});

describe('a lab through a file', () => {
  it('round-trips the same lab as the link', () => {
    const a = built();
    const back = decodeFile(encodeFile(labOf(a)));
    if (!back.ok) throw new Error(back.error);
    const b = createAppStore();
    applyLab(b, back.value);
    expect(screen(b)).toEqual(screen(a));
  });
});

describe('autosave', () => {
  it('saves once after a burst of changes, and the saved lab restores', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const setItem = vi.spyOn(storage, 'setItem');
    const a = fresh();
    const auto = startAutosave(a, storage, { delayMs: 300 });
    a.getState().sendFlow(scenario.flows[0]!);
    a.getState().stepForward();
    a.getState().stepForward();
    expect(setItem).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(setItem).toHaveBeenCalledTimes(1);
    const stored = readStored(storage);
    if (!stored?.ok) throw new Error('nothing valid stored');
    const b = createAppStore();
    applyLab(b, stored.value);
    expect(screen(b)).toEqual(screen(a));
    auto.stop();
  });

  it('does not save a lab nobody changed (a broken link opens the default lab, the old one stays)', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, 'the lab of yesterday');
    const auto = startAutosave(fresh(), storage, { delayMs: 10 });
    vi.advanceTimersByTime(1000);
    expect(storage.getItem(STORAGE_KEY)).toBe('the lab of yesterday');
    auto.stop();
  });

  it('flushes a pending save at once, and schedule() saves state kept outside the store', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const a = fresh();
    let lang: 'en' | 'zh-CN' = 'en';
    const auto = startAutosave(a, storage, { delayMs: 1000, extras: { lang: () => lang } });
    a.getState().sendFlow(scenario.flows[0]!);
    auto.flush();
    expect(readStored(storage)).toMatchObject({ ok: true });
    lang = 'zh-CN';
    auto.schedule();
    vi.advanceTimersByTime(1000);
    expect(readStored(storage)).toMatchObject({ ok: true, value: { lang: 'zh-CN' } });
    auto.stop();
  });

  it('hands each save to `write` when given (the session’s slot and history), not to the slot', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const written: string[] = [];
    const a = fresh();
    const auto = startAutosave(a, storage, { delayMs: 5, write: (t) => void written.push(t) });
    a.getState().sendFlow(scenario.flows[0]!);
    vi.advanceTimersByTime(5);
    expect(written).toHaveLength(1);
    expect(decodeFile(written[0]!)).toMatchObject({ ok: true, value: { flow: scenario.flows[0] } });
    expect(storage.map.size).toBe(0);
    auto.stop();
  });

  it('says once when the browser refuses to store, and keeps working', () => {
    vi.useFakeTimers();
    const onError = vi.fn();
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const a = fresh();
    const auto = startAutosave(a, full, { delayMs: 5, onError });
    a.getState().sendFlow(scenario.flows[0]!);
    vi.advanceTimersByTime(5);
    a.getState().stepForward();
    vi.advanceTimersByTime(5);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toMatch(/could not be saved/);
    auto.stop();
  });
});

describe('the version a saved lab claims', () => {
  it('is read from the head the app writes, without trusting the rest', () => {
    expect(claimedVersion(encodeFile(labOf(built())))).toBe(1);
    expect(claimedVersion('{"format":"docker-network-lab","version":7,"world":')).toBe(7);
    expect(claimedVersion('{ "format": "docker-network-lab", "version": 12 }')).toBe(12);
    expect(claimedVersion('{"version":7}')).toBeNull();
    expect(claimedVersion('{ half a lab')).toBeNull();
  });
});

describe('the stored lab on load', () => {
  it('is nothing when nothing is stored', () => {
    expect(readStored(memoryStorage())).toBeNull();
  });

  it('is refused with the parser reason when broken', () => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, '{"format":"docker-network-lab","version":7}');
    expect(readStored(storage)).toEqual({
      ok: false,
      error: expect.stringMatching(/unsupported version 7/),
    });
    storage.setItem(STORAGE_KEY, '{ half a lab');
    expect(readStored(storage)).toEqual({ ok: false, error: 'not valid JSON' });
  });
});
