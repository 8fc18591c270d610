import { describe, expect, it } from 'vitest';
import { setHostAddress } from '../src/sim';
import { buildScenario, findScenario } from '../src/scenarios';
import { planTopology } from './topology';

const world = buildScenario(findScenario('container-to-container')!, 'docker-27');
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
      internet: 'dnl-1-internet',
    });
    for (const p of plan.namespaces) expect(p.ns.startsWith('dnl-1-')).toBe(true);
  });

  it('creates each veth pair with both ends placed in our namespaces at once', () => {
    const adds = plan.namespaces
      .flatMap((p) => p.stages.flat())
      .filter((l) => l.includes('type veth'));
    expect(adds.length).toBe(6); // host↔router, two containers, two remotes, router↔internet
    for (const l of adds)
      expect(l).toMatch(/ peer name \S+ address \S+ mtu \d+ txqueuelen \d+ netns dnl-1-\S+$/);
  });

  it("uses the world's MACs, addresses and bridge, and Docker's sysctls", () => {
    const host = plan.namespaces.find((p) => p.role === 'host')!;
    const lines = host.stages.flat();
    const c1 = world.containers.find((c) => c.name === 'c1')!.endpoints[0]!;
    expect(lines).toContain(
      `link add docker0 address ${world.networks[0]!.bridge!.mac} mtu 1500 txqueuelen 0 type bridge`,
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

  it("makes every public address the internet namespace's own (AnyIP) and routes them to it", () => {
    const inet = plan.namespaces.find((p) => p.role === 'internet')!.stages.flat();
    expect(inet).toContain('addr add 198.18.0.2/32 dev eth0');
    expect(inet).toContain('route add default via 198.18.0.1 dev eth0');
    expect(inet).toContain('route add local 8.0.0.0/7 dev lo');
    expect(inet).toContain('route add local 1.0.0.0/8 dev lo');
    // Private and documentation space is nobody's: no local route covers 10/8 or 192.168/16.
    expect(inet.some((l) => /local (10|192\.168)\./.test(l))).toBe(false);
    const router = plan.namespaces.find((p) => p.role === 'router')!.stages.flat();
    expect(router).toContain('route add 8.0.0.0/7 via 198.18.0.2 dev wan0');
    expect(router.some((l) => l.startsWith('route add 10.'))).toBe(false);
  });

  it('gives each remote a link whose router end is its gateway, on its own link', () => {
    const server = plan.namespaces.find((p) => p.role === 'r-server')!;
    const lines = server.stages.flat();
    expect(lines).toContain('addr add 198.51.100.7/32 dev eth0');
    // The gateway's /32 route comes before the default route that needs it.
    const toGw = lines.indexOf('route add 198.51.100.1/32 dev eth0');
    expect(toGw).toBeGreaterThanOrEqual(0);
    expect(lines.indexOf('route add default via 198.51.100.1 dev eth0')).toBeGreaterThan(toGw);
    const router = plan.namespaces.find((p) => p.role === 'router')!.stages.flat();
    expect(router).toContain('addr add 198.51.100.1/32 dev eth1');
    expect(router).toContain('route add 198.51.100.7/32 dev eth1');
    expect(router).toContain('addr add 203.0.113.1/32 dev eth2');
    expect(router).toContain('route add 203.0.113.5/32 dev eth2');
  });

  it('gives a none-mode container only lo', () => {
    const w = buildScenario(findScenario('none-mode')!, 'docker-27');
    const iso = planTopology(w, 'dnl-1-').namespaces.find((p) => p.role === 'c-iso')!;
    expect(iso.ifaces).toEqual(['lo']);
    expect(iso.stages.flat()).toEqual([]);
  });

  it("gives the router's eth0 the host LAN's prefix, which is the host's", () => {
    // Both ends of a link share its subnet: on a /16 LAN the router must reach the whole /16.
    const r = setHostAddress(world, '10.1.2.3/16', '10.1.0.1');
    if (!r.ok) throw new Error(r.error.message);
    const router = planTopology(r.world, 'dnl-1-').namespaces.find((p) => p.role === 'router')!;
    expect(router.stages.flat()).toContain('addr add 10.1.0.1/16 brd + dev eth0');
    const host = planTopology(r.world, 'dnl-1-').namespaces.find((p) => p.role === 'host')!;
    expect(host.stages.flat()).toContain('addr add 10.1.2.3/16 brd + dev eth0');
  });

  it("creates the host's devices in the model's ifindex order", () => {
    // The kernel numbers devices as they come; MASQUERADE on lo takes the first device's address.
    const host = plan.namespaces.find((p) => p.role === 'host')!;
    const added = host.stages.flat().filter((l) => l.startsWith('link add '));
    expect(added.map((l) => l.split(' ')[2])).toEqual(host.ifaces.slice(1));
    expect(host.ifaces.slice(0, 3)).toEqual(['lo', 'eth0', 'docker0']);
  });

  it('gives a veth its network MTU on both ends', () => {
    const w = buildScenario(findScenario('container-to-container')!, 'docker-27');
    const nets = w.networks.map((n) =>
      n.bridge ? { ...n, bridge: { ...n.bridge, mtu: 1450 } } : n,
    );
    const lines = planTopology({ ...w, networks: nets }, 'dnl-1-').namespaces.flatMap((p) =>
      p.stages.flat(),
    );
    const c1 = w.containers.find((c) => c.name === 'c1')!.endpoints[0]!;
    expect(lines).toContain(
      `link add ${c1.hostVeth} address ${c1.hostVethMac} mtu 1450 txqueuelen 0 type veth peer name eth0 address ${c1.mac} mtu 1450 txqueuelen 0 netns dnl-1-c-c1`,
    );
  });
});
