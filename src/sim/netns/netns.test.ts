import { describe, expect, it } from 'vitest';
import { buildScenario, findScenario } from '../../scenarios';
import { referenceHost } from '../../terminal/testing/reference-host';
import { nodeId } from '../node';
import { createNetwork, runContainer, setHostAddress } from '../index';
import type { World } from '../types';
import { lookupRoute } from './lookup';
import { namespaceOf, namespacesOf } from './build';

function must<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
}

// The reference host of src/__fixtures__ (its README's table): what `ip link` printed there.
describe('namespacesOf on the reference host', () => {
  const ns = namespacesOf(referenceHost());
  const host = ns.get('host')!;

  it('lists the host devices in ifindex order with their kinds, masters and peers', () => {
    expect([...host.devices.values()].map((d) => [d.ifindex, d.name, d.kind, d.master])).toEqual([
      [1, 'lo', 'loopback', null],
      [2, 'eth0', 'ether', null],
      [3, 'docker0', 'bridge', null],
      [5, 'veth3f1a2b7', 'veth', 'docker0'],
      [7, 'veth9c4d5e0', 'veth', 'docker0'],
    ]);
    expect(host.devices.get('veth3f1a2b7')?.peer).toEqual({
      ns: nodeId.container('c1'),
      name: 'eth0',
      ifindex: 4,
      netnsid: 0,
    });
    // The second container's namespace is the second the host's veths reach: link-netnsid 1.
    expect(host.devices.get('veth9c4d5e0')?.peer?.netnsid).toBe(1);
    expect(ns.get(nodeId.container('c2'))?.devices.get('eth0')?.peer).toEqual({
      ns: 'host',
      name: 'veth9c4d5e0',
      ifindex: 7,
      netnsid: 0,
    });
  });

  it('gives the bridge its ports in the namespace that holds it', () => {
    expect(host.bridges.get('docker0')).toEqual(['veth3f1a2b7', 'veth9c4d5e0']);
    expect(ns.get('router')?.bridges.size).toBe(0);
  });

  it('lists the main table as the kernel dumps it', () => {
    expect(host.routes.map((r) => `${r.dst.address}/${r.dst.prefix} ${r.via ?? r.proto}`)).toEqual([
      '0.0.0.0/0 192.0.2.1',
      '172.17.0.0/16 kernel',
      '192.0.2.0/24 kernel',
    ]);
  });
});

describe('namespacesOf', () => {
  it('leaves a bridge with no port without carrier: no link-local, its route linkdown', () => {
    const w = must(
      createNetwork(buildScenario(findScenario('none-mode')!, 'docker-27'), { name: 'n1' }),
    ).world as World;
    const host = namespacesOf(w).get('host')!;
    const br = [...host.devices.values()].find((d) => d.kind === 'bridge' && d.name !== 'docker0')!;
    expect(br.lowerUp).toBe(false);
    expect(br.addrs6).toEqual([]);
    expect(host.routes.find((r) => r.dev === br.name)?.linkdown).toBe(true);
  });

  it("puts the router on the host's LAN with the LAN's prefix", () => {
    const w = must(
      setHostAddress(
        buildScenario(findScenario('none-mode')!, 'docker-27'),
        '10.1.2.3/16',
        '10.1.0.1',
      ),
    ).world as World;
    const router = namespacesOf(w).get('router')!;
    expect(router.devices.get('eth0')?.addrs).toEqual([{ ip: '10.1.0.1', prefix: 16 }]);
    expect(lookupRoute(router, '10.1.200.7' as never)?.dev).toBe('eth0');
  });

  it('follows --network container: to the namespace that owns it, however many steps', () => {
    let w = buildScenario(findScenario('none-mode')!, 'docker-27');
    w = must(runContainer(w, { image: 'busybox', name: 'a', detach: true, tty: true }))
      .world as World;
    const a = w.containers.find((c) => c.name === 'a')!;
    w = must(
      runContainer(w, {
        image: 'busybox',
        name: 'b',
        detach: true,
        tty: true,
        network: `container:${a.id}`,
      }),
    ).world as World;
    const b = w.containers.find((c) => c.name === 'b')!;
    w = must(
      runContainer(w, {
        image: 'busybox',
        name: 'c',
        detach: true,
        tty: true,
        network: `container:${b.id}`,
      }),
    ).world as World;
    const c = w.containers.find((x) => x.name === 'c')!;
    expect(namespaceOf(w, c)).toBe(nodeId.container('a'));
    expect(namespacesOf(w).has(nodeId.container('c'))).toBe(false);
  });

  it('is built once per world part it depends on', () => {
    const w = referenceHost();
    expect(namespacesOf({ ...w, clock: w.clock + 5 })).toBe(namespacesOf(w));
    expect(namespacesOf({ ...w, host: { ...w.host } })).not.toBe(namespacesOf(w));
  });
});
