import { describe, expect, it } from 'vitest';
import { createWorld } from '../world';
import { runContainer, stopContainer, removeContainer, startContainer } from './containers';
import { createNetwork, removeNetwork, connectNetwork } from './networks';
import { parsePortSpec } from '../ports';
import type { World } from '../types';

function run(w: World, name: string, extra: Partial<Parameters<typeof runContainer>[1]> = {}) {
  const r = runContainer(w, { image: 'nginx', name, detach: true, ...extra });
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

describe('docker run on the default bridge', () => {
  it('gives the first container 172.17.0.2 with MAC 02:42:ac:11:00:02 (classic) and eth0', () => {
    const r = run(createWorld(), 'c1');
    const ep = r.value.endpoints[0];
    expect(ep?.ip).toBe('172.17.0.2');
    expect(ep?.mac).toBe('02:42:ac:11:00:02');
    expect(ep?.ifName).toBe('eth0');
    expect(ep?.hostVeth).toMatch(/^veth[0-9a-f]{7}$/);
    expect(r.value.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('numbers the pair like the kernel: container end 4, host end 5 (ifindex after lo, eth0, docker0)', () => {
    const ep = run(createWorld(), 'c1').value.endpoints[0];
    expect([ep?.ifindex, ep?.hostVethIfindex]).toEqual([4, 5]);
  });

  it('reuses the lowest free address after a stop', () => {
    let w = run(createWorld(), 'c1').world;
    w = run(w, 'c2').world;
    w = (stopContainer(w, 'c1') as { world: World }).world;
    const c3 = run(w, 'c3');
    expect(c3.value.endpoints[0]?.ip).toBe('172.17.0.2');
  });

  it('uses random locally administered MACs in the current profile', () => {
    const mac = run(createWorld({ profile: 'docker-29' }), 'c1').value.endpoints[0]?.mac ?? '';
    expect(mac.startsWith('02:42:ac:11')).toBe(false);
    expect(parseInt(mac.slice(0, 2), 16) & 3).toBe(2);
  });

  it('is deterministic: the same commands give the same world', () => {
    const a = run(
      run(createWorld(), 'c1', {
        ports: [{ hostIp: null, hostPort: 8080, containerPort: 80, proto: 'tcp' }],
      }).world,
      'c2',
    );
    const b = run(
      run(createWorld(), 'c1', {
        ports: [{ hostIp: null, hostPort: 8080, containerPort: 80, proto: 'tcp' }],
      }).world,
      'c2',
    );
    expect(JSON.stringify(a.world)).toBe(JSON.stringify(b.world));
  });
});

describe('publishing ports', () => {
  const p8080 = { hostIp: null, hostPort: 8080, containerPort: 80, proto: 'tcp' as const };

  it("refuses a clashing host port with Docker's message and leaves the world unchanged", () => {
    const w = run(createWorld(), 'web', { ports: [p8080] }).world;
    const r = runContainer(w, { image: 'nginx', name: 'web2', ports: [p8080] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(
      /^driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated$/,
    );
    expect(w.containers.map((c) => c.name)).toEqual(['web']);
  });

  it('adds the 28+ prefix in the current profile', () => {
    const w = run(createWorld({ profile: 'docker-29' }), 'web', { ports: [p8080] }).world;
    const r = runContainer(w, { image: 'nginx', name: 'web2', ports: [p8080] });
    expect(
      !r.ok && r.error.message.startsWith('failed to set up container networking: driver failed'),
    ).toBe(true);
  });

  it('allows the same port on another protocol or another host address', () => {
    const w = run(createWorld(), 'a', {
      ports: [{ ...p8080, hostIp: '127.0.0.1' as never }],
    }).world;
    expect(
      runContainer(w, { image: 'nginx', name: 'b', ports: [{ ...p8080, proto: 'udp' }] }).ok,
    ).toBe(true);
    expect(runContainer(w, { image: 'nginx', name: 'c', ports: [p8080] }).ok).toBe(false);
  });

  it('hands out -P ports round robin from 32768, without reusing a freed one at once', () => {
    let w = run(createWorld(), 'a', { publishAll: true }).world;
    expect(w.containers[0]?.bindings[0]?.hostPort).toBe(32768);
    w = run(w, 'b', { publishAll: true }).world;
    expect(w.containers[1]?.bindings[0]?.hostPort).toBe(32769);
    w = (removeContainer(w, 'a', true) as { world: World }).world;
    w = run(w, 'c', { publishAll: true }).world;
    expect(w.containers.find((c) => c.name === 'c')?.bindings[0]?.hostPort).toBe(32770);
  });

  it("discards ports in host mode with Docker's warning", () => {
    const r = run(createWorld(), 'h', { network: 'host', ports: [p8080] });
    expect(r.warnings).toEqual([
      'WARNING: Published ports are discarded when using host network mode',
    ]);
    expect(r.value.bindings).toEqual([]);
    expect(r.value.endpoints).toEqual([]);
  });

  it('rejects -p with container: network mode', () => {
    const w = run(createWorld(), 'a').world;
    const r = runContainer(w, { image: 'busybox', network: 'container:a', ports: [p8080] });
    expect(!r.ok && r.error.message).toBe(
      'conflicting options: port publishing and the container type network mode',
    );
  });
});

describe('port specs', () => {
  it('parses ip:host:container/proto and ranges', () => {
    const r = parsePortSpec('127.0.0.1:8000-8001:80-81/udp');
    expect(
      r.ok && r.value.map((p) => `${p.hostIp}:${p.hostPort}->${p.containerPort}/${p.proto}`),
    ).toEqual(['127.0.0.1:8000->80/udp', '127.0.0.1:8001->81/udp']);
  });
  it.each([
    ['70000:80', 'invalid hostPort: 70000'],
    ['8080:abc', 'invalid containerPort: abc'],
    ['8080:80/icmp', 'invalid proto: icmp'],
    ['1.2.3:8080:80', 'invalid IP address: 1.2.3'],
    ['8080:', 'no port specified: 8080:<empty>'],
  ])('rejects %s with "%s"', (spec, message) => {
    const r = parsePortSpec(spec);
    expect(!r.ok && r.error).toBe(message);
  });
});

describe('user-defined networks', () => {
  it('takes the next free pool and names the bridge br-<12 hex of the id>', () => {
    const r = createNetwork(createWorld(), { name: 'mynet' });
    expect(r.ok && r.value.bridge?.subnet.address).toBe('172.18.0.0');
    expect(r.ok && r.value.bridge?.device).toBe(`br-${r.ok ? r.value.id.slice(0, 12) : ''}`);
  });

  it('rejects an overlapping subnet and a duplicate name', () => {
    const w = (createNetwork(createWorld(), { name: 'a' }) as { world: World }).world;
    expect(createNetwork(w, { name: 'a' })).toMatchObject({
      ok: false,
      error: { message: 'network with name a already exists' },
    });
    expect(createNetwork(w, { name: 'b', subnet: '172.17.5.0/24' })).toMatchObject({
      ok: false,
      error: {
        message: 'invalid pool request: Pool overlaps with other one on this address space',
      },
    });
  });

  it('refuses to remove a network with active endpoints, and the predefined ones', () => {
    let w = (createNetwork(createWorld(), { name: 'n' }) as { world: World }).world;
    w = run(w, 'c', { network: 'n' }).world;
    expect(removeNetwork(w, 'n').ok).toBe(false);
    expect(removeNetwork(w, 'bridge')).toMatchObject({
      ok: false,
      error: { message: 'bridge is a pre-defined network and cannot be removed' },
    });
  });

  it('connect adds eth1 with an address on the second network', () => {
    let w = (createNetwork(createWorld(), { name: 'n' }) as { world: World }).world;
    w = run(w, 'c').world;
    const r = connectNetwork(w, 'n', 'c');
    expect(r.ok && r.value.endpoints.map((e) => `${e.ifName} ${e.ip}`)).toEqual([
      'eth0 172.17.0.2',
      'eth1 172.18.0.2',
    ]);
  });
});

describe('container lifecycle', () => {
  it('busybox without -it exits at once; with -itd it keeps running', () => {
    const w = createWorld();
    const a = runContainer(w, { image: 'busybox', name: 'a', detach: true });
    expect(a.ok && a.value.state).toBe('exited');
    const b = runContainer(w, {
      image: 'busybox',
      name: 'b',
      detach: true,
      tty: true,
      interactive: true,
    });
    expect(b.ok && b.value.state).toBe('running');
  });

  it('rm of a running container needs -f', () => {
    const w = run(createWorld(), 'web').world;
    expect(removeContainer(w, 'web').ok).toBe(false);
    expect(removeContainer(w, 'web', true).ok).toBe(true);
  });

  it('a restarted container may get another address', () => {
    let w = run(createWorld(), 'a').world;
    w = (stopContainer(w, 'a') as { world: World }).world;
    w = run(w, 'b').world;
    const r = startContainer(w, 'a');
    expect(r.ok && r.value.endpoints[0]?.ip).toBe('172.17.0.3');
  });
});
