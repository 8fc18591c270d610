import { describe, expect, it } from 'vitest';
import { buildScenario, findScenario } from '../../scenarios';
import { encodeFile, encodeFragment } from '../../share';
import { createAppStore } from '../../store';
import { keptText, readHistory } from '../../store/history';
import { labOf, type KeyValueStorage } from '../../store/persist';
import { BACKUP_KEY, STORAGE_KEY } from '../../store/storage';
import { heldByNewer, openAtStart } from './startup';

const scenario = findScenario('container-to-container')!;
const NOW = Date.UTC(2026, 11, 6, 21, 0);

function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

function teacherLab() {
  const store = createAppStore({ world: buildScenario(scenario, 'docker-29') });
  store.getState().sendFlow(scenario.flows[0]!);
  store.getState().seek(4);
  return store;
}

/** The user's own lab, as the autosave left it: one container of their own. */
function myLab(storage: KeyValueStorage): string {
  const store = createAppStore();
  expect(store.getState().runContainer({ image: 'nginx', name: 'mine' }).ok).toBe(true);
  const text = encodeFile(labOf(store));
  storage.setItem(STORAGE_KEY, text);
  return text;
}

const names = (store: ReturnType<typeof createAppStore>) =>
  store.getState().world.containers.map((c) => c.name);

/** The text of the lab a banner action points at. */
const actionText = (storage: KeyValueStorage, issue: { actions?: readonly unknown[] } | null) => {
  const a = issue?.actions?.[0] as { id: string } | undefined;
  return a ? keptText(storage, a.id) : null;
};

describe('the lab that opens', () => {
  it('is the link’s lab, beside the user’s own, which is kept and offered', async () => {
    const storage = memoryStorage();
    const mine = myLab(storage);
    const hash = await encodeFragment(labOf(teacherLab()));
    const app = createAppStore();
    const start = await openAtStart(app, { hash, search: '' }, storage, NOW);
    expect(start.kind).toBe('link');
    expect(app.getState().cursor).toBe(4);
    expect(app.getState().world.profile).toBe('docker-29');
    expect(start.issue).toMatchObject({ key: 'share.linkOpened', tone: 'info' });
    expect(start.issue?.actions?.[0]).toMatchObject({ kind: 'restore' });
    expect(actionText(storage, start.issue)).toBe(mine);
    expect(readHistory(storage)).toMatchObject([{ origin: 'autosave', containers: 1, at: NOW }]);
  });

  it('is the user’s own lab when the link is broken, with the reason', async () => {
    const storage = memoryStorage();
    const mine = myLab(storage);
    const app = createAppStore();
    const start = await openAtStart(app, { hash: '#lab=%%%', search: '' }, storage, NOW);
    expect(start).toMatchObject({
      kind: 'stored',
      issue: {
        key: 'share.linkRefusedOwn',
        params: { reason: 'the link is not valid base64url' },
        tone: 'error',
      },
    });
    expect(names(app)).toEqual(['mine']);
    expect(storage.getItem(STORAGE_KEY)).toBe(mine);
  });

  it('is the default lab when the link is broken and nothing is saved', async () => {
    const app = createAppStore();
    const before = app.getState().world;
    const start = await openAtStart(app, { hash: '#lab=%%%', search: '' }, memoryStorage(), NOW);
    expect(start.issue).toMatchObject({ key: 'share.linkRefusedDefault' });
    expect(app.getState().world).toBe(before);
  });

  it('is the autosaved lab when the address names no lab', async () => {
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, encodeFile(labOf(teacherLab())));
    const app = createAppStore();
    const start = await openAtStart(app, { hash: '', search: '?theme=dark' }, storage, NOW);
    expect(start).toMatchObject({ kind: 'stored', issue: null });
    expect(names(app)).toEqual(['c1', 'c2']);
    expect(app.getState().cursor).toBe(4);
  });

  it('is not put over what the user did before it was read: their saved lab is kept and offered', async () => {
    // The session's code arrives after the page is usable: a container run in between stays.
    const storage = memoryStorage();
    const mine = myLab(storage);
    const app = createAppStore();
    expect(app.getState().runContainer({ image: 'nginx', name: 'typed-first' }).ok).toBe(true);
    const start = await openAtStart(app, { hash: '', search: '' }, storage, NOW, true);
    expect(start.kind).toBe('default');
    expect(names(app)).toEqual(['typed-first']);
    expect(start.issue).toMatchObject({ key: 'share.storedBeside', tone: 'info' });
    expect(start.issue?.actions?.[0]).toMatchObject({ kind: 'restore' });
    expect(actionText(storage, start.issue)).toBe(mine);
  });

  it('leaves a lab named in the query to the boot code, keeping and offering the user’s', async () => {
    const storage = memoryStorage();
    const mine = myLab(storage);
    const app = createAppStore();
    app.getState().sendFlow(scenario.flows[0]!);
    const start = await openAtStart(app, { hash: '', search: '?flow=ping' }, storage, NOW);
    expect(start).toMatchObject({ kind: 'query', issue: { key: 'share.linkOpened' } });
    expect(actionText(storage, start.issue)).toBe(mine);
    expect(names(app)).toEqual([]);
  });

  it('says so when the query asks for a flow or a lab that does not exist', async () => {
    const app = createAppStore();
    const noFlow = await openAtStart(app, { hash: '', search: '?flow=9' }, memoryStorage(), NOW);
    expect(noFlow.issue).toMatchObject({ key: 'share.noFlow', params: { flow: '9' } });
    const noLab = await openAtStart(app, { hash: '', search: '?lab=nope' }, memoryStorage(), NOW);
    expect(noLab.issue).toMatchObject({ key: 'share.noLab', params: { lab: 'nope' } });
  });

  it('keeps a saved lab it cannot read, as it was, and offers it for download', async () => {
    const storage = memoryStorage();
    const broken = '{"format":"docker-network-lab","version":1';
    storage.setItem(STORAGE_KEY, broken);
    const start = await openAtStart(createAppStore(), { hash: '', search: '' }, storage, NOW);
    expect(start).toMatchObject({
      kind: 'default',
      issue: { key: 'share.storedRefused', params: { reason: 'not valid JSON' }, tone: 'error' },
    });
    expect(start.issue?.actions?.[0]).toMatchObject({ kind: 'download' });
    expect(actionText(storage, start.issue)).toBe(broken);
    expect(readHistory(storage)).toMatchObject([
      { origin: 'unreadable', containers: null, reason: 'not valid JSON' },
    ]);
    expect(storage.getItem(STORAGE_KEY)).toBe(broken);
    expect(heldByNewer(storage)).toBe(false);
  });

  it('holds a lab saved by a newer version: kept, never to be written over', async () => {
    const storage = memoryStorage();
    const newer = '{"format":"docker-network-lab","version":2,"world":{"anything":"new"}}';
    storage.setItem(STORAGE_KEY, newer);
    const start = await openAtStart(createAppStore(), { hash: '', search: '' }, storage, NOW);
    expect(start.issue).toMatchObject({
      key: 'share.storedNewer',
      params: { reason: expect.stringMatching(/unsupported version 2/) },
    });
    expect(actionText(storage, start.issue)).toBe(newer);
    expect(heldByNewer(storage)).toBe(true);
  });

  it('moves the one backup of earlier versions into Recent labs', async () => {
    const storage = memoryStorage();
    const old = encodeFile(labOf(teacherLab()));
    storage.setItem(BACKUP_KEY, old);
    await openAtStart(createAppStore(), { hash: '', search: '' }, storage, NOW);
    expect(storage.getItem(BACKUP_KEY)).toBeNull();
    const [kept] = readHistory(storage);
    expect(kept).toMatchObject({ origin: 'before-link', containers: 2 });
    expect(keptText(storage, kept!.id)).toBe(old);
  });

  it('works without storage (a browser that refuses it, or a framed page)', async () => {
    const start = await openAtStart(createAppStore(), { hash: '', search: '' }, null, NOW);
    expect(start).toEqual({ kind: 'default', issue: null });
  });
});
