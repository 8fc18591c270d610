import { describe, expect, it } from 'vitest';
import { buildScenario, findScenario } from '../src/scenarios';
import { planTopology } from './topology';

const world = buildScenario(findScenario('container-to-container')!, 'classic');
const plan = planTopology(world, 'dnl-1-');

describe('planTopology', () => {
  it('puts every node in a namespace of ours', () => {
    expect(plan.nodeNs).toMatchObject({
      host: 'dnl-1-host',
      router: 'dnl-1-router',
      'container:c1': 'dnl-1-c-c1',
      'container:c2': 'dnl-1-c-c2',
      'remote:server': 'dnl-1-r-server',
      'remote:client': 'dnl-1-r-client',
    });
    for (const p of plan.namespaces) expect(p.ns.startsWith('dnl-1-')).toBe(true);
  });

  it('creates each veth pair with both ends placed in our namespaces at once', () => {
    const adds = plan.namespaces
      .flatMap((p) => p.stages.flat())
      .filter((l) => l.includes('type veth'));
    expect(adds.length).toBe(5); // host↔router, two containers, two remotes
    for (const l of adds) expect(l).toMatch(/ peer name \S+ address \S+ netns dnl-1-\S+$/);
  });

  it("uses the world's MACs, addresses and bridge, and Docker's sysctls", () => {
    const host = plan.namespaces.find((p) => p.role === 'host')!;
    const lines = host.stages.flat();
    const c1 = world.containers.find((c) => c.name === 'c1')!.endpoints[0]!;
    expect(lines).toContain(
      `link add docker0 address ${world.networks[0]!.bridge!.mac} mtu 1500 type bridge`,
    );
    expect(lines).toContain('addr add 172.17.0.1/16 brd + dev docker0');
    expect(lines).toContain(`link set ${c1.hostVeth} master docker0`);
    expect(host.sysctls['net.ipv4.ip_forward']).toBe(1);
    expect(host.ifaces).toEqual(['lo', 'eth0', 'docker0', c1.hostVeth, expect.any(String)]);
    const c1ns = plan.namespaces.find((p) => p.role === 'c-c1')!;
    expect(c1ns.stages.flat()).toEqual([
      'addr add 172.17.0.2/16 brd + dev eth0',
      'link set eth0 up',
      'route add default via 172.17.0.1 dev eth0',
    ]);
  });

  it('gives each remote a point-to-point link whose router end is its gateway, on its own link', () => {
    const server = plan.namespaces.find((p) => p.role === 'r-server')!;
    expect(server.stages.flat()).toContain('addr add 198.51.100.7 peer 198.51.100.1 dev eth0');
    expect(server.stages.flat()).toContain('route add default via 198.51.100.1 dev eth0');
    const router = plan.namespaces.find((p) => p.role === 'router')!;
    expect(router.stages.flat()).toContain('addr add 198.51.100.1 peer 198.51.100.7 dev eth1');
    expect(router.stages.flat()).toContain('addr add 203.0.113.1 peer 203.0.113.5 dev eth2');
  });

  it('gives a none-mode container only lo', () => {
    const w = buildScenario(findScenario('none-mode')!, 'classic');
    const iso = planTopology(w, 'dnl-1-').namespaces.find((p) => p.role === 'c-iso')!;
    expect(iso.ifaces).toEqual(['lo']);
    expect(iso.stages.flat()).toEqual([]);
  });
});
