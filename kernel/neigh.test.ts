import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildScenario, findScenario } from '../src/scenarios';
import { simulate, type MacAddress, type NeighEntry, type World } from '../src/sim';
import { compareNeigh, parseIpNeigh, statesDuring } from './neigh';

// A real `ip neigh` (iproute2 6.1, kernel 6.18) in a container namespace right after the host
// pinged it, with c1 asking for 172.17.0.9 meanwhile and three entries set by hand (PERMANENT,
// STALE, PROBE) to show every format.
const listing = readFileSync(new URL('./fixtures/ip-neigh-states.txt', import.meta.url), 'utf8');

/** host-to-container with docker0's MAC as the bridge had in that capture. */
function afterHostPing(): World {
  const s = findScenario('host-to-container');
  if (!s) throw new Error('scenario missing');
  const built = buildScenario(s, 'docker-27');
  const world: World = {
    ...built,
    networks: built.networks.map((n) =>
      n.bridge ? { ...n, bridge: { ...n.bridge, mac: '02:42:ac:11:00:01' as MacAddress } } : n,
    ),
  };
  const ping = s.flows[0];
  if (!ping) throw new Error('no flow');
  return simulate(world, ping).world;
}

const line = (ip: string) => listing.split('\n').find((l) => l.startsWith(`${ip} `)) ?? '';

describe('ip neigh parsing', () => {
  it('reads every state, with the MAC only where iproute2 prints one', () => {
    expect(parseIpNeigh(listing)).toEqual([
      { ip: '172.17.0.9', dev: 'eth0', mac: null, state: 'INCOMPLETE' },
      { ip: '172.17.0.7', dev: 'eth0', mac: '02:42:ac:11:00:07', state: 'PERMANENT' },
      { ip: '172.17.0.4', dev: 'eth0', mac: '02:42:ac:11:00:04', state: 'PROBE' },
      { ip: '172.17.0.5', dev: 'eth0', mac: '02:42:ac:11:00:05', state: 'STALE' },
      { ip: '172.17.0.1', dev: 'eth0', mac: '02:42:ac:11:00:01', state: 'DELAY' },
    ]);
  });
});

describe('ip neigh against the engine', () => {
  const world = afterHostPing();
  const c1 = world.neigh['container:c1'] ?? [];

  it("agrees with the kernel's DELAY in c1 right after the host's ping", () => {
    expect(compareNeigh('c1', line('172.17.0.1'), c1, world, 0.5)).toEqual({ ok: true, lines: [] });
  });

  it('catches an engine that leaves the entry STALE (as it did before it modelled DELAY)', () => {
    const stale = c1.map((e): NeighEntry => ({ ...e, state: 'STALE' }));
    expect(compareNeigh('c1', line('172.17.0.1'), stale, world, 0.5).lines).toEqual([
      '      c1 172.17.0.1 dev eth0: engine STALE, kernel DELAY',
    ]);
  });

  it('names entries only one side has, and a different MAC', () => {
    const r = compareNeigh('c1', line('172.17.0.5'), c1, world, 0.5);
    expect(r.lines).toEqual([
      '      c1 engine only: 172.17.0.1 dev eth0 DELAY',
      '      c1 kernel only: 172.17.0.5 dev eth0 STALE',
    ]);
    const other = line('172.17.0.1').replace('02:42:ac:11:00:01', '02:42:ac:11:00:aa');
    expect(compareNeigh('c1', other, c1, world, 0.5).lines).toEqual([
      '      c1 172.17.0.1 dev eth0: engine lladdr 02:42:ac:11:00:01, kernel 02:42:ac:11:00:aa',
    ]);
  });

  it('lets a DELAY entry be REACHABLE too once the case has run past its probe', () => {
    const e = c1[0];
    if (!e) throw new Error('no entry');
    expect([...statesDuring(e, world, 1)]).toEqual(['DELAY']);
    expect([...statesDuring(e, world, 6)]).toEqual(['DELAY', 'REACHABLE']);
  });

  it('lets a FAILED entry the case made be INCOMPLETE: the kernel may still be asking', () => {
    const failed: NeighEntry = {
      ip: '172.17.0.9' as NeighEntry['ip'],
      mac: null,
      dev: 'eth0',
      state: 'FAILED',
      updated: world.clock,
      confirmed: world.clock - 60,
      probes: 6,
    };
    expect(compareNeigh('c1', line('172.17.0.9'), [failed], world, 0.5).ok).toBe(true);
    const old = { ...failed, updated: world.clock - 10 };
    expect(compareNeigh('c1', line('172.17.0.9'), [old], world, 0.5).ok).toBe(false);
  });
});
