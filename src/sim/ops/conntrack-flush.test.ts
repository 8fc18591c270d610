import { describe, expect, it } from 'vitest';
import { buildScenario, findScenario } from '../../scenarios';
import type { IPv4 } from '../addr';
import type { Flow } from '../trace';
import type { World } from '../types';
import { simulate } from '../walk/simulate';
import { advanceClock } from './host';
import { removeContainer, runContainer, stopContainer } from './containers';
import { connectNetwork, createNetwork, disconnectNetwork } from './networks';

const ok = <T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
};
const a = (s: string) => s as IPv4;
const host = { kind: 'host' } as const;
const c1 = { kind: 'container', name: 'c1' } as const;
const c2 = { kind: 'container', name: 'c2' } as const;

/** c1 (172.17.0.2, nginx, 8080->80) and c2 (172.17.0.3) on docker0, after the given flows. */
function after(flows: readonly Flow[]): World {
  const scenario = findScenario('host-to-container');
  if (!scenario) throw new Error('scenario missing');
  return flows.reduce((w, f) => simulate(w, f).world, buildScenario(scenario, 'docker-27'));
}

const names = (w: World, ip: string) =>
  w.conntrack.filter(
    (e) => e.orig.src === ip || e.orig.dst === ip || e.reply.src === ip || e.reply.dst === ip,
  );

describe("dockerd flushes a container's connections when its gateway endpoint leaves", () => {
  const toC1: Flow = { from: host, to: a('172.17.0.2'), kind: 'http', port: 80 };
  const published: Flow = { from: c2, to: a('192.0.2.10'), kind: 'http', port: 8080 };
  const outbound: Flow = { from: c1, to: a('198.51.100.7'), kind: 'http', port: 80 };

  it('docker stop: entries whose reply tuple names the address go, others stay', () => {
    const w = after([toC1, { from: host, to: a('172.17.0.3'), kind: 'ping', count: 1 }]);
    expect(names(w, '172.17.0.2')).toHaveLength(1);
    const stopped = ok(stopContainer(w, 'c1')).world;
    expect(names(stopped, '172.17.0.2')).toEqual([]);
    // c2's echo entry is not c1's business.
    expect(names(stopped, '172.17.0.3')).toEqual(names(w, '172.17.0.3'));
  });

  it("docker rm -f: a DNATed connection (reply from the container's address) is flushed", () => {
    const w = after([published]);
    expect(w.conntrack.some((e) => e.reply.src === '172.17.0.2')).toBe(true);
    const removed = ok(removeContainer(w, 'c1', true)).world;
    expect(removed.conntrack.some((e) => e.reply.src === '172.17.0.2')).toBe(false);
  });

  it("keeps a MASQUERADEd outbound connection: its reply tuple names the host's address", () => {
    const w = after([outbound]);
    const masq = w.conntrack.filter((e) => e.orig.src === '172.17.0.2');
    expect(masq).toHaveLength(1);
    expect(masq[0]?.reply.dst).toBe('192.0.2.10');
    expect(ok(stopContainer(w, 'c1')).world.conntrack).toEqual(w.conntrack);
  });

  it('changes nothing (same table) when no entry names the address', () => {
    const w = advanceClock(after([toC1]), 0);
    const stopped = ok(stopContainer(w, 'c2')).world;
    expect(stopped.conntrack).toBe(w.conntrack);
  });

  it('docker network disconnect of the gateway flushes it and the endpoint that takes over', () => {
    let w = ok(createNetwork(after([]), { name: 'back' })).world;
    w = ok(connectNetwork(w, 'back', 'c1')).world;
    const second = w.containers.find((c) => c.name === 'c1')?.endpoints[1]?.ip ?? '';
    w = simulate(w, toC1).world;
    w = simulate(w, { from: host, to: a(second), kind: 'http', port: 80 }).world;
    expect(names(w, '172.17.0.2')).toHaveLength(1);
    expect(names(w, second)).toHaveLength(1);
    const left = ok(disconnectNetwork(w, 'bridge', 'c1')).world;
    expect(names(left, '172.17.0.2')).toEqual([]);
    expect(names(left, second)).toEqual([]);
  });

  it('disconnecting a non-gateway endpoint leaves the table alone', () => {
    let w = ok(createNetwork(after([]), { name: 'back' })).world;
    w = ok(connectNetwork(w, 'back', 'c1')).world;
    const second = w.containers.find((c) => c.name === 'c1')?.endpoints[1]?.ip ?? '';
    w = simulate(w, { from: host, to: a(second), kind: 'http', port: 80 }).world;
    expect(ok(disconnectNetwork(w, 'back', 'c1')).world.conntrack).toBe(w.conntrack);
  });
});

describe('a removed container leaves nothing of its own in the kernel state', () => {
  /** Everything the host keeps that names the container, its veth or its address. */
  function traces(w: World, name: string, veth: string, ip: string): string[] {
    const counters = Object.values(w.ifStats).flatMap((bucket) => Object.keys(bucket));
    return [
      ...counters.filter((k) => k.startsWith(`container:${name}/`) || k === `host/${veth}`),
      ...Object.values(w.fdb).flatMap((list) =>
        list.filter((e) => e.port === veth).map((e) => e.mac),
      ),
      ...Object.keys(w.neigh).filter((node) => node === `container:${name}`),
      ...w.conntrack
        .filter((e) => e.reply.src === ip || e.reply.dst === ip)
        .map((e) => `ct ${e.id}`),
    ];
  }

  it('docker run, a request through its published port, docker rm -f', () => {
    const ports = [{ hostIp: null, hostPort: 18000, containerPort: 80, proto: 'tcp' as const }];
    const ran = ok(runContainer(after([]), { image: 'nginx', name: 'soak', detach: true, ports }));
    const ep = ran.value.endpoints[0];
    if (!ep) throw new Error('no endpoint');
    const w = simulate(ran.world, {
      from: host,
      to: a('127.0.0.1'),
      kind: 'http',
      port: 18000,
    }).world;
    // The request reached it: counters, a learned MAC, a neighbour table, a proxied connection.
    expect(traces(w, 'soak', ep.hostVeth, ep.ip).length).toBeGreaterThanOrEqual(4);
    const removed = ok(removeContainer(w, 'soak', true)).world;
    expect(traces(removed, 'soak', ep.hostVeth, ep.ip)).toEqual([]);
  });
});
