import { describe, expect, it } from 'vitest';
import { createWorld } from '../sim';
import { createAppStore, renderTranscript, selectCurrentEntry, selectTimeline } from './index';

describe('store actions', () => {
  it('a failed run returns Docker’s error and leaves the world unchanged', () => {
    const store = createAppStore();
    store.getState().runContainer({
      image: 'nginx',
      name: 'web',
      ports: [{ hostIp: null, hostPort: 8080, containerPort: 80, proto: 'tcp' }],
    });
    const before = store.getState().world;
    const r = store.getState().runContainer({
      image: 'nginx',
      name: 'web2',
      ports: [{ hostIp: null, hostPort: 8080, containerPort: 80, proto: 'tcp' }],
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/port is already allocated$/);
    expect(store.getState().world).toBe(before);
  });

  it('a typed command and the UI action give the same world', () => {
    const typed = createAppStore();
    typed.getState().runCommand('docker run -d --name c1 -p 8080:80 nginx');
    const clicked = createAppStore();
    clicked.getState().runContainer({
      image: 'nginx',
      name: 'c1',
      detach: true,
      ports: [{ hostIp: null, hostPort: 8080, containerPort: 80, proto: 'tcp' }],
      command: [],
    });
    clicked.getState().advanceClock(1); // the terminal's simulated second
    expect(JSON.stringify(typed.getState().world)).toBe(JSON.stringify(clicked.getState().world));
  });

  it('a failed typed command changes nothing but the clock and the transcript', () => {
    const store = createAppStore();
    const before = store.getState().world;
    store.getState().runCommand('docker network rm bridge');
    expect({ ...store.getState().world, clock: 0 }).toEqual(before);
    expect(renderTranscript(store.getState().transcript)).toBe(
      'root@docker-host:~# docker network rm bridge\nError response from daemon: bridge is a pre-defined network and cannot be removed\n',
    );
  });

  it('resetWorld starts over with the chosen profile', () => {
    const store = createAppStore();
    store.getState().runCommand('docker run -d nginx');
    store.getState().runCommand('lab profile current');
    expect(store.getState().world.profile).toBe('docker-29');
    expect(store.getState().world.containers).toEqual([]);
  });
});

describe('flow and playback', () => {
  function withFlow() {
    const store = createAppStore();
    store.getState().runContainer({ image: 'nginx', name: 'c1' });
    store
      .getState()
      .sendFlow({ from: { kind: 'host' }, to: '172.17.0.2' as never, kind: 'ping', count: 1 });
    return store;
  }
  it('sendFlow stores packets and puts the cursor on the first hop', () => {
    const s = withFlow().getState();
    expect(s.packets.length).toBeGreaterThan(0);
    expect(s.cursor).toBe(0);
    expect(selectCurrentEntry(s)?.index).toBe(0);
  });
  it('the timeline flattens every packet’s hops with their packet index, memoised', () => {
    const s = withFlow().getState();
    const tl = selectTimeline(s);
    expect(tl.length).toBe(s.packets.reduce((n, p) => n + p.hops.length, 0));
    expect(tl.map((e) => e.packetIndex)).toEqual(
      [...tl.map((e) => e.packetIndex)].sort((a, b) => a - b),
    );
    expect(selectTimeline(s)).toBe(tl);
  });
  it('steps, seeks within bounds, and stops playing at the end', () => {
    const store = withFlow();
    const last = selectTimeline(store.getState()).length - 1;
    store.getState().stepBack();
    expect(store.getState().cursor).toBe(0);
    store.getState().seek(1e9);
    expect(store.getState().cursor).toBe(last);
    store.getState().togglePlay();
    expect(store.getState()).toMatchObject({ playing: true, cursor: 0 });
    store.getState().seek(last);
    store.getState().stepForward();
    expect(store.getState()).toMatchObject({ playing: false, cursor: last });
  });
  it('clamps the speed to 0.25–4', () => {
    const store = createAppStore({ world: createWorld() });
    store.getState().setSpeed(10);
    expect(store.getState().speed).toBe(4);
    store.getState().setSpeed(0);
    expect(store.getState().speed).toBe(0.25);
    store.getState().setSpeed(Number.NaN);
    expect(store.getState().speed).toBe(0.25);
  });
});
