import { describe, expect, it } from 'vitest';
import { createNetwork, createWorld, runContainer, type World } from '../sim';
import { diagramLayout } from './diagram';
import type { Box } from './geometry';

function run(w: World, image: string, name: string, network?: string): World {
  const r = runContainer(w, { image, name, detach: true, ...(network ? { network } : {}) });
  if (!r.ok) throw new Error(r.error.message);
  return r.world;
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function bigLab(): World {
  let w = createWorld();
  for (const name of ['front', 'back']) {
    const r = createNetwork(w, { name });
    if (!r.ok) throw new Error(r.error.message);
    w = r.world;
  }
  for (let i = 0; i < 30; i++) w = run(w, 'nginx', `web${i}`, ['bridge', 'front', 'back'][i % 3]);
  return w;
}

describe('diagramLayout', () => {
  it('draws one cable per veth pair and no two cards on top of each other', () => {
    const layout = diagramLayout(bigLab());
    expect(layout.cards).toHaveLength(30);
    expect(layout.cables).toHaveLength(30);
    for (const [i, a] of layout.cards.entries()) {
      for (const b of layout.cards.slice(i + 1)) expect(overlap(a.box, b.box)).toBe(false);
    }
  });

  it('keeps thirty containers on three networks close to a screen shape', () => {
    const { width, height } = diagramLayout(bigLab());
    expect(width / height).toBeGreaterThan(1);
    expect(width / height).toBeLessThan(2.6);
  });

  it('gives a none-mode container a card but no cable', () => {
    let w = run(createWorld(), 'nginx', 'c1');
    const r = runContainer(w, { image: 'nginx', name: 'iso', network: 'none', detach: true });
    if (!r.ok) throw new Error(r.error.message);
    w = r.world;
    const layout = diagramLayout(w);
    expect(layout.cards.map((c) => c.model.container.name).sort()).toEqual(['c1', 'iso']);
    expect(layout.cables.map((c) => c.container)).toEqual(['c1']);
    expect(layout.isolatedLabel).not.toBeNull();
  });

  it('labels both ends of the veth pair with real names', () => {
    const w = run(createWorld(), 'nginx', 'c1');
    const cable = diagramLayout(w).cables[0];
    const ep = w.containers[0]?.endpoints[0];
    expect(cable?.ifName).toBe('eth0');
    expect(cable?.hostVeth).toBe(ep?.hostVeth);
    expect(cable?.hostVeth).toMatch(/^veth[0-9a-f]{7}$/);
  });

  it('leaves the picture and every card where they were when one more container joins a big lab', () => {
    let w = createWorld();
    for (let i = 0; i < 50; i++) w = run(w, 'nginx', `web${i}`);
    const before = diagramLayout(w);
    const after = diagramLayout(run(w, 'nginx', 'one-more'));
    expect([after.width, after.height]).toEqual([before.width, before.height]);
    for (const card of before.cards) {
      const same = after.cards.find((c) => c.model.container.name === card.model.container.name);
      expect(same?.box).toEqual(card.box);
    }
  });

  it("gives a user network's bridge chip room for its br- name and address (14px monospace, 0.6em a character)", () => {
    const r = createNetwork(createWorld(), { name: 'front' });
    if (!r.ok) throw new Error(r.error.message);
    const bridge = diagramLayout(run(r.world, 'nginx', 'c1', 'front')).bridges.find((b) =>
      b.device.startsWith('br-'),
    );
    const gateway = r.world.networks.find((n) => n.name === 'front')?.bridge?.gateway ?? '';
    expect(bridge?.device).toMatch(/^br-[0-9a-f]{12}$/);
    // 10px padding each side, 12px between name and address.
    const needed = 10 + ((bridge?.device.length ?? 0) + gateway.length) * 14 * 0.6 + 12 + 10;
    expect(bridge?.hostPort.w).toBeGreaterThanOrEqual(needed);
  });
});
