// For tests: the world of the reference host whose outputs are in src/__fixtures__ (c1 a web server
// on :80 published as 8080, c2 busybox). c1 is busybox's httpd: the recording's c1 had busybox 1.35's
// applets (ip, ping, ifconfig…), which the real nginx image does not have.
import {
  createWorld,
  runContainer,
  type Container,
  type IfStats,
  type NeighEntry,
  type World,
} from '../../sim';
import type { IPv4, MacAddress } from '../../sim/addr';

const mac = (s: string) => s as MacAddress;
const ip = (s: string) => s as IPv4;

/** An entry our own broadcast resolved at `clock` (`probes`: ucast_solicit plus the one request). */
const resolved = (addr: string, m: MacAddress | null, dev: string, clock: number): NeighEntry => ({
  ip: ip(addr),
  mac: m,
  dev,
  state: 'REACHABLE',
  updated: clock,
  confirmed: clock,
  probes: 4,
});

function must(r: ReturnType<typeof runContainer>): World {
  if (!r.ok) throw new Error(r.error.message);
  return r.world;
}

/**
 * world.ifStats is bucketed by a hash private to the walk; the same counters under every bucket
 * id make ifStatsOf find them whatever the hash.
 */
function counters(map: { [key: string]: IfStats }): World['ifStats'] {
  return Object.fromEntries(Array.from({ length: 1024 }, (_, i) => [String(i), map]));
}

const stats = (
  rxPackets: number,
  rxBytes: number,
  txPackets: number,
  txBytes: number,
): IfStats => ({
  rxPackets,
  rxBytes,
  txPackets,
  txBytes,
});

/** The captured host right after dockerd started: docker0 with the fixture's MAC, no container. */
export function referenceEmptyHost(): World {
  const w = createWorld();
  return {
    ...w,
    networks: w.networks.map((n) =>
      n.bridge ? { ...n, bridge: { ...n.bridge, mac: mac('02:42:ac:11:00:01') } } : n,
    ),
    ifStats: counters({ 'host/eth0': stats(6, 516, 5, 426) }),
  };
}

interface Fixture {
  readonly id: string;
  readonly veth: string;
  readonly vethMac: string;
}

const C1: Fixture = { id: '9f2c6b1d8e47', veth: 'veth3f1a2b7', vethMac: '6a:3e:91:0c:5f:d2' };
const C2: Fixture = { id: '5e81a3c07d92', veth: 'veth9c4d5e0', vethMac: 'b2:7c:14:a8:e3:49' };

/** The capture's web server on c1 was a stand-in answering this, as text/plain. */
export const C1_BODY = 'Hello from c1\n';

function patch(c: Container, f: Fixture): Container {
  return {
    ...c,
    listeners:
      c.name === 'c1'
        ? [{ proto: 'tcp', port: 80, http: { status: 200, body: C1_BODY } }]
        : c.listeners,
    // The fixture shows only 12 hex; the rest is padding the ids never print.
    id: f.id + c.id.slice(12),
    endpoints: c.endpoints.map((e) => ({ ...e, hostVeth: f.veth, hostVethMac: mac(f.vethMac) })),
  };
}

/** The captured host with c1 and c2 running: fixture MACs, veth names, ids and counters. */
export function referenceHost(): World {
  let w = referenceEmptyHost();
  w = must(
    runContainer(w, {
      image: 'busybox',
      command: ['httpd', '-f', '-p', '80'],
      name: 'c1',
      detach: true,
      ports: [{ hostIp: null, hostPort: 8080, containerPort: 80, proto: 'tcp' }],
    }),
  );
  w = must(
    runContainer(w, { image: 'busybox', name: 'c2', detach: true, tty: true, interactive: true }),
  );
  return {
    ...w,
    router: { ...w.router, mac: mac('52:54:00:c0:00:01') },
    containers: w.containers.map((c) => (c.name === 'c1' ? patch(c, C1) : patch(c, C2))),
    ifStats: counters({
      'host/docker0': stats(93, 6184, 111, 8808),
      'host/eth0': stats(61, 5046, 64, 5188),
      'host/lo': stats(4, 352, 4, 352),
      'host/veth3f1a2b7': stats(98, 8093, 127, 10148),
      'host/veth9c4d5e0': stats(22, 1735, 47, 3486),
      'container:c1/eth0': stats(33, 2698, 30, 2479),
    }),
    neigh: {
      // As captured: 172.17.0.9 failed (curl to nobody); the others answered ARP just before.
      host: [
        { ...resolved('172.17.0.9', null, 'docker0', w.clock), state: 'FAILED', probes: 6 },
        resolved('172.17.0.3', mac('02:42:ac:11:00:03'), 'docker0', w.clock),
        resolved('192.0.2.1', mac('52:54:00:c0:00:01'), 'eth0', w.clock),
        resolved('172.17.0.2', mac('02:42:ac:11:00:02'), 'docker0', w.clock),
      ],
    },
    fdb: {
      docker0: [
        { mac: mac('02:42:ac:11:00:02'), port: 'veth3f1a2b7', updated: w.clock },
        { mac: mac('02:42:ac:11:00:03'), port: 'veth9c4d5e0', updated: w.clock },
      ],
    },
  };
}
