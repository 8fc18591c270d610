import { describe, expect, it } from 'vitest';
import { buildScenario, findScenario } from '../../scenarios';
import { encodeFile, encodeFragment } from '../../share';
import { createAppStore } from '../../store';
import { BACKUP_KEY, STORAGE_KEY, labOf, type KeyValueStorage } from '../../store/persist';
import { openAtStart } from './startup';

const scenario = findScenario('container-to-container')!;

function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

function teacherLab() {
  const store = createAppStore({ world: buildScenario(scenario, 'current') });
  store.getState().sendFlow(scenario.flows[0]!);
  store.getState().seek(4);
  return store;
}

const names = (store: ReturnType<typeof createAppStore>) =>
  store.getState().world.containers.map((c) => c.name);

describe('the lab that opens', () => {
  it('is the link’s lab, with the autosave put aside', async () => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, 'mine');
    const hash = await encodeFragment(labOf(teacherLab()));
    const app = createAppStore();
    const start = await openAtStart(app, { hash, search: '' }, storage);
    expect(start.kind).toBe('link');
    expect(app.getState().cursor).toBe(4);
    expect(app.getState().world.profile).toBe('current');
    expect(storage.getItem(BACKUP_KEY)).toBe('mine');
  });

  it('is the default lab when the link is broken, with the reason and the last lab offered', async () => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, encodeFile(labOf(teacherLab())));
    const app = createAppStore();
    const before = app.getState().world;
    const start = await openAtStart(app, { hash: '#lab=%%%', search: '' }, storage);
    expect(start).toEqual({
      kind: 'refused',
      text: 'This link could not be opened: the link is not valid base64url. The default lab is open instead; your last lab is kept.',
      offerBackup: true,
    });
    expect(app.getState().world).toBe(before);
    expect(storage.getItem(STORAGE_KEY)).toBe(storage.getItem(BACKUP_KEY));
  });

  it('is the autosaved lab when the address names no lab', async () => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, encodeFile(labOf(teacherLab())));
    const app = createAppStore();
    expect((await openAtStart(app, { hash: '', search: '?theme=dark' }, storage)).kind).toBe(
      'stored',
    );
    expect(names(app)).toEqual(['c1', 'c2']);
    expect(app.getState().cursor).toBe(4);
  });

  it('leaves a lab named in the query (?flow=, ?lab=) to the boot code', async () => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, encodeFile(labOf(teacherLab())));
    const app = createAppStore();
    const start = await openAtStart(app, { hash: '', search: '?flow=ping' }, storage);
    expect(start.kind).toBe('default');
    expect(names(app)).toEqual([]);
  });

  it('ignores a broken autosave with its reason', async () => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, '{"format":"docker-network-lab","version":0}');
    const start = await openAtStart(createAppStore(), { hash: '', search: '' }, storage);
    expect(start).toMatchObject({
      kind: 'refused',
      text: expect.stringMatching(
        /^Your last lab could not be restored: version: unsupported version 0/,
      ),
    });
  });

  it('works without storage (a browser that refuses it)', async () => {
    expect((await openAtStart(createAppStore(), { hash: '', search: '' }, null)).kind).toBe(
      'default',
    );
  });
});
