// A flow by name: resolved where its client runs, or nothing sent when the name is unknown.
import { describe, expect, it } from 'vitest';
import { connectNetwork, createNetwork, createWorld, runContainer, simulate, type World } from '.';
import type { IPv4 } from './addr';
import type { Flow } from './trace';

const must = (r: { ok: true; world: World } | { ok: false; error: { message: string } }) => {
  if (!r.ok) throw new Error(r.error.message);
  return r.world;
};
const shell = (name: string) => ({
  image: 'busybox',
  name,
  detach: true,
  tty: true,
  interactive: true,
});
const byName = (name: string): Flow => ({
  from: { kind: 'container', name: 'c1' },
  to: '0.0.0.0' as IPv4,
  name,
  kind: 'ping',
});

describe('Flow.name', () => {
  const bridge = must(runContainer(must(runContainer(createWorld(), shell('c1'))), shell('c2')));

  it('on the default bridge a container name is unknown: no packet, the tool fails', () => {
    const r = simulate(bridge, byName('c2'));
    expect(r.packets).toEqual([]);
    expect(r.result.kind).toBe('unreachable');
    expect(r.world).toBe(bridge);
  });

  it('a dotted quad needs no resolver', () => {
    const r = simulate(bridge, byName('172.17.0.3'));
    expect(r.result).toMatchObject({ kind: 'replied', replies: 1 });
  });

  it('on a shared user-defined network the embedded DNS answers with the address there', () => {
    const app = ['c1', 'c2'].reduce(
      (w, c) => must(connectNetwork(w, 'app', c)),
      must(createNetwork(bridge, { name: 'app' })),
    );
    const r = simulate(app, byName('c2'));
    expect(r.packets[0]?.hops[0]?.frame.ip?.dst).toBe('172.18.0.3');
    expect(r.result).toMatchObject({ kind: 'replied', replies: 1 });
  });
});
