import { describe, expect, it } from 'vitest';
import { createAppStore, renderTranscript } from './index';
import { newLab, restoreLab } from './new-lab';

describe('new lab and undo', () => {
  it('starts from the host `lab reset` makes, with an empty terminal, and Undo brings all back', () => {
    const store = createAppStore();
    store.getState().runCommand('lab profile current');
    store.getState().runCommand('docker run -d --name web -p 8080:80 nginx');
    store.getState().runCommand('curl -s 172.17.0.2');
    const before = store.getState();
    expect(before.packets.length).toBeGreaterThan(0);

    const snap = newLab(store);
    const fresh = store.getState();
    expect(fresh.world.containers).toEqual([]);
    expect(fresh.world.profile).toBe('docker-29');
    expect(fresh.transcript).toEqual([]);
    expect(fresh.packets).toEqual([]);
    // The same host the terminal's `lab reset` gives.
    const typed = createAppStore();
    typed.getState().runCommand('lab profile current');
    typed.getState().runCommand('lab reset');
    expect(JSON.stringify(fresh.world)).toBe(
      JSON.stringify({ ...typed.getState().world, clock: fresh.world.clock }),
    );

    restoreLab(store, snap);
    const back = store.getState();
    expect(back.world).toBe(before.world);
    expect(back.packets).toBe(before.packets);
    expect(back.cursor).toBe(before.cursor);
    expect(renderTranscript(back.transcript)).toBe(renderTranscript(before.transcript));
    expect(back.runCommand('docker ps').chunks[0]?.text).toMatch(/ web\n$/);
  });
});
