// Labs and links made before the profiles were named by Docker release say `classic` and
// `current`: they still open, on the release that name stood for.
import { describe, expect, it } from 'vitest';
import { buildScenario, findScenario } from '../../scenarios';
import { encodeFile, encodeFragment } from '../../share';
import { createAppStore } from '../../store';
import { atHand } from '../../store/late';
import { LESSON_ENGINE } from '../../store/lesson-engine';
import { labOf, type KeyValueStorage } from '../../store/persist';
import { STORAGE_KEY } from '../../store/storage';
import { simulate } from '../../sim';
import { SHELL } from '../../terminal/shell';
import { boot } from '../Shell/boot';
import { openAtStart } from './startup';

const scenario = findScenario('container-to-container')!;
const NOW = Date.UTC(2026, 11, 7, 0, 0);

function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

/** A lab as the app wrote it while the profile was called `old`: the same document, that name. */
function oldLab(profile: 'docker-27' | 'docker-29', old: 'classic' | 'current') {
  const store = createAppStore({ world: buildScenario(scenario, profile) });
  store.getState().runContainer({ image: 'nginx', name: 'kept' });
  const doc = labOf(store);
  return { ...doc, world: { ...doc.world, profile: old as never } };
}

describe('the old profile names', () => {
  it.each([
    ['classic', 'docker-27'],
    ['current', 'docker-29'],
  ] as const)('a lab stored with profile "%s" opens on %s', async (old, release) => {
    const storage = memoryStorage();
    const text = encodeFile(oldLab(release, old));
    expect(text).toContain(`"profile": "${old}"`);
    storage.setItem(STORAGE_KEY, text);
    const app = createAppStore();
    const start = await openAtStart(app, { hash: '', search: '' }, storage, NOW);
    expect(start.kind).toBe('stored');
    expect(app.getState().world.profile).toBe(release);
    expect(app.getState().world.containers.map((c) => c.name)).toContain('kept');
  });

  it('a shared link made with profile "current" opens on docker-29', async () => {
    const hash = await encodeFragment(oldLab('docker-29', 'current'));
    const app = createAppStore();
    const start = await openAtStart(app, { hash, search: '' }, memoryStorage(), NOW);
    expect(start.kind).toBe('link');
    expect(app.getState().world.profile).toBe('docker-29');
  });

  it('?profile=current and ?profile=29 open the Docker 29 host; no profile, Docker 27', () => {
    const parts = { shell: atHand(SHELL), lessons: atHand(LESSON_ENGINE), walk: atHand(simulate) };
    expect(boot('?profile=current', parts).store.getState().world.profile).toBe('docker-29');
    expect(boot('?profile=29', parts).store.getState().world.profile).toBe('docker-29');
    expect(boot('?profile=classic', parts).store.getState().world.profile).toBe('docker-27');
    expect(boot('', parts).store.getState().world.profile).toBe('docker-27');
  });
});
