// worldOps: the one mapping of the user's operations onto a world held elsewhere (the store's world
// slice and the teacher's headless replay both use it).
import { describe, expect, it } from 'vitest';
import { createWorld } from '../world';
import type { World } from '../types';
import { worldOps } from './user';

function held(start: World = createWorld()) {
  let world = start;
  const sets: World[] = [];
  const ops = worldOps(
    () => world,
    (w) => {
      sets.push(w);
      world = w;
    },
  );
  return { ops, sets, world: () => world };
}

describe('worldOps', () => {
  it('keeps the world of each success and reads the newest world for the next op', () => {
    const h = held();
    expect(h.ops.runContainer({ image: 'nginx', name: 'c1', detach: true }).ok).toBe(true);
    expect(h.ops.runContainer({ image: 'nginx', name: 'c2', detach: true }).ok).toBe(true);
    expect(h.world().containers.map((c) => c.name)).toEqual(['c1', 'c2']);
    // c2 got the next address: the second op saw the first one's world.
    expect(h.world().containers[1]?.endpoints[0]?.ip).toBe('172.17.0.3');
    expect(h.sets).toHaveLength(2);
  });

  it("leaves the world as it was on Docker's refusal (a second container of the same name)", () => {
    const h = held();
    h.ops.runContainer({ image: 'nginx', name: 'c1', detach: true });
    const before = h.world();
    const r = h.ops.runContainer({ image: 'nginx', name: 'c1', detach: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^Conflict\. The container name "\/c1"/);
    expect(h.world()).toBe(before);
    expect(h.sets).toHaveLength(1);
  });

  it("keeps the rules of an iptables edit and nothing of the kernel's refusal", () => {
    const h = held();
    const ok = h.ops.editIptables({ kind: 'new-chain', table: 'filter', chain: 'LAB' });
    expect(ok.ok).toBe(true);
    expect(h.world().netfilter.filter.chains.some((c) => c.name === 'LAB')).toBe(true);
    const again = h.ops.editIptables({ kind: 'new-chain', table: 'filter', chain: 'LAB' });
    expect(again).toEqual({ ok: false, refusal: 'chain-exists' });
    expect(h.sets).toHaveLength(1);
  });

  it('passes the gateway to setHostAddress only when given', () => {
    const h = held();
    expect(h.ops.setHostAddress('192.0.2.20/24').ok).toBe(true);
    expect(h.world().host.eth0.ip).toBe('192.0.2.20');
  });
});
